"""`coopdesk demo`: a database of fictional demo data for a commune, a province or the country."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.i18n import _, format_number

if TYPE_CHECKING:
    from coopdesk.demo import DemoSummary

# The same as coopdesk.demo.SCALES and DEFAULT_SEED, written out so that building the parser
# does not import the generator (and the database layer) for every command.
SCALES = ("commune", "province", "national")
DEFAULT_SEED = 2023


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="create a database of fictional demo data",
        description="Create a database of fictional demo data in an empty data folder "
        "(by default the demo folder that `coopdesk --demo` uses).",
    )
    add_data_dir(p, json_output=True)
    p.add_argument(
        "--scale",
        choices=SCALES,
        default="commune",
        help="one commune (default), every commune of a province, or the whole country",
    )
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="same seed, same data (default 2023)"
    )
    p.add_argument(
        "--unit",
        help="the demo's commune, or a province for --scale province "
        "(default 3408, Phường Tân Phong, Lai Châu)",
    )
    p.set_defaults(func=_demo)


def _refuse_if_not_empty(data_dir: Path) -> None:
    """Refuse before touching a database that already holds data."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        return
    from sqlalchemy.exc import DBAPIError

    from coopdesk.db.engine import make_engine, session_scope
    from coopdesk.demo import has_data

    engine = make_engine(db_file)
    try:
        with session_scope(engine) as session:
            full = has_data(session)
    except DBAPIError:
        full = True  # not a CoopDesk database at all: leave it alone
    finally:
        engine.dispose()
    if full:
        raise CliError(
            _(
                "{folder} already holds a CoopDesk database with data. Demo data is only "
                "written into an empty folder: choose another --data-dir."
            ).format(folder=data_dir)
        )


def _progress(done: int, total: int) -> None:
    step = max(1, total // 50)
    if done == total or done % step == 0:
        end = "\n" if done == total else ""
        text = _("Communes: {done} of {total}").format(
            done=format_number(done), total=format_number(total)
        )
        print(f"\r{text}", end=end, file=sys.stderr, flush=True)


def prepare_overview(engine: Any, unit_code: str) -> None:
    """Compute and keep the numbers the overview opens on (this reporting year and the chart's
    years, for the whole country and the installation's province), as a national database
    that has been used would have them; without this the first whole-country overview counts
    1.5 million records for each period (seconds each)."""
    import contextlib
    import datetime as dt

    from coopdesk.db.engine import session_scope
    from coopdesk.domain.periods import Period, default_period
    from coopdesk.services import indicators, settings

    today = dt.date.today()
    cutoff = None  # no settings for the unit: the default cut-off, 15/11
    with session_scope(engine) as session, contextlib.suppress(LookupError):
        cutoff = settings.get_document_settings(session, unit_code).reporting_cutoff
    first = 2023
    periods = [default_period(today, cutoff)]
    periods += [Period.calendar_year(y) for y in range(first, min(today.year, 2030) + 1)]
    for period in periods:
        for unit in (None, unit_code):
            with session_scope(engine) as session:
                indicators.compute(session, unit, period, today=today)


def _demo(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir) if args.data_dir else paths.demo_data_dir()
    _refuse_if_not_empty(data_dir)
    summary, kinds = _fill(data_dir, args)
    size = paths.db_path(data_dir).stat().st_size
    if args.json:
        print_json(_summary_json(data_dir, summary, kinds, size))
    else:
        print("\n".join(_summary_lines(data_dir, summary, kinds, size)))
    return 0


def _fill(data_dir: Path, args: argparse.Namespace) -> tuple[DemoSummary, dict[str, int]]:
    """Generate the demo into the folder's database (removed again if the demo is refused and
    the database was new); the summary and the cooperatives by kind."""
    from coopdesk.db.engine import open_database
    from coopdesk.demo import DemoError, cooperative_counts, generate

    db_file = paths.db_path(data_dir)
    created = not db_file.exists()
    engine = open_database(data_dir)
    try:
        progress = _progress if args.scale != "commune" and not args.json else None
        try:
            summary = generate(engine, args.scale, args.seed, args.unit, progress=progress)
        except DemoError as exc:
            engine.dispose()
            if created:  # leave the folder as it was: no empty database behind
                for leftover in (db_file, *db_file.parent.glob(db_file.name + "-*")):
                    leftover.unlink(missing_ok=True)
            raise CliError(str(exc)) from exc
        kinds = cooperative_counts(engine)
        if args.scale == "national":
            if not args.json:
                print(_("Preparing the overview of the whole country…"), file=sys.stderr)
            prepare_overview(engine, summary.unit_code)
    finally:
        engine.dispose()
    return summary, kinds


def _summary_json(
    data_dir: Path, summary: DemoSummary, kinds: dict[str, int], size: int
) -> dict[str, Any]:
    return {
        "data_dir": str(data_dir),
        "scale": summary.scale,
        "seed": summary.seed,
        "unit_code": summary.unit_code,
        "unit_name": summary.unit_name,
        "communes": summary.communes,
        "cooperatives_by_kind": kinds,
        "rows": summary.counts,
        "seconds": round(summary.seconds, 2),
        "file_bytes": size,
    }


def _summary_lines(
    data_dir: Path, summary: DemoSummary, kinds: dict[str, int], size: int
) -> list[str]:
    """What was made, for the officer: the installation, the counts, how to open it."""
    from coopdesk.services.trust import DEMO_PASSWORD

    n = summary.counts.get
    return [
        _("Demo data created in {folder} (scale {scale}, seed {seed}).").format(
            folder=data_dir, scale=summary.scale, seed=summary.seed
        ),
        _("Installation: {name} ({code}), {role}.").format(
            name=summary.unit_name,
            code=summary.unit_code,
            role=_("a commune installation")
            if summary.scale == "commune"
            else _("an aggregating installation"),
        ),
        _(
            "Its keys open with the demo password {password}; it trusts the demo installations "
            "of the units above and below it."
        ).format(password=DEMO_PASSWORD),
        _("Communes: {communes}; HTX: {htx}; THT: {tht}; people: {people}.").format(
            communes=format_number(summary.communes),
            htx=format_number(kinds.get("HTX", 0)),
            tht=format_number(kinds.get("THT", 0)),
            people=format_number(n("people", 0)),
        ),
        _(
            "Trainings: {trainings} ({participations} participations); activities: "
            "{activities}; support: {support}; plans: {plans} ({targets} targets, "
            "{assignments} assignments)."
        ).format(
            trainings=format_number(n("trainings", 0)),
            participations=format_number(n("participations", 0)),
            activities=format_number(n("activities", 0)),
            support=format_number(n("support", 0)),
            plans=format_number(n("plans", 0)),
            targets=format_number(n("targets", 0)),
            assignments=format_number(n("assignments", 0)),
        ),
        _("Took {seconds} s; database file {megabytes} MB.").format(
            seconds=format_number(summary.seconds, 1),
            megabytes=format_number(size / 1_000_000, 1),
        ),
        _("Open it with: coopdesk --data-dir {folder}").format(folder=data_dir),
    ]
