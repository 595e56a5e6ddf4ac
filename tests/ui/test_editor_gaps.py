"""Issue 3 gaps: cooperatives of an activity, plan targets and assignments, consent
withdrawal and erasure, filter widths after a language switch."""

from __future__ import annotations

from sqlalchemy import select

from coopdesk.db.models import Activity, ActivityCooperative, Cooperative
from coopdesk.ui.editors.simple import ActivityDialog
from tests.ui.conftest import add_cooperatives


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
