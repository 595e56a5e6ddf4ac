"""The shape every list area shares: title, search, filters, a paged table, actions, export.

What a list shows, whose records, how it filters and searches is its definition in
`coopdesk.services.lists` (named by `KIND`). A subclass adds the widgets of the list's named
filters (`build_filters`, with `add_choice` / `add_check`) and says how a record opens
(`open_record`, `new_record`); the page hands the filters' values and the typed text to the
definition and shows the query it gets back. Search ignores diacritics and case, so
"nguyen thi" finds "Nguyễn Thị …".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _, ngettext
from coopdesk.services import lists
from coopdesk.services.documents.file_names import people_file_name
from coopdesk.ui.context import AppContext
from coopdesk.ui.excel_import.buttons import add_excel_buttons
from coopdesk.ui.export import write_xlsx
from coopdesk.ui.icons import icon
from coopdesk.ui.models import ID_ROLE, PagedQueryTableModel
from coopdesk.ui.roles import may_edit

SEARCH_DELAY_MS = 180
FIRST_COUNT = 5000  # rows counted before the list shows (the exact count follows)


class ChoiceFilter(QComboBox):
    """A combo whose first entry is "all"; items are (code, label) pairs, the label an N_()
    msgid or names from the database (`lists.Names`)."""

    def __init__(self, all_label: str, choices: Sequence[tuple[Any, Any]]) -> None:
        super().__init__()
        self.all_label = all_label
        self.choices = choices
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.addItem("", None)
        for code, _label in choices:
            self.addItem("", code)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setItemText(0, _(self.all_label))
        for n, (_code, label) in enumerate(self.choices, start=1):
            self.setItemText(n, lists.label_text(label))
        # re-measure: Qt keeps the minimum size hint of the previous language's longest text
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As wide as the current language's texts need (Qt caches the first language's)."""
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def code(self) -> Any:
        return self.currentData()

    def set_code(self, code: Any) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class ListPage(QWidget):
    TITLE = ""  # N_() msgid
    KIND = ""  # the list's definition in coopdesk.services.lists
    ENTITY = ""  # table name: which data_changed announcements concern this page
    SEARCH_HINT = ""  # N_() msgid
    MERGE = ""  # "people" or "cooperatives": two selected rows can be merged ("Gộp…")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._translatables: list[tuple[Any, str]] = []
        self._filters: dict[str, ChoiceFilter | QCheckBox] = {}
        self._generation = 0
        self._editing = False  # an editor opened from this list is open
        self._fitted = False
        # a province office sees its communes' records, and whose each is
        scope = lists.Scope(ctx.unit_code, subtree=ctx.is_aggregator)
        self.definition = ctx.read(lists.definition, self.KIND, scope)
        self.columns = list(self.definition.columns)
        self.model = PagedQueryTableModel(ctx, self.columns, self)
        self._build()
        self.translate_ui()

    # --- to override ---------------------------------------------------------------------

    def build_filters(self, bar: QHBoxLayout) -> None:
        """Add the widgets of the list's filters to the bar (`add_choice`, `add_check`)."""

    def count_text(self, n: int) -> str:
        return ngettext("{n} record", "{n} records", n).format(n=n)

    def open_record(self, record_id: str) -> None:
        """Open the editor of a record (double-click, Enter, Open)."""

    def new_record(self) -> None:
        """Open an empty editor (Ctrl+N, New)."""

    # --- helpers for subclasses ----------------------------------------------------------

    def add_choice(
        self,
        bar: QHBoxLayout,
        name: str,
        all_label: str,
        choices: Sequence[tuple[Any, Any]] | None = None,
    ) -> ChoiceFilter:
        """A drop-down for the list's filter `name`; its choices are the filter's unless
        given (the years offered)."""
        flt = self.definition.filter(name)
        combo = ChoiceFilter(all_label, flt.choices if choices is None else choices)
        combo.currentIndexChanged.connect(self.apply_filters)
        bar.addWidget(combo)
        self._filters[name] = combo
        return combo

    def add_check(self, bar: QHBoxLayout, name: str, label: str) -> QCheckBox:
        """A check box for the list's on/off filter `name`."""
        self.definition.filter(name)
        box = self.add_option(label)
        box.toggled.connect(self.apply_filters)
        self._filters[name] = box
        return box

    def add_option(self, label: str) -> QCheckBox:
        """A check box in the filters' row that is not a filter (show sensitive data)."""
        box = QCheckBox()
        self.check_bar.insertWidget(self.check_bar.count() - 1, box)
        self.check_bar_used = True
        self.tr_later(box, label)
        return box

    def filter_values(self) -> dict[str, Any]:
        """The filters set on screen, by name, as the list's definition takes them."""
        values: dict[str, Any] = {}
        for name, widget in self._filters.items():
            if isinstance(widget, QCheckBox):
                if widget.isChecked():
                    values[name] = True
            elif widget.code() is not None:
                values[name] = widget.code()
        return values

    def tr_later(self, widget: Any, msgid: str) -> None:
        """Remember a widget whose text is `_(msgid)`, re-set on language change."""
        self._translatables.append((widget, msgid))
        widget.setText(_(msgid))

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 6)
        layout.addLayout(self._build_title_row())
        self._build_filter_rows(layout)
        self._build_table()
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        layout.addLayout(self._build_hidden_note())
        self._show_hidden_note(False)
        self._connect_signals()

    def _build_title_row(self) -> QHBoxLayout:
        """The page's title and its New, Open and Export buttons."""
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.new_button = QPushButton(icon("add"), "")
        self.open_button = QPushButton(icon("edit"), "")
        self.export_button = QPushButton(icon("export"), "")
        for button in (self.new_button, self.open_button, self.export_button):
            top.addWidget(button)
        if self.MERGE:
            self.merge_button = QPushButton()
            self.tr_later(self.merge_button, N_("Merge…"))
            self.merge_button.setVisible(may_edit(self.ctx))
            top.addWidget(self.merge_button)
        add_excel_buttons(self, top)  # "Tải mẫu Excel", "Nhập từ Excel…" where there is a template
        self.new_button.setVisible(may_edit(self.ctx))  # a viewer adds nothing
        return top

    def _build_filter_rows(self, layout: QVBoxLayout) -> None:
        """The search box and the subclass's filters; a row of check boxes below if used."""
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search, 1)
        self.check_bar = QHBoxLayout()
        self.check_bar.addStretch(1)
        self.check_bar_used = False
        self.build_filters(bar)
        layout.addLayout(bar)
        if self.check_bar_used:
            layout.addLayout(self.check_bar)

    def _build_table(self) -> None:
        """The paged table, its columns at their default widths, hidden ones hidden."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        many = QAbstractItemView.SelectionMode.ExtendedSelection  # two rows to merge
        one = QAbstractItemView.SelectionMode.SingleSelection
        self.table.setSelectionMode(many if self.MERGE else one)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for n, col in enumerate(self.columns):
            self.table.setColumnWidth(n, col.width)
            self.table.setColumnHidden(n, col.hidden)

    def _build_hidden_note(self) -> QHBoxLayout:
        """Said when a record just saved is not in the filtered rows, with "Show all"."""
        hidden = QHBoxLayout()
        self.hidden_note = QLabel()
        self.hidden_note.setObjectName("fieldWarning")
        self.hidden_note.setWordWrap(True)
        self.show_all_button = QPushButton()
        hidden.addWidget(self.hidden_note, 1)
        hidden.addWidget(self.show_all_button)
        self.show_all_button.clicked.connect(self.clear_filters)
        return hidden

    def _connect_signals(self) -> None:
        """Typing searches after a short pause; Enter, double-click and the buttons act."""
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        # `activated` is a double-click or Enter; listening to doubleClicked as well opened
        # the record twice
        self.table.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self._open_current)
        self.export_button.clicked.connect(self.export)
        if self.MERGE:
            self.merge_button.clicked.connect(self.merge_selected)

    def translate_ui(self) -> None:
        self.title.setText(_(self.TITLE))
        self.new_button.setText(_("New"))
        self.new_button.setToolTip(_("Add a new record (Ctrl+N)"))
        self.open_button.setText(_("Open"))
        self.export_button.setText(_("Export .xlsx"))
        self.export_button.setToolTip(_("Save the rows of this list as an Excel file"))
        self.hidden_note.setText(
            _("The record was saved, but the filters or the search in use hide it from this list.")
        )
        self.show_all_button.setText(_("Show all"))
        self.search.setPlaceholderText(
            _(self.SEARCH_HINT) if self.SEARCH_HINT else _("Search (accents not needed)…")
        )
        for widget, msgid in self._translatables:
            widget.setText(_(msgid))
        for child in self.findChildren(ChoiceFilter):
            child.translate_ui()
        self.model.retranslate()
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """The default width of a column, widened so its header is never cut."""
        metrics = self.table.horizontalHeader().fontMetrics()
        for n, col in enumerate(self.columns):
            needed = metrics.horizontalAdvance(_(col.title)) + 28
            current = self.table.columnWidth(n) if self._fitted else col.width
            self.table.setColumnWidth(n, max(current, needed))
        self._fitted = True

    # --- behaviour -----------------------------------------------------------------------

    def refresh(self) -> None:
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        """Show the rows of the filters and search on screen: first as many as a quick count
        reaches (FIRST_COUNT), then all of them when the exact count arrives; both counts are
        read off the GUI thread."""
        self.search_timer.stop()
        query = self.definition.query(self.filter_values(), self.search.text())
        self._generation += 1
        generation = self._generation
        self.count_label.setText(_("Counting…"))
        self.ctx.read_later(
            query.count_upto,
            FIRST_COUNT + 1,
            on_done=lambda n: self._first_count(generation, query, n),
        )

    def _first_count(self, generation: int, query: lists.ListQuery, count: int) -> None:
        if generation != self._generation:
            return  # the filters changed meanwhile; a newer count is on its way
        exact = count <= FIRST_COUNT
        self.model.set_query(query, count, exact=exact)
        self._update_count()
        if not exact:
            self.ctx.read_later(query.count, on_done=lambda n: self._counted(generation, n))

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.model.set_count(count)
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if not self.model.count_is_exact():
            self.count_label.setText(
                _("More than {count}; counting…").format(count=self.count_text(n - 1))
            )
        else:
            self.count_label.setText(self.count_text(n))
        window = self.window()
        if hasattr(window, "_update_status") and window is not self:
            window._update_status()

    def status_text(self) -> str:
        return self.count_label.text()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def cancel(self) -> None:
        if self.search.text():
            self.search.clear()
            self.apply_filters()

    def edit(self, dialog: Any) -> None:
        """Run a record's editor; a record saved but hidden by the filters is said so."""
        dialog.exec()
        saved_id = dialog.record_id if dialog.saved else None
        if saved_id is None:
            return
        query = self.definition.query(self.filter_values(), self.search.text())
        self._show_hidden_note(not self.ctx.read(query.contains, saved_id))

    def clear_filters(self) -> None:
        """Every filter off and the search empty: all the records show again."""
        for widget in self._filters.values():
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(False)
            else:
                widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._show_hidden_note(False)
        self.apply_filters()

    def _show_hidden_note(self, shown: bool) -> None:
        self.hidden_note.setVisible(shown)
        self.show_all_button.setVisible(shown)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [str(self.model.data(index, ID_ROLE)) for index in rows]

    def merge_selected(self) -> None:
        from coopdesk.ui.editors.merge_dialog import merge_selected

        merge_selected(self, self.MERGE)

    def row_texts(self, key: str) -> list[str]:
        """The text of one column for every row in the list (tests, small lists)."""
        col = self.model.column_index(key)
        return [
            self.model.data(self.model.index(r, col)) or "" for r in range(self.model.rowCount())
        ]

    @Slot(object)
    def _open_index(self, index: Any) -> None:
        self._open(self.model.data(index, ID_ROLE))

    def _open_current(self) -> None:
        self._open(self.selected_id())

    def _open(self, record_id: str | None) -> None:
        """One editor at a time: a click that arrives while one is open opens nothing."""
        if not record_id or self._editing:
            return
        self._editing = True
        try:
            self.open_record(record_id)
        finally:
            self._editing = False

    def export(self) -> None:
        name = people_file_name(_(self.TITLE), suffix=".xlsx")  # HTX-To-hop-tac.xlsx
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the list"), str(Path.home() / name), _("Excel files (*.xlsx)")
        )
        if path:
            self.export_to(Path(path if path.endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        """Write every row of the current filter and order, as shown, off the GUI thread."""
        query = self.model.shown_query()
        if query is None:
            return
        sort_key, descending = self.model.sort_order()
        shown = [c for c in self.columns if not c.hidden]
        positions = [1 + self.columns.index(c) for c in shown]
        title = _(self.TITLE)

        def work(session: Any, progress: Any = None) -> tuple[Path, int]:
            rows = [[_(c.title) for c in shown]]
            for raw in query.all_rows(session, sort_key, descending):
                rows.append([c.fmt(raw[n]) for c, n in zip(shown, positions, strict=True)])
            write_xlsx(path, title, rows, progress)
            return path, len(rows) - 1

        self.ctx.read_later(
            work,
            on_done=lambda result: self._exported(*result),
            progress_label=_("Exporting the list…"),
        )

    def _exported(self, path: Path, n: int) -> None:
        window = self.window()
        message = ngettext("{n} row saved to {file}", "{n} rows saved to {file}", n).format(
            n=n, file=path
        )
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)

    def save_layout(self, st: QSettings) -> None:
        st.setValue(f"lists/{self.ENTITY}/header", self.table.horizontalHeader().saveState())

    def restore_layout(self, st: QSettings) -> None:
        state = st.value(f"lists/{self.ENTITY}/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
