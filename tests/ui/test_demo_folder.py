"""`coopdesk --demo --data-dir DIR` opens the demo in DIR, not in the user's data folder."""

from __future__ import annotations

import argparse

from coopdesk import app, paths


def test_the_demo_goes_where_data_dir_says(qtbot, tmp_path, monkeypatch, tasks) -> None:
    from coopdesk.ui.login_dialog import LoginDialog

    monkeypatch.setattr(paths, "demo_data_dir", lambda: tmp_path / "default-demo")
    logins: list[str] = []

    def log_in_as_admin(dialog: LoginDialog) -> int:  # the demo asks who logs in
        logins.append(dialog.demo_hint.text())
        dialog.login.setText("admin")
        dialog.password.setText("coopdesk-demo")
        dialog.try_login()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", log_in_as_admin)
    args = argparse.Namespace(demo=True, data_dir=str(tmp_path / "mine"), lang=None)
    windows = app.launch(args, tasks)
    for window in windows:
        qtbot.addWidget(window)
    assert paths.db_path(tmp_path / "mine").exists()
    assert not (tmp_path / "default-demo").exists()
    assert [w.ctx.data_dir for w in windows] == [tmp_path / "mine"]
    # a demo opens as its administrator, as its keys open by themselves: no login asked
    from coopdesk.services import accounts

    assert logins == []
    current = accounts.current()
    assert current is not None and current.login == "admin"
