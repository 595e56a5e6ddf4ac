"""The Excel import wizard: choose a file and a kind of record, pick the sheet and check
which column is which field, see the dry run (new, updated, duplicates, conflicts, problems
by row and column), then import the good rows. Reads run through `ctx.read_later`, the
import through `ctx.write` (one transaction, off the GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from coopdesk.i18n import N_, _, format_number
from coopdesk.services.excel_import import apply, preview
from coopdesk.services.excel_import.kinds import KINDS

STATUS = {
    "new": N_("New"),
    "updated": N_("Updated"),
    "duplicate": N_("Possible duplicate"),
    "conflict": N_("Conflict"),
    "problem": N_("Problem"),
}


class ExcelImportWizard(QDialog):
    def __init__(self, ctx: Any, kind: str = "people", parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found: preview.Preview | None = None
        self.outcome: apply.ImportResult | None = None
        self.setWindowTitle(_("Import from Excel"))
        self.resize(900, 560)
        self.file = QLineEdit()
        browse = QPushButton(_("Choose a file…"))
        browse.clicked.connect(self._browse)
        self.kind = QComboBox()
        for name, spec in KINDS.items():
            self.kind.addItem(_(spec.title), name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.sheet = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Row"), _("Outcome"), _("What")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.check = QPushButton(_("Check the file"))
        self.check.clicked.connect(self.run_preview)
        self.go = QPushButton(_("Import the good rows"))
        self.go.setEnabled(False)
        self.go.clicked.connect(self.run_import)
        self.anyway = QCheckBox(
            _("Also import the possible duplicates: they are other people (or cooperatives)")
        )
        self.anyway.setToolTip(
            _("Each is saved as a record of its own and not flagged against that record again.")
        )
        self.anyway.setVisible(False)
        self.anyway.toggled.connect(self._enable_import)
        self._lay_out(browse)

    def _lay_out(self, browse: QPushButton) -> None:
        form = QFormLayout()
        line = QHBoxLayout()
        line.addWidget(self.file)
        line.addWidget(browse)
        form.addRow(_("File"), line)
        form.addRow(_("Kind of record"), self.kind)
        form.addRow(_("Sheet"), self.sheet)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check)
        buttons.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.anyway)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a file"), "", _("Excel files (*.xlsx *.xls)")
        )
        if name:
            self.file.setText(name)
            self.sheet.clear()

    def run_preview(self) -> None:
        path = Path(self.file.text())
        sheet = self.sheet.currentText() or None
        self.ctx.read_later(
            preview.preview,
            path,
            self.kind.currentData(),
            sheet,
            on_done=self._show,
            on_error=self._failed,
            progress_label=_("Checking the file…"),
        )

    def _failed(self, error: Any) -> None:
        self.summary.setText(str(error))
        self.go.setEnabled(False)

    def _show(self, found: preview.Preview) -> None:
        self.found = found
        if self.sheet.count() == 0:
            self.sheet.addItems(found.sheet_names)
            self.sheet.setCurrentText(found.sheet)
        counts = found.counts()
        lines = [
            _(
                "{new} new, {updated} updated, {unchanged} unchanged, {duplicate} possible "
                "duplicates, {conflict} conflicts, {problem} with problems."
            ).format(**{k: format_number(v) for k, v in counts.items()}),
            *found.problems,
        ]
        if found.misdecoded:
            lines.append(
                _(
                    "The text of this sheet looks like an old Vietnamese font (TCVN3 or VNI) read as another one: check the names."
                )
            )
        self.summary.setText("\n".join(lines))
        self._fill(found)
        self.anyway.setChecked(False)
        self.anyway.setVisible(any(r.status == "duplicate" and r.duplicate_of for r in found.rows))
        self._enable_import()

    def _enable_import(self) -> None:
        """Import when there is something to save: new or updated rows, or the possible
        duplicates the officer said to import anyway."""
        found = self.found
        if found is None:
            return
        counts = found.counts()
        taken = counts["new"] + counts["updated"]
        if self.anyway.isChecked():
            taken += sum(1 for r in found.rows if r.status == "duplicate" and r.duplicate_of)
        self.go.setEnabled(not found.problems and taken > 0)

    def _fill(self, found: preview.Preview) -> None:
        rows = [r for r in found.rows if r.status != "unchanged"]
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            what = row.problems or row.duplicates or [row.note] if row.status != "updated" else []
            if row.status == "updated":
                what = [_("changes: {columns}").format(columns=", ".join(row.changed))]
            what += [f"“{typed}” → “{text}”" for _c, typed, text in row.converted]
            for col, text in enumerate(
                (
                    str(row.number),
                    _(STATUS[row.status]),
                    "; ".join(filter(None, [row.label, *what])),
                )
            ):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def run_import(self) -> None:
        if self.found is None:
            return
        self.go.setEnabled(False)
        self.ctx.write(
            _import, self.found, self.ctx.actor, self.anyway.isChecked(), on_done=self._imported,
            on_error=self._failed, progress_label=_("Importing…"), changes="*",
        )  # fmt: skip

    def _imported(self, result: apply.ImportResult) -> None:
        self.outcome = result
        self.summary.setText(
            _("Import {id}: {created} added, {updated} updated, {unchanged} unchanged, {skipped} not imported.").format(
                id=result.import_id, created=format_number(result.created), updated=format_number(result.updated),
                unchanged=format_number(result.unchanged), skipped=format_number(result.skipped),
            )
        )  # fmt: skip


def _import(
    session: Any, found: preview.Preview, actor: str, anyway: bool = False
) -> apply.ImportResult:
    return apply.apply_import(session, found, actor, allow_duplicates=anyway)
