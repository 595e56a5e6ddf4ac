"""The register of the unit's documents under the Reports form: number, date, document,
period, status (a replaced one says by which), signer and the SHA-256 of the issued PDF;
choosing a row puts that document back into the form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from coopdesk.domain.periods import Period
from coopdesk.i18n import N_, _
from coopdesk.services.documents import TEMPLATES, RegisterEntry

STATUS_LABELS = {"draft": N_("Draft"), "issued": N_("Issued")}
COLUMNS = (
    N_("Number"),
    N_("Date"),
    N_("Document"),
    N_("Period"),
    N_("Status"),
    N_("Signer"),
    N_("SHA-256 of the PDF"),
)
HASH_SHOWN = 8  # characters of the hash in the cell; the whole hash in its tooltip


class RegisterTable(QTableWidget):
    """`chosen(report_id)` is emitted when a person selects a row."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.entries: list[RegisterEntry] = []
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setMaximumHeight(150)
        self.itemSelectionChanged.connect(self._selected)

    def translate_ui(self) -> None:
        self.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.show_entries(self.entries, self.current_id())

    def show_entries(self, entries: list[RegisterEntry], current: str | None) -> None:
        self.entries = entries
        self.blockSignals(True)
        self.clearSelection()
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for col, text in enumerate(_cells(entry)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if col == len(COLUMNS) - 1:
                    item.setToolTip(entry.file_hash)
                self.setItem(row, col, item)
            if entry.id == current:
                self.selectRow(row)
        self.blockSignals(False)

    def current_entry(self) -> RegisterEntry | None:
        report_id = self.current_id()
        return next((e for e in self.entries if e.id == report_id), None)

    def current_id(self) -> str | None:
        items = self.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select_id(self, report_id: str | None) -> None:
        self.blockSignals(True)
        self.clearSelection()
        for row, entry in enumerate(self.entries):
            if entry.id == report_id:
                self.selectRow(row)
        self.blockSignals(False)

    @Slot()
    def _selected(self) -> None:
        report_id = self.current_id()
        if report_id is not None:
            self.chosen.emit(report_id)


def _cells(entry: RegisterEntry) -> tuple[str, ...]:
    title = _(TEMPLATES[entry.template][1]) if entry.template in TEMPLATES else entry.template
    status = _(STATUS_LABELS.get(entry.status, entry.status))
    if entry.reissue_of:
        status = _("{status} (re-issue)").format(status=status)
    if entry.replaced_by:
        status = _("{status}, replaced by {number}").format(status=status, number=entry.replaced_by)
    day = f"{entry.issued_on:%d/%m/%Y}" if entry.issued_on else ""
    short = f"{entry.file_hash[:HASH_SHOWN]}…" if entry.file_hash else ""
    return (entry.number_line, day, title, _period_text(entry.period), status, entry.signer, short)


def _period_text(key: str) -> str:
    """'Năm báo cáo 2026', 'Năm 2026', 'Giai đoạn 2 (2026–2030)'; an unknown text as it is."""
    try:
        period = Period.parse(key)
    except ValueError:
        return key
    if period.kind == "reporting_year":
        return _("Reporting year {year}").format(year=period.year)
    return period.label()
