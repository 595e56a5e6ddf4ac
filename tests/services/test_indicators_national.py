"""The whole country counted with nothing stored (one pass over each table, for one period or
the chart's years together) gives each unit what counting that unit alone gives, on the
province demo (38 communes whose records differ)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select

from coopdesk import paths
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import IndicatorSummary
from coopdesk.domain.periods import Period
from coopdesk.services import indicators as svc
from coopdesk.services.indicators import summary
from coopdesk.services.indicators.counting import compute_partials
from coopdesk.services.indicators.scope import Scope
from coopdesk.services.indicators.values import Value, fold

PERIOD = Period.parse("2025")
YEARS = range(2023, 2031)


@pytest.fixture(scope="module")
def demo(template_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    from coopdesk import demo

    target = tmp_path_factory.mktemp("province-demo")
    shutil.copy2(paths.db_path(template_data_dir), paths.db_path(target))
    engine = make_engine(paths.db_path(target))
    demo.generate(engine, "province", seed=1)
    yield engine
    engine.dispose()


def _plain(values: dict[str, Value]) -> dict[str, Any]:
    """The values as the overview shows them (zero is zero, however it was reached)."""
    return {
        code: (v.numerator, v.denominator or 0, {k: a for k, a in v.breakdown.items() if a})
        for code, v in values.items()
        if v.numerator or v.denominator or any(v.breakdown.values())
    }


def _forget(engine: Engine) -> None:
    with session_scope(engine) as s:
        s.execute(delete(IndicatorSummary))


def _stored_units(engine: Engine, period: Period) -> dict[str, dict[str, Value]]:
    with session_scope(engine) as s:
        rows = s.execute(
            select(IndicatorSummary.scope, IndicatorSummary.payload).where(
                IndicatorSummary.period == summary.period_key(period),
                IndicatorSummary.scope.startswith("u:"),
            )
        )
        return {scope[2:]: summary.decode(payload) for scope, payload in rows}


def _alone(engine: Engine, unit: str, period: Period) -> dict[str, Any]:
    """The unit's values counted from its records alone (as a commune's overview does)."""
    with session_scope(engine) as s:
        scope = Scope(unit, "", "commune", [unit], {}, [])
        return _plain(compute_partials(s, scope, period).get(unit, {}))


def test_the_country_counted_cold_is_the_sum_of_each_units_own_values(demo: Engine) -> None:
    _forget(demo)
    with session_scope(demo) as s:
        country = svc.compute(s, None, PERIOD)
    stored = _stored_units(demo, PERIOD)
    counted = {unit: _plain(values) for unit, values in stored.items() if _plain(values)}
    assert len(counted) == 39  # the province itself and its 38 communes
    assert len({str(values) for values in counted.values()}) == 39  # every unit differs
    for unit, values in counted.items():
        assert values == _alone(demo, unit, PERIOD), unit
    assert _plain(country.values) == _plain(fold(stored.values()))
    assert _plain(country.by_child["12"]) == _plain(fold(stored.values()))


def test_the_chart_counted_cold_gives_each_year_what_the_year_alone_gives(demo: Engine) -> None:
    _forget(demo)
    with session_scope(demo) as s:
        together = svc.compute_by_year(s, None, YEARS)
    for year in YEARS:
        _forget(demo)
        with session_scope(demo) as s:
            alone = svc.compute(s, None, Period.calendar_year(year)).values
        counted = together[year]
        assert counted is not None
        assert _plain(counted) == _plain(alone), year
    assert _plain(together[2023] or {}) != _plain(together[2026] or {})
