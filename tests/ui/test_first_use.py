"""What a commune officer hit on first real use (issue 17), each as she met it."""

from __future__ import annotations

from sqlalchemy import select

from coopdesk.db.models import Target


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _saved_plan_with_a_target(qtbot, ctx) -> str:
    from coopdesk.ui.editors.plan import PlanDialog

    dialog = _open(qtbot, PlanDialog(ctx, None))
    dialog.form.fields["title"].edit.setText("Kế hoạch thực hiện Đề án 01 năm 2026")
    dialog.form.fields["issuer"].edit.setText("Hội LHPN phường Tân Phong")
    qtbot.keyClicks(dialog.form.fields["period_start"].edit, "01/01/2026")
    qtbot.keyClicks(dialog.form.fields["period_end"].edit, "31/12/2026")
    fields = dialog.targets.form.fields
    fields["indicator_code"].combo.setCurrentIndex(
        fields["indicator_code"].combo.findData("htx_women_managed")
    )
    fields["period"].set_value("2026")
    fields["value"].edit.setText("2")
    assert dialog.targets.apply()
    dialog.save()
    assert dialog.saved
    return str(dialog.record_id)


def test_typing_a_target_slowly_changes_no_other_target(qtbot, ctx) -> None:
    """The live check runs between keystrokes; it must only read what is on screen."""
    from coopdesk.ui.editors.plan import PlanDialog

    plan_id = _saved_plan_with_a_target(qtbot, ctx)
    dialog = _open(qtbot, PlanDialog(ctx, plan_id))
    targets = dialog.targets
    assert targets.texts() == [["HTX do phụ nữ tham gia quản lý", "Năm 2026", "≥ 2 HTX"]]
    fields = targets.form.fields
    indicator = fields["indicator_code"].combo
    indicator.setCurrentIndex(indicator.findData("women_managers_trained"))
    dialog.live_check()
    for key in "10":  # a pause after each digit: the check fires in between
        qtbot.keyClicks(fields["value"].edit, key)
        dialog.live_check()
    # nothing was added or changed behind her back; the form still holds what she typed
    assert targets.texts() == [["HTX do phụ nữ tham gia quản lý", "Năm 2026", "≥ 2 HTX"]]
    assert fields["value"].edit.text() == "10"
    assert targets.pending()
    dialog.save()  # Save takes the typed target in
    assert dialog.saved
    with ctx.session() as s:
        saved = s.execute(
            select(Target.indicator_code, Target.value)
            .where(Target.deleted_at.is_(None))
            .order_by(Target.indicator_code)
        ).all()
    assert [(code, int(value)) for code, value in saved] == [
        ("htx_women_managed", 2),
        ("women_managers_trained", 10),
    ]


def test_the_live_check_of_a_cooperative_keeps_no_figures(qtbot, ctx) -> None:
    from coopdesk.ui.editors.cooperative import CooperativeDialog

    dialog = _open(qtbot, CooperativeDialog(ctx, None))
    dialog.years.form.fields["workers"].edit.setText("12")
    dialog.years.years.clear()
    dialog.live_check()
    assert dialog.years.years == {}  # reading what is on screen stored nothing


def test_the_officer_editor_says_nothing_about_the_person_while_typing(qtbot, ctx) -> None:
    from coopdesk.ui.editors.officer import OfficerDialog

    dialog = _open(qtbot, OfficerDialog(ctx, None))
    dialog.form.fields["position"].edit.setText("Phó Chủ tịch Hội LHPN phường")
    dialog.live_check()
    assert dialog.person_error.text() == ""  # she has not reached the person yet
    dialog.save()
    assert not dialog.saved
    assert dialog.person_error.text() == (
        "Chọn một người trong danh sách hoặc nhập họ tên người mới."
    )


def test_a_double_click_opens_the_record_once(qtbot, ctx, main_window, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    from coopdesk.ui.editors.cooperative import CooperativeDialog
    from tests.ui.conftest import add_cooperatives

    add_cooperatives(ctx.engine, [("HTX", "HTX Nông nghiệp Tân Phong")])
    page = main_window.show_area("cooperatives")
    page.refresh()
    opened: list[str | None] = []
    monkeypatch.setattr(CooperativeDialog, "exec", lambda self: opened.append(self.record_id))
    index = page.model.index(0, 0)
    where = page.table.visualRect(index).center()
    # a person's double-click: the first click, then the second one
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(opened) == 1
    assert opened[0] == page.selected_id()


def test_an_editor_asked_for_while_one_is_open_is_not_opened_again(
    qtbot, ctx, main_window, monkeypatch
) -> None:
    from coopdesk.ui.editors.cooperative import CooperativeDialog
    from tests.ui.conftest import add_cooperatives

    add_cooperatives(ctx.engine, [("HTX", "HTX Nông nghiệp Tân Phong")])
    page = main_window.show_area("cooperatives")
    page.refresh()
    page.table.selectRow(0)
    opened: list[str | None] = []

    def exec_and_click_again(self) -> int:  # a second click arrives while the editor is open
        opened.append(self.record_id)
        page._open_current()
        return 0

    monkeypatch.setattr(CooperativeDialog, "exec", exec_and_click_again)
    page._open_current()
    assert len(opened) == 1


def test_a_stored_target_of_a_reporting_year_keeps_its_period_when_opened(qtbot, ctx) -> None:
    """The picker offers years and phases; an older '2026r' target is shown as it is."""
    from coopdesk.ui.editors.plan import PlanDialog

    plan_id = _saved_plan_with_a_target(qtbot, ctx)
    with ctx.session() as s:
        s.execute(Target.__table__.update().values(period="2026r"))
    dialog = _open(qtbot, PlanDialog(ctx, plan_id))
    dialog.targets.select_row(0)
    field = dialog.targets.form.fields["period"]
    assert field.value() == "2026r"
    assert field.combo.currentText().startswith("Năm báo cáo 2026")
    assert not dialog.targets.pending()


def test_three_women_of_the_same_name_can_be_told_apart_in_the_picker(qtbot, ctx) -> None:
    from coopdesk.db.models import Cooperative, Person, Role
    from coopdesk.services import records
    from coopdesk.ui.editors.officer import OfficerDialog

    with ctx.session() as s:
        coop = records.create(
            s, Cooperative, {"name": "HTX Chè Tân Phong", "kind": "HTX", "unit_code": "03408"}
        )
        people = [
            records.create(
                s,
                Person,
                {
                    "full_name": "Nguyễn Thị Hoa",
                    "gender": "F",
                    "birth_year": year,
                    "unit_code": "03408",
                },
            )
            for year in (1975, 1988, None)
        ]
        records.create(
            s,
            Role,
            {
                "person_id": people[1].id,
                "cooperative_id": coop.id,
                "role": "director",
                "unit_code": "03408",
            },
        )
    dialog = _open(qtbot, OfficerDialog(ctx, None))
    dialog.picker.search.setText("nguyen thi hoa")
    dialog.picker.refresh()
    shown = sorted(
        dialog.picker.matches.item(n).text() for n in range(dialog.picker.matches.count())
    )
    assert shown == [
        "Nguyễn Thị Hoa (Nữ) — Phường Tân Phong",
        "Nguyễn Thị Hoa (Nữ, sinh năm 1975) — Phường Tân Phong",
        "Nguyễn Thị Hoa (Nữ, sinh năm 1988) — HTX Chè Tân Phong · Phường Tân Phong",
    ]


def test_sectors_are_offered_in_vietnamese_order(ctx) -> None:
    from coopdesk.i18n import collation_key
    from coopdesk.services import lists
    from coopdesk.services.registry import lookups

    names = [name for _code, name in ctx.read(lookups.sectors, "vi")]
    assert names == sorted(names, key=collation_key)
    assert names.index("Dịch vụ") < names.index("Du lịch, du lịch cộng đồng")
    assert names.index("Du lịch, du lịch cộng đồng") < names.index("Dược liệu")
    spec = ctx.read(lambda s: lists.definition(s, "cooperatives", lists.Scope("03408")))
    offered = [label.vi for _code, label in spec.filter("sector").choices]
    assert offered == names


def test_the_targets_buttons_say_what_they_do(qtbot, ctx) -> None:
    """'Thêm' carries the plus; the button that empties the form has no plus of its own."""
    from coopdesk.ui.editors.plan import PlanDialog
    from coopdesk.ui.icons import icon

    plan_id = _saved_plan_with_a_target(qtbot, ctx)
    targets = _open(qtbot, PlanDialog(ctx, plan_id)).targets
    plus = icon("add").pixmap(16).toImage()
    assert targets.apply_button.text() == "Thêm"
    assert targets.apply_button.icon().pixmap(16).toImage() == plus
    assert targets.new_button.text() == "Dòng mới"
    assert targets.new_button.icon().isNull()
    targets.select_row(0)
    assert targets.apply_button.text() == "Cập nhật"
    assert targets.apply_button.icon().pixmap(16).toImage() != plus


def test_no_red_error_beside_a_field_she_has_not_reached(qtbot, ctx) -> None:
    from coopdesk.ui.editors.cooperative import CooperativeDialog

    dialog = _open(qtbot, CooperativeDialog(ctx, None))
    fields = dialog.identity.fields
    qtbot.keyClicks(fields["address"].edit, "To 3")  # she starts below the name
    dialog.live_check()
    assert fields["name"].problem() == ""  # required, but she has not been there yet
    qtbot.keyClicks(fields["name"].edit, "H")
    fields["name"].edit.clear()
    fields["name"].edit.textEdited.emit("")
    dialog.live_check()
    assert fields["name"].problem() != ""  # she emptied it: now it is said
    dialog.save()
    assert not dialog.saved


def test_a_record_saved_but_hidden_by_the_filters_is_said_so(
    qtbot, ctx, main_window, monkeypatch
) -> None:
    from coopdesk.ui.editors.cooperative import CooperativeDialog

    page = main_window.show_area("cooperatives")
    page.women_filter.setChecked(True)  # only women-managed cooperatives shown

    def fill_and_save(self) -> int:
        self.identity.fields["name"].edit.setText("HTX Dịch vụ Tân Phong")
        self.save()
        return 1

    monkeypatch.setattr(CooperativeDialog, "exec", fill_and_save)
    page.new_record()
    assert page.hidden_note.isVisibleTo(page)
    assert "bộ lọc" in page.hidden_note.text()
    assert page.row_texts("name") == []
    page.show_all_button.click()
    assert not page.hidden_note.isVisibleTo(page)
    assert not page.women_filter.isChecked()
    assert page.row_texts("name") == ["HTX Dịch vụ Tân Phong"]
