"""Issue 3 gaps: cooperatives of an activity, plan targets and assignments, consent
withdrawal and erasure, filter widths after a language switch."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from coopdesk.db.engine import session_scope as ctx_session
from coopdesk.db.models import Activity, ActivityCooperative, Cooperative
from coopdesk.ui.editors.simple import ActivityDialog
from tests.ui.conftest import add_cooperatives, save_screenshot


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_activity_cooperatives_chosen_with_search_and_shown_again(qtbot, ctx) -> None:
    add_cooperatives(
        ctx.engine,
        [
            ("HTX", "HTX Nông nghiệp Tân Phong"),
            ("THT", "Tổ hợp tác dệt thổ cẩm Đông Phong"),
            ("HTX", "HTX Chè Sin Suối Hồ"),
        ],
    )
    dialog = _open(qtbot, ActivityDialog(ctx, None))
    dialog.form.fields["title"].edit.setText("Hội nghị tuyên truyền về kinh tế tập thể")
    qtbot.keyClicks(dialog.form.fields["held_on"].edit, "05/04/2026")
    dialog.tabs.setCurrentWidget(dialog.cooperatives)
    coops = dialog.cooperatives
    qtbot.keyClicks(coops.search, "phong")  # no diacritics: finds "Phong" in two names
    assert coops.visible_names() == [
        "HTX Nông nghiệp Tân Phong",
        "Tổ hợp tác dệt thổ cẩm Đông Phong",
    ]
    coops.set_checked("HTX Nông nghiệp Tân Phong")
    coops.search.clear()
    qtbot.keyClicks(coops.search, "che sin")
    assert coops.visible_names() == ["HTX Chè Sin Suối Hồ"]
    coops.set_checked("HTX Chè Sin Suối Hồ")
    assert coops.count.text() == "Đã chọn 2 HTX/THT"
    assert dialog.dirty
    dialog.save()
    assert dialog.saved
    with ctx.session() as s:
        names = s.scalars(
            select(Cooperative.name)
            .join(ActivityCooperative, ActivityCooperative.cooperative_id == Cooperative.id)
            .join(Activity, Activity.id == ActivityCooperative.activity_id)
            .where(ActivityCooperative.deleted_at.is_(None))
            .order_by(Cooperative.name)
        ).all()
    assert names == ["HTX Chè Sin Suối Hồ", "HTX Nông nghiệp Tân Phong"]

    again = _open(qtbot, ActivityDialog(ctx, dialog.record_id))
    assert sorted(again.cooperatives.chosen_names()) == names
    assert not again.dirty
    again.cooperatives.set_checked("HTX Chè Sin Suối Hồ", False)  # untick one, tick it back
    again.save()
    third = _open(qtbot, ActivityDialog(ctx, dialog.record_id))
    assert third.cooperatives.chosen_names() == ["HTX Nông nghiệp Tân Phong"]
    third.cooperatives.set_checked("HTX Chè Sin Suối Hồ")
    third.save()
    fourth = _open(qtbot, ActivityDialog(ctx, dialog.record_id))
    assert sorted(fourth.cooperatives.chosen_names()) == names


def _plan(qtbot, ctx):
    from coopdesk.ui.editors.plan import PlanDialog

    dialog = _open(qtbot, PlanDialog(ctx, None))
    dialog.form.fields["title"].edit.setText("Kế hoạch thực hiện Đề án 01 năm 2026")
    dialog.form.fields["issuer"].edit.setText("Hội LHPN phường Tân Phong")
    qtbot.keyClicks(dialog.form.fields["period_start"].edit, "01/01/2026")
    qtbot.keyClicks(dialog.form.fields["period_end"].edit, "31/12/2026")
    return dialog


def test_plan_targets_and_assignments_edited_and_saved_through_plans(qtbot, ctx) -> None:
    from coopdesk.db.models import Assignment, Target
    from coopdesk.ui.editors.plan import PlanDialog

    dialog = _plan(qtbot, ctx)
    targets = dialog.targets
    dialog.tabs.setCurrentWidget(targets)
    fields = targets.form.fields
    indicator = fields["indicator_code"].combo
    indicator.setCurrentIndex(indicator.findData("htx_women_managed"))
    assert indicator.currentText() == "HTX do phụ nữ tham gia quản lý"
    period = fields["period"].combo
    period.setCurrentIndex(period.findData("2026"))
    qtbot.keyClicks(fields["value"].edit, "3")
    targets.apply()
    # a percentage above 100: the problem beside the value, the row not added
    indicator.setCurrentIndex(indicator.findData("coops_consolidated_pct"))
    qtbot.keyClicks(fields["value"].edit, "120")
    assert not targets.apply()
    assert fields["value"].error.isVisible()
    assert fields["value"].problem() == "Chỉ tiêu tỷ lệ không thể vượt quá 100 %."
    # the period is picked, never typed: the programme's years, phases and the whole
    assert [period.itemText(n) for n in range(period.count())] == [
        *(f"Năm {y}" for y in range(2023, 2031)),
        "Giai đoạn 1 (2023–2025)",
        "Giai đoạn 2 (2026–2030)",
        "Cả Đề án (2023–2030)",
    ]
    fields["value"].edit.setText("50,5")
    comparison = fields["comparison"].combo
    comparison.setCurrentIndex(comparison.findData("about"))
    assert targets.apply()
    assert targets.texts() == [
        ["HTX do phụ nữ tham gia quản lý", "Năm 2026", "≥ 3 HTX"],
        ["Tỷ lệ HTX, THT được Hội hỗ trợ đã được củng cố", "Năm 2026", "≈ 50,5 %"],
    ]

    assignments = dialog.assignments
    dialog.tabs.setCurrentWidget(assignments)
    af = assignments.form.fields
    af["task"].edit.insertPlainText("Tuyên truyền Đề án 01 tại các tổ dân phố")
    assert not assignments.apply()  # no responsible body: said beside it, nothing added
    assert af["responsible_body"].error.isVisible()
    assert assignments.texts() == []
    af["responsible_body"].edit.setText("Ban Tuyên giáo")
    af["coordinating_bodies"].edit.setText("Tổ dân phố số 3, Đoàn Thanh niên")
    qtbot.keyClicks(af["deadline"].edit, "30/06/2026")
    af["status"].combo.setCurrentIndex(af["status"].combo.findData("in_progress"))
    af["evidence"].edit.setText("Báo cáo số 12/BC-HPN")
    assert assignments.apply()
    assert assignments.texts() == [
        [
            "Tuyên truyền Đề án 01 tại các tổ dân phố",
            "Ban Tuyên giáo",
            "Tổ dân phố số 3, Đoàn Thanh niên",
            "30/06/2026",
            "Đang thực hiện",
            "",  # not an activity of the issuer's own level
        ]
    ]
    dialog.save()
    assert dialog.saved
    with ctx.session() as s:
        saved = s.execute(
            select(Target.indicator_code, Target.period, Target.comparison, Target.value)
            .where(Target.deleted_at.is_(None))
            .order_by(Target.indicator_code)
        ).all()
        tasks = s.execute(
            select(Assignment.task, Assignment.deadline, Assignment.status, Assignment.evidence)
        ).all()
    assert [(c, p, cmp, float(v)) for c, p, cmp, v in saved] == [
        ("coops_consolidated_pct", "2026", "about", 50.5),
        ("htx_women_managed", "2026", ">=", 3.0),
    ]
    assert [(t, d.strftime("%d/%m/%Y"), st, e) for t, d, st, e in tasks] == [
        (
            "Tuyên truyền Đề án 01 tại các tổ dân phố",
            "30/06/2026",
            "in_progress",
            "Báo cáo số 12/BC-HPN",
        )
    ]

    # reopened: the rows are there; change one target, remove the other, finish the task
    again = _open(qtbot, PlanDialog(ctx, dialog.record_id))
    assert len(again.targets.texts()) == 2
    row = [r[0] for r in again.targets.texts()].index("HTX do phụ nữ tham gia quản lý")
    again.targets.select_row(row)
    assert again.targets.form.fields["value"].edit.text() == "3"
    again.targets.form.fields["value"].edit.setText("5")
    assert again.targets.apply()
    other = 1 - row
    again.targets.select_row(other)
    again.targets.remove_selected()
    again.assignments.select_row(0)
    status = again.assignments.form.fields["status"].combo
    status.setCurrentIndex(status.findData("done"))
    assert again.assignments.apply()
    again.save()
    assert again.saved
    with ctx.session() as s:
        live = s.execute(
            select(Target.indicator_code, Target.value).where(Target.deleted_at.is_(None))
        ).all()
        statuses = s.scalars(select(Assignment.status)).all()
    assert [(c, float(v)) for c, v in live] == [("htx_women_managed", 5.0)]
    assert statuses == ["done"]


def test_plan_with_a_wrong_field_saves_nothing(qtbot, ctx) -> None:
    from coopdesk.db.models import Plan, Target

    dialog = _plan(qtbot, ctx)
    fields = dialog.targets.form.fields
    fields["value"].edit.setText("10")
    assert dialog.targets.apply()
    dialog.form.fields["period_end"].edit.setText("31/13/2026")  # no 13th month
    dialog.save()
    assert not dialog.saved
    assert dialog.form.fields["period_end"].error.isVisible()
    with ctx.session() as s:
        assert s.scalars(select(Plan.id)).all() == []
        assert s.scalars(select(Target.id)).all() == []


def test_a_target_typed_but_not_added_is_saved_with_the_plan(qtbot, ctx) -> None:
    from coopdesk.db.models import Target

    dialog = _plan(qtbot, ctx)
    fields = dialog.targets.form.fields
    fields["indicator_code"].combo.setCurrentIndex(
        fields["indicator_code"].combo.findData("new_jobs_women")
    )
    fields["value"].edit.setText("7")  # typed, then Save without pressing Add
    dialog.save()
    assert dialog.saved
    with ctx.session() as s:
        saved = s.execute(select(Target.indicator_code, Target.value)).all()
    assert [(code, int(value)) for code, value in saved] == [("new_jobs_women", 7)]


def test_a_wrong_target_typed_but_not_added_stops_the_save(qtbot, ctx) -> None:
    from coopdesk.db.models import Plan

    dialog = _plan(qtbot, ctx)
    dialog.tabs.setCurrentIndex(0)
    fields = dialog.targets.form.fields
    fields["indicator_code"].combo.setCurrentIndex(
        fields["indicator_code"].combo.findData("coops_consolidated_pct")
    )
    fields["value"].edit.setText("120")
    dialog.save()
    assert not dialog.saved
    assert dialog.tabs.currentWidget() is dialog.targets  # shown where the problem is
    assert fields["value"].problem() == "Chỉ tiêu tỷ lệ không thể vượt quá 100 %."
    with ctx.session() as s:
        assert s.scalars(select(Plan.id)).all() == []


def _person_with_consents(ctx) -> str:
    from coopdesk.db.engine import session_scope
    from coopdesk.services import people

    with session_scope(ctx.engine) as s:
        person = people.create_person(s, "Lường Thị Phượng", unit_code="03408", gender="F")
        for category in ("poverty", "disability"):
            people.record_consent(
                s, person, category, "Xét hỗ trợ vay vốn", recorded_by="Lò Thị Mai"
            )
        people.set_sensitive(s, person, {"poverty_status": "poor", "disability": True})
        return person.id


def test_withdrawing_a_consent_clears_what_it_covered(qtbot, ctx, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coopdesk.db.models import PersonSensitive
    from coopdesk.domain.validation import consent_label
    from coopdesk.ui.editors.person import PersonDialog

    person_id = _person_with_consents(ctx)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    dialog = _open(qtbot, PersonDialog(ctx, person_id))
    dialog.show_sensitive()
    assert dialog.sensitive_form.fields["poverty_status"].widget.isEnabled()
    table = dialog.consent_table
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert labels == ["hộ nghèo/cận nghèo", "khuyết tật"]
    row = labels.index(consent_label("poverty"))
    table.setCurrentCell(row, 0)
    dialog.withdraw_button.click()
    assert consent_label("poverty") in asked[0]
    assert table.item(row, 3).text()  # the withdrawal date is shown
    assert not dialog.sensitive_form.fields["poverty_status"].widget.isEnabled()
    assert dialog.sensitive_form.fields["disability"].widget.isEnabled()
    with ctx.session() as s:
        sensitive = s.scalars(select(PersonSensitive)).one()
        assert (sensitive.poverty_status, sensitive.disability) == (None, True)


def test_erasing_a_person_after_confirmation_leaves_da_xoa_in_the_list(
    qtbot, ctx, main_window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coopdesk.ui.editors.person import PersonDialog

    person_id = _person_with_consents(ctx)
    page = main_window.show_area("people")
    page.refresh()
    assert "Lường Thị Phượng" in page.row_texts("name")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer[0]
    )
    dialog = _open(qtbot, PersonDialog(ctx, person_id, page))
    dialog.erase_button.click()  # cancelled: nothing happens
    assert "Lường Thị Phượng" in asked[0] and "không thể hoàn tác" in asked[0]
    assert page.row_texts("name").count("Lường Thị Phượng") == 1
    answer[0] = QMessageBox.StandardButton.Yes
    dialog.erase_button.click()
    page.refresh()
    names = page.row_texts("name")
    assert "Lường Thị Phượng" not in names
    assert "[đã xoá]" in names


def _widths(page) -> dict[str, tuple[int, int]]:
    """Each filter drop-down: (its width, the width its longest item needs)."""
    from coopdesk.ui.list_page import ChoiceFilter

    out = {}
    for combo in page.findChildren(ChoiceFilter):
        metrics = combo.fontMetrics()
        longest = max(metrics.horizontalAdvance(combo.itemText(n)) for n in range(combo.count()))
        out[combo.itemText(0)] = (combo.width(), longest)
    return out


def test_filter_drop_downs_resize_after_switching_language(qtbot, ctx, main_window) -> None:
    pages = {area: main_window.show_area(area) for area in ("activities", "people")}
    settings = main_window.show_area("settings")
    for lang in ("en", "vi", "en"):
        settings.language.setCurrentIndex(settings.language.findData(lang))
        for area, page in pages.items():
            main_window.show_area(area)
            qtbot.waitUntil(lambda p=page: p.isVisible())
            QApplication.processEvents()
            for label, (width, longest) in _widths(page).items():
                assert width >= longest + 20, (lang, area, label, width, longest)
                assert width <= longest + 80, (lang, area, label, width, longest)
    assert "All kinds" in _widths(pages["activities"])


def test_a_province_plan_sets_its_communes_targets_and_the_overview_adds_them_up(
    qtbot, engine, data_dir, tasks
) -> None:
    """Lai Châu's plan: 10 women-managed HTX for the province in 2026, 4 of them assigned to
    Phường Tân Phong; the overview card says the communes' targets leave 6 unassigned."""
    from coopdesk.db.models import Target
    from coopdesk.services import settings
    from coopdesk.ui.context import AppContext
    from coopdesk.ui.dashboard import OverviewPage
    from tests.ui.conftest import ensure_home_units

    ensure_home_units(engine)
    with ctx_session(engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code="12", role="aggregator", officer="Lò Thị Mai")
        )
    province = AppContext(engine, data_dir, installation, tasks)
    dialog = _plan(qtbot, province)
    targets = dialog.targets
    fields = targets.form.fields
    unit = fields["target_unit_code"].combo
    dialog.tabs.setCurrentWidget(targets)
    assert fields["target_unit_code"].label.isVisible()  # a province chooses the unit
    assert unit.itemData(0) == "12" and unit.findData("03408") > 0
    indicator = fields["indicator_code"].combo
    for code, value in (("12", "10"), ("03408", "4")):
        unit.setCurrentIndex(unit.findData(code))
        indicator.setCurrentIndex(indicator.findData("htx_women_managed"))
        fields["period"].set_value("2026")
        fields["value"].edit.setText(value)
        assert targets.apply()
    assert targets.texts() == [
        ["HTX do phụ nữ tham gia quản lý", "Năm 2026", "≥ 10 HTX", "Lai Châu"],
        ["HTX do phụ nữ tham gia quản lý", "Năm 2026", "≥ 4 HTX", "Phường Tân Phong"],
    ]
    save_screenshot(dialog, "plan-province-targets")
    dialog.save()
    assert dialog.saved
    with ctx_session(engine) as s:
        saved = s.execute(
            select(Target.unit_code, Target.target_unit_code, Target.value).order_by(Target.value)
        ).all()
    assert [(o, t, int(v)) for o, t, v in saved] == [("12", "03408", 4), ("12", "12", 10)]

    page = OverviewPage(province)
    qtbot.addWidget(page)
    page.set_selection(unit_code="12", period="2026")
    card = page.cards["htx_women_managed"]
    assert card.target.text() == "Chỉ tiêu: ≥ 10 HTX"
    assert card.coverage.text().startswith("Tổng chỉ tiêu các xã, phường: 4 HTX, còn thiếu 6 HTX")


def test_a_commune_plan_has_no_unit_to_choose(qtbot, ctx) -> None:
    dialog = _plan(qtbot, ctx)
    field = dialog.targets.form.fields["target_unit_code"]
    dialog.tabs.setCurrentWidget(dialog.targets)
    assert not field.label.isVisible() and dialog.targets.form.isVisible()
    assert dialog.targets.defaults()["target_unit_code"] == "03408"


def test_a_wrong_stored_row_is_shown_in_its_form_when_saving(qtbot, ctx) -> None:
    """A row that became wrong (here: put in the table behind the form's back) is chosen in
    its tab on Save, with the problem beside the field, and nothing is saved."""
    from coopdesk.db.models import Plan

    dialog = _plan(qtbot, ctx)
    good = {"id": None, "indicator_code": "new_jobs_women", "period": "2026", "comparison": ">=",
            "value": 4, "target_unit_code": "03408"}  # fmt: skip
    dialog.targets.set_rows([good, {**good, "indicator_code": "coops_consolidated_pct",
                                    "value": 150}])  # fmt: skip
    dialog.save()
    assert not dialog.saved
    assert dialog.tabs.currentWidget() is dialog.targets
    assert dialog.targets.editing == 1
    assert dialog.targets.form.fields["value"].problem() == (
        "Chỉ tiêu tỷ lệ không thể vượt quá 100 %."
    )
    with ctx.session() as s:
        assert s.scalars(select(Plan.id)).all() == []
