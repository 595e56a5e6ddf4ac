"""`coopdesk indicators`: text with Vietnamese formatting, JSON, and clear errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk.cli import main
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Target
from coopdesk.domain import indicators as reg
from tests.services import indicator_data as data
from tests.services.indicator_data import P


@pytest.fixture
def built(engine: Engine, data_dir: Path) -> Path:
    data.build(engine)
    with session_scope(engine) as s:
        s.add(
            Target(
                unit_code=P,
                target_unit_code=P,
                indicator_code="comm_reach",
                period="2025",
                value=Decimal(1000),
                comparison=">=",
            )
        )
    engine.dispose()
    return data_dir


def test_text_output_in_vietnamese(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["indicators", "--data-dir", str(built), "--unit", "12", "--period", "2025",
         "--today", "2026-01-05"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Tỉnh Lai Châu — Năm 2025"
    assert "Tên chỉ tiêu" in lines[2] and "Chỉ tiêu" in lines[2]
    reach = next(line for line in lines if line.startswith("Lượt người được tuyên truyền"))
    assert "140 lượt" in reach and "≥ 1.000" in reach and reach.endswith("Chậm tiến độ")
    support = next(line for line in lines if line.startswith("Giá trị hỗ trợ"))
    assert "80.000.000\u00a0₫" in support and support.endswith("Chưa có chỉ tiêu")
    consolidated = next(line for line in lines if line.startswith("Tỷ lệ HTX, THT"))
    assert "50\u00a0%" in consolidated
    table = lines[: lines.index("")]
    assert len(table) == 4 + len(reg.INDICATORS)
    assert lines[len(table) + 1] == "Phụ nữ thuộc các nhóm ưu tiên (hiện nay)"
    assert lines[len(table) + 3].startswith("Phụ nữ dân tộc thiểu số")


def test_json_output(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["indicators", "--data-dir", str(built), "--unit", "3408", "--period", "2026r",
         "--json", "--today", "2026-05-20"]
    )  # fmt: skip
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["unit"], doc["period"], doc["start"], doc["end"]) == (
        "03408",
        "2026r",
        "2025-11-15",
        "2026-11-14",
    )
    rows = {row["code"]: row for row in doc["indicators"]}
    assert list(rows) == list(reg.CODES)
    assert rows["comm_events"]["value"] == 0  # A's event of 01/01/2025 is before 15/11/2025
    assert rows["officers_trained_pct"] == {
        **rows["officers_trained_pct"],
        "numerator": 1,
        "denominator": 1,
        "value": 100,
        "unit": "%",
        "status": "no_target",
    }
    assert rows["support_amount"]["breakdown"] == {"state_budget": 10_000_000}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "12", "--period", "2026q"], "Không hiểu kỳ “2026q”"),
        (["--unit", "98765", "--period", "2026"], "98765"),
        (["--unit", "12", "--period", "2026-02-30..2026-03-01"], "không tồn tại"),
    ],
)
def test_bad_input_is_a_clear_error(
    built: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["indicators", "--data-dir", str(built), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err


def test_default_period_and_unit_from_the_installation(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from coopdesk.db.engine import engine_of
    from coopdesk.services import settings

    engine = engine_of(built)
    with session_scope(engine) as s:
        settings.save_installation(s, settings.Installation("03408", "commune", "Lò Thị Mai"))
    engine.dispose()
    code = main(["indicators", "--data-dir", str(built), "--json", "--today", "2026-11-23"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (doc["unit"], doc["period"]) == ("03408", "2026r")  # 2027r has barely begun
