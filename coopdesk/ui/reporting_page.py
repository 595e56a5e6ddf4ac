"""Who has reported: every commune of the province (or province of the country), the missing
ones first, to chase by phone; printable and exportable (`coopdesk.services.reporting`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.i18n import N_, _
from coopdesk.services import reporting
from coopdesk.ui.context import AppContext
from coopdesk.ui.icons import icon
from coopdesk.ui.roles import may_edit

COLUMNS = (
    N_("Unit"),
    N_("Status"),
    N_("Last bundle"),
    N_("Made on"),
    N_("Received on"),
    N_("Annual report"),
    N_("Issued on"),
    N_("Missing bundles"),
)
STATUS_COLOURS = {  # text, background: the worst stands out
    "missing": ("#b3261e", "#fde7e6"),
    "no_report": ("#8a5300", "#fff1d6"),
    "late": ("#8a5300", "#fff8e6"),
    "on_time": ("#1b5e20", "#dff3e4"),
}


class ReportingPage(QWidget):
    """The year's reports of the units below this installation's unit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: reporting.ReportingOverview | None = None
        self._build()
        self.translate_ui()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 6)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.pdf_button = QPushButton(icon("reports"), "")
        self.xlsx_button = QPushButton(icon("export"), "")
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        layout.addLayout(top)
        bar = QHBoxLayout()
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(2023, 2100)
        self.year.setValue(dt.date.today().year)
        self.deadline_label = QLabel()
        self.deadline = QLineEdit()
        self.deadline.setMaximumWidth(80)
        self.deadline_button = QPushButton()
        self.deadline_error = QLabel()
        self.deadline_error.setObjectName("fieldError")
        for w in (self.year_label, self.year, self.deadline_label, self.deadline):
            bar.addWidget(w)
        bar.addWidget(self.deadline_button)
        bar.addWidget(self.deadline_error, 1)
        self.deadline.setReadOnly(not may_edit(self.ctx))
        self.deadline_button.setVisible(may_edit(self.ctx))  # a viewer sets no deadline
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.deadline_button.clicked.connect(self.save_deadline)
        self.deadline.returnPressed.connect(self.save_deadline)
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export(".xlsx"))

    def translate_ui(self) -> None:
        self.title.setText(_("Who has reported"))
        self.pdf_button.setText(_("Print the list (PDF)"))
        self.xlsx_button.setText(_("Export .xlsx"))
        self.year_label.setText(_("Report of the year"))
        self.deadline_label.setText(_("Due on (dd/mm)"))
        self.deadline_button.setText(_("Save the due date"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self._show()

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read_later(
            reporting.who_has_reported,
            self.ctx.unit_code,
            self.year.value(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, overview: reporting.ReportingOverview) -> None:
        self.overview = overview
        self.deadline.setText(overview.deadline.strftime("%d/%m"))
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self.overview = None
        self.summary.setText(str(exc))
        self.table.setRowCount(0)

    def _show(self) -> None:
        overview = self.overview
        if overview is None:
            return
        counts = "; ".join(
            f"{_(reporting.STATUS_LABELS[s])}: {overview.count(s)}" for s in reporting.STATUSES
        )
        self.summary.setText(
            _("Reports of {year}, due {deadline}:").format(
                year=overview.year, deadline=i18n.format_date(overview.deadline)
            )
            + f" {counts}"
        )
        self.table.setRowCount(len(overview.units))
        for n, unit in enumerate(overview.units):
            for col, text in enumerate(self._cells(unit)):
                item = QTableWidgetItem(text)
                if col == 1:
                    fg, bg = STATUS_COLOURS[unit.status]
                    item.setForeground(QBrush(QColor(fg)))
                    item.setBackground(QBrush(QColor(bg)))
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(n, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _cells(unit: reporting.UnitReporting) -> list[str]:
        return [
            unit.name,
            _(reporting.STATUS_LABELS[unit.status]),
            "" if unit.last_bundle is None else str(unit.last_bundle),
            i18n.format_date(unit.made_on),
            i18n.format_date(unit.received_on),
            unit.report_number,
            i18n.format_date(unit.report_issued_on),
            ", ".join(str(n) for n in unit.missing),
        ]

    def status_text(self) -> str:
        return self.summary.text()

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (tests)."""
        return [
            [self._cell_text(r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def _cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # --- changing the due date, printing -------------------------------------------------

    def save_deadline(self) -> None:
        self.deadline_error.setText("")
        self.ctx.write(
            reporting.set_deadline,
            self.ctx.unit_code,
            self.deadline.text(),
            on_done=lambda _v: self.refresh(),
            on_error=lambda exc: self.deadline_error.setText(str(exc)),
            changes="settings",
        )

    def export(self, suffix: str) -> None:
        name = self.ctx.read(
            reporting.list_file_name, self.ctx.unit_code, self.year.value(), suffix
        )
        pattern = _("Excel files (*.xlsx)") if suffix == ".xlsx" else _("PDF files (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the list"), str(Path.home() / name), pattern
        )
        if path:
            self.save_to(Path(path if path.endswith(suffix) else path + suffix))

    def save_to(self, path: Path) -> None:
        self.ctx.read_later(
            reporting.save_list,
            self.ctx.unit_code,
            self.year.value(),
            dt.date.today(),
            i18n.current_language(),
            path,
            on_done=self._saved,
            progress_label=_("Writing the list…"),
        )

    def _saved(self, path: Any) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(_("Saved to {file}").format(file=path), 8000)
