"""Drafts, issuing (numbers per type and year), hashes, re-issues."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import Engine, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import AuditEvent, Report
from coopdesk.services import reports
from tests.reports.fixtures import COMMUNE, populate
from tests.reports.pdf import page_lines


@pytest.fixture
def db(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        populate(session)
    return engine


def _draft(session, template: str = "annual", **kw) -> Report:  # type: ignore[no-untyped-def]
    return reports.save_draft(
        session, template=template, unit_code=COMMUNE, period="2026", actor="Lò Thị Ỏn", **kw
    )


def test_draft_keeps_paragraphs_and_settings(db: Engine) -> None:
    with session_scope(db) as s:
        report = _draft(
            s,
            paragraphs={"strengths": "Chị em tích cực tham gia.", "difficulties": ""},
            overrides={"signer_name": "Lò Thị Ỏn"},
            date=dt.date(2026, 11, 5),
        )
        report_id = report.id
    with session_scope(db) as s:
        report = s.get(Report, report_id)
        assert report.status == "draft" and report.number is None
        assert json.loads(report.paragraphs) == {"strengths": "Chị em tích cực tham gia."}
        rendered = reports.render(s, report)
        text = " ".join(page_lines(rendered.pdf, 1))
        assert "Số: /BC-HPN" in text and "ngày 05 tháng 11 năm 2026" in text
        pages = [" ".join(page_lines(rendered.pdf, p)) for p in (2, 3)]
        assert any("Lò Thị Ỏn" in p for p in pages)  # the signer override
        assert any("Chị em tích cực tham gia." in p for p in [text, *pages])
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == report_id)).all()
        assert [e.action for e in events] == ["create"]


def test_issuing_numbers_per_type_and_year_and_records_the_hash(db: Engine) -> None:
    with session_scope(db) as s:
        first = _draft(s)
        one = reports.issue_report(s, first, actor="cb", issued_on=dt.date(2026, 11, 5))
        second = _draft(s)
        reports.issue_report(s, second, actor="cb", issued_on=dt.date(2026, 11, 20))
        a_list = _draft(s, "list-support")
        reports.issue_report(s, a_list, actor="cb", issued_on=dt.date(2026, 11, 20))
        next_year = _draft(s)
        reports.issue_report(s, next_year, actor="cb", issued_on=dt.date(2027, 1, 3))
        assert (first.number, second.number, a_list.number, next_year.number) == (1, 2, 1, 1)
        assert (first.symbol, a_list.symbol) == ("BC-HPN", "DS-HPN")
        assert first.status == "issued" and first.issued_on == dt.date(2026, 11, 5)
        assert first.file_hash == hashlib.sha256(one.pdf).hexdigest()
        assert "Số: 01/BC-HPN" in " ".join(page_lines(one.pdf, 1))
        # the official PDF can be produced again, byte for byte, from the register
        assert reports.render(s, first).sha256 == first.file_hash
        assert [r.number for r in reports.register(s, COMMUNE, 2026) if r.doc_type == "BC"] == [
            2,
            1,
        ]


def test_an_issued_document_is_corrected_by_a_visible_reissue(db: Engine) -> None:
    with session_scope(db) as s:
        original = _draft(s)
        reports.issue_report(s, original, actor="cb", issued_on=dt.date(2026, 11, 5))
        with pytest.raises(reports.ReportError, match="01/BC-HPN"):
            reports.issue_report(s, original, actor="cb")
        with pytest.raises(reports.ReportError):
            _draft(s, report=original)
        copy = reports.reissue(s, original, actor="cb")
        assert copy.reissue_of == original.id and copy.status == "draft"
        rendered = reports.issue_report(s, copy, actor="cb", issued_on=dt.date(2026, 11, 9))
        assert copy.number == 2
        first_page = " ".join(page_lines(rendered.pdf, 1))
        assert "(Thay thế văn bản số 01/BC-HPN ngày 05/11/2026)" in first_page
        with pytest.raises(reports.ReportError):
            reports.reissue(s, _draft(s), actor="cb")


def test_unknown_document_or_unit_is_a_clear_error(db: Engine) -> None:
    with session_scope(db) as s:
        with pytest.raises(reports.ReportError, match="bogus"):
            _draft(s, "bogus")
        with pytest.raises(reports.ReportError, match="99999"):
            reports.render_request(s, reports.ReportRequest("annual", "99999", "2026"))
        with pytest.raises(reports.ReportError, match="2026x"):
            reports.render_request(s, reports.ReportRequest("annual", COMMUNE, "2026x"))
