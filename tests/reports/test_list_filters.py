"""The printed lists take the filters of the app's lists (sector, year, women in management,
> 50 % female workers, founded under the programme, trained or not), from the services and
from `coopdesk report list-…`, and print the filters in force under the title."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, select

from coopdesk.cli import main
from coopdesk.db.engine import engine_of, session_scope
from coopdesk.db.models import Activity, Cooperative, Sector
from coopdesk.i18n import fold
from coopdesk.services.documents import ListFilter, Rendered, ReportRequest, render_request
from tests.backends import copy_installation, drop_installation
from tests.reports.fixtures import COMMUNE, COOP, MANAGER, PROVINCE
from tests.reports.pdf import page_lines, page_raw, squeeze

RAU = "Tổ hợp tác Rau an toàn Tân Phong"
MAY = "Hợp tác xã Mây tre đan Tả Lèng"
WEAVING, VEGETABLES = "zz_det_may", "zz_rau"
OLD_MEETING = "Hội nghị phổ biến Đề án năm 2025"


@pytest.fixture(scope="module")
def data_dir(report_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The shared report fixture plus sectors on the cooperatives and an activity of 2025."""
    target = copy_installation(report_data_dir, tmp_path_factory.mktemp("list-filters"))
    engine = engine_of(target)
    with session_scope(engine) as s:
        s.add(Sector(code=WEAVING, name_vi="Dệt may, thủ công mỹ nghệ", name_en="Crafts"))
        s.add(Sector(code=VEGETABLES, name_vi="Trồng rau", name_en="Vegetables"))
        for coop in s.scalars(select(Cooperative)):
            coop.sector_code = VEGETABLES if coop.kind == "THT" else WEAVING
        s.add(
            Activity(
                unit_code=COMMUNE,
                kind="meeting",
                channel="meeting",
                title=OLD_MEETING,
                title_folded=fold(OLD_MEETING),
                held_on=dt.date(2025, 9, 10),
                reach_total=60,
                reach_women=50,
                cost=500_000,
            )
        )
    engine.dispose()
    yield target
    drop_installation(target)


@pytest.fixture(scope="module")
def engine(data_dir: Path) -> Iterator[Engine]:
    eng = engine_of(data_dir)
    yield eng
    eng.dispose()


def render(engine: Engine, template: str, flt: ListFilter, unit: str = PROVINCE, **kw: str):
    with session_scope(engine) as session:
        request = ReportRequest(
            template,
            unit,
            kw.get("period", "2026"),
            date=dt.date(2026, 11, 5),
            filters=flt,
        )
        return render_request(session, request)


def xlsx_rows(rendered: Rendered) -> tuple[list[str], str]:
    """The names (2nd column) of the data rows, and the title block's filter line."""
    ws = load_workbook(io.BytesIO(rendered.xlsx())).worksheets[0]
    head = next(r for r in range(1, 20) if ws.cell(r, 1).value in ("STT", "No."))
    names = []
    for r in range(head + 1, ws.max_row + 1):
        if isinstance(ws.cell(r, 1).value, int):
            names.append(str(ws.cell(r, 2).value))
    return names, str(ws.cell(7, 1).value or "")


def pdf_text(rendered: Rendered) -> str:
    return unicodedata.normalize("NFC", " ".join(page_lines(rendered.pdf, 1)))


def test_cooperatives_by_kind_sector_and_female_workers(engine: Engine) -> None:
    flt = ListFilter(kind="HTX", sector=WEAVING)
    names, note = xlsx_rows(render(engine, "list-cooperatives", flt))
    assert names == [COOP, MAY]  # Chè Sơn Bình has no woman manager: never listed
    assert note == "(Lọc theo loại: Hợp tác xã (HTX); lĩnh vực: Dệt may, thủ công mỹ nghệ)"

    flt.majority_female = True  # Mây tre: 4 women of 8 workers is not more than half
    rendered = render(engine, "list-cooperatives", flt)
    names, note = xlsx_rows(rendered)
    assert names == [COOP]
    line = (
        "(Lọc theo loại: Hợp tác xã (HTX); lĩnh vực: Dệt may, thủ công mỹ nghệ; > 50 % lao động nữ)"
    )
    assert note == line
    text = pdf_text(rendered)
    assert squeeze(line) in squeeze(text) and text.index("DANH SÁCH") < text.index("Lọc theo")
    assert squeeze(MAY) not in squeeze(page_raw(rendered.pdf, 1))


def test_cooperatives_founded_under_the_programme_or_in_a_year(engine: Engine) -> None:
    names, note = xlsx_rows(
        render(engine, "list-cooperatives", ListFilter(founded_under_programme=True))
    )
    assert names == [RAU] and note == "(Lọc theo thành lập mới theo Đề án)"
    names, note = xlsx_rows(render(engine, "list-cooperatives", ListFilter(year=2026)))
    assert names == [RAU] and note == "(Lọc theo thành lập năm 2026)"
    names, note = xlsx_rows(
        render(engine, "list-cooperatives", ListFilter(women_managed=True, sector=VEGETABLES))
    )
    assert names == [RAU]
    assert note == "(Lọc theo lĩnh vực: Trồng rau; phụ nữ tham gia quản lý)"


def test_managers_trained_and_activities_of_a_year(engine: Engine) -> None:
    names, _note = xlsx_rows(render(engine, "list-managers", ListFilter(status="trained")))
    assert names == [MANAGER]
    everything = xlsx_rows(render(engine, "list-activities", ListFilter(), period="all"))[0]
    assert len(everything) == 3
    rendered = render(engine, "list-activities", ListFilter(year=2025), period="all")
    ws = load_workbook(io.BytesIO(rendered.xlsx())).worksheets[0]
    titles = [ws.cell(r, 3).value for r in range(1, ws.max_row + 1)]
    assert OLD_MEETING in titles and "Tuyên truyền Luật Hợp tác xã năm 2023" not in titles
    assert xlsx_rows(rendered)[1] == "(Lọc theo năm 2025)"
    assert "(Lọc theo năm 2025)" in pdf_text(rendered)


def cli(data_dir: Path, tmp_path: Path, document: str, *flags: str) -> int:
    return main(
        [
            "report",
            document,
            "--data-dir",
            str(data_dir),
            "--date",
            "05/11/2026",
            "--out",
            str(tmp_path / "list.pdf"),
            "--xlsx",
            str(tmp_path / "list.xlsx"),
            *flags,
        ]
    )


def test_command_line_flags(data_dir: Path, tmp_path: Path) -> None:
    def rows() -> list[str]:
        ws = load_workbook(tmp_path / "list.xlsx").worksheets[0]
        return [
            str(ws.cell(r, 2).value)
            for r in range(1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, int)
        ]

    flags = ["--unit", "12", "--period", "2026", "--kind", "HTX", "--sector", WEAVING]
    assert cli(data_dir, tmp_path, "list-cooperatives", *flags, "--women-managed") == 0
    assert COOP in rows() and MAY in rows() and RAU not in rows()
    assert cli(data_dir, tmp_path, "list-cooperatives", *flags, "--majority-female") == 0
    assert COOP in rows() and MAY not in rows()
    text = unicodedata.normalize(
        "NFC", " ".join(page_lines((tmp_path / "list.pdf").read_bytes(), 1))
    )
    assert "> 50 % lao động nữ" in text
    assert cli(data_dir, tmp_path, "list-cooperatives", "--unit", "12", "--year", "2026") == 0
    assert RAU in rows() and COOP not in rows()
    assert (
        cli(data_dir, tmp_path, "list-cooperatives", "--unit", "12", "--founded-under-programme")
        == 0
    )
    assert RAU in rows() and COOP not in rows()
    assert cli(data_dir, tmp_path, "list-managers", "--unit", "12", "--not-trained") == 0
    assert "Nguyễn Thị Hoà" in rows() and MANAGER not in rows()
    assert cli(data_dir, tmp_path, "list-managers", "--unit", "12", "--trained") == 0
    assert MANAGER in rows() and "Nguyễn Thị Hoà" not in rows()
    # --year alone sets the period to that year
    assert cli(data_dir, tmp_path, "list-activities", "--unit", "3408", "--year", "2025") == 0
    ws = load_workbook(tmp_path / "list.xlsx").worksheets[0]
    titles = [ws.cell(r, 3).value for r in range(1, ws.max_row + 1)]
    assert OLD_MEETING in titles and "Tuyên truyền Luật Hợp tác xã năm 2023" not in titles


@pytest.mark.parametrize(
    ("document", "flags", "message"),
    [
        ("list-activities", ["--year", "20x5"], "--year 20x5: "),
        ("list-cooperatives", ["--sector", "khong-co"], "--sector khong-co: "),
        ("list-trainings", ["--sector", WEAVING], f"--sector {WEAVING}: "),
        ("list-support", ["--women-managed"], "--women-managed: "),
        ("list-cooperatives", ["--kind", "loan"], "--kind loan: "),
        ("list-cooperatives", ["--trained"], "--status trained: "),
    ],
)
def test_a_bad_flag_value_is_named(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    document: str,
    flags: list[str],
    message: str,
) -> None:
    assert cli(data_dir, tmp_path, document, "--unit", "12", *flags) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert not (tmp_path / "list.pdf").exists()
