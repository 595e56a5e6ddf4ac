"""On the commune demo, for every period the overview offers, the indicators, the list
filters and the printed list count the same women-managed HTX, HTX with more than 50 % female
workers and HTX founded under the programme."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import engine_of, session_scope
from coopdesk.db.models import Cooperative
from coopdesk.domain.periods import Period, standard_choices
from coopdesk.services import indicators as svc
from coopdesk.services import list_filters as Q
from coopdesk.services import lists, rules
from coopdesk.services.report_lists import ListFilter, list_cooperatives
from tests.backends import copy_installation, drop_installation

COMMUNE = "03408"
OFFERED = standard_choices(dt.date.today())


@pytest.fixture(scope="module")
def demo_dir(
    installation_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A commune demo (seed 1) on the module's backend."""
    from coopdesk import demo

    target = copy_installation(installation_template, tmp_path_factory.mktemp("commune-demo"))
    engine = engine_of(target)
    demo.generate(engine, "commune", seed=1)
    engine.dispose()
    yield target
    drop_installation(target)


@pytest.fixture(scope="module")
def demo_engine(demo_dir: Path) -> Iterator[Engine]:
    engine = engine_of(demo_dir)
    yield engine
    engine.dispose()


def _listed(session: Session, *where: Any) -> int:
    """HTX of the commune passing the rules' SQL twins as written here."""
    c = Cooperative
    query = select(func.count()).where(
        c.deleted_at.is_(None), c.kind == "HTX", c.unit_code == COMMUNE, *where
    )
    return int(session.scalar(query) or 0)


def _app_list(session: Session, period: Period, flag: str) -> int:
    """HTX the app's list (and `coopdesk list`) shows with the filter on, for the period."""
    query = lists.query(
        session, "cooperatives", lists.Scope(COMMUNE), {"kind": "HTX", flag: True}, "", period
    )
    return int(query.count(session))


def _printed(session: Session, period: Period, **filters: bool) -> int:
    rows = list_cooperatives(session, COMMUNE, period, ListFilter(kind="HTX", **filters), "vi")
    return len(rows)


def _counts(session: Session, period: Period) -> dict[str, tuple[int, ...]]:
    values = svc.compute(session, COMMUNE, period).values
    alive = rules.alive(Cooperative, period)
    women = Q.women_in_management(period)
    majority = Q.majority_female_workers(period)
    founded = Q.founded_under_programme(period)
    return {
        "women": (
            int(values["htx_women_managed"].numerator),
            _listed(session, alive, women),
            _app_list(session, period, "women_managed"),
            _printed(session, period),
        ),
        "majority": (
            int(values["htx_majority_female"].numerator),
            _listed(session, alive, majority),
            _app_list(session, period, "majority_female"),
        ),
        "founded": (
            int(values["new_htx_programme"].numerator),
            _listed(session, founded),
            _app_list(session, period, "founded_under_programme"),
        ),
        # the printed list holds the women-managed HTX: its filters narrow those
        "printed_majority": (
            _listed(session, alive, women, majority),
            _printed(session, period, majority_female=True),
        ),
        "printed_founded": (
            _listed(session, alive, women, founded),
            _printed(session, period, founded_under_programme=True),
        ),
    }


def test_every_offered_period_counts_the_same_everywhere(demo_engine: Engine) -> None:
    seen: dict[str, int] = {}
    with session_scope(demo_engine) as s:
        for period in OFFERED:
            for name, counts in _counts(s, period).items():
                assert len(set(counts)) == 1, (period.key, name, counts)
                seen[name] = max(seen.get(name, 0), counts[0])
    # the demo has something to count for each, in some period
    assert all(seen[name] > 0 for name in ("women", "majority", "founded")), seen


@pytest.mark.parametrize("period", ["2026r", "phase1", "all"])
def test_the_command_line_counts_what_the_indicators_count(
    demo_dir: Path, period: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from coopdesk.cli import main

    data_dir = demo_dir
    capsys.readouterr()
    assert (
        main(
            [
                "indicators",
                "--data-dir",
                str(data_dir),
                "--unit",
                COMMUNE,
                "--period",
                period,
                "--json",
            ]
        )
        == 0
    )
    values = {v["code"]: v for v in json.loads(capsys.readouterr().out)["indicators"]}
    for flag, code in (
        ("--women-managed", "htx_women_managed"),
        ("--majority-female", "htx_majority_female"),
        ("--founded-under-programme", "new_htx_programme"),
    ):
        args = ["list", "cooperatives", "--data-dir", str(data_dir), "--unit", COMMUNE]
        assert main([*args, "--kind", "HTX", flag, "--period", period, "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert len(listed) == values[code]["value"], (flag, period)
