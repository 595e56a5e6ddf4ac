"""Issuing needs a signer, and records the symbol and signer the document prints: a People's
Committee plan is numbered /KH-UBND and signed by its own signer, not the Hội's."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Plan, Report
from coopdesk.services import documents
from tests.reports.fixtures import COMMUNE, OTHER, populate
from tests.reports.pdf import page_count, page_lines


@pytest.fixture
def db(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        populate(session)
    return engine


def _issue(session, form: documents.DraftForm) -> documents.Issued:  # type: ignore[no-untyped-def]
    return documents.issue_draft(session, form, actor="cán bộ", issued_on=dt.date(2026, 11, 20))


def test_a_document_naming_no_signer_is_not_issued_and_nothing_is_numbered(db: Engine) -> None:
    form = documents.DraftForm(template="list-cooperatives", unit_code=OTHER, period="2026")
    with pytest.raises(documents.NoSigner) as refused, session_scope(db) as session:
        _issue(session, form)
    assert "Họ tên người ký" in str(refused.value) or "Signer's name" in str(refused.value)
    with session_scope(db) as session:
        issued = session.scalar(select(func.count()).where(Report.status == "issued"))
        assert issued == 0
    signed = documents.DraftForm(
        template="list-cooperatives",
        unit_code=OTHER,
        period="2026",
        overrides={"signer_name": "Nguyễn Thị Hoà"},
    )
    with session_scope(db) as session:
        assert _issue(session, signed).official.number_line == "Số: 01/DS-HPN"


def test_a_committee_plan_is_issued_under_its_own_symbol_and_signer(db: Engine) -> None:
    with session_scope(db) as session:
        plan = Plan(
            unit_code=COMMUNE,
            issuer="UBND thành phố Lai Châu",
            title="Kế hoạch thực hiện Đề án 01 trên địa bàn thành phố Lai Châu",
            period_start=dt.date(2023, 1, 1),
            period_end=dt.date(2030, 12, 31),
            signer_name="Trần Văn Sơn",
        )
        session.add(plan)
        session.flush()
        form = documents.DraftForm(template="plan", unit_code=COMMUNE, period="", plan_id=plan.id)
        issued = _issue(session, form)
        report = session.get(Report, issued.draft.id)
        assert report is not None
        assert (report.symbol, report.signer) == ("KH-UBND", "Trần Văn Sơn")
        assert issued.official.number_line.endswith("/KH-UBND")


def test_a_list_issued_by_the_peoples_committee_is_headed_and_signed_as_it(db: Engine) -> None:
    form = documents.DraftForm(
        template="list-cooperatives",
        unit_code=COMMUNE,
        period="2026",
        overrides={"issuer": "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG", "signer_name": "Hà Văn Tuấn"},
    )
    with session_scope(db) as session:
        issued = _issue(session, form)
    pdf = issued.official.pdf
    text = " ".join(" ".join(page_lines(pdf, p)) for p in range(1, page_count(pdf) + 1))
    assert issued.official.number_line == "Số: 01/DS-UBND"
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn Tuấn"):
        assert line in text, line
    assert "BAN THƯỜNG VỤ" not in text and "HỘI LHPN TỈNH LAI CHÂU" not in text


def test_the_reports_form_offers_a_plan_its_own_issuer_and_signer(db: Engine) -> None:
    with session_scope(db) as session:
        hoi = documents.issuing_defaults(session, COMMUNE, "list-cooperatives")
        session.add(
            Plan(
                unit_code=COMMUNE,
                issuer="UBND thành phố Lai Châu",
                title="Kế hoạch thực hiện Đề án 01 trên địa bàn thành phố Lai Châu",
                period_start=dt.date(2023, 1, 1),
                period_end=dt.date(2030, 12, 31),
                issued_on=dt.date(2026, 2, 1),
                signer_name="Trần Văn Sơn",
            )
        )
        session.flush()
        plan = documents.issuing_defaults(session, COMMUNE, "plan")
    assert (hoi["symbol"], hoi["signer_authority"]) == ("HPN", "TM. BAN THƯỜNG VỤ")
    assert plan["issuer"] == "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU"
    assert (plan["symbol"], plan["signer_name"]) == ("UBND", "Trần Văn Sơn")
    assert plan["signer_authority"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
