"""Validation returns named problems, in the UI language; warnings do not refuse a save."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk import i18n
from coopdesk.domain.validation import (
    Context,
    Problem,
    ValidationFailed,
    check,
    problems_for_table,
    validate,
)

TODAY = dt.date(2026, 11, 23)
CTX = Context(today=TODAY)


def fields(problems: list[Problem], severity: str | None = None) -> set[str]:
    return {p.field for p in problems if severity is None or p.severity == severity}


def test_required_fields_are_named_in_vietnamese() -> None:
    problems = validate("Cooperative", {"name": "  ", "kind": None}, CTX)
    assert fields(problems) == {"name", "kind"}
    assert all(p.severity == "error" for p in problems)
    assert "Tên" in problems[0].message and "bắt buộc" in problems[0].message


def test_messages_follow_the_language() -> None:
    i18n.set_language("en")
    (problem,) = validate("Cooperative", {"name": "", "kind": "HTX"}, CTX)
    assert problem.message == "Name is required."


def test_female_counts_cannot_exceed_totals() -> None:
    data = {"cooperative_id": "c1", "year": 2025, "workers": 10, "female_workers": 12}
    data |= {"members": 7, "female_members": 8}
    problems = validate("CooperativeYear", data, CTX)
    assert fields(problems, "error") == {"female_workers", "female_members"}
    message = next(p.message for p in problems if p.field == "female_workers")
    assert "12" in message and "10" in message


def test_small_htx_and_tht_are_warned_not_refused() -> None:
    htx = Context(today=TODAY, cooperative_kind="HTX")
    problems = check(
        "CooperativeYear", {"cooperative_id": "c", "year": 2025, "official_members": 4}, htx
    )
    assert [(p.field, p.severity) for p in problems] == [("official_members", "warning")]
    assert "5" in problems[0].message
    assert not check(
        "CooperativeYear", {"cooperative_id": "c", "year": 2025, "official_members": 5}, htx
    )
    tht = Context(today=TODAY, cooperative_kind="THT")
    (warning,) = check("CooperativeYear", {"cooperative_id": "c", "year": 2025, "members": 1}, tht)
    assert warning.field == "members" and warning.severity == "warning"


def test_dates_in_range() -> None:
    data = {"name": "HTX Chè Shan Tuyết Sì Thâu Chải", "kind": "HTX"}
    future = validate("Cooperative", data | {"founded_on": dt.date(2027, 1, 1)}, CTX)
    assert fields(future) == {"founded_on"} and "tương lai" in future[0].message
    ancient = validate("Cooperative", data | {"founded_on": dt.date(1949, 12, 31)}, CTX)
    assert fields(ancient) == {"founded_on"} and "01/01/1950" in ancient[0].message
    order = validate(
        "Cooperative",
        data | {"founded_on": dt.date(2024, 5, 1), "dissolved_on": dt.date(2024, 4, 30)},
        CTX,
    )
    assert fields(order) == {"dissolved_on"}
    # a training may be planned ahead
    assert not validate(
        "Training", {"title": "Tập huấn quản trị HTX", "start_on": dt.date(2027, 3, 1)}, CTX
    )


def test_mst_check_digit_when_it_looks_like_one() -> None:
    data = {"name": "HTX Nông nghiệp Tân Phong", "kind": "HTX"}
    assert not validate("Cooperative", data | {"registration_no": "0100109106"}, CTX)
    assert not validate("Cooperative", data | {"registration_no": "0100109106-005"}, CTX)
    (bad,) = validate("Cooperative", data | {"registration_no": "0100109107"}, CTX)
    assert bad.field == "registration_no" and bad.severity == "warning"
    assert "MST" in bad.message
    # a registration number that is not MST-shaped is stored as given
    assert not validate("Cooperative", data | {"registration_no": "12/HTX-ĐKKD"}, CTX)


def test_role_dates_within_the_cooperatives_life() -> None:
    ctx = Context(
        today=TODAY,
        cooperative_kind="HTX",
        cooperative_founded=dt.date(2023, 3, 1),
        cooperative_dissolved=dt.date(2025, 12, 31),
    )
    base = {"person_id": "p", "cooperative_id": "c", "role": "director"}
    assert not validate("Role", base | {"start_on": dt.date(2023, 3, 1)}, ctx)
    early = validate("Role", base | {"start_on": dt.date(2022, 1, 1)}, ctx)
    assert fields(early) == {"start_on"} and "01/03/2023" in early[0].message
    late = validate(
        "Role", base | {"start_on": dt.date(2024, 1, 1), "end_on": dt.date(2026, 6, 1)}, ctx
    )
    assert fields(late) == {"end_on"}
    backwards = validate(
        "Role", base | {"start_on": dt.date(2024, 6, 1), "end_on": dt.date(2024, 1, 1)}, ctx
    )
    assert "end_on" in fields(backwards)
    assert fields(validate("Role", base | {"role": "queen"}, ctx)) == {"role"}


def test_sensitive_fields_need_a_consent_for_their_category() -> None:
    data = {"person_id": "p", "ethnicity_code": "08", "disability": True}
    problems = validate(
        "PersonSensitive", data, Context(today=TODAY, consents=frozenset({"ethnicity"}))
    )
    assert fields(problems) == {"disability"}
    assert "đồng ý" in problems[0].message
    assert not validate(
        "PersonSensitive",
        data,
        Context(today=TODAY, consents=frozenset({"ethnicity", "disability"})),
    )


def test_check_raises_with_every_problem() -> None:
    with pytest.raises(ValidationFailed) as caught:
        check(
            "Activity",
            {"title": "", "kind": "communication", "reach_total": 10, "reach_women": 20},
            CTX,
        )
    assert {p.field for p in caught.value.errors} == {"title", "held_on", "reach_women"}
    assert str(caught.value) == (
        "Tên: bắt buộc phải nhập. Ngày: bắt buộc phải nhập. "
        "Lượt phụ nữ (20) không được lớn hơn Tổng lượt người (10)."
    )


def test_problems_unpack_for_the_bundle_importer() -> None:
    problems = problems_for_table(
        "support", {"kind": "loan", "fund": "vbsp", "given_on": dt.date(2025, 1, 1)}
    )
    assert [(f, s) for f, _m, s in problems] == [("cooperative_id", "error")]
    # rules needing other records (consents) are left to the sending site
    assert not problems_for_table("person_sensitive", {"person_id": "p", "ethnicity_code": "01"})
    assert problems_for_table("units", {}) == []
