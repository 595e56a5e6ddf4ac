"""The Reports area: preview inside the app, drafts with paragraphs, issue, save, print."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from coopdesk import i18n
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report
from coopdesk.services import reports
from coopdesk.ui.context import AppContext
from coopdesk.ui.reports_page import ReportsPage
from tests.reports.fixtures import COOP, populate
from tests.reports.pdf import page_count, page_lines, page_raw, squeeze
from tests.ui.conftest import SCREENSHOTS, save_screenshot

STRENGTHS = "Chị em Bản Hon chủ động học thương mại điện tử; ỹ ữ ợ ặ ẫ."


@pytest.fixture
def page(qtbot, ctx: AppContext) -> ReportsPage:
    with session_scope(ctx.engine) as s:
        populate(s)
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1360, 820)
    widget.show()
    widget.date_edit.setDate(QDate(2026, 11, 5))
    widget.set_period("2026")
    return widget


def test_preview_draft_issue_and_save(
    page: ReportsPage, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    page.set_template("annual")
    assert page.paragraph_box.isVisibleTo(page) and not page.filter_box.isVisibleTo(page)
    page.paragraph_edits["strengths"].setPlainText(STRENGTHS)
    page.preview_button.click()
    assert page.rendered is not None and page.preview.page_count >= 3
    assert ctx.tasks.progress_seen  # the task reported its progress
    assert "/BC-HPN" in page.status_label.text()  # a draft: no number yet
    body = " ".join(" ".join(page_lines(page.rendered.pdf, p)) for p in (1, 2, 3))
    assert STRENGTHS in body
    save_screenshot(page, "reports-page-annual")
    image = page.preview.render_page(0)  # what the preview paints (QtPdf renders it lazily)
    assert not image.isNull() and image.width() == 900
    image.save(str(SCREENSHOTS / "reports-page-annual-page1.png"))

    page.save_draft_button.click()
    with session_scope(ctx.engine) as s:
        draft = s.scalars(select(Report)).one()
        assert draft.status == "draft"
        assert json.loads(draft.paragraphs) == {"strengths": STRENGTHS}
    assert page.register_table.rowCount() == 1

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.issue_button.click()
    with session_scope(ctx.engine) as s:
        issued = s.scalars(select(Report)).one()
        assert (issued.status, issued.number, issued.symbol) == ("issued", 1, "BC-HPN")
        assert issued.file_hash == page.rendered.sha256
    assert "01/BC-HPN" in page.status_label.text()
    assert page.register_table.item(0, 0).text() == "01/BC-HPN"
    assert not page.issue_button.isEnabled() and page.reissue_button.isEnabled()

    pdf_path, xlsx_path = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf_path), ""))
    page.pdf_button.click()
    assert pdf_path.read_bytes() == page.rendered.pdf
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx_path), ""))
    page.xlsx_button.click()
    workbook = load_workbook(io.BytesIO((tmp_path / "bao-cao.xlsx").read_bytes()))
    assert workbook.sheetnames == ["Chỉ tiêu"]

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert page.preview.print_document(printer, ask=False)
    assert page_count(printed.read_bytes()) == page.preview.page_count

    page.reissue_button.click()
    with session_scope(ctx.engine) as s:
        assert [r.status for r in s.scalars(select(Report).order_by(Report.created_at))] in (
            ["issued", "draft"],
            ["draft", "issued"],
        )
    statuses = [page.register_table.item(r, 4).text() for r in range(2)]
    assert "Dự thảo (ban hành lại)" in statuses


def test_lists_with_filters_and_an_english_version(page: ReportsPage) -> None:
    page.set_template("list-cooperatives")
    assert page.filter_box.isVisibleTo(page) and not page.paragraph_box.isVisibleTo(page)
    page.unit_combo.setCurrentIndex(0)
    page.search_edit.setText("det tho")
    page.preview_button.click()
    assert page.rendered is not None
    cells = squeeze(page_raw(page.rendered.pdf, 1))
    assert squeeze(COOP) in cells and squeeze("Tổ hợp tác Rau an toàn") not in cells
    page.search_edit.clear()
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    page.preview_button.click()
    first = " ".join(page_lines(page.rendered.pdf, 1))
    assert "LIST" in first and "SOCIALIST REPUBLIC OF VIETNAM" in first
    save_screenshot(page, "reports-page-list-en")


def test_bad_period_is_reported_on_the_page(page: ReportsPage) -> None:
    page.set_template("annual")
    page.period_combo.setEditText("2026x")
    page.preview_button.click()
    assert page.rendered is None
    assert "2026x" in page.status_label.text()
    assert not page.pdf_button.isEnabled()


def test_page_speaks_english_after_a_language_switch(page: ReportsPage) -> None:
    i18n.set_language("en")
    page.translate_ui()
    assert page.preview_button.text() == "Preview"
    assert page.document_combo.itemText(0) == "Report on the results of the Project"
    i18n.set_language("vi")
    page.translate_ui()
    assert page.preview_button.text() == "Xem trước"


def test_aggregating_unit_reports_on_itself_or_a_child(qtbot, engine, data_dir, tasks) -> None:
    from coopdesk.ui.context import InstallationView

    with session_scope(engine) as s:
        populate(s)
    ctx = AppContext(engine, data_dir, InstallationView("12", "aggregator", "Lò Thị Mai"), tasks)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    names = [page.unit_combo.itemText(i) for i in range(page.unit_combo.count())]
    assert names[0] == "Lai Châu" and "Phường Tân Phong" in names
    page.date_edit.setDate(QDate(2026, 11, 5))
    page.set_period("2026")
    page.preview_button.click()
    text = " ".join(
        " ".join(page_lines(page.rendered.pdf, p)) for p in range(1, page.preview.page_count + 1)
    )
    assert "MỘT SỐ CHỈ TIÊU CHỦ YẾU THEO ĐƠN VỊ" in text and "Xã Tả Lèng" in text


def test_plan_keeps_its_issuer_and_a_changed_signer_is_used(page: ReportsPage) -> None:
    page.set_template("plan")
    assert not page.period_combo.isEnabled()
    page.override_edits["signer_name"].setText("Tòng Thị Phới")
    page.preview_button.click()
    pages = [
        " ".join(page_lines(page.rendered.pdf, p)) for p in range(1, page.preview.page_count + 1)
    ]
    assert "Số: 12/KH-HPN" in pages[0] and "KẾ HOẠCH" in pages[0]
    assert "Tòng Thị Phới" in pages[-1]
    assert page.overrides() == {"signer_name": "Tòng Thị Phới"}


def test_list_filters_shown_for_the_chosen_list(page: ReportsPage) -> None:
    page.set_template("list-cooperatives")
    programme = page.filter_checks["founded_under_programme"]
    assert page.sector_combo.isVisibleTo(page) and programme.isVisibleTo(page)
    assert page.filter_labels["year"].text() == "Năm thành lập"
    programme.setChecked(True)
    page.preview_button.click()
    assert page.rendered is not None
    cells = squeeze(page_raw(page.rendered.pdf, 1))
    assert squeeze("Tổ hợp tác Rau an toàn") in cells and squeeze(COOP) not in cells
    assert "(Lọc theo thành lập mới theo Đề án)" in " ".join(page_lines(page.rendered.pdf, 1))
    save_screenshot(page, "reports-page-list-filters")

    page.set_template("list-activities")  # only the year applies to activities
    assert not page.sector_combo.isVisibleTo(page) and not programme.isVisibleTo(page)
    assert page.year_combo.isVisibleTo(page) and page.filter_labels["year"].text() == "Năm"
    assert page.filters() == reports.ListFilter()  # the hidden check box is not applied
    page.set_period("all")
    page.year_combo.setCurrentIndex(page.year_combo.findData(2025))
    page.preview_button.click()
    assert page.rendered is not None
    text = " ".join(page_lines(page.rendered.pdf, 1))
    assert "(Lọc theo năm 2025)" in text and "Tuyên truyền Luật" not in text
