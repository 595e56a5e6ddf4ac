"""The main window: every area opens, unit and role stay visible, layout is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coopdesk.ui.main_window import MainWindow
from coopdesk.ui.pages import AREAS, BrokenPage, create_page
from tests.ui.conftest import save_screenshot


def test_every_area_opens_and_unit_role_visible(main_window) -> None:
    for spec in AREAS:
        page = main_window.show_area(spec.key)
        assert main_window.stack.currentWidget() is page
        assert type(page).__name__ == spec.target.partition(":")[2]  # its real page
    assert "Phường Tân Phong" in main_window.status_unit.text()
    assert main_window.role_badge.text() == "Hội cấp xã"


def test_layout_is_remembered(qtbot, ctx, main_window) -> None:
    main_window.resize(760, 540)
    budget = main_window.show_area("budget")
    budget.table.setColumnWidth(1, 333)
    size = main_window.size()
    main_window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_area() == "budget"
    assert again.pages["budget"].table.columnWidth(1) == 333
    assert again.size().height() == size.height()  # the offscreen screen clamps widths


def test_shortcuts_new_find_and_escape(qtbot, main_window, monkeypatch) -> None:
    from coopdesk.ui.editors.cooperative import CooperativeDialog

    page = main_window.show_area("cooperatives")
    opened: list[CooperativeDialog] = []
    monkeypatch.setattr(CooperativeDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened and opened[0].windowTitle() == "Thêm HTX, THT"
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "che")
    qtbot.keyClick(main_window, Qt.Key.Key_Escape)
    assert page.search.text() == ""


def test_a_page_that_cannot_be_loaded_says_what_to_do(qtbot, ctx, monkeypatch) -> None:
    import importlib

    real = importlib.import_module

    def damaged(name, *args):
        if name == "coopdesk.ui.budget_page":
            raise ImportError("libcrypto.so.3: cannot open shared object file")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", damaged)
    page = create_page("budget", ctx)
    qtbot.addWidget(page)
    assert isinstance(page, BrokenPage)
    assert page.title.text() == "Kinh phí"
    text = page.body.text()
    assert "không tải được" in text and "Dữ liệu của bạn không bị ảnh hưởng" in text
    assert "coopdesk.ui.budget_page:BudgetPage: libcrypto.so.3" in text
    page.resize(700, 300)
    save_screenshot(page, "broken-page")


def test_the_go_menu_keeps_the_ampersand_of_an_area_name(main_window) -> None:
    from coopdesk.ui.pages import AREA_KEYS

    action = main_window.area_actions[AREA_KEYS.index("cooperatives")]
    assert action.text() == "HTX && Tổ hợp tác"  # a lone & would be taken as a mnemonic
    assert action.iconText() == "HTX & Tổ hợp tác"  # what the menu shows


def test_who_has_reported_is_for_a_province_office_only(qtbot, ctx, main_window) -> None:
    from coopdesk.services import settings
    from coopdesk.ui.context import AppContext
    from coopdesk.ui.pages import AREA_KEYS

    row = AREA_KEYS.index("reporting")
    assert main_window.sidebar.isRowHidden(row)  # a commune reports; it is not reported to
    assert not main_window.area_actions[row].isVisible()
    with ctx.session() as s:
        province = settings.save_installation(
            s, settings.Installation(unit_code="12", role="aggregator", officer="Lò Thị Mai")
        )
    window = MainWindow(AppContext(ctx.engine, ctx.data_dir, province, ctx.tasks))
    qtbot.addWidget(window)
    assert not window.sidebar.isRowHidden(row)
    assert window.sidebar.item(row).text() == "Tình hình báo cáo"
    page = window.show_area("reporting")
    assert page.row_texts()[0][1] == "Chưa gửi"
