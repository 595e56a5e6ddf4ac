"""A button in a record's editor that saves its one-record document (a cooperative's
information sheet, a training's attendance sheet) as PDF or Word, drawn off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton, QWidget

from coopdesk.i18n import _, current_language, fold
from coopdesk.services import record_documents


class SheetButton(QPushButton):
    """Asks where to save, then renders `kind` for the dialog's saved record (a new record
    has nothing to print yet: the button shows once it is saved)."""

    def __init__(self, dialog: Any, kind: str, label_msgid: str) -> None:
        super().__init__()
        self.dialog = dialog
        self.kind = kind
        self.label_msgid = label_msgid
        self.setObjectName(f"sheet-{kind}")
        dialog.buttons.addButton(self, QDialogButtonBox.ButtonRole.ActionRole)
        self.clicked.connect(self.save_sheet)
        self.refresh()

    def refresh(self) -> None:
        self.setText(_(self.label_msgid))
        self.setVisible(self.dialog.record_id is not None)

    def _target(self) -> Path | None:
        pdf, word = _("PDF documents (*.pdf)"), _("Word documents (*.docx)")
        name = "-".join(fold(self.dialog.record_name()).split())[:60] or self.kind
        parent: QWidget = self.dialog
        path, chosen = QFileDialog.getSaveFileName(
            parent, self.text().rstrip("…"), f"{self.kind}-{name}.pdf", f"{pdf};;{word}"
        )
        if not path:
            return None
        target = Path(path)
        docx = target.suffix.lower() == ".docx" or chosen == word
        return target.with_suffix(".docx" if docx else ".pdf")

    @Slot()
    def save_sheet(self) -> None:
        target = self._target()
        if target is None:
            return
        docx = target.suffix == ".docx"

        def done(rendered: Any) -> None:
            target.write_bytes(rendered.docx() if docx else rendered.pdf)
            self.dialog.general_error.hide()
            self.setToolTip(_("Saved {file}").format(file=target))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self.dialog, self.text(), str(exc))

        self.dialog.ctx.read_later(
            record_documents.render_record,
            self.kind,
            self.dialog.record_id,
            current_language(),
            on_done=done,
            on_error=failed,
        )
