"""The place in the date line: where the issuing body sits (Nghị định 30), from the settings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.services import documents, settings, units
from tests.reports.fixtures import COMMUNE, PROVINCE, populate
from tests.reports.pdf import page_lines

DAY = dt.date(2026, 11, 5)


@pytest.fixture
def db(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        populate(session)
    return engine


def _first_page(engine: Engine, template: str, unit: str) -> str:
    with session_scope(engine) as session:
        request = documents.ReportRequest(template, unit, "2026", date=DAY)
        return " ".join(page_lines(documents.render_request(session, request).pdf, 1))


@pytest.mark.parametrize("template", ["annual", "list-support"])
def test_a_wards_document_names_the_ward_and_a_provinces_the_province(
    db: Engine, template: str
) -> None:
    ward = _first_page(db, template, COMMUNE)
    assert "Tân Phong, ngày 05 tháng 11 năm 2026" in ward and "Lai Châu, ngày" not in ward
    assert "Lai Châu, ngày 05 tháng 11 năm 2026" in _first_page(db, template, PROVINCE)


def test_the_units_settings_choose_another_place(db: Engine) -> None:
    with session_scope(db) as s:
        current = settings.get_document_settings(s, COMMUNE)
        settings.save_document_settings(
            s, COMMUNE, {**vars(current), "recipients": current.recipients, "place": "Lai Châu"}
        )
    assert "Lai Châu, ngày 05 tháng 11 năm 2026" in _first_page(db, "annual", COMMUNE)


def test_a_commune_named_by_a_number_keeps_its_division_word() -> None:
    province = units.UnitInfo(
        "79", "Thành phố Hồ Chí Minh", "province", "thành phố", None, None, "", False
    )
    ward = units.UnitInfo("26734", "Phường 5", "commune", "phường", "79", "79", "", False)
    assert settings.document_place(ward, province) == "Phường 5"
    assert settings.document_place(province, province) == "Thành phố Hồ Chí Minh"
