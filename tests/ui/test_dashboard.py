"""The overview page at province demo scale: cards, targets, chart, deadlines, child units,
drill-down and the records behind a number."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine

from coopdesk import paths
from coopdesk.db.engine import make_engine
from coopdesk.domain import indicators as reg
from coopdesk.ui.context import AppContext, InstallationView
from coopdesk.ui.tasks import InlineTaskRunner
from tests.ui.conftest import save_screenshot

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def province_dir(template_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Lai Châu at demo scale (38 communes), generated once for this module."""
    from coopdesk import demo

    target = tmp_path_factory.mktemp("province")
    shutil.copy2(paths.db_path(template_data_dir), paths.db_path(target))
    engine = make_engine(paths.db_path(target))
    demo.generate(engine, "province", seed=1)
    engine.dispose()
    return target


def log_in(engine: Engine) -> None:
    """The demo's administrator logged in: these tests change the demo's records."""
    from coopdesk.db.engine import session_scope
    from coopdesk.services.demo_login import log_in_demo

    with session_scope(engine) as s:
        assert log_in_demo(s)


@pytest.fixture
def province_engine(province_dir: Path) -> Iterator[Engine]:
    """The demo, with its administrator logged in (its records change in some tests)."""
    engine = make_engine(paths.db_path(province_dir))
    log_in(engine)
    yield engine
    engine.dispose()


def _page(qtbot, engine: Engine, data_dir: Path, unit: str, role: str):
    from coopdesk.ui.dashboard import OverviewPage

    ctx = AppContext(
        engine,
        data_dir,
        InstallationView(unit_code=unit, role=role, officer="Lò Thị Mai"),
        InlineTaskRunner(raise_errors=True),
    )
    page = OverviewPage(ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    return page


@pytest.fixture
def province_page(qtbot, province_engine: Engine, province_dir: Path):
    page = _page(qtbot, province_engine, province_dir, "12", "aggregator")
    page.set_selection(period="2024")
    return page


def test_province_cards_show_values_targets_and_status(province_page) -> None:
    page = province_page
    assert page.selected_period().key == "2024"
    assert page.summary.text().startswith("Lai Châu — Năm 2024")
    assert set(page.cards) == set(reg.CODES)
    result = page.overview.result
    card = page.cards["new_htx_programme"]  # the province's 2024 plan: found 1 new HTX
    assert card.target.text() == "Chỉ tiêu: ≥ 1 HTX"
    value = result.values["new_htx_programme"].value
    assert card.value.text() == f"{value} HTX"
    assert card.state.text() == ("Đúng tiến độ" if value >= 1 else "Chậm tiến độ")
    # the province's target is not yet broken down to its communes
    assert card.coverage.text() == "Chưa xã, phường nào có chỉ tiêu này."
    pct = page.cards["women_managers_trained_pct"]
    assert pct.value.text().endswith("\u00a0%") and "," in pct.value.text()  # 73,2 %
    assert pct.target.text() == "Chỉ tiêu: ≥ 100\u00a0%"
    assert pct.state.text() in {"Có nguy cơ chậm", "Chậm tiến độ"}
    money = page.cards["support_amount"].value.text()
    assert money.endswith("₫") and "." in money  # 1.234.000.000 ₫
    assert page.cards["budget_spent"].state.text() == "Chưa có chỉ tiêu"
    assert "Tổng giá trị" in page.cards["support_amount"].toolTip()  # the formula
    box = page.priority_box  # what the communes' bundles bring up instead of the details
    assert box.title() == "Phụ nữ thuộc các nhóm ưu tiên (hiện nay)"
    assert box.labels["ethnic_minority"].text() == "Phụ nữ dân tộc thiểu số"
    assert box.shown is not None and box.shown.units_reporting > 0
    assert int(box.values["ethnic_minority"].text().replace(".", "")) > 0
    assert "đơn vị cấp dưới gửi lên" in box.note.text()
    save_screenshot(page, "dashboard-province-2024")


def test_province_table_lists_communes_sortable_and_drills_down(qtbot, province_page) -> None:
    page = province_page
    model = page.children_model
    assert model.rowCount() == 38
    assert page.children_box.isVisible()
    # sorting by a number column orders by value, not by text
    column = 1 + model.codes.index("htx_women_managed")
    page.children_view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    proxy = page.children_proxy
    values = [
        model.rows[proxy.mapToSource(proxy.index(r, 0)).row()][2]["htx_women_managed"].value
        for r in range(proxy.rowCount())
    ]
    assert values == sorted(values, reverse=True)
    # the communes add up to the province
    total = sum(v for v in values)
    assert total == page.overview.result.values["htx_women_managed"].value
    # drill down into Phường Tân Phong
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Phường Tân Phong")
    page.children_view.doubleClicked.emit(proxy.index(row, 0))
    assert page.selected_unit() == "03408"
    assert page.summary.text().startswith("Phường Tân Phong — Năm 2024")
    assert not page.children_box.isVisible()
    assert page.up_button.isVisible()
    page.up_button.click()
    assert page.selected_unit() == "12"


def test_commune_phase_targets_chart_and_deadlines(qtbot, province_engine, province_dir) -> None:
    page = _page(qtbot, province_engine, province_dir, "03408", "commune")
    page.set_selection(period="phase1")
    assert not page.unit_combo.isEnabled()
    card = page.cards["officers_upskilled_pct"]  # the city plan: ≥ 80 % by 2025
    assert card.target.text() == "Chỉ tiêu: ≥ 80\u00a0%"
    assert card.state.text() == "Đúng tiến độ"
    assert page.cards["new_jobs_women"].target.text() == "Chỉ tiêu: khoảng 7 người"
    # the chart: a bar per year and the phase targets
    page.chart_combo.setCurrentIndex(page.chart_combo.findData("new_htx_programme"))
    chart = page.chart
    assert chart.indicator.code == "new_htx_programme"
    assert set(chart.values) == set(range(2023, 2031))
    assert [s[0] for s in chart.target_spans()] == ["phase1", "all"]
    assert chart.running_totals()[2025] == sum(chart.values[y] for y in (2023, 2024, 2025))
    # deadlines: the yearly report date from settings, days counted from today
    deadlines = page.deadlines.deadlines
    report = next(d for d in deadlines if d.kind == "report" and d.days_left >= 0)
    assert report.due == dt.date(2027, 11, 15) and report.days_left == 360
    texts = [page.deadlines.item(r, 2).text() for r in range(page.deadlines.rowCount())]
    assert "còn 360 ngày" in texts
    assert texts[0] == "quá hạn 5 ngày"  # this year's report, not issued (see the test below)
    save_screenshot(page, "dashboard-commune-phase1")


def test_clicking_a_value_lists_the_records_behind_it(qtbot, province_page) -> None:
    page = province_page
    page.set_selection(unit_code="03408", period="2024")
    page.cards["htx_women_managed"].value.click()
    dialog = page.last_dialog
    qtbot.addWidget(dialog)
    expected = page.overview.result.values["htx_women_managed"].value
    assert dialog.model.rowCount() == expected
    assert dialog.count.text() == f"{expected} bản ghi được tính"
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers == ["Đơn vị", "Hợp tác xã"]
    names = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert all(name.startswith("HTX") for name in names)
    statuses = {dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())}
    assert statuses <= {"Đang hoạt động", "Tạm ngừng hoạt động", "Đã giải thể"}  # translated
    save_screenshot(dialog, "dashboard-records-behind")


def test_a_typed_period_is_parsed_and_a_wrong_one_explained(province_page) -> None:
    page = province_page
    page.period_combo.setEditText("2025-01-01..2025-06-30")
    page.refresh()
    assert page.overview.result.period.key == "2025-01-01..2025-06-30"
    assert page.message.isHidden()
    page.period_combo.setEditText("2025-13-01..2025-06-30")
    page.refresh()
    assert not page.message.isHidden()
    assert "không tồn tại" in page.message.text()


def test_english_labels(province_page) -> None:
    from coopdesk import i18n

    i18n.set_language("en")
    page = province_page
    page.translate_ui()
    assert page.title.text() == "Overview"
    assert page.cards["htx_women_managed"].name.text() == "HTX with women in management"
    assert page.cards["new_htx_programme"].target.text() == "Target: ≥ 1 HTX"


def test_coverage_of_the_province_target_by_its_communes(
    qtbot, province_dir: Path, tmp_path: Path
) -> None:
    from coopdesk.db.engine import session_scope
    from coopdesk.services import plans

    shutil.copy2(paths.db_path(province_dir), paths.db_path(tmp_path))  # this test writes
    engine = make_engine(paths.db_path(tmp_path))
    log_in(engine)
    page = _page(qtbot, engine, tmp_path, "12", "aggregator")
    page.set_selection(period="2024")
    with session_scope(page.ctx.engine) as s:
        for unit, value in (("03408", 1), ("03388", 1)):
            plans.set_target(
                s,
                owner_unit="12",
                target_unit=unit,
                indicator_code="new_htx_programme",
                period="2024",
                value=value,
                actor="test",
            )
        plans.set_target(
            s,
            owner_unit="12",
            target_unit="12",
            indicator_code="new_htx_programme",
            period="2024",
            value=3,
            actor="test",
        )
    page.refresh()
    text = page.cards["new_htx_programme"].coverage.text()
    assert text == (
        "Tổng chỉ tiêu các xã, phường: 2 HTX, còn thiếu 1 HTX · 36 xã, phường chưa có chỉ tiêu"
    )
    assert page.cards["new_htx_programme"].target.text() == "Chỉ tiêu: ≥ 3 HTX"
    engine.dispose()


def test_a_national_collection_offers_the_whole_country_and_its_provinces(
    qtbot, province_dir: Path, tmp_path: Path
) -> None:
    """Lai Châu's demo plus one women-managed HTX in Hà Nội: the overview offers the whole
    country, whose table lists the 34 provinces, and drills into Hà Nội and its wards."""
    from coopdesk.db.engine import session_scope
    from tests.services.indicator_data import Maker

    shutil.copy2(paths.db_path(province_dir), paths.db_path(tmp_path))  # this test writes
    engine = make_engine(paths.db_path(tmp_path))
    log_in(engine)
    with session_scope(engine) as s:
        m = Maker(s)
        coop = m.coop("00004", "HTX", "HTX Dịch vụ Ba Đình", dt.date(2020, 3, 1))
        m.role(m.person("00004", "Đặng Thị Hằng"), coop, "chair", dt.date(2020, 3, 1))
    page = _page(qtbot, engine, tmp_path, "12", "aggregator")
    assert page.unit_combo.itemData(0) == "VN"
    assert page.unit_combo.itemText(0) == "Toàn quốc"
    page.set_selection(period="2024")
    lai_chau = page.overview.result.values["htx_women_managed"].value
    page.set_selection(unit_code="VN")
    assert page.summary.text().startswith("Toàn quốc — Năm 2024")
    assert page.overview.result.values["htx_women_managed"].value == lai_chau + 1
    model, proxy = page.children_model, page.children_proxy
    assert model.rowCount() == 34
    by_name = {row[1]: row[2]["htx_women_managed"].value for row in model.rows}
    assert by_name["Thành phố Hà Nội"] == 1 and by_name["Lai Châu"] == lai_chau
    save_screenshot(page, "dashboard-country-2024")

    def open_row(name: str) -> None:
        row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
        page.children_view.doubleClicked.emit(proxy.index(row, 0))

    open_row("Thành phố Hà Nội")
    assert page.selected_unit() == "01"
    assert page.overview.result.values["htx_women_managed"].value == 1
    open_row("Phường Ba Đình")  # a ward of another province: added to the selector
    assert page.selected_unit() == "00004"
    assert page.summary.text().startswith("Phường Ba Đình — Năm 2024")
    page.up_button.click()
    assert page.selected_unit() == "12"
    engine.dispose()


def test_a_province_alone_is_not_offered_the_whole_country(province_page) -> None:
    codes = [province_page.unit_combo.itemData(i) for i in range(province_page.unit_combo.count())]
    assert codes[0] == "12" and "VN" not in codes and "01" not in codes


# --- the commune demo, as `coopdesk demo` opens it -----------------------------------------


@pytest.fixture(scope="module")
def commune_demo_dir(template_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from coopdesk import demo

    target = tmp_path_factory.mktemp("commune-demo")
    shutil.copy2(paths.db_path(template_data_dir), paths.db_path(target))
    engine = make_engine(paths.db_path(target))
    demo.generate(engine, "commune", seed=1)
    engine.dispose()
    return target


@pytest.fixture
def demo_page(qtbot, commune_demo_dir: Path, tmp_path: Path):
    shutil.copy2(paths.db_path(commune_demo_dir), paths.db_path(tmp_path))  # tests write
    engine = make_engine(paths.db_path(tmp_path))
    log_in(engine)
    page = _page(qtbot, engine, tmp_path, "03408", "commune")
    page.refresh()  # as the main window does when it shows the page
    yield page
    engine.dispose()


def test_the_default_overview_of_the_demo_shows_its_targets(demo_page) -> None:
    """The overview opens on the reporting year; the demo's plan sets targets for the phases:
    a level (a percentage) is held against its phase target on any year inside the phase."""
    page = demo_page
    assert page.selected_period().key == "2026r"
    assert page.summary.text().startswith("Phường Tân Phong — Năm báo cáo 2026")
    card = page.cards["women_managers_trained_pct"]
    assert card.target.text() == "Chỉ tiêu giai đoạn 2: ≥ 100\u00a0%"
    assert card.state.text() != "Chưa có chỉ tiêu" and card.state.isVisible()
    upskilled = page.cards["officers_upskilled_pct"]
    assert upskilled.target.text() == "Chỉ tiêu giai đoạn 2: ≥ 90\u00a0%"
    # a flow adds up over the phase: its 2030 target is not set against one year
    assert page.cards["new_htx_programme"].target.text() == "Chưa có chỉ tiêu"
    save_screenshot(page, "dashboard-demo-default")


def test_a_target_for_a_year_shows_on_its_reporting_year_and_calendar_year(demo_page) -> None:
    from coopdesk.services import plans

    page = demo_page
    page.ctx.write(
        functools.partial(
            plans.set_target,
            owner_unit="03408",
            target_unit="03408",
            indicator_code="new_htx_programme",
            period="2026",
            value=3,
            actor="Lò Thị Mai",
        ),
        changes="targets",
    )
    page.refresh()
    assert page.selected_period().key == "2026r"
    assert page.cards["new_htx_programme"].target.text() == "Chỉ tiêu: ≥ 3 HTX"
    page.set_selection(period="2026")
    assert page.cards["new_htx_programme"].target.text() == "Chỉ tiêu: ≥ 3 HTX"
    page.set_selection(period="2025")
    assert page.cards["new_htx_programme"].target.text() == "Chưa có chỉ tiêu"


def test_the_chart_follows_a_record_saved_while_the_page_is_open(qtbot, ctx) -> None:
    from coopdesk.db.models import Activity
    from coopdesk.services import records
    from coopdesk.ui.dashboard import OverviewPage

    page = OverviewPage(ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.chart_combo.setCurrentIndex(page.chart_combo.findData("comm_reach"))
    assert page.chart.values[2026] == 0
    assert page.cards["comm_reach"].value.text() == "0 lượt"
    activity = {
        "unit_code": "03408",
        "kind": "communication",
        "channel": "meeting",
        "title": "Tuyên truyền về HTX",
        "held_on": dt.date(2026, 3, 10),
        "reach_total": 120,
        "reach_women": 90,
    }
    ctx.write(records.create, Activity, activity, "Lò Thị Mai", changes="activities")
    qtbot.waitUntil(lambda: page.chart.values[2026] == 120)
    assert page.chart.values[2025] == 0
    assert page.cards["comm_reach"].value.text() == "120 lượt"


def test_an_overdue_yearly_report_is_flagged_until_it_is_issued(qtbot, ctx) -> None:
    from coopdesk.db.engine import session_scope
    from coopdesk.db.models import Report
    from coopdesk.ui.dashboard import OverviewPage

    page = OverviewPage(ctx)
    page.today = dt.date(2026, 12, 2)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.overdue.isVisible()
    assert page.overdue.text() == (
        "Báo cáo kết quả năm 2026 đã quá hạn 17 ngày (hạn 15/11/2026) và chưa được ban hành."
    )
    assert page.deadlines.item(0, 2).text() == "quá hạn 17 ngày"
    assert page.deadlines.item(1, 2).text() == "còn 348 ngày"  # next year's, as before
    with session_scope(ctx.engine) as s:
        s.add(
            Report(
                unit_code="03408",
                doc_type="BC",
                template="annual",
                year=2026,
                number=7,
                period="2026",
                status="issued",
                issued_on=dt.date(2026, 12, 1),
            )
        )
    page.refresh()
    assert not page.overdue.isVisible()
    assert [page.deadlines.item(r, 2).text() for r in range(page.deadlines.rowCount())] == [
        "còn 348 ngày"
    ]


def test_the_overview_is_vietnamese_again_after_english(qtbot, main_window) -> None:
    page = main_window.show_area("overview")
    settings = main_window.show_area("settings")
    settings.switch_language("en")
    main_window.show_area("overview")
    page.refresh()  # read while in English: the deadlines come back in English
    assert page.deadlines_box.title() == "Upcoming deadlines"
    assert page.deadlines.item(0, 1).text().startswith("Yearly report on the Project")
    settings.switch_language("vi")
    main_window.show_area("overview")
    assert page.deadlines_box.title() == "Hạn sắp tới"
    assert page.deadlines.item(0, 1).text().startswith("Báo cáo kết quả thực hiện Đề án")
    assert page.chart_box.title() == "Theo năm, 2023–2030, so với chỉ tiêu giai đoạn"
    headers = [page.deadlines.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Hạn", "Nhiệm vụ", "Còn lại"]
    assert page.title.text() == "Tổng quan"


def _clipped_labels(page) -> list[str]:
    """Texts of the overview's one-line labels (and its period) that do not fit their width."""
    from PySide6.QtWidgets import QLabel

    def clipped(widget, text: str, room: int) -> bool:
        return widget.fontMetrics().horizontalAdvance(text) > room

    labels = [
        label.text()
        for label in page.findChildren(QLabel)
        if label.isVisible()
        and not label.wordWrap()
        and label.text()
        and clipped(label, label.text(), label.contentsRect().width())
    ]
    edit = page.period_combo.lineEdit()
    if clipped(edit, edit.text(), edit.width() - 4):
        labels.append(edit.text())
    return labels


def test_the_overview_at_1366_in_both_languages(qtbot, commune_demo_dir, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from coopdesk import i18n
    from coopdesk.app import setup_application
    from coopdesk.ui.main_window import MainWindow, ui_settings
    from tests.ui.conftest import qtbot_app

    shutil.copy2(paths.db_path(commune_demo_dir), paths.db_path(tmp_path))
    engine = make_engine(paths.db_path(tmp_path))
    ctx = AppContext(
        engine,
        tmp_path,
        InstallationView(unit_code="03408", role="commune", officer="Lò Thị Mai"),
        InlineTaskRunner(raise_errors=True),
        demo=True,
    )
    setup_application(qtbot_app())
    ui_settings(ctx).setValue("window/area", "people")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_area("overview")
    page.today = TODAY
    page.refresh()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # lay the page out as it is painted
    assert page.cards["women_managers_trained_pct"].target.text().startswith("Chỉ tiêu")
    save_screenshot(window, "overview-vi-1366x768")
    assert _clipped_labels(page) == []
    i18n.set_language("en")
    assert page.deadlines_box.title() == "Upcoming deadlines"
    QApplication.processEvents()
    save_screenshot(window, "overview-en-1366x768")
    assert _clipped_labels(page) == []
    i18n.set_language("vi")
    engine.dispose()


def test_in_the_window_the_overview_follows_a_save_once_it_settles(qtbot, ctx, main_window):
    from coopdesk.db.models import Activity
    from coopdesk.services import records

    page = main_window.show_area("overview")
    held_on = page.selected_period().start + dt.timedelta(days=30)  # inside the period shown
    assert page.cards["comm_reach"].value.text() == "0 lượt"
    activity = {
        "unit_code": "03408",
        "kind": "communication",
        "channel": "meeting",
        "title": "Tuyên truyền về HTX",
        "held_on": held_on,
        "reach_total": 40,
        "reach_women": 30,
    }
    for _n in range(3):  # a burst of saves (an import) is recomputed once it settles
        ctx.write(records.create, Activity, dict(activity), "Lò Thị Mai", changes="activities")
    assert page.cards["comm_reach"].value.text() == "0 lượt"  # not yet: waiting for the rest
    qtbot.waitUntil(lambda: page.cards["comm_reach"].value.text() == "120 lượt")
