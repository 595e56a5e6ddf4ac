"""Đề án 01's national targets hang on the country unit "VN" and show for the whole country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from coopdesk.cli import main
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Plan, Target
from coopdesk.demo import seed_plans
from coopdesk.demo.plans import write_plans
from coopdesk.demo.writer import Writer
from coopdesk.services import indicators, plans, units


def test_the_country_is_a_unit_with_code_vn(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert units.resolve_code(s, "vn") == "VN"
        country = units.get(s, "VN")
        assert country is not None and (country.name, country.level) == ("Việt Nam", "country")
        assert [u.code for u in units.search(s, "viet nam")][:1] == ["VN"]
        assert len(units.children(s, None)) == 34  # the province picker is unchanged


def test_targets_set_on_vn_are_the_whole_countrys(engine: Engine) -> None:
    with session_scope(engine) as s:
        plans.set_target(
            s,
            owner_unit="VN",
            target_unit="VN",
            indicator_code="htx_women_managed",
            period="phase1",
            value=750,
            actor="test",
        )
    with session_scope(engine) as s:
        whole = indicators.compute(s, None, "phase1")
        assert whole.targets["htx_women_managed"].value == 750
        assert indicators.compute(s, "VN", "phase1").targets == whole.targets
        assert "htx_women_managed" not in indicators.compute(s, "12", "phase1").targets


def test_national_demo_plan_carries_the_programme_targets(engine: Engine) -> None:
    from coopdesk.sync import versions

    with session_scope(engine) as s:
        writer = Writer(s.connection(), 7, versions.local_version(s, None).text())
        write_plans(s, writer, 7, "03408", "12", "tỉnh Lai Châu", national=True)
        writer.flush()
    with session_scope(engine) as s:
        national = s.scalars(select(Plan).where(Plan.unit_code == "VN")).one()
        assert national.number == "01/QĐ-TTg"
        rows = s.scalars(select(Target).where(Target.plan_id == national.id)).all()
        got = {(t.indicator_code, t.period, int(t.value)) for t in rows}
        assert got == {(c, p, v) for c, p, _cmp, v, _note in seed_plans.NATIONAL_TARGETS}
        assert ("htx_women_managed", "all", 1500) in got


def test_cli_prints_the_national_target(
    data_dir: Path, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with session_scope(engine) as s:
        plans.set_target(
            s,
            owner_unit="VN",
            target_unit="VN",
            indicator_code="female_workers_htx",
            period="phase1",
            value=15000,
            actor="test",
        )
    code = main(
        ["indicators", "--data-dir", str(data_dir), "--unit", "VN", "--period", "phase1", "--json"]
    )
    assert code == 0, capsys.readouterr().err
    out = json.loads(capsys.readouterr().out)
    row = next(r for r in out["indicators"] if r["code"] == "female_workers_htx")
    assert (row["target"], row["comparison"]) == (15000, ">=")
    assert row["status"] != "no_target"
