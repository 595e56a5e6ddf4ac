"""Lists: paged model, search ignoring diacritics, Vietnamese order, filters, export."""

from __future__ import annotations

from openpyxl import load_workbook

from coopdesk.ui.models import SORT_ROLE
from tests.ui.conftest import add_cooperatives, add_people

PEOPLE = [
    ("Nguyễn", "Thị", "Hoà", "F"),
    ("Lò", "Thị", "Ánh", "F"),
    ("Trần", "Văn", "Bình", "M"),
    ("Nguyễn", "Thị", "Ánh", "F"),
    ("Đặng", "Thị", "Đào", "F"),
    ("Nguyen", "", "Dung", "F"),
]


def test_search_nguyen_thi_finds_nguyen_thi(qtbot, ctx, main_window) -> None:
    add_people(ctx.engine, PEOPLE)
    page = main_window.show_area("people")
    page.refresh()
    assert page.model.rowCount() == 6
    qtbot.keyClicks(page.search, "nguyen thi")
    page.apply_filters()
    assert page.row_texts("name") == ["Nguyễn Thị Ánh", "Nguyễn Thị Hoà"]
    assert main_window.status_message.text() == "2 người"
    page.search.clear()
    page.search.insert("ĐÀO")
    page.apply_filters()
    assert page.row_texts("name") == ["Đặng Thị Đào"]


def test_people_sorted_by_given_name_in_vietnamese_order(ctx, main_window) -> None:
    add_people(ctx.engine, PEOPLE)
    page = main_window.show_area("people")
    page.refresh()
    assert page.row_texts("name") == [
        "Lò Thị Ánh",
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
        "Nguyen Dung",
        "Đặng Thị Đào",
        "Nguyễn Thị Hoà",
    ]


def test_gender_filter_and_sensitive_columns_hidden(ctx, main_window) -> None:
    add_people(ctx.engine, PEOPLE)
    page = main_window.show_area("people")
    page.gender_filter.set_code("M")
    assert page.row_texts("name") == ["Trần Văn Bình"]
    col = page.model.column_index("ethnicity")
    assert page.table.isColumnHidden(col)
    page.show_sensitive.setChecked(True)
    assert not page.table.isColumnHidden(col)


def test_paged_model_passes_qtmodeltester(qtmodeltester, ctx, main_window) -> None:
    add_cooperatives(ctx.engine, [("HTX", f"HTX Nông nghiệp số {n:03d}") for n in range(450)])
    page = main_window.show_area("cooperatives")
    page.refresh()
    model = page.model
    assert model.rowCount() == 450
    assert model.data(model.index(449, 0)) == "HTX Nông nghiệp số 449"
    assert model.data(model.index(0, 0), SORT_ROLE) == "HTX Nông nghiệp số 000"
    qtmodeltester.check(model, force_py=True)


def test_sorting_by_a_column_reads_in_that_order(ctx, main_window) -> None:
    add_cooperatives(
        ctx.engine, [("THT", "Tổ hợp tác Chè"), ("HTX", "HTX Ánh Dương"), ("HTX", "HTX Bản Giang")]
    )
    page = main_window.show_area("cooperatives")
    page.refresh()
    assert page.row_texts("name") == ["HTX Ánh Dương", "HTX Bản Giang", "Tổ hợp tác Chè"]
    page.table.sortByColumn(
        page.model.column_index("name"),
        page.table.horizontalHeader().sortIndicatorOrder().DescendingOrder,
    )
    assert page.row_texts("name") == ["Tổ hợp tác Chè", "HTX Bản Giang", "HTX Ánh Dương"]
    page.kind_filter.set_code("THT")
    assert page.row_texts("name") == ["Tổ hợp tác Chè"]
    assert main_window.status_message.text() == "1 HTX, THT"


def test_export_visible_rows_to_xlsx(ctx, main_window, tmp_path, tasks) -> None:
    add_people(ctx.engine, PEOPLE)
    page = main_window.show_area("people")
    page.search.setText("nguyen thi")
    page.apply_filters()
    out = tmp_path / "people.xlsx"
    page.export_to(out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Họ và tên", "Giới tính")
    assert [r[0] for r in rows[1:]] == ["Nguyễn Thị Ánh", "Nguyễn Thị Hoà"]
    assert tasks.progress_seen[-1] == (2, 2)


def test_a_province_office_sees_its_communes_records_and_whose(qtbot, ctx, main_window) -> None:
    from coopdesk.services.settings import Installation
    from coopdesk.ui.cooperatives_page import CooperativesPage

    add_cooperatives(ctx.engine, [("HTX", "HTX Chè Tân Phong")])
    add_cooperatives(ctx.engine, [("HTX", "HTX Nông nghiệp Mường Mô")], unit="03472")
    ctx.installation = Installation("12", "aggregator", "Lò Thị Mai")
    page = CooperativesPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.row_texts("name") == ["HTX Chè Tân Phong", "HTX Nông nghiệp Mường Mô"]
    assert page.row_texts("unit") == ["Phường Tân Phong", "Xã Mường Mô"]


def test_check_box_and_drop_down_filters_show_what_the_service_lists(ctx, main_window) -> None:
    from coopdesk.db.engine import session_scope
    from tests.services.lists.data import cooperative, person, role

    with session_scope(ctx.engine) as s:
        led = cooperative(s, "HTX Phụ nữ làm chủ")
        role(s, person(s, "Lò", "Thị", "Mai"), led, "chair")
        cooperative(s, "HTX Chè")
    page = main_window.show_area("cooperatives")
    page.refresh()
    assert page.row_texts("name") == ["HTX Chè", "HTX Phụ nữ làm chủ"]
    page.women_filter.setChecked(True)
    assert page.row_texts("name") == ["HTX Phụ nữ làm chủ"]
    assert main_window.status_message.text() == "1 HTX, THT"
    page.women_filter.setChecked(False)
    people = main_window.show_area("people")
    people.refresh()
    people.training_filter.set_code(False)
    assert people.row_texts("name") == ["Lò Thị Mai"]
    people.training_filter.set_code(True)
    assert people.row_texts("name") == []
    assert [people.training_filter.itemText(n) for n in range(3)] == [
        "Đã hoặc chưa tập huấn",
        "Đã tập huấn",
        "Chưa tập huấn",
    ]
