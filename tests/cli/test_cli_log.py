"""The command line's log: an unexpected error's traceback goes to logs/coopdesk.log in the
data folder (named in the message); a full disk is said plainly; a clean run leaves no log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coopdesk.cli import main
from coopdesk.services import units
from tests.log_fixture import log_file  # noqa: F401 (a fixture: the handler taken away after)


def units_search(data_dir: Path) -> int:
    return main(["units", "--data-dir", str(data_dir), "--search", "tan phong"])


def test_a_clean_command_leaves_no_log(data_dir: Path, capsys, log_file: Path) -> None:  # noqa: F811
    assert units_search(data_dir) == 0
    assert "Phường Tân Phong" in capsys.readouterr().out
    assert not (data_dir / "logs").exists()


def test_an_unexpected_error_is_logged_with_its_traceback(
    data_dir: Path,
    capsys,
    monkeypatch,
    log_file: Path,  # noqa: F811
) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise KeyError("province")

    monkeypatch.setattr(units, "search", broken)
    assert units_search(data_dir) == 1
    logged_to = data_dir / "logs" / "coopdesk.log"
    err = capsys.readouterr().err
    assert err == f"coopdesk: unexpected error: 'province' (details in {logged_to})\n"
    logged = logged_to.read_text(encoding="utf-8")
    assert "ERROR coopdesk.cli [" in logged and "]: coopdesk units failed" in logged
    assert "Traceback" in logged and "in broken" in logged and "KeyError: 'province'" in logged


def test_a_full_disk_is_said_plainly(
    data_dir: Path,
    capsys,
    monkeypatch,
    log_file: Path,  # noqa: F811
) -> None:
    def full(*_a: object, **_k: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(units, "search", full)
    assert units_search(data_dir) == 2
    assert capsys.readouterr().err.startswith("coopdesk: Ổ đĩa đã đầy nên CoopDesk không lưu được.")
