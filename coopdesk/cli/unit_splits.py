"""`coopdesk units changes --split`: a province plans and records the split of a commune
(services.unit_splits). `--plan` shows which part each record's address names and what no
address divides; recording needs a part for each of those (`--choices`) or `--rest-default`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from coopdesk.cli import CliError, print_json
from coopdesk.i18n import _

MAX_CHOICES_FILE = 16 * 1024 * 1024


def _parts(texts: list[str]) -> list[Any]:
    from coopdesk.domain.unit_changes import Part
    from coopdesk.services import units

    parts = []
    for text in texts:
        code, sep, rest = text.partition("=")
        name, _colon, villages = rest.partition(":")
        if not sep or not name.strip():
            raise CliError(
                _('Write each --part as CODE=NAME:VILLAGE,VILLAGE (not "{text}").').format(
                    text=text
                )
            )
        found = tuple(v.strip() for v in villages.split(",") if v.strip())
        parts.append(Part(units.normalize_code(code.strip()), " ".join(name.split()), found))
    return parts


def _choices(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    file = Path(path)
    if not file.is_file() or file.stat().st_size > MAX_CHOICES_FILE:
        raise CliError(_("{file} is not a readable choices file.").format(file=path))
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CliError(_("{file} is not a readable choices file.").format(file=path)) from exc
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise CliError(_('{file} must hold {{"record id": "part code", …}}.').format(file=path))
    return {str(k): v for k, v in raw.items()}


def effective_date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError as exc:
        raise CliError(
            _('--effective takes a date as YYYY-MM-DD, e.g. 2027-01-01 (not "{text}").').format(
                text=text
            )
        ) from exc


def _plan(session: Any, _inst: Any, args: argparse.Namespace) -> list[dict[str, Any]]:
    from coopdesk.services import unit_splits

    plan = unit_splits.plan_split(session, args.split, _parts(args.part))
    return [
        {"table": p.table, "id": p.record_id, "label": p.label, "part": p.part}
        for p in plan.proposals
    ]


def _record(session: Any, inst: Any, args: argparse.Namespace) -> str:
    from coopdesk.services import unit_splits

    parts, choices = _parts(args.part), _choices(args.choices)
    if not args.default or not args.effective:
        raise CliError(_("Give --default and --effective (YYYY-MM-DD) for the split."))
    plan = unit_splits.plan_split(session, args.split, parts)
    open_ones = [p for p in plan.undecided if p.record_id not in choices]
    if open_ones and not args.rest_default:
        raise CliError(
            _(
                "{count} records are not divided by an address (see --plan): give their part in "
                "--choices FILE, or add --rest-default to count them under the default unit."
            ).format(count=len(open_ones))
        )
    return unit_splits.record_split(
        session,
        sender=inst.unit_code,
        source=args.split,
        parts=parts,
        default=args.default.zfill(5),
        choices=choices,
        decision=args.decision,
        effective_on=effective_date(args.effective),
        actor=inst.officer,
    )


def run(args: argparse.Namespace, in_transaction: Any) -> int:
    if args.plan:
        rows = in_transaction(args, _plan, args)
        if args.json:
            print_json(rows)
            return 0
        to_choose = _("to choose")
        for row in rows:
            print(f"{row['id']}\t{row['part'] or to_choose}\t{row['label']}")
        return 0
    change_id = in_transaction(args, _record, args)
    print(_("Change recorded ({id}); it travels down in the next bundles.").format(id=change_id))
    return 0
