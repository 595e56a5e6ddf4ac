"""`coopdesk reporting [--year Y] [--json] [--out FILE.pdf] [--xlsx FILE.xlsx]`: who has sent
this year's report to this province (or to the country), the missing ones first."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "reporting", help="who has sent the year's report, the missing ones first"
    )
    add_data_dir(p, json_output=True)
    p.add_argument("--unit", help="the province or VN (default: this installation's unit)")
    p.add_argument("--year", type=int, help="the report's year (default: this year)")
    p.add_argument("--out", help="write the list as a PDF to this file")
    p.add_argument("--xlsx", help="write the list as an Excel file to this file")
    p.add_argument("--today", help=argparse.SUPPRESS)  # for tests: the date "now"
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.i18n import current_language
    from coopdesk.services import reporting, settings, units

    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    year = args.year or today.year
    with session_scope(engine) as session:
        installation = settings.get_installation(session)
        try:
            unit = units.resolve_code(session, args.unit) if args.unit else None
        except (units.UnknownUnit, ValueError) as exc:
            raise CliError(str(exc)) from None
        unit = unit or (installation.unit_code if installation else None)
        if unit is None:
            raise CliError(_("Name the unit with --unit (for example --unit 12)."))
        try:
            overview = reporting.who_has_reported(session, unit, year)
            for out in (args.out, args.xlsx):
                if out:
                    lang = current_language()
                    reporting.save_list(session, unit, year, today, lang, Path(out))
        except reporting.ReportingError as exc:
            raise CliError(str(exc)) from None
    if args.json:
        print_json(overview.to_json())
    else:
        _print(overview)
    return 0


def _print(overview: object) -> None:
    from coopdesk.services.reporting import STATUS_LABELS, ReportingOverview

    assert isinstance(overview, ReportingOverview)
    print(
        _("Reports of {year}, due {deadline}:").format(
            year=overview.year, deadline=overview.deadline.strftime("%d/%m/%Y")
        )
    )
    for u in overview.units:
        made = u.made_on.strftime("%d/%m/%Y") if u.made_on else "—"
        print(f"  {u.name:<40} {_(STATUS_LABELS[u.status]):<32} {made}  {u.report_number}")
