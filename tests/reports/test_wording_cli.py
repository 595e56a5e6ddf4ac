"""`coopdesk report annual --list-wording` and the "wording" of a --paragraphs file: she sees
each generated sentence under its key, rewords one in the file, and the issued report (and
its reprint) prints her text; a bad key is refused, a sentence changed since is flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk.cli import main
from coopdesk.db.engine import session_scope
from tests.reports.fixtures import COMMUNE, populate
from tests.reports.pdf import page_texts

WRITTEN = {
    "strengths": "Chị em tích cực tham gia.",
    "difficulties": "Vốn vay còn ít.",
    "next_tasks": "- Mở thêm hai lớp tập huấn.",
    "proposals": "Đề nghị tỉnh hỗ trợ kinh phí.",
}
MINE = "Hội đã mở các lớp tập huấn quản trị và thương mại điện tử cho chị em Bản Hon."


@pytest.fixture
def reports_dir(data_dir: Path, engine: Engine) -> Path:
    with session_scope(engine) as session:
        populate(session)
    return data_dir


def _annual(data_dir: Path, *extra: str) -> int:
    base = ["report", "annual", "--data-dir", str(data_dir), "--unit", COMMUNE]
    return main([*base, "--period", "2026", "--date", "06/11/2026", *extra])


def _file(tmp_path: Path, values: object) -> str:
    path = tmp_path / "doan-van.json"
    path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.split()) for page in page_texts(pdf))


def test_list_wording_then_reword_one_sentence_and_issue(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _annual(reports_dir, "--list-wording") == 0
    listed = capsys.readouterr().out
    assert "[results.training]" in listed and "Tổ chức" in listed and "[closing]" in listed
    assert _annual(reports_dir, "--list-wording", "--json") == 0
    wording = json.loads(capsys.readouterr().out)["wording"]
    assert list(wording)[-1] == "closing"  # in the order the report prints them
    generated = wording["results.training"]["text"]
    wording["results.training"]["text"] = MINE  # she edits one; the rest stay as generated
    parts = _file(tmp_path, {**WRITTEN, "wording": wording})

    out, docx = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.docx"
    assert _annual(reports_dir, "--paragraphs", parts, "--issue", "--out", str(out)) == 0
    printed = capsys.readouterr()
    assert "01/BC-HPN" in printed.out and printed.err == ""  # nothing changed since: no note
    text = _text(out.read_bytes())
    assert MINE in text and generated.split(";")[0] not in text

    assert _annual(reports_dir, "--paragraphs", parts, "--list-wording") == 0
    assert f"{MINE}" in capsys.readouterr().out  # her wording beside the generated text
    reprint = tmp_path / "ban-in-lai.pdf"
    args = ["report", "register", "--data-dir", str(reports_dir), "--unit", COMMUNE]
    assert main([*args, "--reprint", "01/BC-HPN", "--out", str(reprint), "--docx", str(docx)]) == 0
    assert reprint.read_bytes() == out.read_bytes()
    assert b"word/document.xml" in docx.read_bytes()


def test_wording_written_from_another_sentence_is_flagged(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = {"text": MINE, "based_on": "Tổ chức 9 lớp tập huấn cho 99 người."}
    parts = _file(tmp_path, {**WRITTEN, "wording": {"results.training": old}})
    assert _annual(reports_dir, "--paragraphs", parts, "--out", str(tmp_path / "x.pdf")) == 0
    err = capsys.readouterr().err
    assert "“results.training”" in err and "Tổ chức" in err  # what it says now
    assert _annual(reports_dir, "--paragraphs", parts, "--list-wording") == 0
    assert "results.training" in capsys.readouterr().out.split("Lưu ý")[1]


def test_bad_wording_is_refused_naming_the_key(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    bad = _file(tmp_path, {**WRITTEN, "wording": {"results.tranning": MINE}})
    assert _annual(reports_dir, "--paragraphs", bad, "--issue", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "“results.tranning”" in err and "results.training" in err and "closing" in err
    assert not out.exists()
    number = _file(tmp_path, {"wording": {"opening": 7}})
    assert _annual(reports_dir, "--paragraphs", number, "--out", str(out)) == 2
    assert "“opening”" in capsys.readouterr().err
    assert _annual(reports_dir, "--json", "--out", str(out)) == 2
    assert "--list-wording" in capsys.readouterr().err
