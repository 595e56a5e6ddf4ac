"""Who has reported (issue 17, item 7): every commune of the province, worst first, with its
last bundle, whether it came by the deadline and whether the year's report was issued."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report, SyncImport, Unit
from coopdesk.services import reporting, settings

UTC = dt.UTC


def _province(engine) -> list[str]:
    with session_scope(engine) as s:
        settings.save_installation(
            s, settings.Installation(unit_code="12", role="aggregator", officer="Lò Thị Mai")
        )
        return list(s.scalars(select(Unit.code).where(Unit.parent_code == "12")))


def _bundle(s, unit: str, seq: int, made: dt.datetime, *, undone: bool = False) -> None:
    s.add(
        SyncImport(
            bundle_id=f"{unit}-{seq}",
            sender_replica=f"r-{unit}",
            sender_unit=unit,
            seq=seq,
            created_at=made,
            imported_at=made + dt.timedelta(days=2),
            undone_at=made + dt.timedelta(days=3) if undone else None,
        )
    )


def _issued(s, unit: str, year: int, number: int) -> None:
    s.add(
        Report(
            unit_code=unit,
            doc_type="BC",
            template="annual",
            year=year,
            number=number,
            symbol="HPN",
            status="issued",
            issued_on=dt.date(year, 11, 10),
        )
    )


def _names(engine) -> dict[str, str]:
    with session_scope(engine) as s:
        return {code: name for code, name in s.execute(select(Unit.code, Unit.name))}


def test_every_commune_worst_first_then_in_vietnamese_order(engine) -> None:
    communes = _province(engine)
    assert len(communes) > 10  # Lai Châu's communes, from the catalogue
    names = _names(engine)
    on_time, late, no_report, undone = "03408", communes[0], communes[1], communes[2]
    assert len({on_time, late, no_report, undone}) == 4
    with session_scope(engine) as s:
        _bundle(s, on_time, 3, dt.datetime(2026, 11, 14, 9, tzinfo=UTC))
        _issued(s, on_time, 2026, 7)
        _bundle(s, late, 1, dt.datetime(2026, 11, 20, 9, tzinfo=UTC))
        _issued(s, late, 2026, 2)
        _bundle(s, no_report, 5, dt.datetime(2026, 3, 1, 9, tzinfo=UTC))
        _issued(s, no_report, 2025, 9)  # last year's report does not count
        _bundle(s, undone, 2, dt.datetime(2026, 10, 1, 9, tzinfo=UTC), undone=True)
        _bundle(s, communes[3], 1, dt.datetime(2025, 10, 1, tzinfo=UTC))  # last year's bundle
    with session_scope(engine) as s:
        overview = reporting.who_has_reported(s, "12", 2026)
    assert overview.deadline == dt.date(2026, 11, 15)
    assert overview.since == dt.date(2025, 11, 15)
    rows = {r.unit_code: r for r in overview.units}
    assert set(rows) == set(communes)
    assert rows[on_time].status == "on_time"
    assert rows[on_time].report_number == "07/BC-HPN"
    assert (rows[on_time].made_on, rows[on_time].received_on) == (
        dt.date(2026, 11, 14),
        dt.date(2026, 11, 16),
    )
    assert rows[late].status == "late"
    assert rows[no_report].status == "no_report"
    assert rows[no_report].last_bundle == 5
    assert rows[undone].status == "missing"  # an undone import is not a report
    assert rows[communes[3]].status == "missing"
    statuses = [r.status for r in overview.units]
    assert statuses == sorted(statuses, key=reporting.STATUSES.index)
    missing = [r.name for r in overview.units if r.status == "missing"]
    from coopdesk.i18n import collation_key

    assert missing == sorted(missing, key=collation_key)
    assert overview.count("missing") == len(communes) - 3
    assert names[on_time] == "Phường Tân Phong"


def test_bundles_never_received_are_named_to_ask_for_again(engine) -> None:
    _province(engine)
    with session_scope(engine) as s:
        for seq in (1, 2, 5):
            _bundle(s, "03408", seq, dt.datetime(2026, 6, seq, tzinfo=UTC))
    with session_scope(engine) as s:
        row = next(
            r for r in reporting.who_has_reported(s, "12", 2026).units if r.unit_code == "03408"
        )
    assert row.missing == (3, 4)
    assert row.last_bundle == 5


def test_a_bundle_made_late_in_the_evening_counts_by_the_day_in_vietnam(engine) -> None:
    _province(engine)
    with session_scope(engine) as s:
        # 16/11 00:30 in Vietnam is 15/11 17:30 UTC: after the deadline day
        _bundle(s, "03408", 1, dt.datetime(2026, 11, 15, 17, 30, tzinfo=UTC))
        _issued(s, "03408", 2026, 1)
    with session_scope(engine) as s:
        row = next(
            r for r in reporting.who_has_reported(s, "12", 2026).units if r.unit_code == "03408"
        )
    assert row.made_on == dt.date(2026, 11, 16)
    assert row.status == "late"


def test_a_bundle_made_early_on_the_first_day_counts_for_the_year(engine) -> None:
    _province(engine)
    with session_scope(engine) as s:
        # 15/11/2025 03:00 in Vietnam (14/11 20:00 UTC): the first day of reporting year 2026
        _bundle(s, "03408", 1, dt.datetime(2025, 11, 14, 20, tzinfo=UTC))
    with session_scope(engine) as s:
        rows = reporting.who_has_reported(s, "12", 2026).units
    row = next(r for r in rows if r.unit_code == "03408")
    assert (row.status, row.made_on) == ("no_report", dt.date(2025, 11, 15))


def test_the_deadline_below_is_a_setting_of_its_own(engine) -> None:
    """The province's own deadline to the country (30/11) is not its communes' (15/11)."""
    _province(engine)
    with session_scope(engine) as s:
        settings.save_document_settings(s, "12", {"report_deadline": "30/11"})
        _bundle(s, "03408", 1, dt.datetime(2026, 11, 20, 9, tzinfo=UTC))
        _issued(s, "03408", 2026, 1)
    with session_scope(engine) as s:
        assert reporting.who_has_reported(s, "12", 2026).deadline == dt.date(2026, 11, 15)
        assert reporting.set_deadline(s, "12", "25/11") == "25/11"
    with session_scope(engine) as s:
        overview = reporting.who_has_reported(s, "12", 2026)
        with pytest.raises(ValueError):
            reporting.set_deadline(s, "12", "31/02")
    assert overview.deadline == dt.date(2026, 11, 25)
    assert next(r for r in overview.units if r.unit_code == "03408").status == "on_time"


def test_the_country_sees_its_provinces(engine) -> None:
    with session_scope(engine) as s:
        overview = reporting.who_has_reported(s, "VN", 2026)
    assert len(overview.units) == 34
    assert {r.status for r in overview.units} == {"missing"}


def test_a_commune_has_nobody_below_it(engine) -> None:
    with session_scope(engine) as s, pytest.raises(reporting.ReportingError) as err:
        reporting.who_has_reported(s, "03408", 2026)
    assert "03408" in str(err.value)


def test_the_cli_prints_writes_the_pdf_and_the_workbook(engine, data_dir, tmp_path, capsys) -> None:
    from openpyxl import load_workbook

    from coopdesk.cli import main
    from tests.reports.pdf import page_texts

    _province(engine)
    with session_scope(engine) as s:
        _bundle(s, "03408", 3, dt.datetime(2026, 11, 14, 9, tzinfo=UTC))
        _issued(s, "03408", 2026, 7)
    engine.dispose()
    pdf, xlsx = tmp_path / "Danh-sach.pdf", tmp_path / "Danh-sach.xlsx"
    args = ["reporting", "--data-dir", str(data_dir), "--year", "2026", "--today", "2026-12-02"]
    assert main([*args, "--out", str(pdf), "--xlsx", str(xlsx)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Báo cáo năm 2026, hạn nộp 15/11/2026:"
    assert "Chưa gửi" in lines[1]  # the missing ones first
    assert "Phường Tân Phong" in lines[-1] and "Đúng hạn" in lines[-1]
    assert lines[-1].rstrip().endswith("07/BC-HPN")
    text = " ".join(" ".join(page_texts(pdf.read_bytes())).split())
    assert "Tình hình gửi báo cáo năm 2026 của các đơn vị (hạn nộp 15/11/2026)" in text
    assert "Phường Tân Phong Đúng hạn 3 14/11/2026 16/11/2026 07/BC-HPN 10/11/2026 1, 2" in text
    sheet = load_workbook(xlsx).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Phường Tân Phong" in values and "Đúng hạn" in values
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["on_time"] == 1
    assert data["units"][-1]["unit"] == "03408"


def test_the_cli_refuses_a_commune(engine, data_dir, capsys) -> None:
    from coopdesk.cli import main

    engine.dispose()
    assert main(["reporting", "--data-dir", str(data_dir), "--unit", "03408"]) == 2
    assert "không có đơn vị cấp dưới" in capsys.readouterr().err
