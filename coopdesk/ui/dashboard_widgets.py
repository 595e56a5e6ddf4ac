"""Pieces of the overview page: an indicator card, the table of child units and the deadlines
panel (the chart is `year_chart`, the records behind a number `records_behind`)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.domain import indicators as reg
from coopdesk.i18n import N_, _, collation_key, ngettext

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLOURS = {  # (text, background)
    reg.Status.ON_TRACK: ("#1b5e20", "#dff3e4"),
    reg.Status.AT_RISK: ("#8a5300", "#fff1d6"),
    reg.Status.BEHIND: ("#b3261e", "#fde2e0"),
    reg.Status.NO_TARGET: ("#5f6368", "#eef0f2"),
}


format_value = reg.format_value  # one formatting of indicator values, shared with the CLI
comparison_text = reg.comparison_text


SPAN_TARGETS = {  # a target of a longer span shown on a year inside it (domain.targets)
    "phase1": N_("Phase 1 target: {comparison} {value}"),
    "phase2": N_("Phase 2 target: {comparison} {value}"),
    "all": N_("Target by 2030: {comparison} {value}"),
}


def target_text(indicator: reg.Indicator, target: Any, shown_period: str | None = None) -> str:
    """'Chỉ tiêu: ≥ 3 HTX'; 'Chỉ tiêu giai đoạn 2: ≥ 90 %' when the target is the phase's."""
    if target is None:
        return _("No target")
    text = _("Target: {comparison} {value}")
    if target.period in SPAN_TARGETS and target.period != shown_period:
        text = _(SPAN_TARGETS[target.period])
    return text.format(
        comparison=comparison_text(target.comparison), value=format_value(indicator, target.value)
    )


def coverage_text(indicator: reg.Indicator, coverage: Any) -> str:
    """'Communes' targets: 900 lượt — 100 lượt short' (a sum) or, for a percentage, the lowest
    commune target; and how many communes have none."""
    if coverage is None or coverage.province_target is None:
        return ""
    if coverage.communes_with_target == 0:
        return _("No commune has a target for this yet.")
    total = format_value(indicator, coverage.communes_total)
    if indicator.is_ratio:
        text = _("Lowest commune target: {value}").format(value=total)
    elif coverage.covers:
        text = _("Communes' targets add up to {total}: enough").format(total=total)
    else:
        text = _("Communes' targets add up to {total}: {gap} short").format(
            total=total, gap=format_value(indicator, coverage.gap)
        )
    if coverage.missing:
        text += " · " + ngettext(
            "{n} commune without a target", "{n} communes without a target", len(coverage.missing)
        ).format(n=len(coverage.missing))
    return text


def status_text(status: reg.Status) -> str:
    return _(reg.STATUS_LABELS[status])


def days_left_text(days: int) -> str:
    if days == 0:
        return _("due today")
    if days < 0:
        return ngettext("{n} day overdue", "{n} days overdue", -days).format(n=-days)
    return ngettext("{n} day left", "{n} days left", days).format(n=days)


# --- a card per indicator ------------------------------------------------------------------


class IndicatorCard(QFrame):
    """Name, value (click: the records behind it), target, progress bar and status."""

    value_clicked = Signal(str)

    def __init__(self, indicator: reg.Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.status = reg.Status.NO_TARGET
        self.setObjectName("indicatorCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(132)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setObjectName("cardName")
        self.name.setMinimumHeight(34)
        self.name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.value = QPushButton()
        self.value.setObjectName("cardValue")
        self.value.setFlat(True)
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value.clicked.connect(lambda: self.value_clicked.emit(self.indicator.code))
        self.target = QLabel()
        self.target.setObjectName("cardTarget")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.state = QLabel()
        self.state.setObjectName("cardStatus")
        self.coverage = QLabel()
        self.coverage.setObjectName("cardCoverage")
        self.coverage.setWordWrap(True)
        self.coverage.hide()
        for w in (self.name, self.value, self.target, self.bar, self.state, self.coverage):
            layout.addWidget(w)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.name.setText(self.indicator.name())
        tip = f"<b>{self.indicator.name()}</b><br>{self.indicator.formula()}"
        self.setToolTip(tip)
        self.value.setToolTip(_("Show the records behind this number"))

    def set_coverage(self, coverage: Any) -> None:
        """For a province: do its communes' targets cover the province's target?"""
        text = coverage_text(self.indicator, coverage)
        self.coverage.setText(text)
        self.coverage.setVisible(bool(text))
        colour = "#1b5e20" if coverage is not None and coverage.covers else "#b3261e"
        self.coverage.setStyleSheet(f"color: {colour}; font-size: 8.5pt;")

    def set_value(
        self,
        value: Decimal | None,
        target: Any,
        status: reg.Status,
        shown_period: str | None = None,
    ) -> None:
        self.status = status
        self.value.setText(format_value(self.indicator, value))
        self.target.setText(target_text(self.indicator, target, shown_period))
        self.bar.setValue(
            int(1000 * reg.progress(value, target.value if target is not None else None))
        )
        self.bar.setVisible(target is not None)
        self.state.setText(status_text(status))
        self.state.setVisible(target is not None)
        fg, bg = STATUS_COLOURS[status]
        self.state.setStyleSheet(
            f"color: {fg}; background: {bg}; border-radius: 8px; padding: 1px 8px;"
        )
        self.setStyleSheet(
            f"#indicatorCard {{ border: 1px solid palette(mid); border-left: 5px solid {fg};"
            " border-radius: 6px; background: palette(base); }"
            " #cardValue { font-size: 16pt; font-weight: 600; text-align: left; padding: 0; }"
            " #cardName { font-weight: 600; }"
            f" QProgressBar::chunk {{ background: {fg}; }}"
        )


# --- child units ---------------------------------------------------------------------------

SHORT_NAMES = {  # column titles of the child units table (the full name is the tooltip)
    "htx_women_managed": N_("HTX, women\nin management"),
    "tht_women_managed": N_("THT, women\nin management"),
    "coops_consolidated_pct": N_("Consolidated\n(%)"),
    "women_managers_trained_pct": N_("Women managers\ntrained (%)"),
    "new_htx_programme": N_("New HTX"),
    "new_jobs_women": N_("New jobs\nfor women"),
    "officers_trained_pct": N_("Officers\ntrained (%)"),
    "comm_reach": N_("Reached by\ncommunication"),
    "people_trained": N_("People\ntrained"),
    "support_amount": N_("Support\n(đồng)"),
}


class ChildUnitsTableModel(QAbstractTableModel):
    """Child units × key indicators; sorts by native values (Vietnamese order for names)."""

    NAME = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.codes: list[str] = list(reg.KEY_CODES)
        self.rows: list[tuple[str, str, dict[str, Any]]] = []  # (code, name, values)

    def set_rows(self, rows: Sequence[tuple[str, str, dict[str, Any]]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def unit_code(self, row: int) -> str:
        return self.rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.codes)

    def _value(self, row: int, column: int) -> Decimal | None:
        value = self.rows[row][2][self.codes[column - 1]]
        return value.value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        _code, name, _values = self.rows[row]
        if column == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return name
            if role == SORT_ROLE:
                return collation_key(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("Double-click to open {unit}").format(unit=name)
            return None
        value = self._value(row, column)
        ind = reg.BY_CODE[self.codes[column - 1]]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(ind, value, with_unit=False)
        if role == SORT_ROLE:
            return float(value) if value is not None else -1.0
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ind.formula()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == self.NAME:
            return _("Unit") if role == Qt.ItemDataRole.DisplayRole else None
        ind = reg.BY_CODE[self.codes[section - 1]]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(SHORT_NAMES[ind.code]) if ind.code in SHORT_NAMES else ind.name()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{ind.name()} ({ind.unit_text()})\n{ind.formula()}"
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1)
            )


# --- deadlines -----------------------------------------------------------------------------


class DeadlinesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        self.deadlines: list[Any] = []
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setHorizontalHeaderLabels([_("Due"), _("Task"), _("Days left")])
        self.set_deadlines(self.deadlines)

    def set_deadlines(self, deadlines: list[Any]) -> None:
        self.deadlines = list(deadlines)
        self.setRowCount(len(self.deadlines))
        for row, d in enumerate(self.deadlines):
            task = d.title if not d.responsible else f"{d.title} — {d.responsible}"
            items = [
                QTableWidgetItem(i18n.format_date(d.due)),
                QTableWidgetItem(task),
                QTableWidgetItem(days_left_text(d.days_left)),
            ]
            items[1].setToolTip(f"{d.plan_title}\n{task}" if d.plan_title else task)
            colour = "#b3261e" if d.days_left < 0 else "#8a5300" if d.days_left <= 14 else None
            if colour is not None:
                items[2].setForeground(QColor(colour))
            for column, item in enumerate(items):
                self.setItem(row, column, item)
        self.resizeColumnToContents(0)
        self.resizeColumnToContents(2)
        self.resizeRowsToContents()
