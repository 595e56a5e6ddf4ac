"""Excel from the window: "Tải mẫu Excel" and "Nhập từ Excel…" on the lists that have a
template, the wizard from the File menu on the kind on screen, and the wizard's "import the
possible duplicates anyway"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from coopdesk.db.models import Person
from coopdesk.services import people
from coopdesk.services.excel_import import export
from coopdesk.ui.excel_import.buttons import write_template_to
from coopdesk.ui.excel_import.wizard import ExcelImportWizard
from coopdesk.ui.officers_page import OfficersPage
from coopdesk.ui.people_page import PeoplePage
from coopdesk.ui.plans_page import PlansPage
from coopdesk.ui.support_page import SupportPage
from tests.ui.conftest import save_screenshot


def test_a_list_writes_its_template(qtbot, ctx, tmp_path: Path) -> None:
    page = PeoplePage(ctx)
    qtbot.addWidget(page)
    assert page.template_button.text() == "Tải mẫu Excel"
    assert page.import_button.text() == "Nhập từ Excel…"
    write_template_to(page, tmp_path / "mau.xlsx")
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "mau.xlsx").worksheets[0][1]]
    assert headers[:3] == ["Họ và tên *", "Giới tính", "Năm sinh"]
    plans = PlansPage(ctx)  # plans have no template: no buttons
    qtbot.addWidget(plans)
    assert not hasattr(plans, "template_button")


def test_officers_and_support_write_their_templates(qtbot, ctx, tmp_path: Path) -> None:
    for page_type, first in ((OfficersPage, "Họ và tên *"), (SupportPage, "Loại *")):
        page = page_type(ctx)
        qtbot.addWidget(page)
        assert page.import_button.text() == "Nhập từ Excel…"
        write_template_to(page, tmp_path / f"{page.KIND}.xlsx")
        sheet = openpyxl.load_workbook(tmp_path / f"{page.KIND}.xlsx").worksheets[0]
        assert sheet[1][0].value == first


def test_the_file_menu_opens_the_wizard_on_the_kind_on_screen(qtbot, main_window) -> None:
    assert main_window.act_import_excel.text() == "Nhập từ &Excel…"
    assert main_window.act_import_excel in main_window.file_menu.actions()
    main_window.show_area("cooperatives")
    main_window.act_import_excel.trigger()
    wizard = main_window.excel_wizard
    assert wizard.isVisible() and wizard.kind.currentData() == "cooperatives"
    wizard.close()


def _live_people(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None)))


def test_possible_duplicates_are_imported_only_when_asked(qtbot, ctx, tmp_path: Path) -> None:
    with ctx.session() as s:
        people.create_person(s, "Nguyễn Thị Hoa", actor="Mai", birth_year=1985)
    template = ctx.read(export.write_kind_template, "people", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    phone = 1 + [c.value for c in sheet[1]].index("Điện thoại")
    for c, value in ((1, "Nguyễn Thị Hoa"), (2, "Nữ"), (3, 1985), (phone, "0912 345 678")):
        sheet.cell(row=2, column=c, value=value)  # the same woman? another with her name
    book.save(tmp_path / "hoi_vien.xlsx")
    wizard = ExcelImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.file.setText(str(tmp_path / "hoi_vien.xlsx"))
    wizard.show()
    wizard.run_preview()
    assert "1 có thể trùng" in wizard.summary.text()
    assert wizard.anyway.isVisible() and not wizard.go.isEnabled()
    wizard.anyway.setChecked(True)
    assert wizard.go.isEnabled()
    save_screenshot(wizard, "excel_import_anyway")
    wizard.run_import()
    assert wizard.outcome is not None and wizard.outcome.created == 1
    assert _live_people(ctx) == 2
