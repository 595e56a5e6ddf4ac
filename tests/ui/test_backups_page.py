"""The Backups page (issue 13 item 3): the app backs up on each day's first start; the page
lists what each backup holds; a backup restored through the page, after its preview and a
confirmation, opens the window again on the restored database. Screenshots in vi and en."""

from __future__ import annotations

import argparse
import datetime as dt

from PySide6.QtWidgets import QApplication, QMessageBox

from coopdesk import app, i18n
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Cooperative
from coopdesk.services import backups, records
from coopdesk.ui.main_window import MainWindow
from tests.ui.conftest import save_screenshot

DAY1 = dt.datetime(2026, 12, 1, 7, 50)


def _at(monkeypatch, when: dt.datetime) -> None:
    monkeypatch.setattr(backups, "clock", lambda: when)


def _add_cooperative(ctx, name: str) -> None:
    with session_scope(ctx.engine) as s:
        records.create(s, Cooperative, {"name": name, "kind": "HTX", "unit_code": "03408"}, "Mai")


def test_three_days_of_starting_the_app_then_an_import_backup(
    qtbot, ctx, tasks, monkeypatch
) -> None:
    args = argparse.Namespace(demo=False, data_dir=str(ctx.data_dir), lang=None)
    for n in range(3):
        for hour in (0, 5):  # started twice a day: one backup a day
            _at(monkeypatch, DAY1 + dt.timedelta(days=n, hours=hour))
            (window,) = app.launch(args, tasks)
            qtbot.addWidget(window)
            window.close()
            window.ctx.engine.dispose()
    _at(monkeypatch, DAY1 + dt.timedelta(days=2, hours=6))
    backups.create(ctx.data_dir, "import")  # as sync.import_bundle does first
    assert [(b.reason, b.made_at) for b in backups.list_backups(ctx.data_dir)] == [
        ("import", dt.datetime(2026, 12, 3, 13, 50)),
        ("daily", dt.datetime(2026, 12, 3, 7, 50)),
        ("daily", dt.datetime(2026, 12, 2, 7, 50)),
        ("daily", dt.datetime(2026, 12, 1, 7, 50)),
    ]


def test_the_page_lists_the_backups_in_vietnamese_and_english(
    qtbot, main_window, ctx, monkeypatch
) -> None:
    _add_cooperative(ctx, "HTX Chè Shan Tuyết Tân Phong")
    for n, reason in enumerate(("daily", "import", "manual")):
        _at(monkeypatch, DAY1 + dt.timedelta(days=n, hours=n))
        backups.create(ctx.data_dir, reason)
    page = main_window.show_area("backups")
    newest = backups.list_backups(ctx.data_dir)[0].path.stat().st_size  # grows with the schema
    size = f"{newest / 2**20:.1f}".replace(".", ",") + " MB"
    assert 1 < newest / 2**20 < 10
    assert page.row_texts()[0][:3] == ["03/12/2026 09:50", "Tự sao lưu", size]
    assert [row[1] for row in page.row_texts()] == ["Tự sao lưu", "Trước khi nhập gói", "Hằng ngày"]
    assert page.row_texts()[0][3] == "HTX & Tổ hợp tác 1"
    assert main_window.status_message.text() == "Số bản sao lưu: 3; bản mới nhất ngày 03/12/2026."
    assert page.restore_button.isEnabled() and page.copy_button.isEnabled()
    save_screenshot(main_window, "backups-page-vi")
    i18n.set_language("en")
    qtbot.wait(50)  # the layout follows the new texts
    assert page.backup_button.text() == "Back up now"
    assert [row[1] for row in page.row_texts()] == ["By hand", "Before a bundle import", "Daily"]
    save_screenshot(main_window, "backups-page-en")


def test_back_up_now_adds_one(qtbot, main_window, ctx) -> None:
    page = main_window.show_area("backups")
    assert page.row_texts() == []
    page.backup_button.click()
    assert [row[1] for row in page.row_texts()] == ["Tự sao lưu"]


def test_restore_through_the_page_reopens_the_window_on_the_restored_database(
    qtbot, main_window, ctx, monkeypatch
) -> None:
    _add_cooperative(ctx, "HTX Chè Shan Tuyết Tân Phong")
    _at(monkeypatch, DAY1)
    backups.create(ctx.data_dir, "daily")
    _add_cooperative(ctx, "HTX Dệt thổ cẩm Nà Khương")
    page = main_window.show_area("backups")
    page.refresh()
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):
        asked.append(text)
        save_screenshot(page, "backups-page-restoring-vi")
        return QMessageBox.StandardButton.Yes

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    _at(monkeypatch, DAY1 + dt.timedelta(hours=3))
    page.table.selectRow(0)
    page.restore_button.click()

    (question,) = asked
    assert question.startswith("Thay cơ sở dữ liệu bằng bản sao lưu này?")
    assert "Phường Tân Phong, sao lưu ngày 01/12/2026 lúc 07:50:" in question
    assert "HTX & Tổ hợp tác 1" in question
    assert not main_window.isVisible()
    (window,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w is not main_window
    ]
    qtbot.addWidget(window)
    assert window.ctx.engine is not ctx.engine
    assert window.current_area() == "backups"
    assert window.size() == main_window.size()
    assert told == [
        "Đã khôi phục bản sao lưu: Phường Tân Phong, sao lưu ngày 01/12/2026 lúc 07:50: "
        "HTX & Tổ hợp tác 1\n\nCơ sở dữ liệu như trước đó được giữ làm bản sao lưu "
        "“Trước khi khôi phục” ở đầu danh sách."
    ]
    with session_scope(window.ctx.engine) as s:
        names = [c.name for c in s.query(Cooperative).all()]
    assert names == ["HTX Chè Shan Tuyết Tân Phong"]
    shown = window.pages["backups"].row_texts()
    assert [row[1] for row in shown] == ["Trước khi khôi phục", "Hằng ngày"]
    assert shown[0][3] == "HTX & Tổ hợp tác 2"  # what was replaced is kept
    save_screenshot(window, "backups-page-restored-vi")
    window.ctx.engine.dispose()


def test_restore_answered_no_changes_nothing(qtbot, main_window, ctx, monkeypatch) -> None:
    _at(monkeypatch, DAY1)
    backups.create(ctx.data_dir, "daily")
    _add_cooperative(ctx, "HTX Dệt thổ cẩm Nà Khương")
    page = main_window.show_area("backups")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    page.restore_button.click()
    assert main_window.isVisible()
    assert [row[1] for row in page.row_texts()] == ["Hằng ngày"]
    with session_scope(ctx.engine) as s:
        assert s.query(Cooperative).count() == 1


def test_a_viewer_sees_the_backups_but_cannot_restore_or_make_one(
    qtbot, main_window, ctx, monkeypatch
) -> None:
    from coopdesk.security import passwords
    from coopdesk.services import accounts

    fast = passwords.KdfParams(memory_cost=64, iterations=1, lanes=1)
    _at(monkeypatch, DAY1)
    backups.create(ctx.data_dir, "daily")
    with session_scope(ctx.engine) as s:
        accounts.create_first_admin(s, "mai", "mat-khau-quan-tri", "Lò Thị Mai", params=fast)
        accounts.add_account(s, "xem", "mat-khau-xem-thoi", "viewer", "Người xem", params=fast)
        accounts.logout()
        accounts.login(s, "xem", "mat-khau-xem-thoi")
    page = main_window.show_area("backups")
    page.refresh()
    assert [row[1] for row in page.row_texts()] == ["Hằng ngày"]
    assert not page.restore_button.isEnabled() and not page.restore_file_button.isEnabled()
    assert not page.backup_button.isEnabled() and not page.copy_button.isEnabled()
    assert page.restore_button.toolTip() == "Chỉ quản trị viên mới khôi phục được bản sao lưu."
