"""The indicators count a merged pair once: after a merge (and after undoing it) the values
the indicator store serves equal a fresh count from the records."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coopdesk.domain.periods import Period
from coopdesk.services import indicators
from coopdesk.services.duplicates import merge as merges
from coopdesk.services.indicators import summary
from coopdesk.services.indicators.scope import resolve_scope
from tests.services.duplicates.merge_data import OFFICER, two_coops, two_hoas

UNIT, PERIOD = "03408", "2025"


def _plain(values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {code: (v.numerator, v.denominator or 0) for code, v in values.items()}


def _stored(session: Session) -> dict[str, tuple[Any, Any]]:
    return _plain(indicators.compute(session, UNIT, PERIOD).values)


def _recount(session: Session) -> dict[str, tuple[Any, Any]]:
    total, _by_child = summary._direct(session, resolve_scope(session, UNIT), Period.parse(PERIOD))
    return _plain(total)


def test_indicators_after_a_merge_equal_a_fresh_recount(session: Session) -> None:
    pair, _made = two_hoas(session)
    coops, _ = two_coops(session)
    before = _stored(session)  # the store now holds the values with both pairs counted
    merges.merge(session, "people", pair.kept, pair.other, OFFICER)
    merge = merges.merge(session, "cooperatives", coops.kept, coops.other, OFFICER)
    after = _stored(session)
    assert after == _recount(session)
    # Hoa, trained under both records, is one woman trained; the training both records
    # attended is one participation; HTX Chè Tân Phong, entered twice, is one new HTX (the
    # four are Hoa's two and the pair)
    assert (before["new_htx_programme"][0], after["new_htx_programme"][0]) == (4, 3)
    assert (before["people_trained"][0], after["people_trained"][0]) == (2, 1)
    assert (before["training_participations"][0], after["training_participations"][0]) == (3, 2)
    assert {c for c in before if before[c] != after[c]} == {
        "new_htx_programme",
        "people_trained",
        "training_participations",
    }
    merges.unmerge(session, merge.id, OFFICER)
    assert _stored(session) == _recount(session)
