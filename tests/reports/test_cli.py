"""`coopdesk report …` end to end on a data dir."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coopdesk.cli import main
from coopdesk.reports.annual import WRITTEN_ONLY
from tests.reports.pdf import page_lines


def test_report_draft_and_issue_from_the_command_line(
    report_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, xlsx = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.xlsx"
    args = ["report", "annual", "--data-dir", str(report_data_dir), "--unit", "3408"]
    assert (
        main(
            [
                *args,
                "--period",
                "2026",
                "--date",
                "05/11/2026",
                "--out",
                str(out),
                "--xlsx",
                str(xlsx),
            ]
        )
        == 0
    )
    assert "Số: /BC-HPN" in " ".join(page_lines(out.read_bytes(), 1))
    assert load_workbook(io.BytesIO(xlsx.read_bytes())).sheetnames == ["Chỉ tiêu"]
    parts = tmp_path / "doan-van.json"
    parts.write_text(json.dumps(dict.fromkeys(WRITTEN_ONLY, "Đã viết.")), encoding="utf-8")
    issue = ["--issue", "--date", "06/11/2026", "--paragraphs", str(parts)]
    assert main([*args, *issue, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "01/BC-HPN" in printed and "SHA-256" in printed
    assert "Số: 01/BC-HPN" in " ".join(page_lines(out.read_bytes(), 1))
    english = tmp_path / "report-en.pdf"
    assert (
        main(
            [
                "report",
                "list-support",
                "--data-dir",
                str(report_data_dir),
                "--unit",
                "3408",
                "--lang",
                "en",
                "--out",
                str(english),
            ]
        )
        == 0
    )
    assert "LIST" in " ".join(page_lines(english.read_bytes(), 1))


def test_report_command_refuses_bad_input(
    report_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["report", "annual", "--data-dir", str(report_data_dir)]
    assert main([*base, "--unit", "99", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "99" in capsys.readouterr().err
    assert (
        main([*base, "--unit", "3408", "--period", "2026x", "--out", str(tmp_path / "x.pdf")]) == 2
    )
    assert "2026x" in capsys.readouterr().err
    assert main([*base, "--unit", "3408", "--out", str(tmp_path / "x.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_separate_runs_write_identical_files(report_data_dir: Path, tmp_path: Path) -> None:
    """No timestamp, random id or font-subset tag differs between two processes."""
    import subprocess
    import sys

    outputs = []
    for n in (1, 2):
        out = tmp_path / f"run{n}.pdf"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "coopdesk",
                "report",
                "list-support",
                "--data-dir",
                str(report_data_dir),
                "--unit",
                "3408",
                "--date",
                "05/11/2026",
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
