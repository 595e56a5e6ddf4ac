"""`coopdesk --demo --data-dir DIR` opens the demo in DIR, not in the user's data folder."""

from __future__ import annotations

import argparse

from coopdesk import app, paths


def test_the_demo_goes_where_data_dir_says(qtbot, tmp_path, monkeypatch, tasks) -> None:
    monkeypatch.setattr(paths, "demo_data_dir", lambda: tmp_path / "default-demo")
    args = argparse.Namespace(demo=True, data_dir=str(tmp_path / "mine"), lang=None)
    windows = app.launch(args, tasks)
    for window in windows:
        qtbot.addWidget(window)
    assert paths.db_path(tmp_path / "mine").exists()
    assert not (tmp_path / "default-demo").exists()
    assert [w.ctx.data_dir for w in windows] == [tmp_path / "mine"]
