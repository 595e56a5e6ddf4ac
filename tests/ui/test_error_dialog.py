"""An error nobody expected: a dialog in the officer's language (what happened, nothing lost,
where the log is, 'Mở thư mục nhật ký') and its traceback in the log file."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton

from coopdesk.i18n import set_language
from coopdesk.ui import error_dialog
from coopdesk.ui.tasks import TaskRunner, is_unexpected
from tests.log_fixture import log_file  # noqa: F401 (a fixture)
from tests.ui.conftest import save_screenshot


@pytest.fixture
def hooked(monkeypatch, qapp) -> list[QUrl]:
    """The app's hooks installed (undone afterwards); the URLs the dialog asked to open."""
    from coopdesk.app import setup_application

    setup_application(qapp)  # the font, style and theme people see
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    opened: list[QUrl] = []
    monkeypatch.setattr(error_dialog.QDesktopServices, "openUrl", opened.append)
    error_dialog.install()
    yield opened
    for dialog in list(error_dialog._shown):
        dialog.close()


def texts(dialog: error_dialog.ErrorDialog) -> list[str]:
    return [dialog.what.text(), dialog.lost.text(), dialog.where.text(), dialog.code.text()]


def broken_slot() -> None:
    {}["ward"]  # a fault of the program: a KeyError


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_logs_the_traceback(
    qtbot,
    hooked,
    log_file: Path,  # noqa: F811
) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(broken_slot)
    button.click()  # PySide6 hands the error to sys.excepthook
    [dialog] = error_dialog._shown
    assert dialog.isVisible() and dialog.windowTitle() == "CoopDesk: đã xảy ra lỗi"
    assert texts(dialog) == [
        "Chuyện gì đã xảy ra: thao tác vừa rồi bị dừng do lỗi của chương trình, không phải do "
        "bạn làm sai.",
        "Không mất gì cả: những gì đã lưu trước đó vẫn an toàn. Thay đổi đang được lưu đúng "
        "lúc đó thì chưa được lưu; hãy kiểm tra và lưu lại lần nữa.",
        f"Chi tiết đã được ghi vào nhật ký: {log_file}. Khi nhờ hỗ trợ, hãy gửi kèm tệp này.",
        "Mã lỗi: KeyError",
    ]
    assert dialog.folder_button.text() == "Mở thư mục nhật ký"
    save_screenshot(dialog, "error-dialog-vi")
    dialog.folder_button.click()
    assert [url.toLocalFile() for url in hooked] == [str(log_file.parent)]
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR coopdesk.ui.error_dialog" in logged and "Traceback" in logged
    assert "in broken_slot" in logged and "KeyError: 'ward'" in logged

    button.click()  # again, while the dialog is open: logged, not shown twice
    assert error_dialog._shown == [dialog]
    assert log_file.read_text(encoding="utf-8").count("in broken_slot") == 2


def fails_in_the_background() -> None:
    raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")


def test_a_background_task_fault_shows_the_dialog_in_english(
    qtbot,
    hooked,
    log_file: Path,  # noqa: F811
) -> None:
    set_language("en")
    runner = TaskRunner()
    runner.run(fails_in_the_background, changes=None)
    qtbot.waitUntil(lambda: bool(error_dialog._shown), timeout=20000)
    [dialog] = error_dialog._shown
    assert dialog.windowTitle() == "CoopDesk: something went wrong"
    assert texts(dialog) == [
        "What happened: the last action stopped because of a fault in the program, not "
        "because of something you did.",
        "Nothing was lost: what was saved before is safe. A change that was being saved at "
        "that moment was not saved; check it and save it again.",
        f"The details are written in the log: {log_file}. When you ask for help, send this file.",
        "Error code: TypeError",
    ]
    assert dialog.folder_button.text() == "Open the log folder"
    save_screenshot(dialog, "error-dialog-en")
    logged = log_file.read_text(encoding="utf-8")
    assert "a background task failed: TypeError" in logged
    assert "in fails_in_the_background" in logged
    runner.pool.waitForDone()


def test_what_is_meant_for_a_person_is_not_a_fault() -> None:
    import errno

    from coopdesk.domain.validation import ValidationFailed
    from coopdesk.services.database import MaintenanceError

    assert is_unexpected(KeyError("x")) and is_unexpected(AttributeError("x"))
    assert not is_unexpected(MaintenanceError("The backup cannot be the database file itself."))
    assert not is_unexpected(ValidationFailed([]))
    assert not is_unexpected(ValueError("Năm sinh phải là một số"))
    assert not is_unexpected(OSError(errno.ENOSPC, "No space left on device"))


def test_help_opens_the_log_folder(qtbot, main_window, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(error_dialog.QDesktopServices, "openUrl", opened.append)
    menu = main_window.help_menu
    assert menu.title() == "&Trợ giúp"
    assert [a.text() for a in menu.actions()][:2] == ["&Hướng dẫn sử dụng", "Mở thư mục &nhật ký"]
    menu.popup(main_window.mapToGlobal(main_window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    save_screenshot(menu, "help-menu-log-folder-vi")
    menu.hide()
    main_window.act_log_folder.trigger()
    folder = Path(opened[0].toLocalFile())
    assert folder == main_window.ctx.data_dir / "logs" and folder.is_dir()
