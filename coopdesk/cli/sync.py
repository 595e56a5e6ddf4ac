"""Bundle commands: export-bundle, import-bundle, sync-status.

coopdesk export-bundle --data-dir DIR --to 12 --out FILE_OR_FOLDER [--full]
coopdesk import-bundle --data-dir DIR FILE [--preview] [--json]
coopdesk sync-status --data-dir DIR [--json]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
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
    p.set_defaults(func=_import)

    p = subparsers.add_parser(
        "sync-status",
        help="bundles sent and received, missing numbers, who has not reported",
        description="Show the bundles sent and received, missing bundle numbers per sender and, "
        "for an aggregating installation, which units have not reported this period.",
    )
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_status)


def _engine(args: argparse.Namespace) -> Any:
    from coopdesk.db.engine import open_database

    return open_database(paths.resolve_data_dir(args.data_dir), create=False)


def _export(args: argparse.Namespace) -> int:
    from coopdesk.db.engine import session_scope
    from coopdesk.services import sync

    engine = _engine(args)
    try:
        with session_scope(engine) as session:
            outcome = sync.export_bundle(session, to=args.to, out=Path(args.out), full=args.full)
    except sync.SyncError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()
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
    from coopdesk.db.engine import session_scope
    from coopdesk.services import sync

    engine = _engine(args)
    try:
        with session_scope(engine) as session:
            if args.preview:
                report = sync.preview_import(session, Path(args.file))
            else:
                report = sync.import_bundle(session, Path(args.file))
            if report.refused or args.preview:
                session.rollback()  # a preview writes nothing, not even first-use ids
    except sync.SyncError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()
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
        else _("Bundle {seq} from {unit} imported:")
    )
    print(head.format(seq=report.seq, unit=report.sender_name))
    print(report.summary())
    for item in report.items:
        if item.outcome == "unchanged":
            continue
        print(f"  [{_outcome_label(item.outcome)}] {item.to_json()['kind']}: {item.label}")
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
    from coopdesk.db.engine import session_scope
    from coopdesk.services import sync

    engine = _engine(args)
    try:
        with session_scope(engine) as session:
            status = sync.sync_status(session)
    except sync.SyncError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()
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
