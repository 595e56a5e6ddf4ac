"""The overview: how far the selected unit is from its targets, for the selected period.

Selectors at the top (unit, period); a card per indicator grouped by the plans' task groups
(value — click it for the records behind it —, target, progress and status); the chart of one
indicator by year 2023–2030 against the phase targets; upcoming deadlines; and for a province
the table of its communes × key indicators (sortable; double-click to open a commune).
Everything is computed off the GUI thread through `ctx.tasks`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period, default_period, standard_choices
from coopdesk.i18n import _, ngettext
from coopdesk.services import indicators, overview
from coopdesk.ui.context import AppContext
from coopdesk.ui.dashboard_widgets import (
    SORT_ROLE,
    ChildUnitsTableModel,
    DeadlinesTable,
    IndicatorCard,
)
from coopdesk.ui.priority_box import PriorityWomenBox
from coopdesk.ui.records_behind import RecordsBehindDialog
from coopdesk.ui.year_chart import YearChart

CARD_COLUMNS = 3
REFRESH_DELAY_MS = 400  # after a change, wait for the changes that follow it (an import)


class OverviewPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: dt.date = dt.date.today()
        self.overview: overview.Overview | None = None
        self.history: overview.History | None = None
        self._history_unit: str | bool | None = False  # the unit the history was loaded for
        self._history_stale = False  # the data changed since the chart was read
        self._updating = False
        self._request = 0
        self.cutoff = ctx.read(overview.reporting_cutoff, ctx.unit_code)
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(REFRESH_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)
        ctx.data_changed.connect(self._data_changed)

        outer = QVBoxLayout(self)
        outer.addLayout(self._build_selectors())
        for label in self._build_messages():
            outer.addWidget(label)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self._build_cards())
        upper.addWidget(self._build_side())
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        self.splitter = main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(upper)
        main.addWidget(self._build_children())
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        outer.addWidget(main, 1)

        self._fill_units()
        self._fill_periods()
        self.unit_combo.currentIndexChanged.connect(self._selection_changed)
        self.period_combo.activated.connect(self._selection_changed)
        period_edit = self.period_combo.lineEdit()
        assert period_edit is not None  # the period combo is editable
        period_edit.editingFinished.connect(self._selection_changed)
        self.up_button.clicked.connect(self._go_up)
        self.chart_combo.currentIndexChanged.connect(self._show_chart)
        self.translate_ui()

    # --- building ----------------------------------------------------------------------

    def _build_selectors(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.unit_label = QLabel()
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumWidth(260)
        self.up_button = QPushButton()
        self.period_label = QLabel()
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.period_combo.setMinimumWidth(300)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for w in (self.unit_label, self.unit_combo, self.up_button, self.period_label):
            top.addWidget(w)
        top.addWidget(self.period_combo)
        return top

    def _build_messages(self) -> list[QLabel]:
        """A wrong period, the overdue yearly report, the summary line."""
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.overdue = QLabel()
        self.overdue.setObjectName("overdueReport")
        self.overdue.setWordWrap(True)
        self.overdue.setStyleSheet(
            "color: #b3261e; background: #fde2e0; border-radius: 6px; padding: 6px 10px;"
            " font-weight: 600;"
        )
        self.overdue.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        return [self.message, self.overdue, self.summary]

    def _build_cards(self) -> QScrollArea:
        """A card per indicator, in a scroll area, grouped by task group."""
        cards_host = QWidget()
        self.cards_grid = QGridLayout(cards_host)
        self.cards_grid.setHorizontalSpacing(8)
        self.cards_grid.setVerticalSpacing(6)
        self.cards: dict[str, IndicatorCard] = {}
        self.group_titles: dict[int, QLabel] = {}
        row = 0
        for group in sorted(reg.GROUPS):
            members = [ind for ind in reg.INDICATORS if ind.group == group]
            if not members:
                continue
            heading = QLabel()
            heading.setObjectName("groupTitle")
            heading.setStyleSheet("font-weight: 600; color: #7a1240; margin-top: 6px;")
            self.group_titles[group] = heading
            self.cards_grid.addWidget(heading, row, 0, 1, CARD_COLUMNS)
            row += 1
            for n, ind in enumerate(members):
                card = IndicatorCard(ind)
                card.value_clicked.connect(self.show_records_behind)
                self.cards[ind.code] = card
                self.cards_grid.addWidget(card, row + n // CARD_COLUMNS, n % CARD_COLUMNS)
            row += (len(members) + CARD_COLUMNS - 1) // CARD_COLUMNS
        self.cards_grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards_host)
        return scroll

    def _build_side(self) -> QWidget:
        """The chart by year and the deadlines."""
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_box = QGroupBox()
        chart_layout = QVBoxLayout(self.chart_box)
        self.chart_combo = QComboBox()
        for ind in reg.INDICATORS:
            self.chart_combo.addItem(ind.name(), ind.code)
        self.chart = YearChart()
        chart_layout.addWidget(self.chart_combo)
        chart_layout.addWidget(self.chart, 1)
        self.deadlines_box = QGroupBox()
        deadlines_layout = QVBoxLayout(self.deadlines_box)
        self.deadlines = DeadlinesTable()
        deadlines_layout.addWidget(self.deadlines)
        self.priority_box = PriorityWomenBox(self.ctx)
        side_layout.addWidget(self.chart_box, 3)
        side_layout.addWidget(self.deadlines_box, 2)
        side_layout.addWidget(self.priority_box)
        return side

    def _build_children(self) -> QGroupBox:
        """The units below (a province's communes), sortable; double-click opens one."""
        self.children_box = QGroupBox()
        children_layout = QVBoxLayout(self.children_box)
        self.children_model = ChildUnitsTableModel(self)
        self.children_proxy = QSortFilterProxyModel(self)
        self.children_proxy.setSourceModel(self.children_model)
        self.children_proxy.setSortRole(SORT_ROLE)
        self.children_view = QTableView()
        self.children_view.setModel(self.children_proxy)
        self.children_view.setSortingEnabled(True)
        self.children_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.children_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.children_view.verticalHeader().hide()
        self.children_view.horizontalHeader().setStretchLastSection(True)
        self.children_view.doubleClicked.connect(self._open_child)
        children_layout.addWidget(self.children_view)
        return self.children_box

    # --- selectors ---------------------------------------------------------------------

    def _fill_units(self) -> None:
        self._updating = True
        self.unit_combo.clear()
        choices = self.ctx.read(overview.unit_choices, self.ctx.unit_code, self.ctx.is_aggregator)
        for code, name in choices:
            self.unit_combo.addItem(name, code)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(self.ctx.unit_code)))
        self.unit_combo.setEnabled(self.unit_combo.count() > 1)
        self._updating = False

    def _fill_periods(self, keep: str | None = None) -> None:
        self._updating = True
        self.period_combo.clear()
        for period in standard_choices(self.today, self.cutoff):
            self.period_combo.addItem(period.label(), period.key)
        if keep is None:
            keep = default_period(self.today, self.cutoff).key
        index = self.period_combo.findData(keep)
        if index < 0:
            period = Period.parse(keep, self.cutoff)
            self.period_combo.addItem(period.label(), period.key)
            index = self.period_combo.count() - 1
        self.period_combo.setCurrentIndex(max(0, index))
        self._fit_period_combo()
        self._updating = False

    def _fit_period_combo(self) -> None:
        """Wide enough for the longest period in this language (its text is never scrolled)."""
        metrics = self.period_combo.fontMetrics()
        labels = (self.period_combo.itemText(i) for i in range(self.period_combo.count()))
        longest = max((metrics.horizontalAdvance(text) for text in labels), default=0)
        self.period_combo.setMinimumWidth(max(300, longest + 48))  # room for the arrow

    def selected_unit(self) -> str:
        return str(self.unit_combo.currentData() or self.ctx.unit_code)

    def selected_period(self) -> Period:
        """The chosen period; a typed text ("2026-01-01..2026-06-30", "2025") is parsed."""
        text = self.period_combo.currentText().strip()
        index = self.period_combo.currentIndex()
        if index >= 0 and text == self.period_combo.itemText(index):
            return Period.parse(str(self.period_combo.itemData(index)), self.cutoff)
        match = self.period_combo.findText(text)
        if match >= 0:
            return Period.parse(str(self.period_combo.itemData(match)), self.cutoff)
        return Period.parse(text, self.cutoff)

    def set_selection(self, unit_code: str | None = None, period: str | None = None) -> None:
        """Select a unit and/or a period (as a user would) and recompute."""
        self._updating = True
        if unit_code is not None:
            index = self.unit_combo.findData(unit_code)
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)
        if period is not None:
            index = self.period_combo.findData(Period.parse(period, self.cutoff).key)
            if index >= 0:
                self.period_combo.setCurrentIndex(index)
            else:
                self.period_combo.setEditText(period)
        self._updating = False
        self.refresh()

    def _selection_changed(self, *_args: Any) -> None:
        if not self._updating:
            self.refresh()

    def _go_up(self) -> None:
        self.set_selection(unit_code=self.ctx.unit_code)

    def _open_child(self, index: Any) -> None:
        source = self.children_proxy.mapToSource(index)
        code = self.children_model.unit_code(source.row())
        if self.unit_combo.findData(code) < 0:  # a commune of another province
            name = self.children_proxy.index(index.row(), 0).data()
            self._updating = True
            self.unit_combo.addItem(f"    {name}", code)
            self._updating = False
        self.set_selection(unit_code=code)

    # --- page contract -----------------------------------------------------------------

    def translate_ui(self) -> None:
        self.priority_box.translate_ui()
        self.title.setText(_("Overview"))
        self.unit_label.setText(_("Unit:"))
        self.period_label.setText(_("Period:"))
        self.up_button.setText(_("Back to the province"))
        self.period_combo.setToolTip(
            _(
                "Choose a period, or type one: 2026, 2026r (reporting year), phase1, phase2, all, "
                "2026-01-01..2026-06-30"
            )
        )
        for group, label in self.group_titles.items():
            label.setText(f"{group}. {_(reg.GROUPS[group])}")
        for card in self.cards.values():
            card.translate_ui()
        for i in range(self.chart_combo.count()):
            self.chart_combo.setItemText(i, reg.BY_CODE[self.chart_combo.itemData(i)].name())
        self.chart_box.setTitle(_("By year, 2023–2030, against the phase targets"))
        self.deadlines_box.setTitle(_("Upcoming deadlines"))
        self.deadlines.translate_ui()
        self.children_box.setTitle(_("Units below (double-click to open one)"))
        self.children_model.retranslate()
        try:
            keep = self.selected_period().key
        except ValueError:
            keep = None
        self._fill_periods(keep)
        if self.overview is not None:
            self._show_overview(self.overview)
            self.refresh()  # texts the services wrote (deadlines) come back in this language
        self._show_chart()

    def refresh(self) -> None:
        """Recompute the cards (and the chart, when the unit or the data changed) off the GUI
        thread; the main window calls it when the page is shown."""
        self._change_timer.stop()
        try:
            period = self.selected_period()
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.hide()
        unit = self.selected_unit()
        self.up_button.setVisible(self.ctx.is_aggregator and unit != self.ctx.unit_code)
        self.summary.setText(_("Computing…"))
        self._request += 1
        request = self._request

        def done(result: overview.Overview) -> None:
            if request == self._request:  # a later selection's result wins
                self._show_overview(result)

        self.ctx.read_later(
            overview.load_overview, unit, period, self.today, on_done=done, on_error=self._failed
        )
        self.priority_box.load(unit)
        if self._history_unit != unit or self.history is None or self._history_stale:
            self._history_unit = unit
            self._history_stale = False
            self.ctx.read_later(
                overview.load_history,
                unit,
                YearChart.YEARS,
                self.today,
                on_done=self._show_history,
                on_error=self._failed,
            )

    # It follows `ctx.data_changed` itself (below): the main window does not refresh it then.
    refreshes_itself = True

    def _data_changed(self, _what: str) -> None:
        """Records, targets or an import changed: recompute shortly, once for a burst of
        changes; a hidden page waits until it is shown (the main window refreshes it then)."""
        self._history_stale = True
        if self.isVisible():
            self._change_timer.start()

    def status_text(self) -> str:
        try:
            period = self.selected_period().label()
        except ValueError:
            period = self.period_combo.currentText()
        return f"{_('Overview')}: {self.unit_combo.currentText().strip()} — {period}"

    # --- showing -----------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        self.message.show()

    def _show_overview(self, shown: overview.Overview) -> None:
        self.overview = shown
        result = shown.result
        counts = {status: 0 for status in reg.Status}
        for ind in reg.INDICATORS:
            status = shown.statuses[ind.code]
            counts[status] += 1
            card = self.cards[ind.code]
            target = shown.targets.get(ind.code)
            card.set_value(result.values[ind.code].value, target, status, result.period.key)
            card.set_coverage(shown.coverage.get(ind.code))
        elapsed = round(result.elapsed * 100)
        self.summary.setText(
            _(
                "{unit} — {period}: {elapsed} % of the period has passed. "
                "Targets: {on} on track, {risk} at risk, {behind} behind."
            ).format(
                unit=result.scope.name,
                period=result.period.label(),
                elapsed=elapsed,
                on=counts[reg.Status.ON_TRACK],
                risk=counts[reg.Status.AT_RISK],
                behind=counts[reg.Status.BEHIND],
            )
        )
        self._show_overdue(shown.overdue_report)
        self.deadlines.set_deadlines(shown.deadlines)
        self._show_children(result)

    def _show_overdue(self, report: Any) -> None:
        """The yearly report is late: said above everything else until it is issued."""
        if report is not None:
            self.overdue.setText(
                ngettext(
                    "The yearly report for {year} is {n} day overdue: it was due on {date} and "
                    "has not been issued.",
                    "The yearly report for {year} is {n} days overdue: it was due on {date} and "
                    "has not been issued.",
                    -report.days_left,
                ).format(
                    year=report.due.year, n=-report.days_left, date=i18n.format_date(report.due)
                )
            )
        self.overdue.setVisible(report is not None)

    def _show_children(self, result: indicators.Result) -> None:
        rows = [(code, name, result.by_child.get(code, {})) for code, name in result.scope.children]
        rows = [r for r in rows if r[2]]
        self.children_model.set_rows(rows)
        shown = bool(rows)
        if shown != self.children_box.isVisibleTo(self):
            self.children_box.setVisible(shown)
            total = max(1, sum(self.splitter.sizes()))
            self.splitter.setSizes([total * 3 // 5, total * 2 // 5] if shown else [total, 0])
        self.children_view.resizeColumnsToContents()

    def _show_history(self, history: overview.History) -> None:
        if history.unit_code != self._history_unit:
            return  # the user has moved on to another unit
        self.history = history
        self._show_chart()

    def _show_chart(self, *_args: Any) -> None:
        code = self.chart_combo.currentData()
        if self.history is None or code is None:
            return
        ind = reg.BY_CODE[str(code)]
        values = {
            year: None if values is None else values[ind.code].value
            for year, values in self.history.by_year.items()
        }
        self.chart.set_data(ind, values, self.history.phase_targets.get(ind.code, {}))

    def show_records_behind(self, code: str) -> RecordsBehindDialog | None:
        """Open the list of the records counted for an indicator (unit and period selected)."""
        try:
            period = self.selected_period()
        except ValueError:
            return None
        unit = self.selected_unit()
        ind = reg.BY_CODE[code]
        name = self.unit_combo.currentText().strip()

        def load(on_done: Any) -> None:
            self.ctx.read_later(indicators.records_behind, code, unit, period, on_done=on_done)

        dialog = RecordsBehindDialog(
            ind.name(), f"{name} — {period.label()}<br><i>{ind.formula()}</i>", load, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog
        return dialog
