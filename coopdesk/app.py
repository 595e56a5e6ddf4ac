"""Start the desktop application: `coopdesk` (real data) or `coopdesk --demo`."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

from coopdesk import i18n, paths

log = logging.getLogger(__name__)

# The service layer the first window uses, imported before PySide6: once PySide6 is loaded it
# reads the source of every module imported after it (looking for its `__feature__` switches),
# about 0.15 s over these at each start from the sources (the frozen application has none).
SERVICES_BEFORE_QT = (
    "coopdesk.services.accounts",
    "coopdesk.services.database",
    "coopdesk.services.indicators",
    "coopdesk.services.overview",
    "coopdesk.services.units",
    "coopdesk.services.demo_login",
    "coopdesk.sync.trust",
)


def load_installation(engine: Any) -> Any:
    """The installation settings, or None when this database was never set up."""
    from coopdesk.services import settings
    from coopdesk.services.database import session_scope

    with session_scope(engine) as s:
        return settings.get_installation(s)


def ensure_catalogues(engine: Any) -> None:
    from coopdesk.services import units

    units.ensure_catalogues(engine)


def open_demo(tasks: Any, on_ready: Any, data_dir: Path | None = None) -> None:
    """Open the demo database (in `data_dir`, else the demo's own folder), generating it
    (with progress) the first time."""
    from coopdesk import demo
    from coopdesk.services.database import open_database

    data_dir = data_dir or paths.demo_data_dir()
    fresh = not paths.db_path(data_dir).exists()
    engine = open_database(data_dir)
    installation = None if fresh else load_installation(engine)
    if installation is not None:
        on_ready(engine, data_dir, installation)
        return

    def build(progress: Any = None) -> Any:
        ensure_catalogues(engine)
        demo.generate(engine, "commune", seed=1, unit_code=None, progress=progress)
        return load_installation(engine)

    tasks.run(
        build,
        on_done=lambda inst: on_ready(engine, data_dir, inst),
        progress_label=i18n._("Preparing the demo data (only the first time)…"),
        changes=None,
    )


def daily_backup(tasks: Any, data_dir: Path) -> None:
    """The day's first backup (services.backups), off the GUI thread; when it fails the log
    says why (the Backups page shows the newest backup's date)."""
    from coopdesk.services import backups

    tasks.run(
        backups.daily_backup,
        data_dir,
        changes=None,
        on_error=lambda exc: log.warning("the daily backup failed: %s", exc),
    )


def setup_application(app: Any) -> None:
    """Font with full Vietnamese coverage, light style, icon."""
    from PySide6.QtGui import QFont, QFontDatabase, QIcon

    from coopdesk.ui import qt_translations
    from coopdesk.ui.theme import apply_theme

    families = set(QFontDatabase.families())
    font = QFont(app.font())
    preferred = [f for f in ("Segoe UI", "Noto Sans", "DejaVu Sans") if f in families]
    if preferred and sys.platform != "darwin":
        font.setFamilies(preferred)
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setApplicationName("CoopDesk")
    app.setOrganizationName("CoopDesk")
    icon_file = paths.resources_dir() / "icons" / "coopdesk.svg"
    if icon_file.exists():
        app.setWindowIcon(QIcon(str(icon_file)))
    apply_theme(app)
    qt_translations.install(app)  # Qt's own buttons and dialogs in the officer's language


def launch(args: argparse.Namespace, tasks: Any) -> list[Any]:
    """Open what the arguments ask for; return the windows shown (the list fills later when
    the demo is still being generated). Raises DatabaseError for a database we cannot open."""
    from PySide6.QtWidgets import QMessageBox

    from coopdesk.services.database import open_database
    from coopdesk.services.demo_login import log_in_demo
    from coopdesk.ui.context import AppContext
    from coopdesk.ui.login_dialog import log_in_at_start, start_session
    from coopdesk.ui.main_window import MainWindow

    windows: list[Any] = []

    def show_main(
        engine: Any, data_dir: Path, installation: Any, demo: bool, first: bool = True
    ) -> None:
        if installation is None:
            QMessageBox.critical(None, "CoopDesk", i18n._("The database is not set up."))
            return
        if not getattr(args, "lang", None) and getattr(installation, "language", None):
            i18n.set_language(installation.language)
        ctx = AppContext(engine, data_dir, installation, tasks, demo=demo)
        if first:  # a demo opens as its administrator, as its keys open by themselves (the
            ctx.read(log_in_demo)  # password is on its login dialog); "Đăng xuất" shows that
        if not log_in_at_start(ctx):  # an installation with accounts: who is it?
            return
        window = MainWindow(ctx)
        windows.append(window)
        start_session(
            window, ctx, lambda: show_main(engine, data_dir, installation, demo, first=False)
        )
        window.show()
        if not demo:
            daily_backup(tasks, data_dir)

    def on_demo_ready(engine: Any, data_dir: Path, installation: Any) -> None:
        show_main(engine, data_dir, installation, True)

    chosen_dir = getattr(args, "data_dir", None)
    if getattr(args, "demo", False):  # `--demo --data-dir DIR`: the demo in DIR
        open_demo(tasks, on_demo_ready, paths.resolve_data_dir(chosen_dir) if chosen_dir else None)
        return windows
    data_dir = paths.resolve_data_dir(chosen_dir)
    engine = open_database(data_dir)
    installation = load_installation(engine)
    if installation is not None:
        show_main(engine, data_dir, installation, False)
        return windows
    from coopdesk.ui.first_run import FirstRunWizard

    ensure_catalogues(engine)
    wizard = FirstRunWizard(AppContext(engine, data_dir, None, tasks))
    if not wizard.exec():
        return windows
    if wizard.chose_demo:
        open_demo(tasks, on_demo_ready)
    else:
        show_main(engine, data_dir, wizard.installation, False)
    return windows


def gui_data_dir(args: argparse.Namespace) -> Path:
    """The folder the GUI opens: --data-dir, else the demo's own folder or the usual one."""
    chosen = getattr(args, "data_dir", None)
    if getattr(args, "demo", False) and not chosen:
        return paths.demo_data_dir()
    return paths.resolve_data_dir(chosen)


def start_log(data_dir: Path) -> None:
    """The log file in the data folder, and the error dialog for what nobody expected."""
    from coopdesk import __version__, logs
    from coopdesk.ui import error_dialog

    logs.setup(data_dir)
    log.info("CoopDesk %s starts on %s", __version__, data_dir)
    error_dialog.install()


def claim_data_folder(data_dir: Path, app: Any) -> Any:
    """This process's hold on the folder (a SingleInstance), or None when another CoopDesk has
    it open: that one was asked to come forward (or the person is told it is open). Called
    before any database connection."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from coopdesk.ui.single_instance import SingleInstance, bring_forward

    instance = SingleInstance(data_dir, app)
    if not instance.claim():
        if not instance.first_answered:
            QMessageBox.information(
                None,
                i18n._("CoopDesk"),
                i18n._(
                    "CoopDesk is already open on this data folder. Switch to its window "
                    "(on the taskbar)."
                ),
            )
        return None
    instance.raise_requested.connect(lambda: bring_forward(QApplication.topLevelWidgets()))
    return instance


def run_gui(args: argparse.Namespace) -> int:
    for name in SERVICES_BEFORE_QT:
        importlib.import_module(name)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from coopdesk.services.database import DatabaseError
    from coopdesk.ui import health_dialog
    from coopdesk.ui.tasks import TaskRunner, error_message

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # tests/build (the frozen smoke test) relies on this: start, then quit after N ms, exit 0.
    # Armed before any dialog; closing the windows also ends a modal one (first-run wizard).
    smoke_quit_ms = os.environ.get("COOPDESK_SMOKE_QUIT_MS")
    if smoke_quit_ms is not None:
        from PySide6.QtCore import QTimer

        def smoke_quit() -> None:
            widgets = QApplication.topLevelWidgets()
            shown = sorted({type(w).__name__ for w in widgets if w.isVisible()})
            print("coopdesk smoke-quit, windows shown:", ", ".join(shown), file=sys.stderr)
            for widget in widgets:
                widget.close()
            app.quit()

        QTimer.singleShot(int(smoke_quit_ms), smoke_quit)
    setup_application(app)
    i18n.set_language(getattr(args, "lang", None) or i18n.DEFAULT_LANGUAGE)
    data_dir = gui_data_dir(args)
    start_log(data_dir)
    instance = claim_data_folder(data_dir, app)
    if instance is None:
        return 0  # the CoopDesk already open on this folder came forward
    tasks = TaskRunner()
    try:
        if not health_dialog.check_at_start(data_dir, tasks):
            return 2  # a damaged file, not restored: left as it is
        windows = launch(args, tasks)
        if not windows and not tasks.busy:
            return 0  # the wizard was cancelled
        status = int(app.exec())
        # Let background tasks end while their signal objects are alive (quitting mid-load
        # otherwise prints "Signal source has been deleted" tracebacks at exit).
        tasks.pool.waitForDone()
        return status
    except DatabaseError as exc:
        QMessageBox.critical(None, "CoopDesk", str(exc))
        return 2
    except Exception as exc:  # shown to the person, logged for the developer
        log.exception("CoopDesk could not start")
        QMessageBox.critical(None, "CoopDesk", error_message(exc))
        return 1
    finally:
        instance.release()
