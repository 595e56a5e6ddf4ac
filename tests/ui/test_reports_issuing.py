"""Issuing from the Reports page (issue 15 items 3 and 8): the issue button refuses while a
part is empty and names its field, a part can be left out, a second issue for the period is a
replacement she confirms, and the register saves a document exactly as it was issued."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report
from coopdesk.ui.context import AppContext
from coopdesk.ui.reports_page import ReportsPage
from tests.reports.fixtures import populate
from tests.reports.pdf import page_texts
from tests.ui.conftest import save_screenshot

Said = list[tuple[str, str]]


@pytest.fixture
def page(qtbot, ctx: AppContext) -> ReportsPage:
    with session_scope(ctx.engine) as s:
        populate(s)
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1360, 900)
    widget.show()
    widget.form.set_template("annual")
    widget.form.set_period("2026")
    widget.form.date_edit.setDate(QDate(2026, 11, 5))
    return widget


@pytest.fixture
def said(monkeypatch) -> Said:
    """What the page asked or warned (title, text); every question answered Yes."""
    seen: Said = []

    def question(parent, title: str, text: str, *a, **k) -> QMessageBox.StandardButton:
        seen.append((title, text))
        return QMessageBox.StandardButton.Yes

    def warning(parent, title: str, text: str, *a, **k) -> QMessageBox.StandardButton:
        seen.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


def _reports(ctx: AppContext) -> list[tuple[str, int | None]]:
    with session_scope(ctx.engine) as s:
        return [(r.status, r.number) for r in s.scalars(select(Report).order_by(Report.number))]


def test_issue_is_refused_naming_the_empty_fields(page: ReportsPage, ctx, said: Said) -> None:
    page.form.paragraph_edits["strengths"].setPlainText("Chị em tích cực tham gia.")
    page.form.paragraph_edits["difficulties"].setPlainText("Vốn còn ít.")
    page.issue_button.click()
    ((_title, text),) = said
    assert "“Nhiệm vụ trọng tâm thời gian tới”" in text and "“Đề xuất, kiến nghị”" in text
    assert "Ưu điểm" not in text and "“Lược bỏ mục này”" in text
    assert "“Nội dung do cán bộ viết (lưu cùng báo cáo)”" in text  # the box of the fields
    assert page.status_label.text() == (
        "Chưa ban hành: còn trống: “Nhiệm vụ trọng tâm thời gian tới”, “Đề xuất, kiến nghị”."
    )
    assert page.form.paragraph_edits["next_tasks"].hasFocus()
    assert all(status == "draft" for status, _n in _reports(ctx))
    save_screenshot(page, "reports-issue-refused")


def test_a_part_left_out_is_issued_without_its_heading(page: ReportsPage, ctx, said: Said) -> None:
    form = page.form
    for key in ("strengths", "difficulties", "next_tasks"):
        form.paragraph_edits[key].setPlainText("Đã viết.")
    form.leave_out_boxes["proposals"].setChecked(True)
    assert not form.paragraph_edits["proposals"].isEnabled()
    save_screenshot(page, "reports-part-left-out")
    page.issue_button.click()
    assert _reports(ctx) == [("issued", 1)]
    text = "\n".join(page_texts(page.rendered.pdf))
    assert "KIẾN NGHỊ" not in text and "(Nội dung do cán bộ bổ sung)" not in text
    assert page.form.leave_out_boxes["proposals"].isChecked()  # as issued
    assert not page.form.leave_out_boxes["proposals"].isEnabled()


def test_a_second_issue_asks_to_replace_and_the_register_saves_as_issued(
    page: ReportsPage, ctx, said: Said, tmp_path: Path, monkeypatch
) -> None:
    for key in ("strengths", "difficulties", "next_tasks", "proposals"):
        page.form.paragraph_edits[key].setPlainText("Đã viết.")
    page.issue_button.click()
    first_pdf = page.rendered.pdf
    said.clear()
    page.new_button.click()
    for key in ("strengths", "difficulties", "next_tasks", "proposals"):
        page.form.paragraph_edits[key].setPlainText("Bản sửa.")
    page.form.date_edit.setDate(QDate(2026, 11, 9))
    page.issue_button.click()
    ((_title, question),) = said
    assert "01/BC-HPN" in question and "05/11/2026" in question and "thay thế" in question
    assert _reports(ctx) == [("issued", 1), ("issued", 2)]
    assert "Thay thế văn bản số 01/BC-HPN ngày 05/11/2026" in page_texts(page.rendered.pdf)[0]
    rows = {page.register.item(r, 0).text(): r for r in range(page.register.rowCount())}
    old = rows["01/BC-HPN"]
    assert "02/BC-HPN" in page.register.item(old, 4).text()
    assert page.register.item(old, 5).text()  # the signer
    with session_scope(ctx.engine) as s:
        first_hash = s.scalars(select(Report).where(Report.number == 1)).one().file_hash
    assert page.register.item(old, 6).toolTip() == first_hash
    page.register.selectRow(old)
    assert page.reprint_button.isEnabled()
    target = tmp_path / "so-01"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.reprint_button.click()
    assert (tmp_path / "so-01.pdf").read_bytes() == first_pdf
    save_screenshot(page, "reports-register-replaced")
