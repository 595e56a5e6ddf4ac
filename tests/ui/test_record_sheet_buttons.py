"""'Phiếu thông tin…' in the cooperative editor and 'Danh sách điểm danh…' in the training
editor save the one-record document as PDF or Word."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as WordDocument
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Cooperative, Training
from coopdesk.ui.editors.cooperative import CooperativeDialog
from coopdesk.ui.editors.training import TrainingDialog
from tests.reports.fixtures import COOP, MANAGER, TRAINING, populate
from tests.reports.pdf import page_lines
from tests.ui.conftest import save_screenshot


def _ids(ctx) -> tuple[str, str]:
    with session_scope(ctx.engine) as session:
        populate(session)
    with ctx.session() as s:
        coop = s.scalars(select(Cooperative.id).where(Cooperative.name == COOP)).one()
        course = s.scalars(select(Training.id).where(Training.title == TRAINING)).one()
    return coop, course


def _save_to(monkeypatch, target: Path, chosen: str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), chosen))
    )


def test_information_sheet_saved_from_the_cooperative_editor(
    qtbot, ctx, monkeypatch, tmp_path
) -> None:
    coop_id, _course = _ids(ctx)
    new = CooperativeDialog(ctx, None)
    qtbot.addWidget(new)
    assert not new.sheet_button.isVisibleTo(new)  # nothing to print before it is saved
    dialog = CooperativeDialog(ctx, coop_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet_button.text() == "Phiếu thông tin…"
    save_screenshot(dialog, "cooperative_information_sheet_button")
    target = tmp_path / "phieu.pdf"
    _save_to(monkeypatch, target, "Tài liệu PDF (*.pdf)")
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    text = " ".join(page_lines(target.read_bytes(), 1))
    assert "PHIẾU THÔNG TIN" in text and COOP in text and MANAGER in text


def test_attendance_sheet_saved_as_word_from_the_training_editor(
    qtbot, ctx, monkeypatch, tmp_path
) -> None:
    _coop, course_id = _ids(ctx)
    dialog = TrainingDialog(ctx, course_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet_button.text() == "Danh sách điểm danh…"
    target = tmp_path / "diem-danh"
    _save_to(monkeypatch, target, "Tài liệu Word (*.docx)")
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    word = WordDocument(io.BytesIO((tmp_path / "diem-danh.docx").read_bytes()))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Ký tên" in cells and MANAGER in cells and "Tẩn Thị Mỷ" in cells
