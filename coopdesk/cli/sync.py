"""Bundle commands: export-bundle, import-bundle, imports, undo-import, sync-status.

coopdesk export-bundle --data-dir DIR --to 12 --out FILE_OR_FOLDER [--full] [--password-file F]
coopdesk import-bundle --data-dir DIR FILE [--preview] [--json] [--password-file F]
coopdesk imports --data-dir DIR [--json]          the bundles received, with their import ids
coopdesk undo-import --data-dir DIR ID [--json]   undo a whole import (the latest one)
coopdesk sync-status --data-dir DIR [--json]
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import Any

from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.cli.session import run as _run
from coopdesk.cli.trust import add_password_file, unlock_keys
from coopdesk.i18n import _, format_number


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export-bundle",
        help="write a bundle of data for another unit",
        description="Write the data a unit has not yet acknowledged (or, with --full, all the "
        "data it may receive) to a .coopdesk bundle file.",
    )
    add_data_dir(p, json_output=True)
    p.add_argument("--to", required=True, help="the recipient unit code, e.g. 12 or 3408")
    p.add_argument("--out", required=True, help="the bundle file, or a folder to put it in")
    p.add_argument("--full", action="store_true", help="send everything, not only what is new")
    add_password_file(p)
    p.set_defaults(func=_export)

    p = subparsers.add_parser(
        "import-bundle",
        help="check and merge a bundle received from another unit",
        description="Check a .coopdesk bundle and merge it in one transaction (all or nothing). "
        "With --preview, only show what would change.",
    )
    add_data_dir(p, json_output=True)
    p.add_argument("file", help="the .coopdesk bundle file")
    p.add_argument("--preview", action="store_true", help="show what would change; write nothing")
    add_password_file(p)
    p.set_defaults(func=_import)

    p = subparsers.add_parser(
        "imports",
        help="the bundles received, newest first, with the id to undo an import",
        description="List the bundles imported here, newest first: import id, sender, bundle "
        "number, when, what changed, and whether the import can still be undone.",
    )
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_imports)

    p = subparsers.add_parser(
        "undo-import",
        help="undo a whole import of a bundle",
        description="Undo every change an import made (see `coopdesk imports` for its id). "
        "Only the latest import can be undone, and only while nothing was changed here since.",
    )
    add_data_dir(p, json_output=True)
    p.add_argument("id", type=int, help="the import id shown by `coopdesk imports`")
    p.set_defaults(func=_undo)

    p = subparsers.add_parser(
        "sync-status",
        help="bundles sent and received, missing numbers, who has not reported",
        description="Show the bundles sent and received, missing bundle numbers per sender and, "
        "for an aggregating installation, which units have not reported this period.",
    )
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_status)


def _export(args: argparse.Namespace) -> int:
    from coopdesk.services import sync

    unlock_keys(args)
    export = partial(sync.export_bundle, to=args.to, out=Path(args.out), full=args.full)
    outcome = _run(args, export)
    if args.json:
        print_json(
            {
                "file": str(outcome.path),
                "seq": outcome.seq,
                "records": outcome.records,
                "size": outcome.size,
                "bundle_id": outcome.bundle_id,
                "recipient": outcome.recipient_name,
            }
        )
    else:
        print(
            _(
                "Bundle {seq} for {unit}: {records} records, {size} bytes, written to {file}."
            ).format(
                seq=outcome.seq,
                unit=outcome.recipient_name,
                records=format_number(outcome.records),
                size=format_number(outcome.size),
                file=outcome.path,
            )
        )
    return 0


def _import(args: argparse.Namespace) -> int:
    from coopdesk.services import sync

    unlock_keys(args)
    try:
        report = _run(args, _preview_or_import, args)
    except sync.ImportRefused as exc:
        report = exc.report  # its transaction was rolled back: nothing was written
    if args.json:
        print_json(report.to_json())
        return 2 if report.refused else 0
    if report.refused:
        raise CliError(report.message)
    if report.already_imported:
        print(report.message)
        return 0
    head = (
        _("Preview of bundle {seq} from {unit} (nothing was written):")
        if args.preview
        else _("Bundle {seq} from {unit} imported (import {id}):")
    )
    print(head.format(seq=report.seq, unit=report.sender_name, id=report.import_id))
    if report.message:  # a preview of a sender not confirmed yet: how to confirm it
        print(report.message)
    print(report.summary())
    for item in report.items:
        if item.outcome == "unchanged":
            continue
        print(f"  [{_outcome_label(item.outcome)}] {item.to_json()['kind']}: {item.label}")
    return 0


def _preview_or_import(session: Any, args: argparse.Namespace) -> Any:
    from coopdesk.services import sync

    if args.preview:
        return sync.preview_import(session, Path(args.file))
    return sync.import_bundle(session, Path(args.file))


def _imports(args: argparse.Namespace) -> int:
    from coopdesk.services import sync

    history = _run(args, sync.import_history)
    if args.json:
        print_json([_import_json(rec) for rec in history])
        return 0
    if not history:
        print(_("No bundle has been imported here yet."))
    for rec in history:
        counts = rec.counts
        line = _(
            "Import {id}: bundle {seq} from {unit}, imported {date}: {new} new, "
            "{updated} updated, {conflicts} in conflict."
        ).format(
            id=rec.id,
            seq=rec.seq,
            unit=rec.sender_name,
            date=rec.imported_at.strftime("%d/%m/%Y %H:%M"),
            new=counts.get("new", 0),
            updated=counts.get("updated", 0),
            conflicts=counts.get("conflicts", 0),
        )
        if rec.undone:
            line += " " + _("Undone.")
        elif rec.undo_blocker is None:
            line += " " + _("Can be undone.")
        print(line)
    return 0


def _import_json(rec: Any) -> dict[str, Any]:
    return {
        "id": rec.id,
        "bundle_id": rec.bundle_id,
        "sender_unit": rec.sender_unit,
        "sender_name": rec.sender_name,
        "seq": rec.seq,
        "created_at": rec.created_at.isoformat() if rec.created_at else None,
        "imported_at": rec.imported_at.isoformat(),
        "file": rec.file_name,
        "counts": rec.counts,
        "undone": rec.undone,
        "can_undo": rec.undo_blocker is None,
        "why_not": rec.undo_blocker,
    }


def _undo(args: argparse.Namespace) -> int:
    from coopdesk.services import sync

    _run(args, sync.undo_import, args.id)
    if args.json:
        print_json({"id": args.id, "undone": True})
    else:
        print(_("Import {id} was undone: every change it made was removed.").format(id=args.id))
    return 0


def _outcome_label(outcome: str) -> str:
    labels = {
        "new": _("new"),
        "updated": _("updated"),
        "conflicts": _("conflict"),
        "waiting": _("waiting"),
        "unchanged": _("unchanged"),
    }
    return labels.get(outcome, outcome)


def _status(args: argparse.Namespace) -> int:
    from coopdesk.services import sync

    status = _run(args, sync.sync_status)
    if args.json:
        print_json(status.to_json())
        return 0
    print(
        _("{conflicts} records in conflict, {waiting} records waiting for their parent.").format(
            conflicts=status.conflicts, waiting=status.waiting
        )
    )
    for sent in status.sent:
        print(
            _("Sent to {unit}: last bundle {seq} on {date}.").format(
                unit=sent["name"], seq=sent["last_seq"], date=(sent["last_created"] or "")[:10]
            )
        )
    for unit in status.units:
        last = unit.last
        if last is None:
            line = _("{unit}: no bundle received yet.").format(unit=unit.name)
        else:
            line = _("{unit}: last bundle {seq}, made {made}, received {received}.").format(
                unit=unit.name,
                seq=last.last_seq,
                made=last.last_created.strftime("%d/%m/%Y") if last.last_created else "?",
                received=last.last_imported.strftime("%d/%m/%Y"),
            )
        if unit.late:
            line += " " + _("Has not reported for this period (deadline {date}).").format(
                date=status.deadline.strftime("%d/%m/%Y")
            )
        print(line)
        for seq in unit.missing:
            print(
                "  " + _("Bundle {seq} from {unit} never arrived.").format(seq=seq, unit=unit.name)
            )
    return 0
