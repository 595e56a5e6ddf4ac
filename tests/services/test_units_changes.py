"""Boundary changes offline: a merge recorded by the province travels down in its bundle, the
commune previews and applies it, and indicators count the communes before the effective date
apart and after it under the commune after."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coopdesk.db import models as m
from coopdesk.services import indicators, unit_changes
from coopdesk.sync import versions
from tests.sync.helpers import Site

PROVINCE, TAN_PHONG, DOAN_KET = "12", "03408", "03388"
EFFECTIVE = dt.date(2027, 1, 1)
DECISION = "Nghị quyết số 99/NQ-UBTVQH16 ngày 15/11/2026"


def _events(site: Site, unit: str) -> None:
    """One communication event in 2026 and one in 2027 in `unit`, as held at `site`."""
    with site.session() as s:
        for held in (dt.date(2026, 6, 1), dt.date(2027, 6, 1)):
            row = m.Activity(
                unit_code=unit,
                kind="communication",
                channel="meeting",
                title=f"Tuyên truyền {held.year}",
                title_folded=f"tuyen truyen {held.year}",
                held_on=held,
                reach_total=10,
                reach_women=8,
            )
            versions.stamp(s, row)
            s.add(row)


def _count(site: Site, unit: str, year: int) -> int:
    with site.session() as s:
        value = indicators.compute(s, unit, str(year)).values["comm_events"].value
        return int(value or 0)


def _record_merge(province: Site) -> str:
    with province.session() as s:
        return unit_changes.record(
            s,
            sender=PROVINCE,
            sources=[TAN_PHONG, DOAN_KET],
            target_code=TAN_PHONG,
            target_name="Phường Tân Phong",
            decision=DECISION,
            effective_on=EFFECTIVE,
            actor="Nguyễn Thị Hoà",
        )


def test_a_merge_sent_down_is_previewed_applied_and_counted_by_period(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    change_id = _record_merge(province)
    commune = make_site("tan-phong", TAN_PHONG)
    report = commune.receive(province.export(TAN_PHONG, full=True))
    assert not report.refused, report.message
    for unit in (TAN_PHONG, DOAN_KET):
        _events(commune, unit)
    with commune.session() as s:
        (held,) = unit_changes.listed(s)
        assert (held.id, held.applied) == (change_id, False)
        lines = unit_changes.preview(s, change_id)
    assert lines[0] == (
        "Phường Tân Phong, Lai Châu, Phường Đoàn Kết, Lai Châu hợp nhất thành Phường Tân Phong "
        f"từ ngày 01/01/2027 ({DECISION})"
    )
    assert lines[2] == (
        "Phường Đoàn Kết, Lai Châu: 2 bản ghi giữ nguyên đơn vị đã nhập; từ ngày 01/01/2027 "
        "được tính vào Phường Tân Phong."
    )
    assert _count(commune, TAN_PHONG, 2027) == 1  # not applied yet: its own records only
    with commune.session() as s:
        unit_changes.apply(s, change_id, "Lò Thị Mai")
    assert _count(commune, TAN_PHONG, 2026) == 1  # before the date: Tân Phong alone
    assert _count(commune, TAN_PHONG, 2027) == 2  # after it: Đoàn Kết counts under Tân Phong
    assert _count(commune, DOAN_KET, 2026) == 1
    with commune.session() as s:
        units_of = {a.unit_code for a in s.query(m.Activity)}
    assert units_of == {TAN_PHONG, DOAN_KET}  # records keep the unit they were entered under


def test_the_province_shows_the_communes_as_they_were_in_each_period(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    change_id = _record_merge(province)
    for unit in (TAN_PHONG, DOAN_KET):
        _events(province, unit)
    with province.session() as s:
        unit_changes.apply(s, change_id, "Nguyễn Thị Hoà")
        before = indicators.compute(s, PROVINCE, "2026")
        after = indicators.compute(s, PROVINCE, "2027")
    assert {DOAN_KET, TAN_PHONG} <= {code for code, _ in before.scope.children}
    assert before.by_child[DOAN_KET]["comm_events"].value == 1
    assert DOAN_KET not in {code for code, _ in after.scope.children}
    assert after.by_child[TAN_PHONG]["comm_events"].value == 2
    assert before.values["comm_events"].value == after.values["comm_events"].value == 2


def test_a_merge_of_communes_outside_the_sender_is_refused(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("lai-chau", PROVINCE)
    with province.session() as s, pytest.raises(unit_changes.UnitChangeError, match="Kim Liên"):
        unit_changes.record(
            s,
            sender=PROVINCE,
            sources=[TAN_PHONG, "00229"],
            target_code=TAN_PHONG,
            target_name="Phường Tân Phong",
            decision=DECISION,
            effective_on=EFFECTIVE,
            actor="Nguyễn Thị Hoà",
        )


def _cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "coopdesk", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_cli_records_lists_previews_and_applies_a_change(tmp_path: Path) -> None:
    where = ["--data-dir", str(tmp_path)]
    _cli("init", *where, "--unit", PROVINCE, "--role", "aggregator", "--officer", "Hoà")
    out = _cli(
        "units", "changes", *where, "--merge", "3408,3388", "--into", "3408",
        "--name", "Phường Tân Phong", "--decision", DECISION, "--effective", "2027-01-01",
    )  # fmt: skip
    change_id = out.split("(", 1)[1].split(")", 1)[0]
    listing = _cli("units", "changes", *where)
    assert f"{change_id}\tchưa áp dụng" in listing
    assert "hợp nhất thành Phường Tân Phong từ ngày 01/01/2027" in listing
    assert "Đã áp dụng: Phường Tân Phong" in _cli("units", "changes", *where, "--apply", change_id)
    assert f"{change_id}\tđã áp dụng" in _cli("units", "changes", *where)
