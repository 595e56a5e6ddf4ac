"""What an import preview calls a record: names people know, never codes or ids."""

from __future__ import annotations

from coopdesk.db.engine import session_scope
from coopdesk.sync.describe import db_lookup, describe


def test_a_target_and_a_budget_are_named_as_people_read_them(engine) -> None:
    target = {
        "id": "t1",
        "indicator_code": "htx_women_managed",
        "period": "2026",
        "target_unit_code": "03408",
    }
    budget = {"id": "b1", "year": 2026, "source": "state_budget"}
    with session_scope(engine) as s:
        lookup = db_lookup(s, {})
        assert describe("targets", target, lookup) == (
            "HTX do phụ nữ tham gia quản lý – Năm 2026 – Phường Tân Phong"
        )
        assert describe("budgets", budget, lookup) == "Kinh phí 2026 – Ngân sách nhà nước"
