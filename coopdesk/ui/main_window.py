"""The main window: a sidebar of areas, the pages, the unit and role always in view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk import __version__, i18n
from coopdesk.domain.labels import INSTALLATION_ROLE
from coopdesk.i18n import _
from coopdesk.services import units
from coopdesk.ui.context import AppContext
from coopdesk.ui.icons import icon
from coopdesk.ui.login_dialog import AccountBar
from coopdesk.ui.pages import AREA_KEYS, AREAS, create_page
from coopdesk.ui.roles import may_edit


def ui_settings(ctx: AppContext) -> QSettings:
    """Window geometry and layout, kept beside the database (demo and real data apart)."""
    return QSettings(str(ctx.data_dir / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ctx.tasks.parent_widget = self
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._build()
        self._build_menus()
        self.translate_ui()
        self._restore_layout()
        ctx.data_changed.connect(self._on_data_changed)
        ctx.installation_changed.connect(self._update_unit)
        i18n.on_language_changed(self._on_language_changed)
        self.destroyed.connect(lambda *_a: i18n.remove_language_listener(self._on_language_changed))

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QWidget()
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(14, 8, 14, 8)
        self.app_title = QLabel("CoopDesk")
        self.app_title.setObjectName("appTitle")
        self.unit_name = QLabel()
        self.unit_name.setObjectName("unitName")
        self.role_badge = QLabel()
        self.role_badge.setObjectName("roleBadge")
        self.demo_badge = QLabel()
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setVisible(self.ctx.demo)
        hl.addWidget(self.app_title)
        hl.addSpacing(18)
        hl.addWidget(self.unit_name, 1)
        hl.addWidget(self.demo_badge)
        hl.addWidget(self.role_badge)
        self.account_bar = AccountBar(self.ctx, header)  # who is logged in, "Đăng xuất"
        hl.addSpacing(12)
        hl.addWidget(self.account_bar)
        outer.addWidget(header)

        body = QWidget()
        bl = QHBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for spec in AREAS:
            item = QListWidgetItem(icon(spec.icon), "")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(200, 36))
            self.sidebar.addItem(item)
        for row, spec in enumerate(AREAS):
            self.sidebar.setRowHidden(row, spec.aggregator_only and not self.ctx.is_aggregator)
        self.stack = QStackedWidget()
        bl.addWidget(self.sidebar)
        bl.addWidget(self.stack, 1)
        outer.addWidget(body, 1)
        self.setCentralWidget(central)

        self.status_message = QLabel()
        self.status_unit = QLabel()
        self.statusBar().addWidget(self.status_message, 1)
        self.statusBar().addPermanentWidget(self.status_unit)
        self.sidebar.currentRowChanged.connect(self._on_area_row)
        self._update_unit()

    def _action(
        self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Any
    ) -> QAction:
        act = QAction(self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.go_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        self.act_new = self._action(QKeySequence.StandardKey.New, lambda: self._call("new_record"))
        self.act_new.setIcon(icon("add"))
        self.act_save = self._action(QKeySequence.StandardKey.Save, lambda: self._call("save"))
        self.act_quit = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.act_find = self._action(
            QKeySequence.StandardKey.Find, lambda: self._call("focus_search")
        )
        self.act_cancel = self._action(
            QKeySequence(Qt.Key.Key_Escape), lambda: self._call("cancel")
        )
        self.act_help = self._action(QKeySequence(Qt.Key.Key_F1), self.show_help)
        self.act_help.setIcon(icon("help"))
        self.act_about = self._action(None, self.show_about)
        self.act_log_folder = self._action(None, self.open_log_folder)
        self.act_import_excel = self._action(None, self.import_excel)
        self.file_menu.addActions([self.act_new, self.act_save, self.act_import_excel])
        for act in (self.act_new, self.act_save, self.act_import_excel):
            act.setVisible(may_edit(self.ctx))  # a viewer adds, saves and imports nothing
            act.setEnabled(may_edit(self.ctx))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu.addActions([self.act_find, self.act_cancel])
        self.area_actions: list[QAction] = []
        for n, spec in enumerate(AREAS):
            shortcut = f"Ctrl+{n + 1}" if n < 9 else None
            act = self._action(shortcut, lambda _c=False, k=spec.key: self.show_area(k))
            act.setIcon(icon(spec.icon))
            act.setVisible(not spec.aggregator_only or self.ctx.is_aggregator)
            self.area_actions.append(act)
            self.go_menu.addAction(act)
        self.help_menu.addActions([self.act_help, self.act_log_folder, self.act_about])

    def translate_ui(self) -> None:
        self.setWindowTitle(_("CoopDesk — Đề án 01"))
        for row, spec in enumerate(AREAS):
            self.sidebar.item(row).setText(_(spec.label))
            self.area_actions[row].setText(_(spec.label).replace("&", "&&"))  # not a mnemonic
        self._fit_sidebar()
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.go_menu.setTitle(_("&Go"))
        self.help_menu.setTitle(_("&Help"))
        self.act_new.setText(_("&New…"))
        self.act_save.setText(_("&Save"))
        self.act_import_excel.setText(_("Import from &Excel…"))
        self.act_quit.setText(_("&Quit"))
        self.act_find.setText(_("&Find"))
        self.act_cancel.setText(_("Cancel"))
        self.act_help.setText(_("&User guide"))
        self.act_about.setText(_("&About CoopDesk"))
        self.act_log_folder.setText(_("Open the &log folder"))
        self.demo_badge.setText(_("DEMO DATA"))
        self.account_bar.translate_ui()
        self._update_unit()
        for page in self.pages.values():
            translate = getattr(page, "translate_ui", None)
            if translate is not None:
                translate()
        self._update_status()

    def sidebar_text_room(self) -> int:
        """Pixels left for an area's name in the sidebar (icon, margins and padding taken)."""
        return self.sidebar.width() - self.sidebar.iconSize().width() - 56

    def _fit_sidebar(self) -> None:
        """Wide enough for the longest area name in this language (never elided)."""
        metrics = self.sidebar.fontMetrics()
        longest = max(metrics.horizontalAdvance(_(spec.label)) for spec in AREAS)
        self.sidebar.setFixedWidth(max(200, longest + self.sidebar.iconSize().width() + 64))

    @Slot()
    def _update_unit(self) -> None:
        self._unit_text = self.ctx.read(units.label, self.ctx.unit_code)
        role = _(INSTALLATION_ROLE.get(self.ctx.role, self.ctx.role))
        self.unit_name.setText(self._unit_text)
        self.role_badge.setText(role)
        self.status_unit.setText(f"{self._unit_text} · {role}")

    # --- areas ---------------------------------------------------------------------------

    def current_area(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else AREA_KEYS[0]

    def current_page(self) -> QWidget | None:
        return self.pages.get(self.current_area())

    def show_area(self, key: str) -> QWidget:
        self.sidebar.setCurrentRow(AREA_KEYS.index(key))
        return self.pages[key]

    def page(self, key: str) -> QWidget:
        """The page of an area, created on first use."""
        if key not in self.pages:
            page = create_page(key, self.ctx, self.stack)
            restore = getattr(page, "restore_layout", None)
            if restore is not None:
                restore(ui_settings(self.ctx))
            self.pages[key] = page
            self.stack.addWidget(page)
            self._stale.add(key)
        return self.pages[key]

    @Slot(int)
    def _on_area_row(self, row: int) -> None:
        if row < 0:
            return
        key = AREA_KEYS[row]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        if key in self._stale:
            self._stale.discard(key)
            self._refresh(page)
        self._update_status()

    def _refresh(self, page: QWidget) -> None:
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    @Slot(str)
    def _on_data_changed(self, _what: str) -> None:
        current = self.current_area()
        for key, page in self.pages.items():
            if key == current:
                if not getattr(page, "refreshes_itself", False):
                    self._refresh(page)
            else:
                self._stale.add(key)
        self._update_status()

    def _update_status(self) -> None:
        page = self.current_page()
        fn = getattr(page, "status_text", None)
        self.status_message.setText(fn() if fn else "")

    def import_excel(self) -> None:
        """The Excel import wizard, on the kind of records on screen (people otherwise)."""
        from coopdesk.ui.excel_import.buttons import open_wizard

        open_wizard(self.ctx, getattr(self.current_page(), "KIND", ""), self)

    def _call(self, name: str) -> None:
        page = self.current_page()
        fn = getattr(page, name, None)
        if fn is not None:
            fn()

    # --- help, language, layout ----------------------------------------------------------

    def show_help(self) -> None:
        """The user guide, at the section of the area on screen (F1, Help menu)."""
        from coopdesk.ui.help import open_guide

        open_guide(self, self.current_area())

    def open_log_folder(self) -> None:
        """Help → Open the log folder: what to send when asking for help."""
        from coopdesk.ui.error_dialog import open_log_folder

        open_log_folder(self.ctx.data_dir)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About CoopDesk"),
            _(
                "CoopDesk {version}: the registry, indicators, reports and bundles of Đề án 01."
            ).format(version=__version__),
        )

    def _on_language_changed(self, lang: str) -> None:
        self.translate_ui()
        self.ctx.language_changed.emit(lang)

    def _restore_layout(self) -> None:
        st = ui_settings(self.ctx)
        geometry = st.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = st.value("window/state")
        if state is not None:
            self.restoreState(state)
        last = str(st.value("window/area", "overview"))
        self.show_area(last if last in AREA_KEYS else "overview")

    def save_layout(self) -> None:
        st = ui_settings(self.ctx)
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("window/area", self.current_area())
        for page in self.pages.values():
            fn = getattr(page, "save_layout", None)
            if fn is not None:
                fn(st)
        st.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            fn = getattr(page, "can_close", None)
            if fn is not None and not fn():
                event.ignore()
                return
        self.save_layout()
        i18n.remove_language_listener(self._on_language_changed)
        super().closeEvent(event)
