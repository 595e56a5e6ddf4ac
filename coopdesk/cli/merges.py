"""Merging two records of one person or one cooperative, and undoing it.

coopdesk merge person|cooperative KEEP OTHER [--take FIELD ...] [--preview] [--json]
coopdesk unmerge person|cooperative OTHER

KEEP is the record kept, OTHER the one merged into it (then marked merged, its history kept);
--take gives a field the other record's value (e.g. --take phone). --preview prints what would
move and writes nothing. `unmerge` gives back OTHER and what moved, as before the merge.
Through `services.duplicates.merge` (validation, versions, the audit log), like the window.
"""

from __future__ import annotations

import argparse
from typing import Any

from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.cli.records import _session
from coopdesk.domain.merges import HOW_WORDS
from coopdesk.i18n import _

KINDS = {"person": "people", "cooperative": "cooperatives"}


def _options(parser: argparse.ArgumentParser) -> None:
    add_data_dir(parser)
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    parser.add_argument(
        "--lang", choices=["vi", "en"], default=argparse.SUPPRESS, help="language of messages"
    )
    parser.add_argument("kind", choices=list(KINDS), help="person or cooperative")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "merge",
        help="merge two records of the same person or cooperative",
        description="Merge OTHER into KEEP: its roles, trainings, support, consents and "
        "details (a cooperative's board, yearly figures and activities) move to KEEP, and "
        "OTHER is marked merged (its history kept). --preview writes nothing.",
    )
    _options(p)
    p.add_argument("keep", help="the id of the record kept")
    p.add_argument("other", help="the id of the record merged into it")
    p.add_argument(
        "--take", action="append", default=[], metavar="FIELD", help="take OTHER's value"
    )
    p.add_argument("--preview", action="store_true", help="show what would move, write nothing")
    p.add_argument("--json", action="store_true", help="print the preview as JSON")
    p.set_defaults(func=_merge)

    p = subparsers.add_parser(
        "unmerge",
        help="undo a merge",
        description="Give back OTHER, merged earlier, and what moved from it, as before.",
    )
    _options(p)
    p.add_argument("other", help="the id of the record that was merged")
    p.set_defaults(func=_unmerge)


def _preview_json(shown: Any) -> dict[str, Any]:
    return {
        "kept": {"id": shown.kept_id, "label": shown.kept_label},
        "other": {"id": shown.other_id, "label": shown.other_label},
        "fields": [{"field": d.field, "kept": d.kept, "other": d.other} for d in shown.fields],
        "moves": [
            {"table": s.table, "id": s.id, "how": s.how, "label": s.label} for s in shown.steps
        ],
    }


def _print_preview(shown: Any, take: list[str]) -> None:
    print(_("Kept: {label}").format(label=shown.kept_label))
    print(_("Merged into it: {label}").format(label=shown.other_label))
    if shown.fields:
        print(_("Fields that differ (the kept record's value stays unless --take FIELD):"))
        for d in shown.fields:
            mark = " ←" if d.field in take else ""
            print(f"  {d.field}: {d.kept!r} | {d.other!r}{mark}")
    if not shown.steps:
        print(_("Nothing else names the merged record."))
    for step in shown.steps:
        print(f"  {step.label} — {_(HOW_WORDS[step.how])}")


def _merge(args: argparse.Namespace) -> int:
    from coopdesk.domain.validation import ValidationFailed
    from coopdesk.services import records
    from coopdesk.services.duplicates import merge as merges

    kind = KINDS[args.kind]
    try:
        with _session(args) as (session, actor):
            shown = merges.preview(session, kind, args.keep, args.other)
            if not args.preview:
                merges.merge(session, kind, args.keep, args.other, actor, args.take)
    except (records.RecordError, ValidationFailed) as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(_preview_json(shown))
    else:
        _print_preview(shown, args.take)
    if args.preview:
        print(_("Nothing was changed (--preview)."))
    else:
        print(_("Merged; “coopdesk unmerge {kind} {id}” undoes it.").format(
            kind=args.kind, id=args.other
        ))  # fmt: skip
    return 0


def _unmerge(args: argparse.Namespace) -> int:
    from coopdesk.domain.validation import ValidationFailed
    from coopdesk.services import records
    from coopdesk.services.duplicates import merge as merges

    kind = KINDS[args.kind]
    try:
        with _session(args) as (session, actor):
            merge = merges.merged_into(session, kind, args.other)
            if merge is None:
                raise CliError(_("{id} is not merged into another record.").format(id=args.other))
            merges.unmerge(session, merge.id, actor)
    except (records.RecordError, ValidationFailed) as exc:
        raise CliError(str(exc)) from exc
    print(_("The merge was undone: {label} is back.").format(label=merge.merged_label))
    return 0
