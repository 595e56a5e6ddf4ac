"""Backups ("Sao lưu"): the backups CoopDesk made by itself and by hand, with what each holds;
back up now, copy one to a USB stick, restore one after seeing what it holds
(`coopdesk.services.backups`). After a restore the window opens again on the restored
database, as at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n, paths
from coopdesk.i18n import N_, _
from coopdesk.services import accounts, backups, database, settings
from coopdesk.ui.context import AppContext
from coopdesk.ui.icons import icon

COLUMNS = (N_("Made on"), N_("Why"), N_("Size"), N_("What it holds"))
# Windows opened again after a restore: kept here so Python does not collect them.
_REOPENED: list[QWidget] = []


class BackupsPage(QWidget):
    """The list of backups and the four things to do with them."""

    refreshes_itself = True  # after its own backups; a restore reopens the window

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[backups.BackupInfo] = []
        self.may_back_up = self.may_restore = False  # known at the first refresh
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
        self.backup_button = QPushButton(icon("export"), "")
        self.copy_button = QPushButton()
        self.restore_button = QPushButton()
        self.restore_file_button = QPushButton()
        for button in (
            self.backup_button,
            self.copy_button,
            self.restore_button,
            self.restore_file_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.backup_button.clicked.connect(self.back_up_now)
        self.copy_button.clicked.connect(self.copy_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)

    def translate_ui(self) -> None:
        self.title.setText(_("Backups"))
        self.backup_button.setText(_("Back up now"))
        self.copy_button.setText(_("Copy to a USB stick / folder…"))
        self.restore_button.setText(_("Restore…"))
        self.restore_file_button.setText(_("Restore from a file…"))
        self.intro.setText(
            _(
                "CoopDesk backs the database up by itself: once a day when it starts, and "
                "before each import, undo or restore. It keeps one a day for a week, one a "
                "week for a month and one a month for a year; the ones you make with “Back up "
                "now” are kept until you delete them. This computer holds the only copy of the "
                "registry: copy a backup to a USB stick now and then, and keep it elsewhere."
            )
        )
        self.folder.setText(
            _("The backups are kept in {folder}.").format(
                folder=paths.backups_dir(self.ctx.data_dir)
            )
        )
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self._show()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.may_back_up = bool(self.ctx.read(backups.allowed, restoring=False))
        self.may_restore = bool(self.ctx.read(backups.allowed, restoring=True))
        self.ctx.tasks.run(
            backups.list_backups, self.ctx.data_dir, on_done=self._loaded, changes=None
        )

    def _loaded(self, rows: list[backups.BackupInfo]) -> None:
        selected = self.selected()
        self.rows = rows
        self._show(selected.name if selected else None)

    def _show(self, keep: str | None = None) -> None:
        self.table.setRowCount(len(self.rows))
        for n, info in enumerate(self.rows):
            for col, text in enumerate(self._cells(info)):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        names = [info.name for info in self.rows]
        if names:
            self.table.selectRow(names.index(keep) if keep in names else 0)
        self._update_buttons()

    @staticmethod
    def _cells(info: backups.BackupInfo) -> list[str]:
        made = f"{i18n.format_date(info.made_at.date())} {info.made_at:%H:%M}"
        holds = backups.counts_text(info.counts) if info.good else _("Damaged: cannot be restored")
        return [made, backups.reason_label(info.reason), backups.size_text(info.size), holds]

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    @Slot()
    def _update_buttons(self) -> None:
        info = self.selected()
        usable = info is not None and info.good
        self.backup_button.setEnabled(self.may_back_up)
        self.copy_button.setEnabled(usable and self.may_back_up)
        self.restore_button.setEnabled(usable and self.may_restore)
        self.restore_file_button.setEnabled(self.may_restore)
        only_admin = "" if self.may_restore else _("Only an administrator can restore a backup.")
        for button in (self.restore_button, self.restore_file_button):
            button.setToolTip(only_admin)

    def status_text(self) -> str:
        if not self.rows:
            return _("No backup yet.")
        return _("Backups: {count}; the newest from {date}.").format(
            count=i18n.format_number(len(self.rows)),
            date=i18n.format_date(self.rows[0].made_at.date()),
        )

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (tests)."""
        return [self._cells(info) for info in self.rows]

    # --- doing -----------------------------------------------------------------------------

    @Slot()
    def back_up_now(self) -> None:
        self.ctx.tasks.run(
            backups.create,
            self.ctx.data_dir,
            on_done=lambda _info: self.refresh(),
            progress_label=_("Backing up…"),
            changes=None,
        )

    @Slot()
    def copy_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        folder = QFileDialog.getExistingDirectory(self, _("Copy the backup to…"))
        if not folder:
            return
        self.ctx.tasks.run(
            backups.copy_to,
            info.path,
            Path(folder),
            on_done=self._copied,
            progress_label=_("Copying the backup…"),
            changes=None,
        )

    def _copied(self, target: Path) -> None:
        QMessageBox.information(
            self,
            _("Backup copied"),
            _("The backup was copied to {file}. Keep the USB stick in a safe place.").format(
                file=target
            ),
        )

    @Slot()
    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore(info.path)

    @Slot()
    def restore_from_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Restore a backup"),
            "",
            _("CoopDesk backups (*.backup *.sqlite3);;All files (*)"),
        )
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        """Show what the backup holds, ask, then restore it and open the window again."""
        self.ctx.tasks.run(backups.describe, path, on_done=self._confirm_restore, changes=None)

    def _confirm_restore(self, info: backups.BackupInfo) -> None:
        answer = QMessageBox.question(
            self,
            _("Restore this backup"),
            _(
                "Replace the database with this backup?\n\n{summary}\n\nWhat was entered after "
                "the backup was made is replaced. The current database is backed up first, so "
                "this can be undone by restoring that backup."
            ).format(summary=backups.summary(info)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        window = self.window()
        can_close = getattr(window, "pages", {})
        if not all(getattr(page, "can_close", lambda: True)() for page in can_close.values()):
            return
        self.ctx.engine.dispose()  # its connections are on the file being replaced
        self.ctx.tasks.run(
            backups.restore,
            self.ctx.data_dir,
            info.path,
            on_done=lambda _result: restored(reopen(window, self.ctx), info),
            progress_label=_("Restoring the backup…"),
            changes=None,
        )


def reopen(old: QWidget, ctx: AppContext) -> QWidget | None:
    """The old window closed, then a new one on the restored database, opened as at start:
    with accounts, whoever logs in there (its accounts may not be those of before). Returns
    the new window (None when nobody logged in: CoopDesk quits)."""
    save_layout = getattr(old, "save_layout", None)
    if save_layout is not None:
        save_layout()  # the pages' layout, for the new window
    geometry, maximized = old.geometry(), old.isMaximized()
    engine = database.open_database(ctx.data_dir, create=False)
    with database.session_scope(engine) as session:
        installation = settings.get_installation(session)
    if installation is None:  # a backup of a database never set up: keep what we had
        installation = ctx.installation
    new_ctx = AppContext(engine, ctx.data_dir, installation, ctx.tasks, demo=ctx.demo)
    ctx.tasks.changed.disconnect(ctx.data_changed)
    if accounts.current() is not None:
        accounts.logout()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    try:
        old.close()
        window = _open(new_ctx, geometry, maximized)
    finally:
        app.setQuitOnLastWindowClosed(True)
    if window is None:
        app.quit()
    return window


def _open(ctx: AppContext, geometry: QRect, maximized: bool) -> QWidget | None:
    from coopdesk.ui.login_dialog import log_in_at_start, start_session
    from coopdesk.ui.main_window import MainWindow

    if not log_in_at_start(ctx):
        return None
    window = MainWindow(ctx)
    _REOPENED.append(window)
    window.setGeometry(geometry)  # where the old one was, the same size
    if maximized:
        window.showMaximized()
    else:
        window.show()
    window.show_area("backups")

    def next_person() -> None:  # after "Đăng xuất", as at start
        _open(ctx, window.geometry(), window.isMaximized())

    start_session(window, ctx, next_person)
    return window


def restored(window: QWidget | None, info: backups.BackupInfo) -> None:
    if window is None:
        return
    QMessageBox.information(
        window,
        _("Backup restored"),
        _(
            "The backup was restored: {summary}\n\nThe database as it was before is kept as "
            "the backup “Before a restore” at the top of the list."
        ).format(summary=backups.summary(info)),
    )
