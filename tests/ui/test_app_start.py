"""Starting the application: the demo opens (generated on first use, with progress)."""

from __future__ import annotations

from coopdesk import app, paths
from tests.ui.conftest import fill_admin


def test_demo_is_generated_on_first_use_then_reopened(qtbot, tmp_path, monkeypatch, tasks) -> None:
    monkeypatch.setattr(paths, "demo_data_dir", lambda: tmp_path / "demo")
    opened: list[tuple] = []
    app.open_demo(tasks, lambda engine, data_dir, inst: opened.append((engine, data_dir, inst)))
    engine, data_dir, inst = opened[0]
    assert data_dir == tmp_path / "demo"
    assert (inst.unit_code, inst.role) == ("03408", "commune")
    assert tasks.progress_seen  # the progress dialog was fed
    engine.dispose()
    app.open_demo(tasks, lambda engine, data_dir, inst: opened.append((engine, data_dir, inst)))
    assert len(opened) == 2 and opened[1][2].unit_code == "03408"
    opened[1][0].dispose()


def test_no_installation_starts_the_wizard_then_the_main_window(
    qtbot, data_dir, monkeypatch, tasks
) -> None:
    import argparse

    from coopdesk.ui.first_run import FirstRunWizard

    def fill_and_finish(wizard: FirstRunWizard) -> int:
        wizard.show()
        wizard.next()
        wizard.unit_page.search.setText("tan phong")
        wizard.unit_page.apply_search()
        wizard.next()
        wizard.people_page.officer.setText("Lò Thị Mai")
        fill_admin(wizard)
        wizard.accept()  # saved, the recovery code shown
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(FirstRunWizard, "exec", fill_and_finish)
    args = argparse.Namespace(demo=False, data_dir=str(data_dir), lang=None)
    windows = app.launch(args, tasks)
    qtbot.addWidget(windows[0])
    assert windows[0].unit_name.text() == "Phường Tân Phong, Lai Châu"
    windows[0].ctx.engine.dispose()
    again = app.launch(args, tasks)  # set up now: straight to the main window
    qtbot.addWidget(again[0])
    assert again[0].role_badge.text() == "Hội cấp xã"
    again[0].ctx.engine.dispose()
