"""`coopdesk list KIND …`: the rows of the app's lists, filtered by flags, as JSON or text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.services import settings
from tests.services.lists.data import OTHER, cooperative, person, role, year


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tan_phong(data_dir: Path) -> Path:
    """Phường Tân Phong with three cooperatives (one women-managed) and one in Mường Mô."""
    engine = make_engine(paths.db_path(data_dir))
    with session_scope(engine) as s:
        settings.save_installation(s, settings.Installation("03408", "commune", "Lò Thị Mai"))
        led = cooperative(s, "HTX Chè Tân Phong", founded_on=dt.date(2024, 3, 5))
        role(s, person(s, "Lò", "Thị", "Mai"), led, "director")
        year(s, led, 2025, 10, 7)
        cooperative(s, "THT Dệt thổ cẩm", kind="THT", status="suspended")
        cooperative(s, "HTX Ánh Dương")
        cooperative(s, "HTX Mường Mô", unit_code=OTHER)
    engine.dispose()
    return data_dir


def test_list_prints_the_rows_as_json_with_the_filters_as_flags(
    tan_phong: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dd = ["--data-dir", str(tan_phong), "--json"]
    code, out, err = run(capsys, "list", "cooperatives", *dd)
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["HTX Ánh Dương", "HTX Chè Tân Phong", "THT Dệt thổ cẩm"]
    assert set(rows[1]) == {
        "id", "name", "kind", "sector", "status", "founded", "registration", "address",
    }  # fmt: skip
    assert rows[1]["founded"] == "2024-03-05"
    code, out, _err = run(capsys, "list", "cooperatives", "--women-managed", *dd)
    assert [r["name"] for r in json.loads(out)] == ["HTX Chè Tân Phong"]
    code, out, _err = run(capsys, "list", "cooperatives", "--majority-female", *dd)
    assert [r["name"] for r in json.loads(out)] == ["HTX Chè Tân Phong"]
    code, out, _err = run(capsys, "list", "cooperatives", "--kind", "THT", *dd)
    assert [r["status"] for r in json.loads(out)] == ["suspended"]
    code, out, _err = run(capsys, "list", "cooperatives", "--search", "anh duong", *dd)
    assert [r["name"] for r in json.loads(out)] == ["HTX Ánh Dương"]


def test_a_province_lists_its_communes_records_and_whose(
    tan_phong: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "list", "cooperatives", "--unit", "12", "--data-dir", str(tan_phong), "--json"
    )
    assert (code, err) == (0, "")
    units = {r["name"]: r["unit"] for r in json.loads(out)}
    assert units["HTX Mường Mô"] == "Xã Mường Mô"
    assert units["HTX Ánh Dương"] == "Phường Tân Phong"


def test_without_json_the_list_is_text_as_the_app_shows_it(
    tan_phong: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "list", "cooperatives", "--kind", "THT", "--data-dir",
                          str(tan_phong))  # fmt: skip
    assert code == 0
    header, line = out.splitlines()
    assert header.split("\t")[:4] == ["Tên", "Loại", "Lĩnh vực", "Trạng thái"]
    assert line.split("\t")[:4] == ["THT Dệt thổ cẩm", "THT", "", "Tạm ngừng hoạt động"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["cooperatives", "--kind", "ABC"], "--kind ABC: “ABC” không thuộc các giá trị: HTX, "),
        (["trainings", "--year", "20x"], "--year 20x: hãy ghi một năm, ví dụ 2025."),
        (["people", "--women-managed"], "--women-managed: Bộ lọc này không dùng cho danh sách"),
        (["cooperatives", "--sensitive"], "--sensitive: Bộ lọc này không dùng cho danh sách"),
        (["cooperatives", "--sector", "zzz"], "--sector zzz: “zzz” không thuộc các giá trị:"),
        (["officers", "--year", "2025"], "--year 2025: Bộ lọc này không dùng cho danh sách"),
    ],
)
def test_a_bad_filter_names_its_flag(
    tan_phong: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "list", *argv, "--data-dir", str(tan_phong))
    assert (code, out) == (2, "")
    assert err.startswith(f"coopdesk: {message}")
