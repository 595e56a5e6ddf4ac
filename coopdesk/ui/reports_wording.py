"""The “Wording” dialog of the Reports page: every sentence the annual report generates, each
in a box she may reword (it starts with the generated text), with “Use the generated
sentence” to go back to it. What she rewords is kept with the draft; a sentence whose
generated text changed since she reworded it (a figure moved) is flagged, since her text
keeps the old number.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services import documents
from coopdesk.services.documents import Reworded, WordingLine
from coopdesk.ui.reports_form import ReportForm


def stale_note(line: WordingLine) -> str:
    return _(
        "The generated sentence changed since you reworded it: your text may still carry the "
        "old figures. It now reads: {text}"
    ).format(text=line.generated)


def _height(edit: QPlainTextEdit, text: str) -> int:
    """Room for the passage as it wraps in the dialog's width (about 90 characters a line),
    and a line more to write in; at most eight lines (then it scrolls)."""
    wrapped = sum(1 + len(line) // 90 for line in text.splitlines() or [""])
    return min(wrapped + 1, 8) * edit.fontMetrics().lineSpacing() + 14


class WordingDialog(QDialog):
    """`wording()` once accepted: her text by key, with what each was based on."""

    def __init__(
        self,
        lines: list[WordingLine],
        current: dict[str, Reworded],
        lang: str,
        read_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lines = {line.key: line for line in lines}
        self.current = current  # what the draft keeps now
        self.lang = lang
        self.edits: dict[str, QPlainTextEdit] = {}
        self.reset_buttons: dict[str, QPushButton] = {}
        self.stale_labels: dict[str, QLabel] = {}
        self.state_labels: dict[str, QLabel] = {}
        self.setWindowTitle(_("Wording of the report"))
        self.resize(760, 640)
        intro = QLabel(
            _(
                "The sentences the report writes from the figures. Reword any of them: your "
                "text is printed in its place and kept with the report. Lines starting with "
                "“-” are printed as a list."
            )
        )
        intro.setWordWrap(True)
        body = QWidget()
        column = QVBoxLayout(body)
        boxes = {line.key: self._passage(line, read_only) for line in lines}
        for box in boxes.values():
            column.addWidget(box)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.first_stale = next((boxes[line.key] for line in lines if line.stale), None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if read_only
            else QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Open on the first sentence to check, when one is flagged."""
        super().showEvent(event)
        if self.first_stale is not None:
            self.scroll_area.ensureWidgetVisible(self.first_stale)

    def _passage(self, line: WordingLine, read_only: bool) -> QGroupBox:
        box = QGroupBox(_(line.label))
        edit = QPlainTextEdit(line.generated if line.written is None else line.written)
        edit.setTabChangesFocus(True)
        edit.setReadOnly(read_only)
        edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        edit.setFixedHeight(_height(edit, line.generated if line.written is None else line.written))
        reset = QPushButton(_("Use the generated sentence"))
        reset.setEnabled(not read_only)
        reset.clicked.connect(partial(edit.setPlainText, line.generated))
        state = QLabel()
        state.setObjectName("hint")
        edit.textChanged.connect(partial(self._show_state, line.key))
        stale = QLabel(stale_note(line))
        stale.setObjectName("fieldWarning")
        stale.setWordWrap(True)
        stale.setVisible(line.stale)
        row = QHBoxLayout()
        row.addWidget(state, 1)
        row.addWidget(reset)
        layout = QVBoxLayout(box)
        layout.addWidget(stale)
        layout.addWidget(edit)
        layout.addLayout(row)
        self.edits[line.key], self.reset_buttons[line.key] = edit, reset
        self.stale_labels[line.key], self.state_labels[line.key] = stale, state
        self._show_state(line.key)
        return box

    def _show_state(self, key: str) -> None:
        reworded = self.text(key) != self.lines[key].generated
        self.state_labels[key].setText(
            _("Your wording (printed in place of the generated sentence)")
            if reworded
            else _("Generated from the figures")
        )
        self.reset_buttons[key].setEnabled(reworded and not self.edits[key].isReadOnly())
        if not reworded:  # back to the generated sentence: nothing of hers to flag
            self.stale_labels[key].setVisible(False)

    def text(self, key: str) -> str:
        """The box's text with its no-break spaces ('100 %', '8.000.000 đồng' kept whole),
        which toPlainText() turns into plain spaces."""
        raw = self.edits[key].document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n").strip()

    def wording(self) -> dict[str, Reworded]:
        """What the draft keeps: her text where it differs from the generated sentence. A
        text left as she wrote it keeps what it was based on (still flagged if that changed);
        a text edited now is based on the sentence as it reads now. Her wording of a passage
        this document does not print now (no list of funds this period) is kept as it was."""
        found = {k: v for k, v in self.current.items() if k not in self.lines}
        for key, line in self.lines.items():
            text, kept = self.text(key), self.current.get(key)
            if not text or text == line.generated:
                continue
            if kept is not None and text == kept.text.strip():  # left as she wrote it
                found[key] = kept
            else:
                found[key] = Reworded(text, line.generated, self.lang)
        return found


def reword(parent: QWidget, lines: list[WordingLine], form: ReportForm, read_only: bool) -> None:
    """The dialog on the document's sentences; what she accepts goes to the form (and so to
    the draft), with the sentences still flagged."""
    dialog = WordingDialog(lines, form.wording, form.language(), read_only, parent)
    if dialog.exec() and not read_only:  # accepted
        wording = dialog.wording()
        generated = {line.key: line.generated for line in lines}
        form.set_wording(wording, documents.stale_keys(generated, wording, form.language()))


def stale_before_issue(form: ReportForm) -> str:
    """What the issue question says first when a reworded sentence is flagged (known from the
    last preview or the dialog); '' when none is."""
    if not form.stale:
        return ""
    return (
        _(
            "Some of your reworded sentences were written from figures that changed "
            "since; check them under “{button}” before issuing."
        ).format(button=form.wording_button.text())
        + "\n\n"
    )
