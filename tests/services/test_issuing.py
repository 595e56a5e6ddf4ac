"""Issuing an annual report (issue 15 items 3 and 8): never with a placeholder, a part left
out is not printed, a second issue for the same period only as a stated replacement, and the
register reprints what was issued byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from coopdesk.cli import main
from coopdesk.db.engine import engine_of, session_scope
from coopdesk.db.models import Report
from coopdesk.services import documents
from tests.reports.fixtures import COMMUNE, populate
from tests.reports.pdf import page_texts

WRITTEN = {
    "strengths": "Chị em tích cực tham gia.",
    "difficulties": "Vốn vay còn ít.",
    "next_tasks": "- Mở thêm hai lớp tập huấn.",
    "proposals": "Đề nghị tỉnh hỗ trợ kinh phí.",
}
PLACEHOLDER = "(Nội dung do cán bộ bổ sung)"


@pytest.fixture
def reports_dir(data_dir: Path, engine: Engine) -> Path:
    with session_scope(engine) as session:
        populate(session)
    return data_dir


def _annual(data_dir: Path, out: Path, *extra: str) -> int:
    return main(
        [
            "report",
            "annual",
            "--data-dir",
            str(data_dir),
            "--unit",
            COMMUNE,
            "--period",
            "2026",
            "--out",
            str(out),
            *extra,
        ]
    )


def _paragraphs(tmp_path: Path, values: object, name: str = "doan-van.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _reports(data_dir: Path) -> list[Report]:
    engine = engine_of(data_dir)
    try:
        with session_scope(engine) as session:
            rows = list(session.scalars(select(Report)))
            session.expunge_all()
            return rows
    finally:
        engine.dispose()


def _text(pdf: Path) -> str:
    return "\n".join(page_texts(pdf.read_bytes()))


def test_issue_is_refused_while_a_part_is_empty_and_nothing_is_recorded(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bao-cao.pdf"
    assert _annual(reports_dir, out, "--issue") == 2
    err = capsys.readouterr().err
    for key in WRITTEN:
        assert key in err
    assert "“Ưu điểm” (strengths)" in err and "--paragraphs" in err and "null" in err
    assert _reports(reports_dir) == [] and not out.exists()
    half = _paragraphs(tmp_path, {"strengths": "Tốt.", "difficulties": "  "})
    assert _annual(reports_dir, out, "--issue", "--paragraphs", half) == 2
    err = capsys.readouterr().err
    assert "difficulties" in err and "strengths" not in err
    assert _reports(reports_dir) == []


def test_issue_with_the_parts_from_a_file_and_a_part_left_out(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bao-cao.pdf"
    values = {**WRITTEN, "proposals": None, "international": None}
    assert _annual(reports_dir, out, "--issue", "--paragraphs", _paragraphs(tmp_path, values)) == 0
    assert "01/BC-HPN" in capsys.readouterr().out
    text = _text(out)
    assert PLACEHOLDER not in text
    assert "Chị em tích cực tham gia." in text and "Mở thêm hai lớp tập huấn." in text
    assert "KIẾN NGHỊ" not in text and "Hợp tác quốc tế" not in text
    assert "IV. NHIỆM VỤ TRỌNG TÂM" in text and "V." not in text.split("NHIỆM VỤ TRỌNG TÂM")[1]
    (report,) = _reports(reports_dir)
    assert report.status == "issued"
    assert json.loads(report.paragraphs) == {**WRITTEN, "proposals": None, "international": None}


def test_a_second_issue_for_the_period_needs_replace_and_both_are_kept(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = _paragraphs(tmp_path, WRITTEN)
    first, second = tmp_path / "so-01.pdf", tmp_path / "so-02.pdf"
    assert (
        _annual(reports_dir, first, "--issue", "--date", "05/11/2026", "--paragraphs", parts) == 0
    )
    capsys.readouterr()
    assert _annual(reports_dir, second, "--issue", "--paragraphs", parts) == 2
    err = capsys.readouterr().err
    assert "01/BC-HPN" in err and "05/11/2026" in err and "--replace 01/BC-HPN" in err
    assert len(_reports(reports_dir)) == 1 and not second.exists()
    assert (
        _annual(reports_dir, second, "--issue", "--paragraphs", parts, "--replace", "9/BC-HPN") == 2
    )
    assert "01/BC-HPN" in capsys.readouterr().err
    assert (
        _annual(
            reports_dir,
            second,
            "--issue",
            "--date",
            "09/11/2026",
            "--paragraphs",
            parts,
            "--replace",
            "01/BC-HPN",
        )
        == 0
    )
    assert "02/BC-HPN" in capsys.readouterr().out
    assert "Thay thế văn bản số 01/BC-HPN ngày 05/11/2026" in page_texts(second.read_bytes())[0]
    reports = {r.number: r for r in _reports(reports_dir)}
    assert sorted(reports) == [1, 2] and reports[2].reissue_of == reports[1].id
    assert main(["report", "register", "--data-dir", str(reports_dir), "--unit", COMMUNE]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == ["02/BC-HPN", "01/BC-HPN"]
    assert reports[1].file_hash in listed[1] and "02/BC-HPN" in listed[1].split("05/11/2026")[1]


def test_the_register_reprints_the_issued_files_byte_for_byte(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    issued, docx = tmp_path / "issued.pdf", tmp_path / "issued.docx"
    parts = _paragraphs(tmp_path, WRITTEN)
    assert _annual(reports_dir, issued, "--issue", "--paragraphs", parts, "--docx", str(docx)) == 0
    engine = engine_of(reports_dir)
    with session_scope(engine) as session:  # the data changes after issuing
        report = session.scalars(select(Report)).one()
        report.paragraphs = json.dumps({"strengths": "Đã sửa sau khi ban hành."})
    engine.dispose()
    again, again_docx = tmp_path / "in-lai.pdf", tmp_path / "in-lai.docx"
    base = ["report", "register", "--data-dir", str(reports_dir), "--unit", COMMUNE]
    assert (
        main([*base, "--reprint", "1/bc-hpn", "--out", str(again), "--docx", str(again_docx)]) == 0
    )
    assert again.read_bytes() == issued.read_bytes()
    assert again_docx.read_bytes() == docx.read_bytes()
    capsys.readouterr()
    assert main([*base, "--reprint", "02/BC-HPN", "--out", str(again)]) == 2
    assert "02/BC-HPN" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (json.dumps({"strenghts": "x"}), "“strenghts”"),
        (json.dumps({"strengths": 3}), "“strengths”"),
        (json.dumps(["strengths"]), "JSON"),
        ('{"strengths": "a", "strengths": "b"}', "“strengths”"),
        ('{"strengths": ', "JSON"),
        ("x" * (300 * 1024), "KB"),
    ],
)
def test_a_bad_paragraphs_file_is_named_and_nothing_is_issued(
    reports_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    said: str,
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert _annual(reports_dir, tmp_path / "x.pdf", "--issue", "--paragraphs", str(path)) == 2
    err = capsys.readouterr().err
    assert said in err and "bad.json" in err
    if "strenghts" in content:
        assert ", ".join(documents.PARAGRAPH_KEYS) in err
    assert _reports(reports_dir) == []
