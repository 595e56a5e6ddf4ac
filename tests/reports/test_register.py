"""Drafts, issuing (numbers per type and year), hashes, re-issues, reopening a draft."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import Engine, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import AuditEvent, Report
from coopdesk.services import documents
from tests.reports.fixtures import COMMUNE, populate
from tests.reports.pdf import page_lines


@pytest.fixture
def db(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        populate(session)
    return engine


WRITTEN = dict.fromkeys(documents.WRITTEN_ONLY, "Đã viết.")  # every part an issue needs


def _form(template: str = "annual", period: str = "2026", **kw) -> documents.DraftForm:  # type: ignore[no-untyped-def]
    if template == "annual":
        kw.setdefault("paragraphs", dict(WRITTEN))
    return documents.DraftForm(template=template, unit_code=COMMUNE, period=period, **kw)


def _draft(session, template: str = "annual", **kw) -> documents.Draft:  # type: ignore[no-untyped-def]
    return documents.save_draft(session, _form(template, **kw), actor="Lò Thị Ỏn")


def _issue(session, draft: documents.Draft, day: dt.date) -> documents.Rendered:  # type: ignore[no-untyped-def]
    return documents.issue_report(session, draft.id, actor="cb", issued_on=day)


def test_draft_keeps_paragraphs_and_settings(db: Engine) -> None:
    with session_scope(db) as s:
        report_id = _draft(
            s,
            paragraphs={"strengths": "Chị em tích cực tham gia.", "difficulties": ""},
            overrides={"signer_name": "Lò Thị Ỏn"},
            date=dt.date(2026, 11, 5),
        ).id
    with session_scope(db) as s:
        report = s.get(Report, report_id)
        assert report.status == "draft" and report.number is None
        assert json.loads(report.paragraphs) == {"strengths": "Chị em tích cực tham gia."}
        rendered = documents.render(s, report_id)
        text = " ".join(page_lines(rendered.pdf, 1))
        assert "Số: /BC-HPN" in text and "ngày 05 tháng 11 năm 2026" in text
        pages = [" ".join(page_lines(rendered.pdf, p)) for p in (2, 3)]
        assert any("Lò Thị Ỏn" in p for p in pages)  # the signer override
        assert any("Chị em tích cực tham gia." in p for p in [text, *pages])
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == report_id)).all()
        assert [e.action for e in events] == ["create"]


def test_the_latest_draft_of_a_kind_unit_and_period_reopens(db: Engine) -> None:
    with session_scope(db) as s:
        first = _draft(s, paragraphs={"strengths": "Bản đầu."})
        _draft(s, "list-support")
        other_period = documents.save_draft(
            s, dataclasses.replace(_form(), period="2025"), actor="cb"
        )
    with session_scope(db) as s:
        again = documents.save_draft(
            s,
            dataclasses.replace(first.form, paragraphs={**WRITTEN, "strengths": "Bản sửa."}),
            actor="cb",
        )
        assert again.id == first.id  # the same draft, updated
    with session_scope(db) as s:
        found = documents.latest_draft(s, "annual", COMMUNE, "2026")
        assert found is not None and found.id == first.id
        assert found.form.paragraphs == {**WRITTEN, "strengths": "Bản sửa."}
        assert documents.latest_draft(s, "annual", COMMUNE, "2025").id == other_period.id
        assert documents.latest_draft(s, "annual", COMMUNE, "phase2") is None
        _issue(s, found, dt.date(2026, 11, 5))
        assert documents.latest_draft(s, "annual", COMMUNE, "2026") is None  # issued now


def test_a_draft_for_a_period_that_does_not_exist_is_refused(db: Engine) -> None:
    with session_scope(db) as s, pytest.raises(documents.ReportError, match="2026x"):
        documents.save_draft(s, dataclasses.replace(_form(), period="2026x"), actor="cb")


def test_issuing_numbers_per_type_and_year_and_records_the_hash(db: Engine) -> None:
    with session_scope(db) as s:
        first = _draft(s)
        one = _issue(s, first, dt.date(2026, 11, 5))
        _issue(s, _draft(s, period="2026r"), dt.date(2026, 11, 20))
        _issue(s, _draft(s, "list-support"), dt.date(2026, 11, 20))
        _issue(s, _draft(s, period="phase1"), dt.date(2027, 1, 3))
        entries = documents.register(s, COMMUNE)
        assert [(e.number_line, e.issued_on.year) for e in entries] == [
            ("01/BC-HPN", 2027),
            ("02/BC-HPN", 2026),
            ("01/BC-HPN", 2026),
            ("01/DS-HPN", 2026),
        ]
        record = s.get(Report, first.id)
        assert record.status == "issued" and record.issued_on == dt.date(2026, 11, 5)
        assert record.file_hash == hashlib.sha256(one.pdf).hexdigest()
        assert "Số: 01/BC-HPN" in " ".join(page_lines(one.pdf, 1))
        # the official PDF can be produced again, byte for byte, from the register
        assert documents.render(s, first.id).sha256 == record.file_hash
        assert [e.number for e in documents.register(s, COMMUNE, 2026) if e.doc_type == "BC"] == [
            2,
            1,
        ]


def test_issue_draft_saves_and_issues_in_one_step(db: Engine) -> None:
    with session_scope(db) as s:
        issued = documents.issue_draft(
            s,
            _form(
                paragraphs={**WRITTEN, "proposals": "Đề nghị hỗ trợ."}, date=dt.date(2026, 11, 5)
            ),
            actor="cb",
            lang="en",
        )
        assert issued.draft.issued and issued.draft.number_line == "01/BC-HPN"
        shown = " ".join(page_lines(issued.shown.pdf, 1))
        assert "REPORT" in shown and "01/BC-HPN" in shown
        assert "Số: 01/BC-HPN" in " ".join(page_lines(issued.official.pdf, 1))
        assert s.get(Report, issued.draft.id).file_hash == issued.official.sha256


def test_an_issued_document_is_corrected_by_a_visible_reissue(db: Engine) -> None:
    with session_scope(db) as s:
        original = _draft(s)
        _issue(s, original, dt.date(2026, 11, 5))
        with pytest.raises(documents.ReportError, match="01/BC-HPN"):
            documents.issue_report(s, original.id, actor="cb")
        with pytest.raises(documents.ReportError):
            documents.save_draft(s, original.form, actor="cb")
        copy = documents.reissue(s, original.id, actor="cb")
        assert copy.reissue_of == original.id and copy.status == "draft"
        rendered = _issue(s, copy, dt.date(2026, 11, 9))
        assert documents.get_draft(s, copy.id).number_line == "02/BC-HPN"
        first_page = " ".join(page_lines(rendered.pdf, 1))
        assert "(Thay thế văn bản số 01/BC-HPN ngày 05/11/2026)" in first_page
        entries = {e.number_line: e for e in documents.register(s, COMMUNE)}
        assert entries["01/BC-HPN"].replaced_by == "02/BC-HPN"
        assert entries["02/BC-HPN"].replaced_by == "" and entries["02/BC-HPN"].files == {
            "pdf",
            "docx",
        }
        assert documents.issued_file(s, copy.id) == rendered.pdf
        with pytest.raises(documents.AlreadyIssued, match="02/BC-HPN"):
            _issue(s, _draft(s), dt.date(2026, 11, 10))  # a new draft, not said to replace
        with pytest.raises(documents.AlreadyIssued, match="02/BC-HPN"):
            documents.issue_report(s, _draft(s).id, actor="cb", replaces=original.id)
        with pytest.raises(documents.ReportError):
            documents.reissue(s, _draft(s).id, actor="cb")


def test_unknown_document_or_unit_is_a_clear_error(db: Engine) -> None:
    with session_scope(db) as s:
        with pytest.raises(documents.ReportError, match="bogus"):
            _draft(s, "bogus")
        with pytest.raises(documents.ReportError, match="99999"):
            documents.render_request(s, documents.ReportRequest("annual", "99999", "2026"))
        with pytest.raises(documents.ReportError, match="2026x"):
            documents.render_request(s, documents.ReportRequest("annual", COMMUNE, "2026x"))


@pytest.mark.parametrize(
    ("template", "unit", "period", "suffix", "expected"),
    [
        (
            "annual",
            "Phường Tân Phong",
            "2026",
            ".pdf",
            "Bao-cao-De-an-01-Phuong-Tan-Phong-2026.pdf",
        ),
        (
            "annual",
            "Lai Châu",
            "2026r",
            ".xlsx",
            "Bao-cao-De-an-01-Lai-Chau-Nam-bao-cao-2026.xlsx",
        ),
        ("plan", "Xã Tả Lèng", "2026", ".pdf", "Ke-hoach-De-an-01-Xa-Ta-Leng.pdf"),
        (
            "list-cooperatives",
            "Đặc khu Côn Đảo",
            "phase2",
            ".pdf",
            "Danh-sach-HTX-co-phu-nu-quan-ly-Dac-khu-Con-Dao-Giai-doan-2.pdf",
        ),
        (
            "list-support",
            "Phường Tân Phong",
            "2026-01-01..2026-06-30",
            ".xlsx",
            "Danh-sach-ho-tro-Phuong-Tan-Phong-2026-01-01-den-2026-06-30.xlsx",
        ),
    ],
)
def test_file_names_people_can_read(
    template: str, unit: str, period: str, suffix: str, expected: str
) -> None:
    name = documents.document_file_name(template, unit, period, suffix)
    assert name == expected and name.isascii()
