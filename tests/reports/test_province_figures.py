"""The demo province's annual report says one number for each figure: the body's sentences, its
Appendix 1, Appendix 2's rows (the province's own row included) and total, and the printed
lists (trainings, activities, support, cooperatives, women managers) agree."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from coopdesk import paths
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.reports.model import Table
from coopdesk.services.documents import ReportRequest, render_request
from coopdesk.services.report_data import build_document
from tests.reports.pdf import page_count, page_lines

DATE = dt.date(2026, 11, 25)
LISTS = ("list-trainings", "list-activities", "list-support", "list-cooperatives", "list-managers")
NUMBER = r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?)"


@pytest.fixture(scope="module")
def province(province_demo: Path) -> Iterator[dict[str, Any]]:
    engine = make_engine(paths.db_path(province_demo))
    out: dict[str, Any] = {}
    with session_scope(engine) as session:
        annual = render_request(session, ReportRequest("annual", "12", "2026", date=DATE))
        out["annual"] = (annual.pdf, load_workbook(io.BytesIO(annual.xlsx())))
        for template in LISTS:  # the lists' tables as their .xlsx holds them (no PDF needed)
            request = ReportRequest(template, "12", "2026", date=DATE)
            out[template] = build_document(session, request)[1]
    engine.dispose()
    yield out


def _value(text: str) -> Decimal:
    """'213.614' → 213614, '85,9 %' → 0.859 (as the .xlsx stores a share)."""
    number = Decimal(text.replace(".", "").replace(",", ".").rstrip(" %"))
    return number / 100 if text.endswith("%") else number


def _sheet(province: dict[str, Any], name: str) -> list[tuple[Any, ...]]:
    """The rows under the header of one sheet of the report's .xlsx (title block 8 rows,
    header 1)."""
    return list(province["annual"][1][name].iter_rows(min_row=10, values_only=True))


def _rows(province: dict[str, Any], template: str, index: int = 0) -> list[list[Any]]:
    """The rows of a list's table (the second: the activities by kind), without the total."""
    table: Table = province[template][index]
    return table.rows


def _body(pdf: bytes) -> str:
    pages = []
    for page in range(1, page_count(pdf) + 1):
        text = unicodedata.normalize("NFC", " ".join(page_lines(pdf, page)))
        if "Phụ lục 1" in text:
            break
        pages.append(text)
    return " ".join(pages)


# Each sentence of the body that states figures, and the Appendix 1 indicator of each figure.
SENTENCES: list[tuple[str, tuple[str, ...]]] = [
    (
        rf"Trên địa bàn có {NUMBER} hợp tác xã \(HTX\) và {NUMBER} tổ hợp tác \(THT\) đang hoạt "
        rf"động; trong đó {NUMBER} HTX và {NUMBER} THT do phụ nữ tham gia quản lý",
        ("", "", "HTX do phụ nữ tham gia quản lý", "THT do phụ nữ tham gia quản lý"),
    ),
    (
        rf"Tổ chức {NUMBER} hoạt động tuyên truyền, thu hút {NUMBER} lượt người tham gia, trong "
        rf"đó có {NUMBER} lượt phụ nữ",
        (
            "Hoạt động tuyên truyền",
            "Lượt người được tuyên truyền",
            "Lượt phụ nữ được tuyên truyền",
        ),
    ),
    (
        rf"cho {NUMBER} % số HTX, THT được Hội hỗ trợ; hỗ trợ {NUMBER} lượt với tổng số tiền "
        rf"{NUMBER} đồng",
        (
            "Tỷ lệ HTX, THT được Hội hỗ trợ đã được củng cố",
            "Lượt hỗ trợ vốn, hiện vật",
            "Giá trị hỗ trợ",
        ),
    ),
    (
        rf"thành lập mới {NUMBER} HTX và {NUMBER} THT theo Đề án. Các HTX, THT đã tạo việc làm "
        rf"mới cho {NUMBER} lao động nữ. Số lao động nữ trong các HTX là {NUMBER} người, trong các THT là "
        rf"{NUMBER} người",
        (
            "HTX thành lập mới theo Đề án",
            "THT thành lập mới theo Đề án",
            "Việc làm mới cho lao động nữ",
            "Lao động nữ trong HTX",
            "Lao động nữ trong THT",
        ),
    ),
    (
        rf"Tổ chức {NUMBER} lớp tập huấn, đào tạo, bồi dưỡng cho {NUMBER} người \({NUMBER} lượt\); "
        rf"trong năm 2026 có {NUMBER} nữ quản lý HTX được đào tạo, bồi dưỡng. Lũy kế từ khi "
        rf"triển khai Đề án, {NUMBER} % tổng số nữ quản lý HTX",
        (
            "Lớp tập huấn, đào tạo",
            "Số người được tập huấn",
            "Lượt người được tập huấn",
            "Nữ quản lý HTX được đào tạo, bồi dưỡng trong kỳ",
            "Tỷ lệ nữ quản lý HTX đã được đào tạo, bồi dưỡng (lũy kế)",
        ),
    ),
    (
        rf"Lũy kế từ khi triển khai Đề án, {NUMBER} % cán bộ Hội làm công tác hỗ trợ phát triển "
        rf"KTTT, HTX đã được tập huấn; {NUMBER} % đã được bồi dưỡng, nâng cao kỹ năng. Kinh phí "
        rf"năm 2026: kế hoạch {NUMBER} đồng, được cấp {NUMBER} đồng, đã sử dụng {NUMBER} đồng",
        (
            "Tỷ lệ cán bộ Hội làm công tác KTTT được tập huấn (lũy kế)",
            "Tỷ lệ cán bộ Hội được bồi dưỡng, nâng cao kỹ năng (lũy kế)",
            "Kinh phí dự toán",
            "Kinh phí được cấp",
            "Kinh phí đã sử dụng",
        ),
    ),
]


def _percent_in_text(text: str, name: str) -> bool:
    return name.startswith("Tỷ lệ") and not text.endswith("%")


def test_every_figure_of_the_body_is_the_one_of_appendix_1(province: dict[str, Any]) -> None:
    body = _body(province["annual"][0])
    appendix = {row[1]: row[3] for row in _sheet(province, "Chỉ tiêu")}
    checked = 0
    for pattern, names in SENTENCES:
        found = re.search(pattern, body)
        assert found, pattern
        for text, name in zip(found.groups(), names, strict=True):
            if not name:
                continue
            value = _value(text + " %") if name.startswith("Tỷ lệ") else _value(text)
            assert Decimal(str(appendix[name])).quantize(Decimal("0.001")) == value.quantize(
                Decimal("0.001")
            ), name
            checked += 1
    assert checked == 23  # every result of Appendix 1 but 'HTX có trên 50 % lao động nữ'
    # The budget by source and the support by fund add up to the totals stated.
    sources = re.findall(
        rf"- [^:;.]+: kế hoạch {NUMBER}, được cấp {NUMBER}, đã sử dụng {NUMBER} đồng", body
    )
    assert [sum(_value(s[i]) for s in sources) for i in range(3)] == [
        appendix["Kinh phí dự toán"],
        appendix["Kinh phí được cấp"],
        appendix["Kinh phí đã sử dụng"],
    ]
    funds = re.findall(rf"- [^:;.]+: {NUMBER} lượt, {NUMBER} đồng", body)
    assert sum(_value(f[0]) for f in funds) == appendix["Lượt hỗ trợ vốn, hiện vật"]
    assert sum(_value(f[1]) for f in funds) == appendix["Giá trị hỗ trợ"]
    spent = dict(
        re.findall(r"- ([^:;.]+): kế hoạch [\d.]+, được cấp [\d.]+, đã sử dụng ([\d.]+) đồng", body)
    )
    international = re.search(r"6\. Hợp tác quốc tế (.*?) III\.", body)
    assert international and "chưa phát sinh hoạt động" not in international.group(1)
    assert f"đã sử dụng {spent['Quốc tế']} đồng" in international.group(1)


def test_appendix_2_rows_with_the_province_level_add_up_to_the_report(
    province: dict[str, Any],
) -> None:
    appendix = {row[1]: row[3] for row in _sheet(province, "Chỉ tiêu")}
    rows = _sheet(province, "Theo đơn vị")
    header = province["annual"][1]["Theo đơn vị"][9]
    titles = [c.value for c in header]
    assert rows[0][:2] == (None, "Cấp tỉnh") and rows[-1][1] == "Tổng cộng"
    units = rows[:-1]
    assert len(units) == 39  # the province itself and its 38 communes
    summed = {
        "HTX do phụ nữ tham gia quản lý (HTX)": "HTX do phụ nữ tham gia quản lý",
        "THT do phụ nữ tham gia quản lý (THT)": "THT do phụ nữ tham gia quản lý",
        "HTX thành lập mới theo Đề án (HTX)": "HTX thành lập mới theo Đề án",
        "Việc làm mới cho lao động nữ (người)": "Việc làm mới cho lao động nữ",
        "Lượt người được tuyên truyền (lượt)": "Lượt người được tuyên truyền",
        "Số người được tập huấn (người)": "Số người được tập huấn",
        "Giá trị hỗ trợ (đồng)": "Giá trị hỗ trợ",
    }
    for title, name in summed.items():
        col = titles.index(title)
        assert sum(r[col] or 0 for r in units) == appendix[name], title
    assert units[0][titles.index("Lượt người được tuyên truyền (lượt)")] > 0  # the province's own
    shares = [t for t in titles if t and t.endswith("(%)")]
    assert shares
    for title in shares:
        col = titles.index(title)
        name = title.removesuffix(" (%)")
        name = appendix.get(name, appendix.get(f"{name} (lũy kế)"))
        assert rows[-1][col] == name, title  # a ratio of the whole, not a sum


def test_the_lists_hold_the_figures_of_the_report(province: dict[str, Any]) -> None:
    appendix = {row[1]: row[3] for row in _sheet(province, "Chỉ tiêu")}
    trainings = _rows(province, "list-trainings")
    assert len(trainings) == appendix["Lớp tập huấn, đào tạo"]
    assert sum(r[8] for r in trainings) == appendix["Lượt người được tập huấn"]  # completed
    by_kind = {r[1]: r for r in _rows(province, "list-activities", 1)}
    communication = by_kind["Tuyên truyền"]
    assert tuple(communication[2:5]) == (
        appendix["Hoạt động tuyên truyền"],
        appendix["Lượt người được tuyên truyền"],
        appendix["Lượt phụ nữ được tuyên truyền"],
    )
    support = _rows(province, "list-support")
    assert len(support) == appendix["Lượt hỗ trợ vốn, hiện vật"]
    assert sum(r[5] for r in support) == appendix["Giá trị hỗ trợ"]
    coops = _rows(province, "list-cooperatives")
    assert sum(r[2] == "HTX" for r in coops) == appendix["HTX do phụ nữ tham gia quản lý"]
    assert sum(r[2] == "THT" for r in coops) == appendix["THT do phụ nữ tham gia quản lý"]
    managers = _rows(province, "list-managers")
    trained = sum(r[6] == "Có" for r in managers)
    share = appendix["Tỷ lệ nữ quản lý HTX đã được đào tạo, bồi dưỡng (lũy kế)"]
    assert round(trained / len(managers), 3) == round(share, 3)


def test_a_province_row_is_printed_in_appendix_2(province: dict[str, Any]) -> None:
    pdf = province["annual"][0]
    pages = [" ".join(page_lines(pdf, p)) for p in range(1, page_count(pdf) + 1)]
    first = next(i for i, text in enumerate(pages) if "Phụ lục 2" in text)
    assert "Cấp tỉnh" in pages[first]
    last = pages[-1]
    assert "Tổng cộng" in last
    assert len(re.findall(r"\b(?:Xã|Phường) ", last)) >= 3  # the total never alone
