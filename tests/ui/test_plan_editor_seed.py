"""Both seed plans typed into the plan editor, saved, and printed as they were written: the
People's Committee's header, symbol, signature and recipients, and the text section by section
(issue 15, first done-when). Screenshots of the editor with the city plan entered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from coopdesk.demo import seed_plans
from coopdesk.ui.context import AppContext
from coopdesk.ui.tasks import InlineTaskRunner
from tests.reports import seed_text
from tests.reports.pdf import page_count, page_lines
from tests.ui.conftest import ensure_home_units, save_screenshot

ISSUING = ("signer_authority", "signer_title", "signer_name", "recipients")


@pytest.fixture
def province_ctx(
    qapp, engine: Engine, data_dir: Path, tasks: InlineTaskRunner
) -> Iterator[AppContext]:
    from coopdesk.db.engine import session_scope
    from coopdesk.services import settings

    ensure_home_units(engine)
    with session_scope(engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code="12", role="aggregator", officer="Lò Thị Mai")
        )
    yield AppContext(engine, data_dir, installation, tasks)


def _type_date(qtbot, field: Any, day: dt.date) -> None:
    field.edit.clear()
    qtbot.keyClicks(field.edit, f"{day:%d/%m/%Y}")


def _type(field: Any, text: str) -> None:
    """Vietnamese text as typed (QTest types ASCII only): the field's text and its signal."""
    field.set_value(text)
    field.changed.emit()


def _choose(field: Any, value: str) -> None:
    field.combo.setCurrentIndex(field.combo.findData(value))


def enter_plan(qtbot, ctx: AppContext, spec: dict[str, Any], assignments: list, shots: str = ""):
    """Type a seed plan into a new plan editor, tab by tab, as an officer would; saved."""
    from coopdesk.ui.editors.plan import PlanDialog

    dialog = PlanDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 820)
    dialog.show()
    fields = dialog.form.fields
    _type(fields["title"], spec["title"])
    _type(fields["issuer"], spec["issuer"].format(province="tỉnh Lai Châu"))
    _type_date(qtbot, fields["period_start"], spec["period_start"])
    _type_date(qtbot, fields["period_end"], spec["period_end"])
    for key in ISSUING:
        if key in spec:
            dialog.issuing.form.fields[key].set_value(spec[key])
    for base in spec["bases"]:
        form = dialog.bases.form.fields
        _choose(form["verb"], base.get("verb", "pursuant"))
        _choose(form["kind"], base["kind"])
        _type(form["number"], base["number"])
        _type_date(qtbot, form["date"], base["date"])
        _type(form["issuer"], base["issuer"])
        form["title"].set_value(base["title"])
        assert dialog.bases.apply()
    for key, field in dialog.texts.fields.items():
        if spec.get(key):
            field.set_value(spec[key])
    for body, task, coordinating, deadline, status, *own in assignments:
        form = dialog.assignments.form.fields
        form["task"].set_value(task)
        form["responsible_body"].set_value(body)
        form["coordinating_bodies"].set_value(coordinating)
        form["deadline"].set_value(deadline)
        _choose(form["status"], status)
        form["own_level"].set_value(bool(own and own[0]))
        assert dialog.assignments.apply()
    if shots:
        tabs = {"issuer": dialog.issuing, "bases": dialog.bases, "contents": dialog.contents}
        for name, tab in {**tabs, "assignments": dialog.assignments}.items():
            dialog.tabs.setCurrentWidget(tab)
            qtbot.wait(20)
            save_screenshot(dialog, f"{shots}-{name}")
    dialog.save()
    assert dialog.saved, dialog.status.text() if hasattr(dialog, "status") else ""
    return dialog


def printed(ctx: AppContext, unit: str, plan_id: str) -> bytes:
    from coopdesk.services.documents import ReportRequest, render_request

    with ctx.session() as session:
        return render_request(session, ReportRequest("plan", unit, plan_id=plan_id)).pdf


def follows(pdf: bytes, seed_name: str) -> None:
    got = seed_text.sections(seed_text.pdf_text(pdf))
    want = seed_text.sections(seed_text.seed(seed_name))
    headings = [k for k in want if k.endswith(".heading")]
    assert [k for k in got if k.endswith(".heading")] == headings
    for key in headings:
        assert got[key] == want[key], key
    for key in (k for k in want if not k.endswith(".heading")):
        assert seed_text.likeness(got[key], want[key]) >= 0.99, (key, got[key][:300])


def test_the_city_plan_entered_in_the_editor_prints_as_the_committee_wrote_it(qtbot, ctx):
    dialog = enter_plan(
        qtbot, ctx, seed_plans.CITY_PLAN, seed_plans.CITY_ASSIGNMENTS, shots="plan-editor-city"
    )
    pdf = printed(ctx, "03408", str(dialog.record_id))
    first = " ".join(page_lines(pdf, 1))
    last = " ".join(page_lines(pdf, page_count(pdf)))
    assert "ỦY BAN NHÂN DÂN" in first and "THÀNH PHỐ LAI CHÂU" in first
    assert "/KH-UBND" in first and "Lai Châu, ngày" in first
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Sơn"):
        assert line in last, line
    assert "- Ủy ban MTTQVN và các Tổ chức CT-XH TP;" in last and "BAN THƯỜNG VỤ" not in last
    follows(pdf, seed_text.CITY)


def test_the_2024_provincial_plan_entered_in_the_editor_prints_as_written(qtbot, province_ctx):
    dialog = enter_plan(
        qtbot, province_ctx, seed_plans.PROVINCE_PLAN, seed_plans.PROVINCE_ASSIGNMENTS
    )
    # the issuing lines left empty show, greyed, what a People's Committee's plan prints
    assert dialog.issuing.form.fields["symbol"].edit.placeholderText() == "UBND"
    pdf = printed(province_ctx, "12", str(dialog.record_id))
    first = " ".join(page_lines(pdf, 1))
    last = " ".join(page_lines(pdf, page_count(pdf)))
    assert "ỦY BAN NHÂN DÂN" in first and "TỈNH LAI CHÂU" in first and "/KH-UBND" in first
    assert "KT. CHỦ TỊCH" in last and "TM. ỦY BAN NHÂN DÂN" not in last
    follows(pdf, seed_text.PROVINCE)


def test_a_plan_entered_here_is_cited_from_the_list_as_its_data_says(qtbot, ctx) -> None:
    """The province's plan (numbered, dated) is offered on a commune plan's Căn cứ tab; taking
    it fills the number, date, issuer and subject, and the line prints from that data."""
    from coopdesk.db.models import Plan
    from coopdesk.ui.editors.plan import PlanDialog

    with ctx.session() as s:
        s.add(
            Plan(
                unit_code="12",
                issuer="UBND tỉnh Lai Châu",
                number="3608/KH-UBND",
                issued_on=dt.date(2023, 8, 28),
                title="Kế hoạch thực hiện Đề án 01 trên địa bàn tỉnh",
                period_start=dt.date(2023, 1, 1),
                period_end=dt.date(2030, 12, 31),
            )
        )
        s.commit()
    dialog = PlanDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    bases = dialog.bases
    dialog.tabs.setCurrentWidget(bases)
    assert bases.source.isVisible()
    assert bases.source.itemText(1) == "3608/KH-UBND · 28/8/2023 · UBND tỉnh Lai Châu"
    bases.source.activated.emit(1)
    assert bases.form.fields["number"].value() == "3608/KH-UBND"
    assert bases.apply()
    assert bases.texts() == [["Kế hoạch", "3608/KH-UBND", "28/8/2023", "UBND tỉnh Lai Châu"]]
    from coopdesk.domain import citations

    (row,) = citations.from_rows(citations.parse(bases.as_json()))
    assert row.text() == (
        "Căn cứ Kế hoạch số 3608/KH-UBND ngày 28/8/2023 của UBND tỉnh Lai Châu "
        "về thực hiện Đề án 01 trên địa bàn tỉnh"
    )


def test_the_committees_signer_and_recipients_are_typed_once_per_unit(qtbot, ctx) -> None:
    """The city's first plan names its signer and recipients; its next plan, left empty
    there, shows them greyed and prints them (the committee's lines at this unit)."""
    from coopdesk.ui.editors.plan import PlanDialog

    first = enter_plan(qtbot, ctx, seed_plans.CITY_PLAN, seed_plans.CITY_ASSIGNMENTS[:1])
    dialog = PlanDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.form.fields
    _type(fields["title"], "Kế hoạch thực hiện Đề án 01 năm 2027")
    _type(fields["issuer"], "UBND thành phố Lai Châu")
    _type_date(qtbot, fields["period_start"], dt.date(2027, 1, 1))
    _type_date(qtbot, fields["period_end"], dt.date(2027, 12, 31))
    shown = dialog.issuing.form.fields
    assert shown["signer_name"].edit.placeholderText() == "Trần Văn Sơn"
    assert shown["recipients"].edit.placeholderText().startswith("Như trên\nHội LHPN tỉnh")
    assert shown["symbol"].edit.placeholderText() == "UBND"  # the kind's, none remembered
    dialog.save()
    assert dialog.saved and dialog.record_id != first.record_id
    pdf = printed(ctx, "03408", str(dialog.record_id))
    last = " ".join(page_lines(pdf, page_count(pdf)))
    assert "Trần Văn Sơn" in last and "- Ủy ban MTTQVN và các Tổ chức CT-XH TP;" in last
