"""The indicator registry and how a value stands against its target."""

from __future__ import annotations

from decimal import Decimal

import pytest

from coopdesk.domain import indicators as reg
from coopdesk.domain.indicators import Status, target_status

CONTRACT = [
    "htx_women_managed",
    "tht_women_managed",
    "htx_majority_female",
    "coops_consolidated_pct",
    "women_managers_trained",
    "women_managers_trained_pct",
    "new_htx_programme",
    "new_tht_programme",
    "new_jobs_women",
    "female_workers_htx",
    "female_workers_tht",
    "officers_trained_pct",
    "officers_upskilled_pct",
    "comm_events",
    "comm_reach",
    "comm_reach_women",
    "training_courses",
    "people_trained",
    "training_participations",
    "support_count",
    "support_amount",
    "budget_planned",
    "budget_allocated",
    "budget_spent",
]


def test_exactly_the_codes_of_the_shared_contract() -> None:
    assert list(reg.CODES) == CONTRACT


@pytest.mark.parametrize("ind", reg.INDICATORS, ids=lambda i: i.code)
def test_every_indicator_is_described(ind: reg.Indicator) -> None:
    assert ind.name_vi and ind.name_en and ind.formula_vi and ind.formula_en
    assert ind.unit in reg.UNITS_OF_MEASURE
    assert ind.group in reg.GROUPS
    assert ind.aggregation in ("sum", "ratio")
    assert (ind.unit == "%") == ind.is_ratio  # percentages are ratios of sums
    assert "\n" not in ind.formula_vi and len(ind.formula_vi) < 200  # one line


def test_names_follow_the_language() -> None:
    ind = reg.get("comm_reach")
    assert ind.name("vi") == "Lượt người được tuyên truyền"
    assert ind.name("en") == "People reached by communication"
    with pytest.raises(ValueError, match="htx_magic"):
        reg.get("htx_magic")


def test_ratio_of_sums() -> None:
    assert reg.ratio_value(2, 4) == 50
    assert reg.ratio_value(0, 0) is None


@pytest.mark.parametrize(
    ("value", "target", "comparison", "elapsed", "status"),
    [
        (10, 10, ">=", 0.5, Status.ON_TRACK),  # reached
        (4, 10, ">=", 0.4, Status.ON_TRACK),  # at pace
        (3.6, 10, ">=", 0.4, Status.ON_TRACK),  # 90 % of pace
        (3, 10, ">=", 0.4, Status.AT_RISK),  # 75 % of pace
        (2, 10, ">=", 0.4, Status.BEHIND),  # 50 % of pace
        (0, 10, ">=", 0.0, Status.ON_TRACK),  # nothing expected yet
        (9.5, 10, ">=", 1.0, Status.AT_RISK),  # over, missed by a little
        (5, 10, ">=", 1.0, Status.BEHIND),  # over, missed by far
        (6.5, 7, "about", 1.0, Status.ON_TRACK),  # about 7: ±10 %
        (30, 7, "about", 1.0, Status.ON_TRACK),
        (100, 100, "=", 1.0, Status.ON_TRACK),
        (130, 100, "=", 1.0, Status.AT_RISK),  # "=" overshot
        (None, 5, ">=", 0.5, Status.BEHIND),
        (3, None, ">=", 0.5, Status.NO_TARGET),
    ],
)
def test_target_status(value, target, comparison, elapsed, status) -> None:
    assert target_status(value, target, comparison, elapsed) is status


def test_percentage_targets_typed_as_shares() -> None:
    pct = reg.get("officers_trained_pct")
    assert reg.normalize_target(pct, Decimal("0.8")) == 80
    assert reg.normalize_target(pct, 90) == 90
    assert reg.normalize_target(reg.get("new_htx_programme"), 1) == 1


def test_progress_is_clamped() -> None:
    assert reg.progress(5, 10) == 0.5
    assert reg.progress(15, 10) == 1.0
    assert reg.progress(5, None) == 0.0


def test_unknown_comparison() -> None:
    with pytest.raises(ValueError, match="<"):
        target_status(1, 2, "<", 0.5)


def test_a_count_reads_with_its_unit_in_the_language_shown() -> None:
    """'194 lượt' in Vietnamese is '194 participations' in English, not '194 lượt'."""
    from decimal import Decimal

    from coopdesk import i18n
    from coopdesk.domain import indicators as reg

    reach, women = reg.BY_CODE["comm_reach"], reg.BY_CODE["htx_women_managed"]
    assert reach.unit == "lượt"
    assert reg.format_value(reach, Decimal(1194)) == "1.194 lượt"
    i18n.set_language("en")
    try:
        assert reg.format_value(reach, Decimal(1194)) == "1,194 participations"
        assert reg.format_value(women, Decimal(5)) == "5 HTX"
        assert {reg.BY_CODE[c].unit_text() for c in reg.BY_CODE} <= {
            "HTX",
            "THT",
            "people",
            "participations",
            "courses",
            "%",
            "đồng",
        }
    finally:
        i18n.set_language("vi")
