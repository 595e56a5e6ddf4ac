"""Every document rendered, read back as a person would: its words, pages, margins, bytes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.services.documents import ListFilter, Rendered, ReportRequest, render_request
from tests.reports.fixtures import COMMUNE, COOP, MANAGER, PROVINCE, TRAINING
from tests.reports.pdf import ink_box_mm, page_count, page_lines, page_raw, squeeze, words

DATE = dt.date(2026, 11, 5)
OFFICER_TEXT = "Chị Lò Thị Ỏn và Tẩn Thị Mỷ hướng dẫn chị em: ỹ ữ ợ ặ ẫ Đề án."


def render(engine: Engine, template: str, unit: str = COMMUNE, **kw: object) -> Rendered:
    with session_scope(engine) as session:
        request = ReportRequest(template, unit, str(kw.pop("period", "2026")), date=DATE, **kw)  # type: ignore[arg-type]
        return render_request(session, request)


def flat(pdf: bytes, page: int) -> str:
    return unicodedata.normalize("NFC", " ".join(page_lines(pdf, page)))


@pytest.fixture(scope="module")
def annual(report_engine: Engine) -> Rendered:
    return render(
        report_engine,
        "annual",
        number=7,
        paragraphs={"strengths": OFFICER_TEXT, "proposals": "- Đề nghị hỗ trợ kinh phí."},
    )


def test_annual_report_header_in_the_decree_layout(annual: Rendered) -> None:
    first = flat(annual.pdf, 1)
    for expected in (
        "HỘI LHPN TỈNH LAI CHÂU",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 07/BC-HPN",
        "Tân Phong, ngày 05 tháng 11 năm 2026",
        "BÁO CÁO",
        "Kết quả thực hiện Đề án “Hỗ trợ hợp tác xã do phụ nữ tham gia quản lý",
    ):
        assert expected in first
    assert "HỘI LHPN PHƯỜNG" in first and "TÂN PHONG" in first


def test_annual_report_body_numbers_and_officer_text(annual: Rendered) -> None:
    body = " ".join(flat(annual.pdf, p) for p in range(1, page_count(annual.pdf) + 1))
    assert "I. TÌNH HÌNH CHUNG" in body
    assert "II. KẾT QUẢ THỰC HIỆN" in body
    assert "Tổ chức 2 hoạt động tuyên truyền, thu hút 1.620 lượt người tham gia" in body
    assert "trong đó có 895 lượt phụ nữ" in body
    assert "Quỹ hỗ trợ phụ nữ phát triển: 1 lượt, 50.000.000 đồng." in body  # the last item
    assert "IV. NHIỆM VỤ TRỌNG TÂM NĂM 2027" in body
    assert OFFICER_TEXT in body  # diacritics exactly as entered
    assert "- Đề nghị hỗ trợ kinh phí." in body
    assert "(Nội dung do cán bộ bổ sung)" in body  # the paragraphs not written yet


def test_page_numbers_from_page_two_centred_at_the_top(annual: Rendered) -> None:
    assert page_count(annual.pdf) >= 3
    assert not any(line.isdigit() for line in page_lines(annual.pdf, 1))
    for page in (2, 3):
        assert page_lines(annual.pdf, page)[0] == str(page)
        _left, top, *_rest = ink_box_mm(annual.pdf, page)
        assert 5 <= top <= 12  # the number sits inside the 20 mm top margin


def test_signature_and_recipients_close_the_body_then_the_appendix(annual: Rendered) -> None:
    pages = page_count(annual.pdf)
    appendix_first = next(p for p in range(1, pages + 1) if "Phụ lục 1" in flat(annual.pdf, p))
    closing = flat(annual.pdf, appendix_first - 1)
    for expected in ("Nơi nhận:", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "- Lưu: VT."):
        assert expected in closing
    assert "Trên đây là báo cáo kết quả thực hiện Đề án năm 2026" in closing
    appendix = flat(annual.pdf, appendix_first)
    assert "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026" in appendix
    assert "(Kèm theo Báo cáo số 07/BC-HPN ngày 05/11/2026)" in appendix
    assert "HTX do phụ nữ tham gia quản lý HTX 2 1 50 %" in appendix  # target 2, result 1


def test_margins_of_drawn_content(annual: Rendered) -> None:
    for page in (1, 2):
        left, top, right, bottom, width, height = ink_box_mm(annual.pdf, page)
        assert (round(width), round(height)) == (210, 297)
        assert 29.5 <= left <= 31.5, left  # left margin 30 mm, body text starts there
        assert 193 <= right <= 195.5, right  # right margin 15 mm, justified text reaches it
        assert bottom <= 297 - 19.5, bottom
        if page == 1:
            assert top >= 19.5, top


def test_same_data_gives_the_same_bytes(report_engine: Engine, annual: Rendered) -> None:
    again = render(
        report_engine,
        "annual",
        number=7,
        paragraphs={"strengths": OFFICER_TEXT, "proposals": "- Đề nghị hỗ trợ kinh phí."},
    )
    assert again.pdf == annual.pdf
    draft = render(report_engine, "list-support")
    assert render(report_engine, "list-support").pdf == draft.pdf


def test_draft_leaves_the_number_blank(report_engine: Engine) -> None:
    draft = render(report_engine, "annual")
    assert "Số: /BC-HPN" in flat(draft.pdf, 1)
    found = words(draft.pdf, 1)
    label = next(w for w in found if w[0] == "Số:")
    suffix = next(w for w in found if w[0] == "/BC-HPN")
    assert suffix[1] - label[3] >= 20  # a blank of ~9 mm for the number, on the same line
    assert abs(suffix[2] - label[2]) < 1


def test_english_version(report_engine: Engine) -> None:
    english = render(report_engine, "annual", lang="en", number=7)
    first = flat(english.pdf, 1)
    for expected in (
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom - Happiness",
        "Number: 07/BC-HPN",
        "Tân Phong, 5 November 2026",
        "REPORT",
        "I. GENERAL SITUATION",
    ):
        assert expected in first


def test_province_report_has_a_landscape_table_by_commune(report_engine: Engine) -> None:
    report = render(report_engine, "annual", PROVINCE, number=3)
    pages = page_count(report.pdf)
    by_unit = next(
        p for p in range(1, pages + 1) if "CHỈ TIÊU CHỦ YẾU THEO ĐƠN VỊ" in flat(report.pdf, p)
    )
    left, top, right, bottom, width, height = ink_box_mm(report.pdf, by_unit)
    assert (round(width), round(height)) == (297, 210)
    assert left >= 29.5 and right <= 297 - 14.5 and bottom <= 210 - 19.5 and top >= 5
    text = " ".join(flat(report.pdf, p) for p in range(by_unit, pages + 1))
    assert "Phường Tân Phong" in text and "Xã Tả Lèng" in text
    assert "Tổng cộng" in text
    assert "Hội LHPN tỉnh Lai Châu báo cáo" in flat(report.pdf, 1)


def test_plan_document_follows_the_seed_structure(report_engine: Engine) -> None:
    doc = render(report_engine, "plan")
    text = " ".join(flat(doc.pdf, p) for p in range(1, page_count(doc.pdf) + 1))
    for expected in (
        "KẾ HOẠCH",
        "Số: 12/KH-HPN",
        "Tân Phong, ngày 15 tháng 01 năm 2026",
        "Căn cứ Quyết định số 01/QĐ-TTg ngày 03/01/2023 của Thủ tướng Chính phủ;",
        "Căn cứ Kế hoạch số 2229/KH-UBND ngày 16/6/2023 của UBND tỉnh Lai Châu.",  # the last
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU",
        "2. Mục tiêu cụ thể",
        "a) Đến năm 2026",
        "- HTX do phụ nữ tham gia quản lý: ≥ 2 HTX;",
        "b) Đến năm 2030",
        "III. ĐỐI TƯỢNG, THỜI GIAN THỰC HIỆN",
        "IV. NHIỆM VỤ, GIẢI PHÁP",
        "V. KINH PHÍ THỰC HIỆN",
        "VI. TỔ CHỨC THỰC HIỆN",
        "- Chủ trì tổ chức tuyên truyền về Đề án.",  # the deadline is tracked, not printed
        "3. Chế độ báo cáo",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    assert re.search(r"[12]\. Hội LHPN phường", text)
    assert re.search(r"[12]\. Bộ phận Tài chính - Kế hoạch", text)


def test_lists_show_the_records_with_their_totals(report_engine: Engine) -> None:
    pdf = render(report_engine, "list-cooperatives", PROVINCE).pdf
    coops = flat(pdf, 1)
    assert "DANH SÁCH" in coops and "Số: /DS-HPN" in coops
    cells = squeeze(page_raw(pdf, 1))
    assert squeeze(COOP) in cells and squeeze("OCOP 4 sao") in cells
    assert squeeze("Lò Thị Ỏn (Chủ tịch HĐQT); Lò Thị Ỏn (Giám đốc)") in cells
    assert squeeze("Hợp tác xã Chè Sơn Bình") not in squeeze(coops)  # no woman manages it
    managers = render(report_engine, "list-managers", PROVINCE).pdf
    text = flat(managers, 1)
    assert re.search(rf"{MANAGER} 1985 .*Có 1 12/05/2026", text), text
    assert re.search(r"Nguyễn Thị Hoà 1979 .*Chưa 0", text), text
    trainings = render(report_engine, "list-trainings").pdf
    assert squeeze(TRAINING) in squeeze(page_raw(trainings, 1))
    assert "12/05/2026 13/05/2026" in flat(trainings, 1)
    activities = flat(render(report_engine, "list-activities").pdf, 1)
    assert "Tổng cộng 1.620 895 2.000.000" in activities
    support = render(report_engine, "list-support").pdf
    cells = squeeze(page_raw(support, 1))
    assert squeeze("Quỹ hỗ trợ phụ nữ phát triển 50.000.000 Vay vốn mua máy dệt") in cells
    assert "Tổng cộng 50.000.000" in flat(support, 1)


def test_lists_filter_like_the_app(report_engine: Engine) -> None:
    filtered = render(
        report_engine, "list-cooperatives", PROVINCE, filters=ListFilter(search="det tho")
    ).pdf
    only = flat(filtered, 1)
    assert squeeze(COOP) in squeeze(page_raw(filtered, 1)) and "Mây tre" not in only
    assert "(Lọc theo tìm: “det tho”)" in only
    untrained = flat(
        render(
            report_engine, "list-managers", PROVINCE, filters=ListFilter(status="untrained")
        ).pdf,
        1,
    )
    assert "Nguyễn Thị Hoà" in untrained and MANAGER not in untrained


def test_every_document_has_signature_on_its_last_page(report_engine: Engine) -> None:
    for template in ("plan", "list-trainings", "list-activities", "list-support"):
        pdf = render(report_engine, template).pdf
        last = flat(pdf, page_count(pdf))
        assert "Nơi nhận:" in last and "TM. BAN THƯỜNG VỤ" in last, template


def test_phase_review_and_custom_range(report_engine: Engine) -> None:
    review = " ".join(page_lines(render(report_engine, "annual", period="phase1").pdf, 1))
    assert "Sơ kết giai đoạn 1 (2023–2025) thực hiện Đề án" in review
    ranged = render(report_engine, "annual", period="2026-01-01..2026-03-31").pdf
    text = " ".join(flat(ranged, p) for p in range(1, page_count(ranged) + 1))
    assert "từ ngày 01/01/2026 đến ngày 31/03/2026" in text
    assert "IV. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI" in text
    assert "Tổ chức 1 hoạt động tuyên truyền, thu hút 120 lượt người" in text  # March only


def test_header_names_break_between_words_and_keep_thanh_pho_together() -> None:
    from coopdesk.reports import styles as S
    from coopdesk.reports.flowables import LEFT_SHARE, balanced_lines
    from coopdesk.reports.layout import frame_width

    fonts = S.document_styles().fonts
    width = frame_width() * LEFT_SHARE - 4
    lines = balanced_lines("UBND THÀNH PHỐ LAI CHÂU", fonts.bold, S.HEADER_SIZE, width)
    assert lines == ["UBND THÀNH PHỐ", "LAI CHÂU"]
    lines = balanced_lines("ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU", fonts.bold, S.HEADER_SIZE, width)
    assert lines == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LAI CHÂU"]


def test_a_peoples_committee_plan_is_headed_numbered_and_signed_as_the_committee(
    report_engine: Engine,
) -> None:
    from coopdesk.db.models import Plan

    with session_scope(report_engine) as session:
        plan = Plan(
            unit_code=COMMUNE,
            issuer="UBND thành phố Lai Châu",
            title="Kế hoạch thực hiện Đề án 01 trên địa bàn thành phố Lai Châu",
            period_start=dt.date(2023, 1, 1),
            period_end=dt.date(2030, 12, 31),
            purpose="- Xác định rõ trách nhiệm của các cấp chính quyền.",
        )
        session.add(plan)
        session.flush()
        plan_id = plan.id
    doc = render(report_engine, "plan", plan_id=plan_id)
    text = " ".join(flat(doc.pdf, p) for p in range(1, page_count(doc.pdf) + 1))
    first = flat(doc.pdf, 1)
    assert "ỦY BAN NHÂN DÂN" in first and "THÀNH PHỐ LAI CHÂU" in first
    assert "/KH-UBND" in first and "KH-HPN" not in text
    assert "Lai Châu, ngày 05 tháng 11 năm 2026" in first
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        assert line in text
    assert "BAN THƯỜNG VỤ" not in text
    assert "Trên đây là Kế hoạch thực hiện Đề án 01 trên địa bàn thành phố Lai Châu./." in text
    assert "kế hoạch kế hoạch" not in text.lower()
    assert "KẾ HOẠCH Thực hiện Đề án 01" in first


def test_a_basis_always_has_its_number_and_date(report_engine: Engine) -> None:
    from coopdesk.db.models import Plan

    with session_scope(report_engine) as session:
        session.add(
            Plan(
                unit_code=COMMUNE,
                issuer="UBND thành phố Lai Châu",
                title="Kế hoạch chưa có số",
                period_start=dt.date(2026, 1, 1),
                period_end=dt.date(2026, 12, 31),
            )
        )
    report = render(report_engine, "annual")
    first = flat(report.pdf, 1)
    assert "Căn cứ Kế hoạch số 12/KH-HPN ngày 15/01/2026" in first
    assert "Căn cứ Kế hoạch của" not in first


def test_a_plan_with_no_target_groups_prints_no_empty_target_groups_item(
    report_engine: Engine,
) -> None:
    from coopdesk.db.models import Plan

    with session_scope(report_engine) as session:
        plan = Plan(
            unit_code=PROVINCE,
            issuer="UBND tỉnh Lai Châu",
            title="Kế hoạch thực hiện Đề án 01 trên địa bàn tỉnh năm 2024",
            period_start=dt.date(2024, 1, 1),
            period_end=dt.date(2024, 12, 31),
        )
        session.add(plan)
        session.flush()
        plan_id = plan.id
    doc = render(report_engine, "plan", PROVINCE, plan_id=plan_id)
    text = " ".join(flat(doc.pdf, p) for p in range(1, page_count(doc.pdf) + 1))
    # neither target groups nor timing: no part III forced; the tasks come third
    assert "ĐỐI TƯỢNG" not in text and "Đối tượng" not in text
    assert "Thời gian thực hiện" not in text
    assert "III. NHIỆM VỤ, GIẢI PHÁP" in text
