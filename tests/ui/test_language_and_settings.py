"""Switching the language in Settings re-translates the open screens at once; document
settings are saved for the unit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coopdesk.services import settings
from tests.ui.conftest import add_people


def test_switch_to_english_and_see_the_same_screen_in_english(qtbot, ctx, main_window) -> None:
    add_people(ctx.engine, [("Nguyễn", "Thị", "Hoà", "F")])
    people = main_window.show_area("people")
    people.refresh()
    assert people.title.text() == "Thành viên & phụ nữ"
    assert people.model.headerData(0, Qt.Orientation.Horizontal) == "Họ và tên"
    assert people.row_texts("gender") == ["Nữ"]
    page = main_window.show_area("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert main_window.sidebar.item(0).text() == "Overview"
    assert main_window.role_badge.text() == "Commune office"
    assert main_window.file_menu.title() == "&File"
    assert page.title.text() == "Settings"
    main_window.show_area("people")
    assert people.title.text() == "People"
    assert people.new_button.text() == "New"
    assert people.row_texts("gender") == ["Female"]
    assert people.count_label.text() == "1 person"
    assert main_window.status_message.text() == "1 person"
    with ctx.session() as s:
        assert settings.get_installation(s).language == "en"
    page = main_window.show_area("settings")
    page.language.setCurrentIndex(page.language.findData("vi"))
    assert people.title.text() == "Thành viên & phụ nữ"


def test_document_settings_saved(qtbot, ctx, main_window) -> None:
    page = main_window.show_area("settings")
    form = page.documents_form
    assert form.fields["issuer"].value() == "HỘI LHPN PHƯỜNG TÂN PHONG"
    form.fields["signer_name"].edit.setText("Lò Thị Mai")
    form.fields["recipients"].edit.setPlainText("Ban Thường vụ Hội LHPN tỉnh (b/c)\nLưu: VT")
    page.officer_form.fields["officer"].edit.setText("")
    page.save()
    assert page.officer_form.fields["officer"].error.text() == "Nhập tên cán bộ sử dụng CoopDesk."
    page.officer_form.fields["officer"].edit.setText("Lò Thị Mai")
    page.save()
    assert page.message.text() == "Đã lưu cài đặt."
    with ctx.session() as s:
        docs = settings.get_document_settings(s, "03408")
    assert docs.signer_name == "Lò Thị Mai"
    assert docs.recipients == ["Ban Thường vụ Hội LHPN tỉnh (b/c)", "Lưu: VT"]
