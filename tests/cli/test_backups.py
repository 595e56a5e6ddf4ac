"""`coopdesk backups list|create|copy|restore`: what the Backups page does, headless."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import Cooperative
from coopdesk.services import records, settings


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tan_phong(data_dir: Path) -> Path:
    engine = make_engine(paths.db_path(data_dir))
    with session_scope(engine) as s:
        settings.save_installation(
            s, settings.Installation(unit_code="03408", role="commune", officer="Lò Thị Mai")
        )
        records.create(s, Cooperative, {"name": "HTX Chè Shan Tuyết", "kind": "HTX"}, "Mai")
    engine.dispose()
    return data_dir


def _cooperatives(data_dir: Path) -> int:
    conn = sqlite3.connect(paths.db_path(data_dir))
    try:
        return int(conn.execute("SELECT count(*) FROM cooperatives").fetchone()[0])
    finally:
        conn.close()


def test_create_then_list_in_words_and_json(tan_phong: Path, capsys) -> None:
    d = ["--data-dir", str(tan_phong)]
    assert run(capsys, "backups", "list", *d) == (0, "Chưa có bản sao lưu nào.\n", "")
    code, out, err = run(capsys, "backups", "create", *d)
    assert (code, err) == (0, "")
    assert "Đã sao lưu:" in out and "Tự sao lưu" in out and "HTX & Tổ hợp tác 1" in out
    code, out, _err = run(capsys, "backups", "list", "--json", *d)
    (listed,) = json.loads(out)  # the commands make no daily backup of their own
    assert (listed["reason"], listed["unit_name"], listed["counts"]["cooperatives"]) == (
        "manual",
        "Phường Tân Phong",
        1,
    )
    assert Path(listed["path"]).parent == paths.backups_dir(tan_phong)


def test_copy_to_a_stick_then_restore_it_after_a_preview(tan_phong: Path, tmp_path, capsys) -> None:
    d = ["--data-dir", str(tan_phong)]
    usb = tmp_path / "USB"
    usb.mkdir()
    assert run(capsys, "backups", "copy", "--to", str(usb), *d)[0] == 2  # nothing to copy yet
    run(capsys, "backups", "create", *d)
    code, out, err = run(capsys, "backups", "copy", "--to", str(usb), *d)
    assert (code, err) == (0, "")
    (copy,) = usb.iterdir()
    assert copy.name.startswith("CoopDesk-Phuong-Tan-Phong-") and copy.suffix == ".backup"
    assert str(copy) in out

    engine = make_engine(paths.db_path(tan_phong))
    with session_scope(engine) as s:
        records.create(s, Cooperative, {"name": "HTX Dệt Nà Khương", "kind": "HTX"}, "Mai")
    engine.dispose()
    code, out, err = run(capsys, "backups", "restore", str(copy), "--preview", *d)
    assert (code, err) == (0, "")
    assert out.startswith("Phường Tân Phong, sao lưu ngày ") and "HTX & Tổ hợp tác 1" in out
    assert _cooperatives(tan_phong) == 2  # a preview changes nothing

    code, out, err = run(capsys, "backups", "restore", str(copy), *d)
    assert (code, err) == (0, "")
    assert _cooperatives(tan_phong) == 1
    assert "Cơ sở dữ liệu trước đó được giữ lại tại" in out
    code, out, _err = run(capsys, "backups", "list", "--json", *d)
    assert [(b["reason"], b["counts"]["cooperatives"]) for b in json.loads(out)] == [
        ("restore", 2),
        ("manual", 1),
    ]


def test_a_damaged_backup_is_refused_and_nothing_changes(tan_phong: Path, capsys) -> None:
    d = ["--data-dir", str(tan_phong)]
    run(capsys, "backups", "create", *d)
    (backup,) = paths.backups_dir(tan_phong).glob("*.sqlite3")
    backup.write_bytes(backup.read_bytes()[:50_000])
    before = paths.db_path(tan_phong).read_bytes()
    code, out, err = run(capsys, "backups", "restore", backup.name, *d)
    assert (code, out) == (2, "")
    assert backup.name in err and "hỏng" in err
    assert paths.db_path(tan_phong).read_bytes() == before


def test_no_database_says_what_to_do(tmp_path: Path, capsys) -> None:
    code, _out, err = run(capsys, "backups", "list", "--data-dir", str(tmp_path))
    assert code == 2 and "coopdesk init" in err


def test_with_accounts_only_an_administrator_restores(
    tan_phong: Path, tmp_path, capsys, monkeypatch
) -> None:
    from coopdesk.security import passwords
    from coopdesk.services import accounts

    fast = passwords.KdfParams(memory_cost=64, iterations=1, lanes=1)
    d = ["--data-dir", str(tan_phong)]
    run(capsys, "backups", "create", *d)
    engine = make_engine(paths.db_path(tan_phong))
    with session_scope(engine) as s:
        accounts.create_first_admin(s, "mai", "mat-khau-quan-tri", "Lò Thị Mai", params=fast)
        accounts.add_account(s, "xem", "mat-khau-xem-thoi", "viewer", "Người xem", params=fast)
    engine.dispose()
    accounts.logout()
    (backup,) = paths.backups_dir(tan_phong).glob("*.sqlite3")
    viewer_pw = tmp_path / "xem.txt"
    viewer_pw.write_text("mat-khau-xem-thoi\n", encoding="utf-8")
    before = paths.db_path(tan_phong).read_bytes()
    monkeypatch.setenv("COOPDESK_PASSWORD_FILE", str(viewer_pw))
    code, _out, err = run(capsys, "backups", "restore", backup.name, *d, "--user", "xem")
    assert code == 2 and "Chỉ quản trị viên" in err
    assert paths.db_path(tan_phong).read_bytes() == before
