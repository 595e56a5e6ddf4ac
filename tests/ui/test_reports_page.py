"""The Reports area: preview inside the app, drafts with paragraphs, issue, save, print."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from coopdesk import i18n
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report
from coopdesk.domain.periods import default_period
from coopdesk.services import documents
from coopdesk.ui.context import AppContext
from coopdesk.ui.reports_page import ReportsPage
from tests.reports.fixtures import COOP, populate
from tests.reports.pdf import page_count, page_lines, page_raw, squeeze
from tests.ui.conftest import SCREENSHOTS, save_screenshot

STRENGTHS = "Chị em Bản Hon chủ động học thương mại điện tử; ỹ ữ ợ ặ ẫ."


@pytest.fixture(autouse=True)
def _closing_drops_unsaved_text(monkeypatch) -> None:
    """A window closed at teardown must not wait for a person to answer (the tests of the
    question answer it themselves)."""

    def discard(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "Không lưu").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", discard)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> ReportsPage:
    with session_scope(ctx.engine) as s:
        populate(s)
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1360, 820)
    widget.show()
    widget.form.set_period("2026")
    widget.form.date_edit.setDate(QDate(2026, 11, 5))
    return widget


def _write_the_other_parts(page: ReportsPage) -> None:
    """What an issue needs besides the strengths: every officer-only part written."""
    for key in ("difficulties", "next_tasks", "proposals"):
        page.form.paragraph_edits[key].setPlainText("Đã viết.")


def test_preview_draft_issue_and_save(
    page: ReportsPage, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    page.form.set_template("annual")
    assert page.form.paragraph_box.isVisibleTo(page) and not page.form.filter_box.isVisibleTo(page)
    page.form.paragraph_edits["strengths"].setPlainText(STRENGTHS)
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
    assert page.register.rowCount() == 1

    _write_the_other_parts(page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.issue_button.click()
    with session_scope(ctx.engine) as s:
        issued = s.scalars(select(Report)).one()
        assert (issued.status, issued.number, issued.symbol) == ("issued", 1, "BC-HPN")
        assert issued.file_hash == page.rendered.sha256
    assert "01/BC-HPN" in page.status_label.text()
    assert page.register.item(0, 0).text() == "01/BC-HPN"
    assert not page.issue_button.isEnabled() and page.reissue_button.isEnabled()

    pdf_path, xlsx_path = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf_path), ""))
    page.pdf_button.click()
    assert pdf_path.read_bytes() == page.rendered.pdf
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx_path), ""))
    page.xlsx_button.click()
    workbook = load_workbook(io.BytesIO((tmp_path / "bao-cao.xlsx").read_bytes()))
    assert workbook.sheetnames == ["Chỉ tiêu"]
    docx_path = tmp_path / "bao-cao-word"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(docx_path), ""))
    assert page.docx_button.text() == "Lưu Word…"
    page.docx_button.click()
    word = (tmp_path / "bao-cao-word.docx").read_bytes()
    assert word == page.rendered.docx() and b"word/document.xml" in word

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
    statuses = [page.register.item(r, 4).text() for r in range(2)]
    assert "Dự thảo (ban hành lại)" in statuses


def test_lists_with_filters_and_an_english_version(page: ReportsPage) -> None:
    page.form.set_template("list-cooperatives")
    assert page.form.filter_box.isVisibleTo(page) and not page.form.paragraph_box.isVisibleTo(page)
    page.form.unit_combo.setCurrentIndex(0)
    page.form.filter_box.search_edit.setText("det tho")
    page.preview_button.click()
    assert page.rendered is not None
    cells = squeeze(page_raw(page.rendered.pdf, 1))
    assert squeeze(COOP) in cells and squeeze("Tổ hợp tác Rau an toàn") not in cells
    page.form.filter_box.search_edit.clear()
    page.form.language_combo.setCurrentIndex(page.form.language_combo.findData("en"))
    page.preview_button.click()
    first = " ".join(page_lines(page.rendered.pdf, 1))
    assert "LIST" in first and "SOCIALIST REPUBLIC OF VIETNAM" in first
    save_screenshot(page, "reports-page-list-en")


def test_bad_period_is_reported_on_the_page(page: ReportsPage) -> None:
    page.form.set_template("annual")
    page.form.period_combo.setEditText("2026x")
    page.preview_button.click()
    assert page.rendered is None
    assert "2026x" in page.status_label.text()
    assert not page.pdf_button.isEnabled()


def test_page_speaks_english_after_a_language_switch(page: ReportsPage) -> None:
    i18n.set_language("en")
    page.translate_ui()
    assert page.preview_button.text() == "Preview"
    assert page.form.document_combo.itemText(0) == "Report on the results of the Project"
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
    names = [page.form.unit_combo.itemText(i) for i in range(page.form.unit_combo.count())]
    assert names[0] == "Lai Châu" and "Phường Tân Phong" in names
    page.form.date_edit.setDate(QDate(2026, 11, 5))
    page.form.set_period("2026")
    page.preview_button.click()
    text = " ".join(
        " ".join(page_lines(page.rendered.pdf, p)) for p in range(1, page.preview.page_count + 1)
    )
    assert "MỘT SỐ CHỈ TIÊU CHỦ YẾU THEO ĐƠN VỊ" in text and "Xã Tả Lèng" in text


def test_plan_keeps_its_issuer_and_a_changed_signer_is_used(page: ReportsPage) -> None:
    page.form.set_template("plan")
    assert not page.form.period_combo.isEnabled()
    page.form.override_edits["signer_name"].setText("Tòng Thị Phới")
    page.preview_button.click()
    pages = [
        " ".join(page_lines(page.rendered.pdf, p)) for p in range(1, page.preview.page_count + 1)
    ]
    assert "Số: 12/KH-HPN" in pages[0] and "KẾ HOẠCH" in pages[0]
    assert "Tòng Thị Phới" in pages[-1]
    assert page.form.overrides() == {"signer_name": "Tòng Thị Phới"}


def test_list_filters_shown_for_the_chosen_list(page: ReportsPage) -> None:
    page.form.set_template("list-cooperatives")
    programme = page.form.filter_box.checks["founded_under_programme"]
    assert page.form.filter_box.sector_combo.isVisibleTo(page) and programme.isVisibleTo(page)
    assert page.form.filter_box.labels["year"].text() == "Năm thành lập"
    programme.setChecked(True)
    page.preview_button.click()
    assert page.rendered is not None
    cells = squeeze(page_raw(page.rendered.pdf, 1))
    assert squeeze("Tổ hợp tác Rau an toàn") in cells and squeeze(COOP) not in cells
    assert "(Lọc theo thành lập mới theo Đề án)" in " ".join(page_lines(page.rendered.pdf, 1))
    save_screenshot(page, "reports-page-list-filters")

    page.form.set_template("list-activities")  # only the year applies to activities
    assert not page.form.filter_box.sector_combo.isVisibleTo(page) and not programme.isVisibleTo(
        page
    )
    assert (
        page.form.filter_box.year_combo.isVisibleTo(page)
        and page.form.filter_box.labels["year"].text() == "Năm"
    )
    assert (
        page.form.filter_box.filters() == documents.ListFilter()
    )  # the hidden check box is not applied
    page.form.set_period("all")
    page.form.filter_box.year_combo.setCurrentIndex(page.form.filter_box.year_combo.findData(2025))
    page.preview_button.click()
    assert page.rendered is not None
    text = " ".join(page_lines(page.rendered.pdf, 1))
    assert "(Lọc theo năm 2025)" in text and "Tuyên truyền Luật" not in text


# --- drafts saved as she types, reopened, and not lost on closing -------------------------

ASSESSMENT = "Hội đã phối hợp tốt với UBND phường; chị em tích cực tham gia."
PROPOSAL = "Đề nghị tỉnh hỗ trợ kinh phí tập huấn thương mại điện tử."


def _type(qtbot, page: ReportsPage, key: str, text: str) -> None:
    """Key presses carrying each letter (QTest's keyClicks knows only ASCII)."""
    edit = page.form.paragraph_edits[key]
    edit.setFocus()
    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter)
            QApplication.sendEvent(edit, event)


def _answer_with(monkeypatch, choice: str) -> list[tuple[str, list[str]]]:
    """Answer the unsaved-changes question by clicking the button shown as `choice`."""
    asked: list[tuple[str, list[str]]] = []

    def exec_(box: QMessageBox) -> int:
        names = [b.text() for b in box.buttons()]
        asked.append((box.text(), names))
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _reopened(qtbot, ctx: AppContext) -> ReportsPage:
    """The Reports page after a restart: a new page on the same database."""
    again = ReportsPage(ctx)
    qtbot.addWidget(again)
    return again


def test_paragraphs_are_saved_as_she_types_and_reopen(qtbot, ctx: AppContext) -> None:
    with session_scope(ctx.engine) as s:
        populate(s)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.autosave.saved, timeout=10_000):
        _type(qtbot, page, "strengths", ASSESSMENT)
    assert not page.autosave.unsaved
    assert page.register.rowCount() == 1 and page.register.item(0, 4).text() == "Dự thảo"
    with qtbot.waitSignal(page.autosave.saved, timeout=10_000):
        _type(qtbot, page, "proposals", PROPOSAL)
    with session_scope(ctx.engine) as s:
        assert s.scalars(select(Report)).one().status == "draft"  # one draft, updated
    again = _reopened(qtbot, ctx)  # no click: the draft of this kind, unit and period
    assert again.form.paragraph_edits["strengths"].toPlainText() == ASSESSMENT
    assert again.form.paragraph_edits["proposals"].toPlainText() == PROPOSAL
    assert again.report_id == page.report_id
    again.form.set_period("phase2")  # another period has no draft yet: an empty form
    assert again.form.paragraph_edits["strengths"].toPlainText() == ""
    again.form.set_period(page.form.period_key())
    assert again.form.paragraph_edits["strengths"].toPlainText() == ASSESSMENT


def test_choosing_another_period_keeps_what_was_just_typed(qtbot, page: ReportsPage, ctx) -> None:
    page.form.set_template("annual")
    _type(qtbot, page, "difficulties", "Thiếu kinh phí.")
    assert page.autosave.unsaved  # typed a moment ago: not saved yet
    page.form.set_period("2025")  # saved for 2026 before the form shows 2025
    assert page.form.paragraph_edits["difficulties"].toPlainText() == ""
    again = _reopened(qtbot, ctx)
    again.form.set_period("2026")
    assert again.form.paragraph_edits["difficulties"].toPlainText() == "Thiếu kinh phí."


def test_closing_the_window_asks_about_unsaved_paragraphs(
    qtbot, main_window, ctx: AppContext, monkeypatch
) -> None:
    page = main_window.show_area("reports")
    _type(qtbot, page, "strengths", ASSESSMENT)
    asked = _answer_with(monkeypatch, "Huỷ")
    assert not main_window.close()  # Cancel: the window stays, the text too
    assert main_window.isVisible()
    ((text, buttons),) = asked
    assert sorted(buttons) == ["Huỷ", "Không lưu", "Lưu"] and "chưa được lưu" in text
    asked = _answer_with(monkeypatch, "Lưu")
    assert main_window.close()
    assert asked and not main_window.isVisible()
    again = _reopened(qtbot, ctx)
    assert again.form.paragraph_edits["strengths"].toPlainText() == ASSESSMENT


def test_closing_without_saving_drops_only_what_she_chose_to_drop(
    qtbot, main_window, ctx: AppContext, monkeypatch
) -> None:
    page = main_window.show_area("reports")
    with qtbot.waitSignal(page.autosave.saved, timeout=10_000):
        _type(qtbot, page, "strengths", ASSESSMENT)
    asked = _answer_with(monkeypatch, "Lưu")
    _type(qtbot, page, "proposals", PROPOSAL)
    _answer_with(monkeypatch, "Không lưu")
    assert main_window.close()
    again = _reopened(qtbot, ctx)
    assert again.form.paragraph_edits["strengths"].toPlainText() == ASSESSMENT
    assert again.form.paragraph_edits["proposals"].toPlainText() == ""
    assert not asked


def test_an_issued_document_is_read_only(page: ReportsPage, monkeypatch) -> None:
    page.form.set_template("annual")
    page.form.paragraph_edits["strengths"].setPlainText(STRENGTHS)
    _write_the_other_parts(page)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.issue_button.click()
    assert page.issued and page.form.paragraph_edits["strengths"].isReadOnly()
    assert not page.save_draft_button.isEnabled() and not page.autosave.unsaved
    page.reissue_button.click()
    assert not page.issued and not page.form.paragraph_edits["strengths"].isReadOnly()
    assert page.form.paragraph_edits["strengths"].toPlainText() == STRENGTHS


# --- periods, places and file names ---------------------------------------------------------


def test_reports_and_overview_open_on_the_same_period(qtbot, ctx: AppContext) -> None:
    from coopdesk.services import settings
    from coopdesk.ui.dashboard import OverviewPage

    for cutoff in ("11-15", "10-01"):
        with session_scope(ctx.engine) as s:
            settings.save_document_settings(s, ctx.unit_code, {"reporting_cutoff": cutoff})
        overview, reports_page = OverviewPage(ctx), ReportsPage(ctx)
        qtbot.addWidget(overview)
        qtbot.addWidget(reports_page)
        expected = default_period(dt.date.today(), cutoff)
        assert overview.selected_period().key == expected.key
        assert reports_page.form.period_key() == expected.key
        assert reports_page.form.period_combo.currentText() == expected.label()
        assert reports_page.form.period_combo.currentText().startswith("Năm báo cáo")


def test_save_dialogs_offer_a_name_people_can_read(page: ReportsPage, monkeypatch) -> None:
    offered: list[str] = []

    def cancelled(_parent, _title, name: str, _pattern) -> tuple[str, str]:
        offered.append(name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancelled)
    page.form.set_template("annual")
    page.preview_button.click()
    page.pdf_button.click()
    page.xlsx_button.click()
    assert offered == [
        "Bao-cao-De-an-01-Phuong-Tan-Phong-2026.pdf",
        "Bao-cao-De-an-01-Phuong-Tan-Phong-2026.xlsx",
    ]


def test_screenshots_in_the_main_window_in_both_languages(qtbot, main_window) -> None:
    from coopdesk.ui.reports_form import OVERRIDE_FIELDS

    page = main_window.show_area("reports")
    page.form.set_template("annual")
    page.form.paragraph_edits["strengths"].setPlainText(STRENGTHS)
    page.preview_button.click()
    for lang in ("en", "vi"):  # the preview paints its pages lazily: vi shows them
        i18n.set_language(lang)
        main_window.translate_ui()
        QApplication.processEvents()  # let the layout settle before the grab
        save_screenshot(main_window, f"reports-page-1366x768-{lang}")
        labels = [page.form.override_labels[key] for key, _msgid in OVERRIDE_FIELDS]
        for label in [*labels, *page.form.choose_labels.values()]:
            assert label.width() >= label.sizeHint().width(), label.text()  # not clipped
        period = page.form.period_combo
        assert period.width() >= period.sizeHint().width(), period.currentText()
        for button in (page.preview_button, page.issue_button, page.new_button):
            assert button.width() >= button.sizeHint().width(), button.text()
    i18n.set_language("vi")
    main_window.translate_ui()
