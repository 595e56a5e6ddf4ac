"""Training with participants, officers, people with consent, and the one-form editors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from coopdesk.db.models import (
    Activity,
    AuditEvent,
    Budget,
    Officer,
    Participation,
    Person,
    PersonSensitive,
    Support,
    Training,
)
from coopdesk.ui.editors.officer import OfficerDialog
from coopdesk.ui.editors.person import PersonDialog
from coopdesk.ui.editors.simple import ActivityDialog, BudgetDialog, SupportDialog
from coopdesk.ui.editors.training import TrainingDialog
from tests.ui.conftest import add_cooperatives, add_people


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_training_with_participants(qtbot, ctx, main_window) -> None:
    add_people(ctx.engine, [("Nguyễn", "Thị", "Hoà", "F"), ("Lò", "Thị", "Ánh", "F")])
    officer = _open(qtbot, OfficerDialog(ctx, None))
    officer.picker.new_name.setText("Đặng Thị Đào")
    officer.form.fields["position"].edit.setText("Phó Chủ tịch Hội LHPN phường")
    officer.save()
    assert officer.saved

    page = main_window.show_area("trainings")
    dialog = _open(qtbot, TrainingDialog(ctx, None, page))
    dialog.form.fields["title"].edit.setText("Tập huấn quản trị HTX cho nữ cán bộ quản lý")
    qtbot.keyClicks(dialog.form.fields["start_on"].edit, "12/03/2026")
    dialog.tabs.setCurrentWidget(dialog.participants)
    picker = dialog.participants.picker
    qtbot.keyClicks(picker.search, "hoa")
    picker.refresh()
    assert picker.select_name("Nguyễn Thị Hoà")
    qtbot.mouseClick(dialog.participants.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(picker.search, "dao")
    picker.refresh()
    assert picker.matches.item(0).text() == "Đặng Thị Đào (Nữ, Cán bộ Hội) — Phường Tân Phong"
    assert picker.select_name("Đặng Thị Đào")
    dialog.participants.add_from_picker()
    picker.new_name.setText("Vàng Thị Sùng")
    dialog.participants.add_from_picker()
    dialog.participants.set_completed("Vàng Thị Sùng", False)
    assert dialog.participants.count.text() == "3 học viên, 2 người hoàn thành"
    dialog.save()
    assert dialog.saved
    assert page.row_texts("participants") == ["3"]
    with ctx.session() as s:
        rows = s.execute(
            select(Person.full_name, Participation.completed)
            .join(Participation, Participation.person_id == Person.id)
            .order_by(Person.sort_key)
        ).all()
    assert rows == [("Đặng Thị Đào", True), ("Nguyễn Thị Hoà", True), ("Vàng Thị Sùng", False)]
    again = _open(qtbot, TrainingDialog(ctx, dialog.record_id))
    assert [r.full_name for r in again.participants.live()] == [
        "Đặng Thị Đào",
        "Nguyễn Thị Hoà",
        "Vàng Thị Sùng",
    ]
    assert again.participants.table.item(0, 1).text() == "có"


def test_person_sensitive_data_needs_consent_and_reading_is_logged(qtbot, ctx) -> None:
    dialog = _open(qtbot, PersonDialog(ctx, None))
    dialog.form.fields["full_name"].edit.setText("Lường Thị Phượng")
    dialog.form.fields["birth_year"].edit.setText("1988")
    dialog.show_sensitive()
    poverty = dialog.sensitive_form.fields["poverty_status"]
    assert not poverty.widget.isEnabled()
    dialog.consent_category.setCurrentIndex(dialog.consent_category.findData("poverty"))
    dialog.consent_purpose.setText("Xét chọn đối tượng vay vốn")
    dialog.add_consent()
    assert poverty.widget.isEnabled()
    assert not dialog.sensitive_form.fields["disability"].widget.isEnabled()
    poverty.set_value("near_poor")
    dialog.save()
    assert dialog.saved, dialog.general_error.text()
    with ctx.session() as s:
        person = s.scalars(select(Person)).one()
        assert (person.given_name, person.birth_year) == ("Phượng", 1988)
        assert s.scalars(select(PersonSensitive.poverty_status)).one() == "near_poor"
    again = _open(qtbot, PersonDialog(ctx, dialog.record_id))
    assert again.sensitive_box.isHidden()
    again.show_sensitive()
    assert again.sensitive_form.fields["poverty_status"].value() == "near_poor"
    with ctx.session() as s:
        assert s.scalar(select(AuditEvent.action).where(AuditEvent.action == "view")) == "view"


def test_activity_support_budget_save_with_vietnamese_numbers(qtbot, ctx) -> None:
    activity = _open(qtbot, ActivityDialog(ctx, None))
    activity.form.fields["title"].edit.setText("Tuyên truyền Đề án 01 trên Zalo")
    activity.form.fields["held_on"].edit.setText("05/04/2026")
    activity.form.fields["reach_total"].edit.setText("1.250")
    activity.form.fields["reach_women"].edit.setText("900")
    activity.save()
    assert activity.saved, activity.general_error.text()
    add_cooperatives(ctx.engine, [("HTX", "HTX Chè Tân Phong")])
    support = _open(qtbot, SupportDialog(ctx, None))
    support.form.fields["amount"].edit.setText("50.000.000")
    support.form.fields["given_on"].edit.setText("1/6/2026")
    support.save()
    recipient = support.form.fields["cooperative_id"]
    assert recipient.error.text() == "Chọn HTX/THT hoặc người được hỗ trợ."
    recipient.combo.setCurrentIndex(recipient.combo.findText("HTX Chè Tân Phong"))
    support.save()
    assert support.saved, support.general_error.text()
    budget = _open(qtbot, BudgetDialog(ctx, None))
    budget.form.fields["planned"].edit.setText("120.000.000")
    budget.form.fields["spent"].edit.setText("abc")
    budget.save()
    assert budget.form.fields["spent"].error.text() == "Nhập một số, ví dụ 1.234.567"
    budget.form.fields["spent"].edit.setText("80.500.000")
    budget.save()
    assert budget.saved
    with ctx.session() as s:
        assert s.scalars(select(Activity.reach_total)).one() == 1250
        assert s.scalars(select(Support.amount)).one() == 50_000_000
        assert s.scalars(select(Budget.spent)).one() == 80_500_000
        assert s.scalars(select(Officer)).all() == []
        assert s.scalars(select(Training)).all() == []


def test_the_editors_reach_data_only_through_services() -> None:
    from tests.test_layering import offending_imports

    offenders = offending_imports(("ui/editors",), ("coopdesk.db", "sqlalchemy"))
    assert offenders == [], "\n".join(offenders)
