"""The Excel import wizard: choose a file and a kind of record, pick the sheet, check which
column is which field (step 1, `columns_step`: the guess or the mapping remembered for this
layout, changed by hand), see the dry run (step 2: new, updated, duplicates, conflicts,
problems by row and column), then import the good rows; a mapping chosen by hand is
remembered for the next file with the same headers. Reads run through `ctx.read_later`, the
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _, format_number
from coopdesk.services.excel_import import apply, preview
from coopdesk.services.excel_import import mapping as mappings
from coopdesk.services.excel_import.kinds import KINDS
from coopdesk.ui.excel_import.columns_step import ColumnsStep

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
        self.by_hand = False  # the officer changed the mapping since the last check
        self.columns = ColumnsStep()
        self.columns.changed.connect(self._mapping_changed)
        self.file.textChanged.connect(self._new_file)
        self.kind.currentIndexChanged.connect(self._new_layout)
        self.sheet.activated.connect(self._new_layout)
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
        checked = QWidget()
        inner = QVBoxLayout(checked)
        inner.addWidget(self.summary)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.anyway)
        self.steps = QTabWidget()
        self.steps.addTab(self.columns, _("1. Columns"))
        self.steps.addTab(checked, _("2. What the file would do"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a file"), "", _("Excel files (*.xlsx *.xls)")
        )
        if name:
            self.file.setText(name)

    def _new_file(self) -> None:
        self.sheet.clear()
        self._new_layout()

    def _new_layout(self) -> None:
        """Another file, kind or sheet: its columns are found again (or remembered)."""
        self.by_hand = False
        self.found = None
        self.go.setEnabled(False)
        self.check.setEnabled(True)

    def _mapping_changed(self) -> None:
        self.by_hand = True
        self.go.setEnabled(False)
        self.check.setEnabled(not self.columns.missing_fields())
        self.summary.setText(
            _("The columns changed: check the file again to see what it would do.")
        )

    def run_preview(self) -> None:
        path = Path(self.file.text())
        sheet = self.sheet.currentText() or None
        self.ctx.read_later(
            preview.preview,
            path,
            self.kind.currentData(),
            sheet,
            self.columns.chosen() if self.by_hand else None,
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
        self.columns.fill(found)
        missing = bool(self.columns.missing_fields())
        self.check.setEnabled(not missing)
        self.steps.setCurrentIndex(0 if missing or found.problems else 1)
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
    result = apply.apply_import(session, found, actor, allow_duplicates=anyway)
    if found.mapped_by == "hand":  # the next file with these headers is read the same way
        mappings.remember(session, found.kind, found.headers, found.mapping)
    return result
