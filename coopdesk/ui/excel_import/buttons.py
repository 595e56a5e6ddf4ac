"""A list page's Excel buttons: "Tải mẫu Excel" (the template of its kind of record, to fill
in and import back) and "Nhập từ Excel…" (the import wizard, on that kind). Only the lists
whose records have a template (`services.excel_import.kinds.KINDS`) get them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton

from coopdesk.i18n import N_, _
from coopdesk.services.documents.file_names import people_file_name
from coopdesk.services.excel_import.export import write_kind_template
from coopdesk.services.excel_import.kinds import KINDS
from coopdesk.ui.roles import may_edit


def add_excel_buttons(page: Any, row: QHBoxLayout) -> None:
    """Add the buttons to `row` when the page's kind has a template (`page.KIND`)."""
    if page.KIND not in KINDS:
        return
    page.template_button = QPushButton()
    page.tr_later(page.template_button, N_("Excel template"))
    page.template_button.clicked.connect(lambda: ask_and_write_template(page))
    page.import_button = QPushButton()
    page.tr_later(page.import_button, N_("Import from Excel…"))
    page.import_button.clicked.connect(lambda: open_wizard(page.ctx, page.KIND, page))
    page.import_button.setVisible(may_edit(page.ctx))  # a viewer imports nothing
    row.addWidget(page.template_button)
    row.addWidget(page.import_button)


def ask_and_write_template(page: Any) -> None:
    name = people_file_name(_("Template") + " " + _(KINDS[page.KIND].title), suffix=".xlsx")
    path, _filter = QFileDialog.getSaveFileName(
        page, _("Excel template"), str(Path.home() / name), _("Excel files (*.xlsx)")
    )
    if path:
        write_template_to(page, Path(path if path.endswith(".xlsx") else path + ".xlsx"))


def write_template_to(page: Any, path: Path) -> None:
    """The template of the page's kind at `path`, written off the GUI thread."""
    page.ctx.read_later(
        write_kind_template,
        page.KIND,
        path,
        on_done=lambda written: _written(page, written),
        progress_label=_("Writing the template…"),
    )


def _written(page: Any, path: Path) -> None:
    window = page.window()
    if hasattr(window, "statusBar"):
        message = _("Template saved to {file}: fill it in, then Import from Excel.")
        window.statusBar().showMessage(message.format(file=path), 8000)


def open_wizard(ctx: Any, kind: str, parent: Any) -> Any:
    from coopdesk.ui.excel_import.wizard import ExcelImportWizard

    wizard = ExcelImportWizard(ctx, kind if kind in KINDS else "people", parent)
    parent.excel_wizard = wizard
    wizard.open()
    return wizard
