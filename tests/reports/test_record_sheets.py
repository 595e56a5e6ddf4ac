"""One-record documents: a cooperative's information sheet and a training's attendance sheet,
from the command line as PDF and .docx, read back as an officer reads them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as WordDocument
from sqlalchemy import Engine, select

from coopdesk.cli import main
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Cooperative, Training
from tests.reports.fixtures import COOP, MANAGER, TRAINING
from tests.reports.pdf import lines_drawn, page_count, page_lines, words


def _id(engine: Engine, model: type, column: object, value: str) -> str:
    with session_scope(engine) as session:
        return str(session.scalars(select(model.id).where(column == value)).one())  # type: ignore[attr-defined]


def _print(data_dir: Path, tmp_path: Path, document: str, record_id: str) -> tuple[bytes, str]:
    pdf, docx = tmp_path / f"{document}.pdf", tmp_path / f"{document}.docx"
    args = ["report", document, "--data-dir", str(data_dir), "--id", record_id]
    assert main([*args, "--date", "05/11/2026", "--out", str(pdf), "--docx", str(docx)]) == 0
    word = WordDocument(io.BytesIO(docx.read_bytes()))
    text = [p.text for p in word.paragraphs]
    text += [c.text for t in word.tables for row in t.rows for c in row.cells]
    return pdf.read_bytes(), " ".join(text)


def test_cooperative_information_sheet(
    report_data_dir: Path, report_engine: Engine, tmp_path: Path
) -> None:
    coop_id = _id(report_engine, Cooperative, Cooperative.name, COOP)
    pdf, word = _print(report_data_dir, tmp_path, "coop-sheet", coop_id)
    text = " ".join(" ".join(page_lines(pdf, p)) for p in range(1, page_count(pdf) + 1))
    assert "HỘI LHPN PHƯỜNG" in text and "TÂN PHONG" in text  # the Hội of the coop's ward
    for expected in (
        "PHIẾU THÔNG TIN",
        COOP,
        "I. THÔNG TIN ĐĂNG KÝ",
        "Ngày thành lập 01/03/2020",
        "Xếp hạng OCOP",
        "II. BAN QUẢN LÝ, ĐIỀU HÀNH",
        f"{MANAGER} 1985 Chủ tịch HĐQT, Giám đốc",
        "III. SỐ LIỆU HẰNG NĂM",
        "2026 20 15 0 Có",
        "IV. HỖ TRỢ ĐÃ NHẬN",
        "Quỹ hỗ trợ phụ nữ phát triển 50.000.000 Vay vốn mua máy dệt",
        "Tổng cộng 50.000.000",
        "TM. BAN THƯỜNG VỤ",
    ):
        assert expected in text, expected
    for expected in (COOP, "PHIẾU THÔNG TIN", MANAGER, "Vay vốn mua máy dệt", "50.000.000"):
        assert expected in word, expected  # the Word file says the same
    # a form never numbered: no blank "Số:      /PTT-HPN", the place and date where they are
    assert "Số:" not in text and "Số:" not in word
    assert "ngày 05 tháng 11 năm 2026" in text and "ngày 05 tháng 11 năm 2026" in word
    bad = tmp_path / "x.pdf"
    assert main(["report", "coop-sheet", "--data-dir", str(report_data_dir), "--id", "nope",
                 "--out", str(bad)]) != 0  # fmt: skip
    assert not bad.exists()


def test_attendance_sheet_has_a_column_to_sign(
    report_data_dir: Path, report_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course_id = _id(report_engine, Training, Training.title, TRAINING)
    pdf, word = _print(report_data_dir, tmp_path, "attendance", course_id)
    lines = page_lines(pdf, 1)
    text = " ".join(lines)
    for expected in ("DANH SÁCH HỌC VIÊN THAM DỰ", TRAINING,
                     "Thời gian: từ ngày 12/05/2026 đến ngày 13/05/2026.",
                     "Địa điểm: Nhà văn hoá phường Tân Phong.", "Ký tên",
                     "Danh sách gồm 2 mục./."):  # fmt: skip
        assert expected in text, expected
    # in the order of given names: Mỷ before Ỏn
    names = [line for line in lines if "Tẩn Thị Mỷ" in line or MANAGER in line]
    assert "Tẩn Thị Mỷ" in names[0] and MANAGER in names[1]
    # the signature cell is tall enough to sign: three lines of the table's text at least
    header = next(w for w in words(pdf, 1) if w[0] == "Ký")
    rows = sorted(
        {
            round(y0, 1)
            for x0, y0, x1, y1 in lines_drawn(pdf, 1)
            if abs(y0 - y1) < 0.01 and y0 > header[2]
        }
    )
    assert rows[2] - rows[1] >= 30
    assert "Ký tên" in word and "Tẩn Thị Mỷ" in word
    assert "Số:" not in text and "Số:" not in word  # never numbered: no blank number
    assert "Đã ghi" in capsys.readouterr().out
