"""Saving a person or a cooperative that may already be held: the officer sees who it may be,
and chooses to open that record, to save anyway (not asked again) or to go back to the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from coopdesk.app import setup_application
from coopdesk.db.models import Cooperative, Person, Role
from coopdesk.services import people, records
from coopdesk.ui.editors.cooperative import CooperativeDialog
from coopdesk.ui.editors.person import PersonDialog
from tests.ui.conftest import qtbot_app, save_screenshot

OFFICER = "Lò Thị Mai"
HOA_LABEL = "Nguyễn Thị Hoa, sinh năm 1985, HTX Chè Tân Phong, Phường Tân Phong"


def _hoa(ctx) -> str:
    with ctx.session() as s:
        hoa = people.create_person(
            s, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985, phone="0912 345 678"
        )
        data = {"name": "HTX Chè Tân Phong", "kind": "HTX", "registration_no": "0101234567"}
        coop = records.create(s, Cooperative, {**data, "unit_code": "03408"}, OFFICER)
        role = {"person_id": hoa.id, "cooperative_id": coop.id, "role": "director"}
        records.create(s, Role, role, OFFICER)
        return hoa.id


def _count(ctx, model) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))


def _new_person(qtbot, ctx, **typed: str) -> PersonDialog:
    dialog = PersonDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, text in typed.items():
        dialog.form.fields[key].edit.insert(text)  # as typed (keyClicks cannot type "ị")
    return dialog


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_person_already_held_is_shown_and_saved_anyway_is_not_asked_again(qtbot, ctx) -> None:
    _hoa(ctx)
    dialog = _new_person(qtbot, ctx, full_name="nguyễn thị hoa", birth_year="1985")
    dialog.save()
    assert not dialog.saved and _count(ctx, Person) == 1
    asked = dialog.duplicate_dialog
    assert asked.isVisible()
    assert asked.labels() == [f"{HOA_LABEL}\n(cùng họ tên và năm sinh)"]
    texts = [b.text() for b in (asked.open_button, asked.anyway_button, asked.back_button)]
    assert texts == ["Mở hồ sơ đã có", "Vẫn lưu, đây là người khác", "Quay lại"]
    setup_application(qtbot_app())  # the font and theme people see, for the screenshot
    save_screenshot(asked, "duplicate_person")
    _click(qtbot, asked.anyway_button)
    assert dialog.saved, dialog.general_error.text()
    assert _count(ctx, Person) == 2
    # the same pair again (now also the same phone): saved without asking
    again = PersonDialog(ctx, dialog.record_id)
    qtbot.addWidget(again)
    again.form.fields["phone"].edit.setText("0912.345.678")
    again.save()
    assert again.saved and not hasattr(again, "duplicate_dialog")


def test_back_keeps_what_was_typed_and_saves_nothing(qtbot, ctx) -> None:
    _hoa(ctx)
    typed = {"full_name": "Lò Thị Hoa", "phone": "+84 912 345 678", "address": "Bản Chu Va 6"}
    dialog = _new_person(qtbot, ctx, **typed)
    dialog.save()
    assert dialog.duplicate_dialog.labels() == [f"{HOA_LABEL}\n(cùng số điện thoại)"]
    _click(qtbot, dialog.duplicate_dialog.back_button)
    assert not dialog.duplicate_dialog.isVisible() and dialog.isVisible()
    assert {k: dialog.form.fields[k].edit.text() for k in typed} == typed
    assert not dialog.saved and dialog.dirty and _count(ctx, Person) == 1
    dialog.save()  # going back remembered nothing: asked again
    assert dialog.duplicate_dialog.isVisible()


def test_open_the_record_already_held_keeps_the_form_underneath(qtbot, ctx) -> None:
    hoa_id = _hoa(ctx)
    dialog = _new_person(qtbot, ctx, full_name="Nguyễn Thị Hoa", birth_year="1985")
    dialog.save()
    _click(qtbot, dialog.duplicate_dialog.open_button)
    existing = dialog.existing_editor
    qtbot.addWidget(existing)
    assert existing.record_id == hoa_id and existing.isVisible()
    assert existing.form.fields["phone"].edit.text() == "0912 345 678"
    assert dialog.form.fields["full_name"].edit.text() == "Nguyễn Thị Hoa"
    assert not dialog.saved and _count(ctx, Person) == 1


def test_a_cooperative_with_the_same_tax_code_is_asked_about(qtbot, ctx) -> None:
    _hoa(ctx)
    dialog = CooperativeDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.identity.fields["name"].edit.setText("HTX Chè Shan Tuyết")
    dialog.identity.fields["registration_no"].edit.setText("0101 234 567")
    dialog.save()
    asked = dialog.duplicate_dialog
    label = "HTX Chè Tân Phong, MST 0101234567, Phường Tân Phong\n(cùng mã số thuế)"
    assert asked.labels() == [label]
    assert asked.anyway_button.text() == "Vẫn lưu, đây là HTX khác"
    save_screenshot(asked, "duplicate_cooperative")
    _click(qtbot, asked.anyway_button)
    assert dialog.saved, dialog.general_error.text()
    assert _count(ctx, Cooperative) == 2
