"""`coopdesk indicators --unit CODE --period PERIOD [--json]`: every indicator with its target."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.domain import indicators as reg
from coopdesk.domain.priority_women import GROUPS
from coopdesk.i18n import _, format_number

if TYPE_CHECKING:
    from coopdesk.services.priority_women import PriorityWomen


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "indicators", help="print every indicator of a unit for a period, with targets"
    )
    add_data_dir(p, json_output=True)
    p.add_argument(
        "--unit",
        help="unit code (3408 = a commune, 12 = a province; default: this installation's unit)",
    )
    p.add_argument(
        "--period",
        help="2026, 2026r (reporting year), phase1, phase2, all, or 2026-01-01..2026-06-30 "
        "(default: the current reporting year, or the one just closed in its first weeks)",
    )
    p.add_argument("--today", help=argparse.SUPPRESS)  # for tests: the date "now"
    p.set_defaults(func=run)


def status_label(status: reg.Status) -> str:
    return _(reg.STATUS_LABELS[status])


def run(args: argparse.Namespace) -> int:
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.domain.periods import Period, default_period
    from coopdesk.services import indicators as svc
    from coopdesk.services import settings, units
    from coopdesk.services.priority_women import priority_women

    data_dir = paths.resolve_data_dir(args.data_dir)
    engine = open_database(data_dir, create=False)
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    try:
        with session_scope(engine) as session:
            installation = settings.get_installation(session)
            if args.unit:
                try:
                    unit_code: str | None = units.resolve_code(session, args.unit)
                except (units.UnknownUnit, ValueError) as exc:
                    raise CliError(str(exc)) from None
            elif installation is not None:
                unit_code = installation.unit_code
            else:
                raise CliError(_("Name the unit with --unit (for example --unit 3408)."))
            cutoff = None
            if unit_code is not None:
                cutoff = settings.get_document_settings(session, unit_code).reporting_cutoff
            try:
                if args.period:
                    period = Period.parse(args.period, cutoff)
                else:
                    period = default_period(today, cutoff)
            except ValueError as exc:
                raise CliError(str(exc)) from None
            try:
                result = svc.compute(session, unit_code, period, today=today, children=False)
            except svc.UnknownUnit as exc:
                raise CliError(str(exc)) from None
            held = installation.unit_code if installation else (unit_code or "")
            priority = priority_women(session, unit_code, held)
    finally:
        engine.dispose()
    if args.json:
        print_json({**as_json(result), "priority_women": priority_json(priority)})
    else:
        print(as_text(result))
        print()
        print(priority_text(priority))
    return 0


def priority_json(priority: PriorityWomen) -> dict[str, Any]:
    return {
        "by_group": priority.by_group,
        "counted_here": priority.counted_here,
        "units_reporting": priority.units_reporting,
    }


def priority_text(priority: PriorityWomen) -> str:
    """Women of the priority groups (today, not for the period): counted here from the
    details this computer holds, and as the units below last sent them."""
    title = _("Women of the priority groups (now)")
    lines = [title, "-" * len(title)]
    width = max(len(_(label)) for label in GROUPS.values())
    for group, label in GROUPS.items():
        lines.append(f"{_(label):<{width}}  {format_number(priority.by_group[group]):>9}")
    if priority.units_reporting:
        lines.append(
            _("Including the counts sent by {n} units below.").format(n=priority.units_reporting)
        )
    if not priority.counted_here:
        lines.append(_("This computer's own details were not counted now (log in to count them)."))
    return "\n".join(lines)


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else round(float(value), 4)


def as_json(result: Any) -> dict[str, Any]:
    rows = []
    for ind in reg.INDICATORS:
        value = result.values[ind.code]
        target = result.targets.get(ind.code)
        rows.append(
            {
                "code": ind.code,
                "name": ind.name(),
                "unit": ind.unit,
                "value": _num(value.value),
                "numerator": _num(value.numerator),
                "denominator": _num(value.denominator),
                "breakdown": {k: _num(v) for k, v in sorted(value.breakdown.items())},
                "target": _num(target.value) if target else None,
                "comparison": target.comparison if target else None,
                "status": result.status(ind.code).value,
            }
        )
    return {
        "unit": result.scope.unit_code,
        "unit_name": result.scope.name,
        "period": result.period.key,
        "period_label": result.period.label(),
        "start": result.period.start.isoformat(),
        "end": result.period.end.isoformat(),
        "elapsed": round(result.elapsed, 4),
        "indicators": rows,
    }


def as_text(result: Any) -> str:
    header = f"{result.scope.name} — {result.period.label()}"
    lines = [header, "=" * len(header)]
    table = [(_("Indicator name"), _("Value"), _("Target"), _("Status"))]
    for ind in reg.INDICATORS:
        value = result.values[ind.code]
        target = result.targets.get(ind.code)
        target_text = ""
        if target is not None:
            target_text = (
                f"{reg.comparison_text(target.comparison)} "
                f"{reg.format_value(ind, target.value, with_unit=False)}"
            )
        shown = reg.format_value(ind, value.value)
        table.append((ind.name(), shown, target_text, status_label(result.status(ind.code))))
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for n, row in enumerate(table):
        lines.append(
            f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip()
        )
        if n == 0:
            lines.append("-" * (sum(widths) + 6 + max(len(r[3]) for r in table)))
    return "\n".join(lines)
