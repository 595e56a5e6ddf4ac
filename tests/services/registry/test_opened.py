"""Two officers open the same record: the second to save is told who changed it since she
opened it, and nothing of either is lost."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import AuditEvent
from coopdesk.services import registry
from coopdesk.services.registry import cooperatives as coops
from coopdesk.services.registry.opened import ChangedSinceOpened, save_unless_changed
from tests.services.registry.conftest import OFFICER

AREA = registry.area("cooperatives")
OTHER = "Tẩn Thị Thảo"


@pytest.fixture
def coop_id(commune: Engine) -> str:
    draft = coops.CooperativeDraft(
        fields={"name": "HTX Chè Tân Phong", "kind": "HTX", "founded_on": dt.date(2024, 3, 1)},
        board=[{"full_name": "Nguyễn Thị Hoa", "gender": "F", "role": "chair"}],
        years=[{"year": 2025, "workers": 10, "female_workers": 6}],
    )
    with session_scope(commune) as s:
        return coops.save_cooperative(s, draft, OFFICER).id


def _open(engine: Engine, record_id: str) -> coops.CooperativeDraft:
    with session_scope(engine) as s:
        return AREA.load(s, record_id)


def _save(engine: Engine, draft, opened, actor: str):
    with session_scope(engine) as s:
        return save_unless_changed(s, AREA, draft, opened, actor)


def _name(engine: Engine, record_id: str) -> str:
    return _open(engine, record_id).fields["name"]


def test_a_record_nobody_else_changed_is_saved(commune: Engine, coop_id: str) -> None:
    opened = _open(commune, coop_id)
    draft = copy.deepcopy(opened)
    draft.fields["name"] = "HTX Chè Shan Tuyết Tân Phong"
    _save(commune, draft, opened, OFFICER)
    assert _name(commune, coop_id) == "HTX Chè Shan Tuyết Tân Phong"


def test_the_second_to_save_is_told_who_changed_it_and_keeps_her_text(
    commune: Engine, coop_id: str
) -> None:
    mine, hers = _open(commune, coop_id), _open(commune, coop_id)
    her_draft = copy.deepcopy(hers)
    her_draft.fields["name"] = "HTX Chè Tân Phong (đổi tên)"
    _save(commune, her_draft, hers, OTHER)
    events = _events(commune)

    my_draft = copy.deepcopy(mine)
    my_draft.fields["name"] = "HTX Chè Shan Tuyết"
    with pytest.raises(ChangedSinceOpened) as refused:
        _save(commune, my_draft, mine, OFFICER)
    assert refused.value.actor == OTHER
    assert OTHER in str(refused.value) and "chưa được lưu" in str(refused.value)
    assert _name(commune, coop_id) == "HTX Chè Tân Phong (đổi tên)"  # hers stands
    assert my_draft.fields["name"] == "HTX Chè Shan Tuyết"  # mine is still in the form
    assert _events(commune) == events  # nothing written, nothing audited

    reopened = _open(commune, coop_id)  # she opens it again and saves over the new version
    again = copy.deepcopy(reopened)
    again.fields["name"] = my_draft.fields["name"]
    _save(commune, again, reopened, OFFICER)
    assert _name(commune, coop_id) == "HTX Chè Shan Tuyết"


def test_a_change_to_a_part_alone_is_seen_too(commune: Engine, coop_id: str) -> None:
    mine, hers = _open(commune, coop_id), _open(commune, coop_id)
    her_draft = copy.deepcopy(hers)
    assert her_draft.years is not None
    her_draft.years[0]["female_workers"] = 8  # only the yearly figures
    _save(commune, her_draft, hers, OTHER)
    my_draft = copy.deepcopy(mine)
    my_draft.fields["name"] = "HTX Chè Shan Tuyết"
    with pytest.raises(ChangedSinceOpened) as refused:
        _save(commune, my_draft, mine, OFFICER)
    assert refused.value.actor == OTHER
    assert _open(commune, coop_id).years[0]["female_workers"] == 8


def _events(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_every_kind_of_record_opens_the_same_twice(engine: Engine) -> None:
    """The demo's records of every kind read the same in two transactions, so an editor's
    save is never refused for a change nobody made."""
    from coopdesk import demo

    demo.generate(engine, "commune", seed=1, unit_code=None)
    for kind in registry.KINDS:
        area = registry.area(kind)
        with session_scope(engine) as s:
            model = area.draft.MODEL
            ids = s.scalars(select(model.id).where(model.deleted_at.is_(None)).limit(25)).all()
        assert ids, kind
        for record_id in ids:
            assert _open_in(engine, area, record_id) == _open_in(engine, area, record_id), kind


def _open_in(engine: Engine, area, record_id: str):
    with session_scope(engine) as s:
        return area.load(s, record_id)
