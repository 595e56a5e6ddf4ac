"""A commune split in two: the province divides its records by the villages in their address
and chooses for the rest, the split travels down, the commune applies it after a preview, and
the indicators count each record under its part from the effective date, under the commune
before it; reports of an earlier period use the names of that period."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coopdesk.db import models as m
from coopdesk.domain.unit_changes import Part, part_by_address
from coopdesk.services import indicators, unit_changes, unit_splits
from tests.sync.helpers import Site, coop

PROVINCE, DOAN_KET, NAM_LOONG, TAN_PHONG = "12", "03388", "03392", "03408"
EFFECTIVE = dt.date(2026, 1, 1)
DECISION = "Nghị quyết số 101/NQ-UBTVQH15 ngày 20/11/2025"
PARTS = [
    Part(DOAN_KET, "Phường Đoàn Kết", ("Nà Ún", "Tổ 3")),
    Part(NAM_LOONG, "Xã Nậm Loỏng", ("Co Sản", "Nậm Loỏng")),
]


def _commune_records(site: Site) -> dict[str, str]:
    """Two cooperatives and two trainings told apart by address, one of each that no address
    divides, support following its cooperative, and events in 2025 and 2026."""
    ids = {
        "tea": site.add(m.Cooperative, **coop("HTX Chè Nà Ún"), address="Bản Nà Ún", unit_code=DOAN_KET),
        "rice": site.add(m.Cooperative, **coop("HTX Lúa Co Sản"), address="bản Co San", unit_code=DOAN_KET),
        "event": site.add(
            m.Activity, unit_code=DOAN_KET, kind="communication", channel="meeting",
            title="Tuyên truyền Luật HTX", title_folded="tuyen truyen luat htx",
            held_on=dt.date(2026, 3, 8), reach_total=40, reach_women=30,
        ),
        "event_2025": site.add(
            m.Activity, unit_code=DOAN_KET, kind="communication", channel="meeting",
            title="Tuyên truyền 2025", title_folded="tuyen truyen 2025",
            held_on=dt.date(2025, 3, 8), reach_total=10, reach_women=8,
        ),
    }  # fmt: skip
    for key, where in (("course_a", "Nhà văn hoá Tổ 3"), ("course_b", "Bản Nậm Loỏng")):
        ids[key] = site.add(
            m.Training, unit_code=DOAN_KET, title="Quản trị HTX", title_folded="quan tri htx",
            start_on=dt.date(2026, 4, 1), location=where,
        )  # fmt: skip
    ids["loan"] = site.add(
        m.Support, unit_code=DOAN_KET, kind="loan", fund="vbsp", amount=50_000_000,
        given_on=dt.date(2026, 5, 1), cooperative_id=ids["rice"],
    )  # fmt: skip
    return ids


def _value(result: indicators.Result, code: str, child: str | None = None) -> int:
    values = result.values if child is None else result.by_child[child]
    return int(values[code].numerator)


def test_addresses_name_a_part_only_when_exactly_one_part_matches() -> None:
    assert part_by_address("Bản Nà Ún, xã Đoàn Kết", PARTS) == DOAN_KET
    assert part_by_address("ban co san", PARTS) == NAM_LOONG
    assert part_by_address("Bản Nà Ún giáp Co Sản", PARTS) is None  # both: the province says
    assert part_by_address("Bản Nàn", PARTS) is None  # a village's name, not part of a word


def test_a_split_is_planned_by_address_sent_down_applied_and_counted_by_period(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    ids = _commune_records(province)
    with province.session() as s:
        plan = unit_splits.plan_split(s, DOAN_KET, PARTS)
        proposed = {p.record_id: p.part for p in plan.proposals}
        undecided = {p.record_id for p in plan.undecided}
        labels = {p.label for p in plan.undecided}
    assert proposed[ids["tea"]] == DOAN_KET and proposed[ids["rice"]] == NAM_LOONG
    assert proposed[ids["course_a"]] == DOAN_KET and proposed[ids["course_b"]] == NAM_LOONG
    assert undecided == {ids["event"], ids["event_2025"]}  # no address divides an event
    assert "Tuyên truyền Luật HTX" in labels
    assert ids["loan"] not in proposed  # support follows its cooperative
    with province.session() as s:
        change_id = unit_splits.record_split(
            s, sender=PROVINCE, source=DOAN_KET, parts=PARTS, default=DOAN_KET,
            choices={ids["event"]: NAM_LOONG}, decision=DECISION, effective_on=EFFECTIVE,
            actor="Nguyễn Thị Hoà",
        )  # fmt: skip

    commune = make_site("doan-ket", DOAN_KET)
    report = commune.receive(province.export(DOAN_KET, full=True))
    assert not report.refused, report.message
    with commune.session() as s:
        lines = unit_changes.preview(s, change_id)
    assert lines[0] == (
        "Phường Đoàn Kết, Lai Châu được chia thành Phường Đoàn Kết và Xã Nậm Loỏng "
        f"từ ngày 01/01/2026 ({DECISION})"
    )
    assert "Đơn vị mới: Xã Nậm Loỏng (03392)." in lines
    assert "Xã Nậm Loỏng: từ ngày 01/01/2026, 3 bản ghi (cùng những gì thuộc về chúng) được tính ở đây." in lines  # fmt: skip
    with commune.session() as s:
        unit_changes.apply(s, change_id, "Lò Thị Mai")
        before = indicators.compute(s, DOAN_KET, "2025")
        kept = indicators.compute(s, DOAN_KET, "2026")
        new = indicators.compute(s, NAM_LOONG, "2026")
    assert _value(before, "comm_events") == 1  # before the date: one commune, as it was
    assert (_value(kept, "comm_events"), _value(new, "comm_events")) == (0, 1)
    assert (_value(kept, "training_courses"), _value(new, "training_courses")) == (1, 1)
    assert (_value(kept, "support_count"), _value(new, "support_count")) == (0, 1)
    with commune.session() as s:
        assert {a.unit_code for a in s.query(m.Activity)} == {DOAN_KET}  # records keep theirs


def test_the_province_table_shows_the_parts_after_the_split_and_the_commune_before(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    ids = _commune_records(province)
    with province.session() as s:
        change_id = unit_splits.record_split(
            s, sender=PROVINCE, source=DOAN_KET, parts=PARTS, default=NAM_LOONG,
            choices={ids["tea"]: DOAN_KET}, decision=DECISION, effective_on=EFFECTIVE,
            actor="Nguyễn Thị Hoà",
        )  # fmt: skip
        unit_changes.apply(s, change_id, "Nguyễn Thị Hoà")
        before = indicators.compute(s, PROVINCE, "2025")
        after = indicators.compute(s, PROVINCE, "2026")
    assert NAM_LOONG not in {code for code, _ in before.scope.children}
    assert {DOAN_KET, NAM_LOONG} <= {code for code, _ in after.scope.children}
    assert _value(after, "comm_events", NAM_LOONG) == 1  # the default part takes the event
    assert _value(after, "training_courses", DOAN_KET) == 1  # "Tổ 3" is in Đoàn Kết
    assert _value(after, "training_courses", NAM_LOONG) == 1
    assert _value(after, "training_courses") == 2  # the province's total is the same


def test_a_split_names_its_parts_and_a_default_among_them(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    with province.session() as s:
        for parts, default, message in (
            ([PARTS[0]], DOAN_KET, "hai đơn vị trở lên"),
            ([PARTS[0], Part(TAN_PHONG, "Phường Tân Phong")], DOAN_KET, "Phường Tân Phong"),
            (PARTS, TAN_PHONG, "phải là một trong các đơn vị"),
        ):
            with pytest.raises(unit_changes.UnitChangeError, match=message):
                unit_splits.record_split(
                    s, sender=PROVINCE, source=DOAN_KET, parts=parts, default=default,
                    choices={}, decision=DECISION, effective_on=EFFECTIVE, actor="Hoà",
                )  # fmt: skip


def test_a_rename_keeps_the_name_before_for_earlier_periods(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    with province.session() as s:
        change_id = unit_changes.record(
            s, sender=PROVINCE, sources=[DOAN_KET], target_code=DOAN_KET,
            target_name="Phường Đoàn Kết Mới", decision=DECISION, effective_on=EFFECTIVE,
            actor="Nguyễn Thị Hoà",
        )  # fmt: skip
        unit_changes.apply(s, change_id, "Nguyễn Thị Hoà")
        assert unit_changes.names_on(s, dt.date(2025, 1, 1)) == {DOAN_KET: "Phường Đoàn Kết"}
        assert unit_changes.names_on(s, EFFECTIVE) == {}
        before = indicators.compute(s, DOAN_KET, "2025")
        after = indicators.compute(s, DOAN_KET, "2026")
    assert before.scope.name == "Phường Đoàn Kết"
    assert after.scope.name == "Phường Đoàn Kết Mới"


def test_a_change_from_a_bundle_is_checked_by_the_same_rule() -> None:
    from coopdesk.domain import validation

    bad = {
        "kind": "split",
        "sources": '["03388"]',
        "target_code": "03388",
        "target_name": "Phường Đoàn Kết",
        "details": '{"parts": [{"code": "03388", "name": "Phường Đoàn Kết"}],'
        ' "assign": {"x": "99999"}}',
    }
    problems = validation.problems_for_table("unit_changes", bad)
    assert [p.field for p in problems] == ["details"]
    assert "không phải một đơn vị của cuộc chia tách" in problems[0].message


def _cli(*args: str, ok: bool = True) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "coopdesk", *args], capture_output=True, text=True, check=False
    )
    assert (done.returncode == 0) == ok, done.stderr
    return done.stdout if ok else done.stderr


def test_the_cli_plans_and_records_a_split(tmp_path: Path) -> None:
    where = ["--data-dir", str(tmp_path)]
    _cli("init", *where, "--unit", PROVINCE, "--role", "aggregator", "--officer", "Hoà")
    split = [
        "units", "changes", *where, "--split", "3388",
        "--part", "3388=Phường Đoàn Kết:Nà Ún,Tổ 3", "--part", "3392=Xã Nậm Loỏng:Co Sản",
    ]  # fmt: skip
    assert _cli(*split, "--plan", "--json").strip() == "[]"  # nothing held in the commune yet
    refused = _cli(*split, "--part", "Nậm Cuổi", "--default", "3388", ok=False)
    assert "MÃ=TÊN:THÔN,THÔN" in refused and "Nậm Cuổi" in refused
    late = _cli(*split, "--default", "3388", "--effective", "1/1/2026", ok=False)
    assert "YYYY-MM-DD" in late and "1/1/2026" in late
    out = _cli(*split, "--default", "3388", "--effective", "2026-01-01", "--decision", DECISION)
    assert "Đã ghi thay đổi" in out
    listing = _cli("units", "changes", *where)
    assert "được chia thành Phường Đoàn Kết và Xã Nậm Loỏng từ ngày 01/01/2026" in listing


def test_a_choice_for_a_record_not_in_the_commune_is_named(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    ids = _commune_records(province)
    with province.session() as s:
        for choices, words in (
            ({"khong-co": NAM_LOONG}, "Bản ghi khong-co được chọn cho cuộc chia tách không thuộc"),
            ({ids["event"]: TAN_PHONG}, f"được giao cho {TAN_PHONG}, không phải một đơn vị"),
        ):
            with pytest.raises(unit_changes.UnitChangeError, match=words) as refused:
                unit_splits.record_split(
                    s, sender=PROVINCE, source=DOAN_KET, parts=PARTS, default=DOAN_KET,
                    choices=choices, decision=DECISION, effective_on=EFFECTIVE, actor="Hoà",
                )  # fmt: skip
            assert refused.value.field == "records"
        assert unit_changes.listed(s) == []  # nothing recorded
