"""`coopdesk list KIND …`: the rows of one of the app's lists, filtered as in the app.

coopdesk list cooperatives --women-managed --sector nong_nghiep --json
coopdesk list people --search "nguyen thi hoa" --not-trained
coopdesk list trainings --year 2025 --unit 12 --json

The rows come from the same list definitions (`coopdesk.services.lists`) as the GUI's pages;
a filter's flag is its name (`women_managed` → `--women-managed`). A bad value, or a filter the
list does not have, is refused with a message naming the flag.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.domain.periods import Period
from coopdesk.i18n import _

if TYPE_CHECKING:  # sqlalchemy.orm costs ~0.5 s at start; --help needs none
    from sqlalchemy.orm import Session

    from coopdesk.services.lists import Column, Row, Scope

# The lists' filters that take a value (a code), and those that are on or off (see each list
# in coopdesk/services/lists/); --year and --trained/--not-trained are added apart.
VALUE_FILTERS = {
    "kind": "HTX/THT/LHHTX; a training, activity or support kind (short, fair, loan…)",
    "status": "cooperatives: active, suspended or dissolved",
    "sector": "cooperatives: a sector code",
    "gender": "people: F, M or X",
    "audience": "trainings: managers, members, workers or officers",
    "channel": "activities: meeting, club, radio, tv, facebook, zalo…",
    "fund": "support: womens_development_fund, vbsp, agribank…",
    "source": "budget: state_budget, mtqg_poverty, mtqg_rural…",
}
ON_FILTERS = {
    "women_managed": "cooperatives: women in management",
    "majority_female": "cooperatives: more than 50 %% of the workers are women",
    "founded_under_programme": "cooperatives: founded with the Union's support since the "
    "programme began",
    "managers": "people: only those holding a management role",
    "current": "officers: only current officers",
}


def flag_of(name: str) -> str:
    """The command-line flag of a list filter: women_managed → --women-managed."""
    return "--" + name.replace("_", "-")


def register(subparsers: argparse._SubParsersAction) -> None:
    from coopdesk.services.registry import KINDS

    p = subparsers.add_parser(
        "list",
        help="print the rows of a list, filtered as in the app",
        description="Print the rows of one of the app's lists (the record's id and each "
        "column's value) for the installation's unit, or --unit.",
    )
    p.add_argument("list_kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    add_data_dir(p, json_output=True)
    p.add_argument("--unit", help="unit code, e.g. 3408 (commune) or 12 (a province: its communes)")
    p.add_argument("--search", default="", help="names or titles containing this text")
    p.add_argument("--sensitive", action="store_true", help="people: show the sensitive data")
    for name, text in VALUE_FILTERS.items():
        p.add_argument(flag_of(name), dest=name, help=text)
    for name, text in ON_FILTERS.items():
        p.add_argument(flag_of(name), dest=name, action="store_true", help=text)
    p.add_argument("--year", help="held, given or budgeted that year (trainings, activities…)")
    p.add_argument(
        "--period",
        help="judge women-managed, > 50 %% female workers, founded under the programme and "
        "trained in this period, as the indicators do: 2026, 2026r, phase1, phase2, all, or "
        "2026-01-01..2026-06-30 (default: today)",
    )
    trained = p.add_mutually_exclusive_group()
    trained.add_argument(
        "--trained",
        dest="trained",
        action="store_const",
        const=True,
        help="people, officers: only those trained",
    )
    trained.add_argument(
        "--not-trained",
        dest="trained",
        action="store_const",
        const=False,
        help="people, officers: only those not trained yet",
    )
    p.set_defaults(func=run)


def year_flag(text: str | None) -> int | None:
    """The year --year gives, or CliError naming the flag."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise CliError(_("--year {value}: write a year such as 2025.").format(value=text)) from None


def filter_flag_error(flag: str, value: Any, exc: Exception) -> CliError:
    """A refused filter value, said with the flag that gave it."""
    shown = "" if isinstance(value, bool) else f" {value}"
    return CliError(f"{flag}{shown}: {exc}")


def filter_values(args: argparse.Namespace) -> dict[str, Any]:
    """The filters given on the command line, by the lists' filter names."""
    values: dict[str, Any] = {name: getattr(args, name) for name in VALUE_FILTERS}
    values.update({name: True for name in ON_FILTERS if getattr(args, name)})
    values["year"] = year_flag(args.year)
    values["trained"] = args.trained
    return {name: value for name, value in values.items() if value is not None}


def _scope(session: Session, unit: str | None) -> Scope:
    from coopdesk.db.models import Unit
    from coopdesk.services import settings, units
    from coopdesk.services.lists import Scope

    if unit:
        try:
            code = units.resolve_code(session, unit)
        except (units.UnknownUnit, ValueError) as exc:
            raise CliError(str(exc)) from None
        found = session.get(Unit, code)
        return Scope(code, subtree=found is not None and found.level != "commune")
    installation = settings.get_installation(session)
    if installation is None:
        raise CliError(_("Name the unit with --unit (for example --unit 3408)."))
    return Scope(installation.unit_code, subtree=installation.role == "aggregator")


def _period(session: Session, text: str | None, unit_code: str) -> Period | None:
    """The period --period names (a reporting year by the unit's cut-off), or CliError."""
    from coopdesk.services import settings

    if not text:
        return None
    cutoff = settings.get_document_settings(session, unit_code).reporting_cutoff
    try:
        return Period.parse(text, cutoff=cutoff or None)
    except ValueError as exc:
        raise CliError(f"--period {text}: {exc}") from None


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    return value


def read_rows(
    session: Session, args: argparse.Namespace
) -> tuple[list[Column], list[int], list[Row]]:
    """The columns shown, their places in a row, and the rows of the list asked for."""
    from coopdesk.services import lists

    scope = _scope(session, args.unit)
    definition = lists.definition(session, args.list_kind, scope)
    filters = filter_values(args)
    period = _period(session, args.period, scope.unit_code)
    try:
        query = definition.query(filters, args.search, period)
    except lists.BadFilter as exc:
        raise filter_flag_error(flag_of(exc.field), filters.get(exc.field), exc) from None
    columns = [c for c in query.columns if args.sensitive or not c.hidden]
    places = [1 + list(query.columns).index(c) for c in columns]
    return columns, places, query.all_rows(session)


def run(args: argparse.Namespace) -> int:
    from coopdesk.db.engine import open_database, session_scope

    if args.sensitive and args.list_kind != "people":
        raise CliError("--sensitive: " + _("This filter does not apply to this list."))
    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            columns, places, rows = read_rows(session, args)
    finally:
        engine.dispose()
    if args.json:
        print_json(
            [
                {
                    "id": row[0],
                    **{c.key: _json_value(row[n]) for c, n in zip(columns, places, strict=True)},
                }
                for row in rows
            ]
        )
        return 0
    print("\t".join(_(c.title) for c in columns))
    for row in rows:
        print("\t".join(c.fmt(row[n]) for c, n in zip(columns, places, strict=True)))
    return 0
