"""The list filters of the Reports form: kind, status, sector, year, the check boxes and the
search, as in the app's lists; only the filters the chosen list offers are shown and applied."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _, current_language
from coopdesk.services.documents import LABELS, LIST_FILTERS, LIST_OPTIONS, ListFilter
from coopdesk.ui.year_filter import year_choices

# The check-box filters of the lists (ListFilter fields), as in the app's lists.
FILTER_CHECKS = {
    "women_managed": N_("Women in management"),
    "majority_female": N_("> 50 % female workers"),
    "founded_under_programme": N_("Founded under the programme"),
}


class ListFilterBox(QGroupBox):
    """`changed` is emitted when a person changes a filter."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = ""
        self._sectors: dict[str, tuple[str, str]] = {}
        self.kind_combo = QComboBox()
        self.status_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.sector_combo = QComboBox()
        self.sector_combo.addItem("", "")
        self.year_combo = QComboBox()
        self.year_combo.addItem("", None)
        for year, text in year_choices():
            self.year_combo.addItem(text, year)
        self.checks = {key: QCheckBox() for key in FILTER_CHECKS}
        self.labels = {
            k: QLabel() for k in ("kind", "status", "sector", "year", "search", "checks")
        }
        column = QVBoxLayout()
        for box in self.checks.values():
            column.addWidget(box)
        self.form = QFormLayout(self)
        self.form.addRow(self.labels["kind"], self.kind_combo)
        self.form.addRow(self.labels["status"], self.status_combo)
        self.form.addRow(self.labels["sector"], self.sector_combo)
        self.form.addRow(self.labels["year"], self.year_combo)
        self.form.addRow(self.labels["checks"], column)
        self.form.addRow(self.labels["search"], self.search_edit)
        for combo in (self.kind_combo, self.status_combo, self.sector_combo, self.year_combo):
            combo.activated.connect(self.changed)
        for box in self.checks.values():
            box.clicked.connect(self.changed)
        self.search_edit.textEdited.connect(self.changed)

    def set_sectors(self, sectors: list[tuple[str, str, str]]) -> None:
        """(code, Vietnamese name, English name) in Vietnamese order."""
        self._sectors = {code: (vi, en) for code, vi, en in sectors}
        self.sector_combo.clear()
        self.sector_combo.addItem("", "")
        for code in self._sectors:
            self.sector_combo.addItem("", code)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setTitle(_("Filters"))
        self.labels["kind"].setText(_("Kind"))
        self.labels["status"].setText(_("Status"))
        self.labels["search"].setText(_("Search"))
        self.labels["sector"].setText(_("Sector"))
        self.labels["checks"].setText(_("Only"))
        founded = self.template == "list-cooperatives"
        self.labels["year"].setText(_("Founded in") if founded else _("Year"))
        self.year_combo.setItemText(0, _("All years"))
        self.sector_combo.setItemText(0, _("All sectors"))
        english = current_language() == "en"
        for n in range(1, self.sector_combo.count()):
            names = self._sectors.get(self.sector_combo.itemData(n))
            if names:
                self.sector_combo.setItemText(n, names[1] if english else names[0])
        for key, box in self.checks.items():
            box.setText(_(FILTER_CHECKS[key]))
        self.search_edit.setPlaceholderText(_("name or title, accents optional"))
        self._fill_codes()

    def show_for(self, template: str) -> None:
        """Offer the filters of this list (the box is hidden for reports and plans)."""
        self.template = template
        self.setVisible(template.startswith("list-"))
        kinds, statuses = LIST_FILTERS.get(template, ((), ()))
        self.kind_combo.setEnabled(bool(kinds))
        self.status_combo.setEnabled(bool(statuses))
        options = LIST_OPTIONS.get(template, frozenset())
        self.form.setRowVisible(self.sector_combo, "sector" in options)
        self.form.setRowVisible(self.year_combo, "year" in options)
        self.form.setRowVisible(self.labels["checks"], any(k in options for k in FILTER_CHECKS))
        for key, box in self.checks.items():
            box.setVisible(key in options)
        self.translate_ui()

    def _fill_codes(self) -> None:
        kinds, statuses = LIST_FILTERS.get(self.template, ((), ()))
        for combo, codes in ((self.kind_combo, kinds), (self.status_combo, statuses)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("All"), "")
            for code in codes:
                combo.addItem(_(LABELS.get(code, code)), code)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

    def filters(self) -> ListFilter:
        """What the shown filters say (hidden ones are not applied)."""
        options = LIST_OPTIONS.get(self.template, frozenset())
        extra: dict[str, Any] = {
            "sector": str(self.sector_combo.currentData() or ""),
            "year": self.year_combo.currentData() or None,
            **{key: box.isChecked() for key, box in self.checks.items()},
        }
        return ListFilter(
            kind=str(self.kind_combo.currentData() or ""),
            search=self.search_edit.text().strip(),
            status=str(self.status_combo.currentData() or ""),
            **{k: v for k, v in extra.items() if k in options},
        )

    def show_filters(self, flt: ListFilter) -> None:
        self.search_edit.setText(flt.search)
        for combo, value in (
            (self.kind_combo, flt.kind),
            (self.status_combo, flt.status),
            (self.sector_combo, flt.sector),
            (self.year_combo, flt.year),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        for key, box in self.checks.items():
            box.setChecked(bool(getattr(flt, key)))
