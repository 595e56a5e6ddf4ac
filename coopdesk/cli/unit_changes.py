"""`coopdesk units changes`: boundary changes (merges, renames) held here, their preview, and
applying one; a province records one with --merge/--rename (it travels down in bundles).

    coopdesk units changes                       # each change and what applying it does
    coopdesk units changes --apply ID            # apply it here
    coopdesk units changes --merge 3391,3394 --into 3391 --name "Xã Bản Bo" \\
        --decision "Nghị quyết số 12/NQ-UBTVQH16" --effective 2027-01-01
    coopdesk units changes --split 3388 --part "3388=Phường Đoàn Kết:Nà Ún,Tổ 3" \\
        --part "3392=Xã Nậm Loỏng:Co Sản" --default 3388 --plan     # what addresses divide
    … same without --plan, with --choices FILE.json ({record id: code}) or --rest-default
"""

from __future__ import annotations

import argparse
from typing import Any

from coopdesk import paths
from coopdesk.cli import CliError, print_json
from coopdesk.cli.unit_splits import effective_date
from coopdesk.i18n import _


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--apply", metavar="ID", help="changes: apply this change here")
    p.add_argument("--merge", metavar="CODES", help="changes: record a merge of these communes")
    p.add_argument("--rename", metavar="CODE", help="changes: record a rename of this commune")
    p.add_argument("--into", metavar="CODE", help="changes: the code after a merge")
    p.add_argument("--name", help="changes: the name after the change")
    p.add_argument("--decision", default="", help="changes: the decision's number and date")
    p.add_argument("--effective", help="changes: effective date, YYYY-MM-DD")
    p.add_argument("--split", metavar="CODE", help="changes: record a split of this commune")
    p.add_argument(
        "--part",
        action="append",
        default=[],
        metavar="CODE=NAME:VILLAGE,…",
        help="changes: a unit after the split, with the villages addresses name",
    )
    p.add_argument("--default", metavar="CODE", help="changes: the part for what is not chosen")
    p.add_argument("--plan", action="store_true", help="changes: show how a split divides")
    p.add_argument("--choices", metavar="FILE", help="changes: JSON {record id: part code}")
    p.add_argument(
        "--rest-default", action="store_true", help="changes: what is not chosen goes to --default"
    )


def _in_transaction(args: argparse.Namespace, fn: Any, *fn_args: Any) -> Any:
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.services import settings, unit_changes

    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            inst = settings.get_installation(session)
            if inst is None:
                raise CliError(_("Set CoopDesk up first: coopdesk init."))
            return fn(session, inst, *fn_args)
    except (unit_changes.UnitChangeError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()


def _record(session: Any, inst: Any, args: argparse.Namespace) -> str:
    from coopdesk.services import unit_changes

    if not args.name or not args.effective:
        raise CliError(_("Give --name and --effective (YYYY-MM-DD) for the change."))
    sources = (args.merge or args.rename or "").split(",")
    return str(
        unit_changes.record(
            session,
            sender=inst.unit_code,
            sources=[s.strip() for s in sources if s.strip()],
            target_code=args.into or args.rename,
            target_name=args.name,
            decision=args.decision,
            effective_on=effective_date(args.effective),
            actor=inst.officer,
        )
    )


def _listing(session: Any, _inst: Any) -> list[dict[str, Any]]:
    from coopdesk.services import unit_changes

    return [
        {"id": c.id, "applied": c.applied, "preview": unit_changes.preview(session, c.id)}
        for c in unit_changes.listed(session)
    ]


def run(args: argparse.Namespace) -> int:
    from coopdesk.services import unit_changes

    if args.split:
        from coopdesk.cli import unit_splits

        return unit_splits.run(args, _in_transaction)
    if args.merge or args.rename:
        change_id = _in_transaction(args, _record, args)
        print(
            _("Change recorded ({id}); it travels down in the next bundles.").format(id=change_id)
        )
        return 0
    if args.apply:
        change = _in_transaction(
            args, lambda s, inst: unit_changes.apply(s, args.apply, inst.officer)
        )
        print(_("Applied: {change}").format(change=change.target_name))
        return 0
    found = _in_transaction(args, _listing)
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(_("No change of administrative units is held here."))
    for item in found:
        mark = _("applied") if item["applied"] else _("not applied")
        print(f"{item['id']}\t{mark}")
        for line in item["preview"]:
            print(f"  {line}")
    return 0
