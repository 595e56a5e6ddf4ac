"""Merging two records of one person or one cooperative: the preview says what moves, the
merge moves it to the kept record through the write path, the other is marked merged into it
(its history kept), and undoing the merge gives back both records as they were."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    AuditEvent,
    Consent,
    Cooperative,
    CooperativeYear,
    DuplicateMerge,
    Participation,
    Person,
    PersonSensitive,
    Role,
    Support,
)
from coopdesk.services import records
from coopdesk.services.duplicates import merge as merges
from coopdesk.services.duplicates import people_like
from coopdesk.sync import versions
from tests.services.duplicates.merge_data import OFFICER, two_coops, two_hoas


def _live(session: Session, model, column, value) -> list:
    return list(
        session.scalars(
            select(model).where(getattr(model, column) == value, model.deleted_at.is_(None))
        )
    )


def _state(session: Session) -> dict:
    """Every synced row's fields but its bookkeeping, to compare before and after."""
    skip = {"version", "updated_at", "updated_by"}
    out = {}
    for table in ("people", "roles", "participations", "support", "consents",
                  "person_sensitive", "cooperatives", "cooperative_years"):  # fmt: skip
        rows = session.execute(select(versions.table_for(table))).mappings()
        out[table] = {r["id"]: {k: v for k, v in r.items() if k not in skip} for r in rows}
    return out


def test_the_preview_lists_what_moves_and_the_differing_fields(session: Session) -> None:
    pair, _made = two_hoas(session)
    shown = merges.preview(session, "people", pair.kept, pair.other)
    assert shown.other_label == "Nguyễn Thị Hoà, sinh năm 1985, HTX Lúa Bản Giang, Phường Tân Phong"
    assert {(d.field, d.kept, d.other) for d in shown.fields} == {
        ("full_name", "Nguyễn Thị Hoa", "Nguyễn Thị Hoà"),
        ("phone", "", "0912 345 678"),
    }
    hows = sorted((s.table, s.how) for s in shown.steps)
    assert hows == [
        ("consents", "moved"),
        ("participations", "copied"),  # Kế toán HTX: she has not attended it yet
        ("participations", "dropped"),  # Quản trị HTX: attended under both records
        ("person_sensitive", "copied"),
        ("roles", "moved"),
        ("support", "moved"),
    ]
    assert session.get(Person, pair.other).deleted_at is None  # nothing written


def test_a_merge_moves_everything_to_the_kept_person(session: Session) -> None:
    pair, made = two_hoas(session)
    merge = merges.merge(session, "people", pair.kept, pair.other, OFFICER, take_other=["phone"])
    kept, other = session.get(Person, pair.kept), session.get(Person, pair.other)
    assert kept.full_name == "Nguyễn Thị Hoa" and kept.phone == "0912 345 678"
    assert other.deleted_at is not None and other.full_name == "Nguyễn Thị Hoà"  # not erased
    assert {r.cooperative_id for r in _live(session, Role, "person_id", pair.kept)} == {
        made["che"],
        made["lua"],
    }
    trainings = {p.training_id for p in _live(session, Participation, "person_id", pair.kept)}
    assert trainings == {made["both"], made["second"]}
    assert _live(session, Participation, "person_id", pair.other) == []
    assert [s.id for s in _live(session, Support, "person_id", pair.kept)] == [made["support"]]
    assert [c.id for c in _live(session, Consent, "person_id", pair.kept)] == [made["consent"]]
    details = _live(session, PersonSensitive, "person_id", pair.kept)
    assert [d.disability for d in details] == [True]
    assert merges.merged_into(session, "people", pair.other).kept_id == pair.kept
    assert [m.merged_id for m in merges.merges_into(session, "people", pair.kept)] == [pair.other]
    assert merge.version and merge.unit_code == "03408"
    actions = session.scalars(
        select(AuditEvent.action).where(AuditEvent.entity_id == pair.other)
    ).all()
    assert "delete" in actions  # the merged record's history has its merge
    # a merged record is no longer a possible duplicate of anyone
    found = people_like(session, {"full_name": "Nguyen Thi Hoa", "birth_year": 1985})
    assert [d.record_id for d in found] == [pair.kept]


def test_unmerge_gives_back_both_people_as_they_were(session: Session) -> None:
    pair, _made = two_hoas(session)
    before = _state(session)
    merge = merges.merge(
        session, "people", pair.kept, pair.other, OFFICER, take_other=["phone", "full_name"]
    )
    assert session.get(Person, pair.kept).full_name == "Nguyễn Thị Hoà"
    merges.unmerge(session, merge.id, OFFICER)
    after = _state(session)
    for table, rows in before.items():
        assert {k: after[table][k] for k in rows} == rows, table
    assert merges.merges_into(session, "people", pair.kept) == []
    assert session.get(DuplicateMerge, merge.id).undone_at is not None
    with pytest.raises(records.RecordError, match=r"đã được tách lại|undone"):
        merges.unmerge(session, merge.id, OFFICER)


def test_cooperatives_merge_years_and_board(session: Session) -> None:
    pair, made = two_coops(session)
    shown = merges.preview(session, "cooperatives", pair.kept, pair.other)
    assert sorted((s.table, s.how) for s in shown.steps) == [
        ("cooperative_years", "copied"),
        ("cooperative_years", "dropped"),
        ("roles", "moved"),
    ]
    merges.merge(
        session, "cooperatives", pair.kept, pair.other, OFFICER, take_other=["registration_no"]
    )
    years = {
        y.year: y.members for y in _live(session, CooperativeYear, "cooperative_id", pair.kept)
    }
    assert years == {2024: 20, 2025: 25}  # the kept record's 2024 figures stay
    assert session.get(Cooperative, pair.kept).registration_no == "0101234567"
    assert [r.id for r in _live(session, Role, "cooperative_id", pair.kept)] == [made["role"]]


def test_refusals_change_nothing(session: Session) -> None:
    pair, _made = two_hoas(session)
    with pytest.raises(records.RecordError):
        merges.merge(session, "people", pair.kept, pair.kept, OFFICER)
    with pytest.raises(records.RecordError):
        merges.merge(session, "people", pair.kept, pair.other, OFFICER, take_other=["salary"])
    merge = merges.merge(session, "people", pair.kept, pair.other, OFFICER)
    with pytest.raises(records.RecordError):  # the other is merged: not found any more
        merges.merge(session, "people", pair.kept, pair.other, OFFICER)
    moved = json.loads(merge.moved)
    assert len(moved) == 6


def test_the_people_list_and_its_search_show_a_merged_pair_once(session: Session) -> None:
    from coopdesk.services import lists

    def found(search: str | None = None) -> list[str]:
        query = lists.query(session, "people", lists.Scope("03408"), search=search)
        return sorted(row[1] for row in query.all_rows(session))

    pair, _made = two_hoas(session)
    merge = merges.merge(session, "people", pair.kept, pair.other, OFFICER)
    assert found("nguyen thi hoa") == ["Nguyễn Thị Hoa"]
    assert found("0912345678") == []  # the merged record's phone was not taken
    merges.unmerge(session, merge.id, OFFICER)
    assert found("nguyen thi hoa") == ["Nguyễn Thị Hoa", "Nguyễn Thị Hoà"]
    assert found("0912345678") == ["Nguyễn Thị Hoà"]
