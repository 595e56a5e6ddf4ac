"""A cooperative with its board and yearly figures, saved in one go without the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, CooperativeYear, Person, Role
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services.registry import cooperatives as coops
from tests.services.registry.conftest import OFFICER


def _count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))


def _draft(**parts) -> coops.CooperativeDraft:
    return coops.CooperativeDraft(
        fields={"name": "HTX Chè Tân Phong", "kind": "HTX", "founded_on": dt.date(2024, 3, 1)},
        **parts,
    )


def test_an_htx_with_its_board_and_figures(session: Session) -> None:
    draft = _draft(
        board=[
            {"full_name": "Nguyễn Thị Hoa", "gender": "F", "role": "chair"},
            {"full_name": "Lò Văn Sáng", "gender": "M", "role": "director"},
        ],
        years=[{"year": 2025, "workers": 10, "female_workers": 6, "official_members": 7}],
    )
    saved = coops.save_cooperative(session, draft, OFFICER)
    coop = session.get(Cooperative, saved.id)
    assert (coop.name, coop.unit_code, coop.created_by) == ("HTX Chè Tân Phong", "03408", OFFICER)
    loaded = coops.load_cooperative(session, saved.id)
    assert [(r["full_name"], r["role"]) for r in loaded.board] == [
        ("Nguyễn Thị Hoa", "chair"),
        ("Lò Văn Sáng", "director"),
    ]
    assert [(y["year"], y["workers"], y["female_workers"]) for y in loaded.years] == [(2025, 10, 6)]
    assert (_count(session, Person), _count(session, Role)) == (2, 2)


def test_the_board_changes_by_what_the_draft_holds(session: Session) -> None:
    saved = coops.save_cooperative(
        session,
        _draft(board=[{"full_name": "Nguyễn Thị Hoa", "gender": "F", "role": "chair"}]),
        OFFICER,
    )
    draft = coops.load_cooperative(session, saved.id)
    assert draft.board is not None
    draft.board[0]["end_on"] = dt.date(2025, 12, 31)
    draft.board.append({"full_name": "Lò Thị Mai", "gender": "F", "role": "accountant"})
    coops.save_cooperative(session, draft, OFFICER)
    again = coops.load_cooperative(session, saved.id)
    assert [(r["full_name"], r["end_on"]) for r in again.board] == [
        ("Nguyễn Thị Hoa", dt.date(2025, 12, 31)),
        ("Lò Thị Mai", None),
    ]
    again.board = again.board[1:]  # the chair was entered by mistake
    coops.save_cooperative(session, again, OFFICER)
    assert [r["full_name"] for r in coops.load_cooperative(session, saved.id).board] == [
        "Lò Thị Mai"
    ]
    assert _count(session, Person) == 2  # people stay; only the role went


def test_a_wrong_year_is_named_and_nothing_is_saved(session: Session) -> None:
    draft = _draft(
        board=[{"full_name": "Nguyễn Thị Hoa", "gender": "F", "role": "chair"}],
        years=[{"year": 2025, "workers": 10, "female_workers": 12}],
    )
    problems = coops.check_cooperative(session, draft)
    assert [p.field for p in problems if p.is_error] == ["years[2025].female_workers"]
    with pytest.raises(ValidationFailed) as failed:
        coops.save_cooperative(session, draft, OFFICER)
    assert "Lao động nữ" in failed.value.errors[0].message
    counts = [_count(session, m) for m in (Cooperative, Person, Role, CooperativeYear)]
    assert counts == [0, 0, 0, 0]


def test_a_board_member_without_a_name_or_before_the_founding(session: Session) -> None:
    draft = _draft(
        board=[
            {"full_name": " ", "gender": "F", "role": "chair"},
            {"full_name": "Lò Thị Mai", "role": "director", "start_on": dt.date(2020, 1, 1)},
        ]
    )
    problems = {p.field: p.message for p in coops.check_cooperative(session, draft)}
    assert problems["board[0].full_name"] == (
        "Chọn một người trong danh sách hoặc nhập họ tên người mới."
    )
    assert problems["board[1].start_on"].startswith("Chức danh bắt đầu (01/01/2020)")


def test_the_required_name_is_named(session: Session) -> None:
    problems = coops.check_cooperative(session, coops.CooperativeDraft(fields={"kind": "HTX"}))
    assert [(p.field, p.message) for p in problems] == [("name", "Tên: bắt buộc phải nhập.")]


def test_delete_takes_the_board_and_figures(session: Session) -> None:
    saved = coops.save_cooperative(
        session,
        _draft(
            board=[{"full_name": "Nguyễn Thị Hoa", "gender": "F", "role": "chair"}],
            years=[{"year": 2025, "workers": 3}],
        ),
        OFFICER,
    )
    coops.delete_cooperative(session, saved.id, OFFICER)
    assert [_count(session, m) for m in (Cooperative, Role, CooperativeYear)] == [0, 0, 0]
