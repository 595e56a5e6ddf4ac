"""“Lời văn…” on the Reports page (issue 15 item 3): she rewords a generated sentence of the
annual report, the draft keeps it, the preview prints it; “Dùng câu tự động” brings the
generated sentence back; a sentence whose figures changed since she reworded it is flagged."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report
from coopdesk.services import documents
from coopdesk.ui.context import AppContext
from coopdesk.ui.reports_page import ReportsPage
from coopdesk.ui.reports_wording import WordingDialog
from tests.reports.fixtures import populate
from tests.reports.pdf import page_texts
from tests.ui.conftest import save_screenshot

MINE = "Hội đã mở các lớp tập huấn quản trị cho chị em Bản Hon; ỷ ỏ ữ ợ ặ ẫ."
KEY = "results.training"


@pytest.fixture
def page(qtbot, ctx: AppContext) -> ReportsPage:
    with session_scope(ctx.engine) as s:
        populate(s)
    return _page(qtbot, ctx)


def _page(qtbot, ctx: AppContext) -> ReportsPage:  # type: ignore[no-untyped-def]
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1360, 900)
    widget.show()
    widget.form.set_template("annual")
    widget.form.set_period("2026")
    widget.form.date_edit.setDate(QDate(2026, 11, 5))
    return widget


def _in_dialog(monkeypatch, act: Callable[[WordingDialog], None], accept: bool = True) -> None:
    """The next “Lời văn…” dialog: `act` on it as she would, then OK (or Cancel)."""

    def run(dialog: WordingDialog) -> int:
        act(dialog)
        return int(accept)

    monkeypatch.setattr(WordingDialog, "exec", run)


def _stored(ctx: AppContext) -> dict:  # type: ignore[type-arg]
    with session_scope(ctx.engine) as s:
        return json.loads(s.scalars(select(Report)).one().settings).get("wording", {})


def _pdf(page: ReportsPage) -> str:
    page.preview_button.click()
    assert page.rendered is not None
    return " ".join(" ".join(p.split()) for p in page_texts(page.rendered.pdf))


def test_reworded_sentence_is_kept_with_the_draft_and_printed(
    qtbot, page: ReportsPage, ctx: AppContext, monkeypatch
) -> None:
    seen: dict[str, str] = {}

    def reword(dialog: WordingDialog) -> None:
        edit = dialog.edits[KEY]
        seen["generated"] = dialog.text(KEY)  # the box starts with the generated sentence
        assert seen["generated"] == dialog.lines[KEY].generated
        assert not dialog.reset_buttons[KEY].isEnabled()
        edit.setPlainText(MINE)
        assert dialog.reset_buttons[KEY].isEnabled()
        dialog.resize(760, 640)
        save_screenshot(dialog, "reports-wording-dialog")

    _in_dialog(monkeypatch, reword)
    assert page.form.wording_button.text() == "Lời văn…"
    page.form.wording_button.click()
    assert "lớp tập huấn" in seen["generated"]
    assert "Đã viết lại 1 câu tự động" in page.form.wording_label.text()
    page.save()
    assert _stored(ctx)[KEY]["text"] == MINE
    assert _stored(ctx)[KEY]["based_on"] == seen["generated"]
    text = _pdf(page)
    assert MINE in text and seen["generated"].split(";")[0] not in text

    again = _page(qtbot, ctx)  # reopened: her wording is there, and printed
    assert again.form.wording[KEY].text == MINE
    assert MINE in _pdf(again)

    def use_generated(dialog: WordingDialog) -> None:
        assert dialog.text(KEY) == MINE
        dialog.reset_buttons[KEY].click()  # “Dùng câu tự động”
        assert dialog.text(KEY) == seen["generated"]

    _in_dialog(monkeypatch, use_generated)
    again.form.wording_button.click()
    again.save()
    assert _stored(ctx) == {}
    assert MINE not in _pdf(again)


def test_cancel_keeps_the_draft_as_it_was(page: ReportsPage, monkeypatch) -> None:
    _in_dialog(monkeypatch, lambda d: d.edits[KEY].setPlainText(MINE), accept=False)
    page.form.wording_button.click()
    assert page.form.wording == {}


def test_a_sentence_whose_figures_changed_is_flagged(
    qtbot, page: ReportsPage, ctx: AppContext, monkeypatch
) -> None:
    with session_scope(ctx.engine) as s:  # reworded when the sentence said other figures
        form = dataclasses.replace(
            page.form.values(None),
            wording={KEY: documents.Reworded(MINE, "Tổ chức 1 lớp tập huấn cho 2 người.")},
        )
        documents.save_draft(s, form, actor="cb")
    again = _page(qtbot, ctx)
    _pdf(again)
    assert "số liệu đã thay đổi" in again.form.wording_label.text()
    again.form_scroll.ensureWidgetVisible(again.form.wording_button)
    save_screenshot(again, "reports-page-wording-flagged")
    shown: dict[str, bool] = {}

    def look(dialog: WordingDialog) -> None:
        shown["flag"] = dialog.stale_labels[KEY].isVisibleTo(dialog)
        shown["other"] = dialog.stale_labels["closing"].isVisibleTo(dialog)
        dialog.show()  # opens on the flagged sentence
        save_screenshot(dialog, "reports-wording-stale")

    _in_dialog(monkeypatch, look)
    again.form.wording_button.click()
    assert shown == {"flag": True, "other": False}
    assert again.form.wording[KEY].based_on.startswith("Tổ chức 1 lớp")  # untouched: kept

    asked: list[str] = []  # issuing asks again, and she can stop to check
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.No
    )
    for key in documents.WRITTEN_ONLY:
        again.form.paragraph_edits[key].setPlainText("Đã viết.")
    again.issue_button.click()
    assert "“Lời văn…”" in asked[0] and "số liệu nay đã thay đổi" in asked[0]
    with session_scope(ctx.engine) as s:
        assert s.scalars(select(Report)).one().status == "draft"  # not issued
