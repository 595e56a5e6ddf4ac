"""`coopdesk users …` and the login a write needs: init makes the administrator, a viewer's
write is refused, the audit log names the account, lost passwords."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.security import passwords
from coopdesk.services import accounts

ADMIN_PW = "mat-khau-quan-tri"
VIEWER_PW = "mat-khau-xem-thoi"
HTX = {"name": "HTX Chè Tân Phong", "kind": "HTX"}


@pytest.fixture(autouse=True)
def _quick_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """Accounts made in these tests stretch their passwords lightly (the logic is the same)."""
    monkeypatch.setattr(accounts, "KDF_PARAMS", passwords.KdfParams(64, 1, 1))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """An installation set up with the administrator 'mai'; (data dir, recovery code)."""
    data_dir = tmp_path / "tan-phong"
    code, out, err = run(
        capsys, "init", "--data-dir", str(data_dir), "--unit", "3408", "--officer", "Lò Thị Mai",
        "--password-file", _file(tmp_path, "admin.txt", ADMIN_PW), "--admin", "mai",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Đã tạo quản trị viên “mai”." in out
    found = re.findall(r"Mã khôi phục.*: ([0-9-]{39})", out)
    assert len(found) == 1 and "mở được các tài khoản và khóa" in out, out  # one code for both
    return data_dir, found[0]


def _as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, login: str, password: str) -> None:
    monkeypatch.setenv("COOPDESK_USER", login)
    monkeypatch.setenv("COOPDESK_PASSWORD_FILE", _file(tmp_path, f"{login}.pw", password))


def _save_htx(capsys, tmp_path: Path, data_dir: Path, *extra: str) -> tuple[int, str, str]:
    record = tmp_path / "htx.json"
    record.write_text(json.dumps(HTX, ensure_ascii=False), encoding="utf-8")
    return run(capsys, "save", "cooperatives", "--json", str(record), "--data-dir",
               str(data_dir), *extra)  # fmt: skip


def _audit_actors(data_dir: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(paths.db_path(data_dir))
    try:
        rows = conn.execute("SELECT action, actor FROM audit_events WHERE entity='cooperatives'")
        return [tuple(r) for r in rows]
    finally:
        conn.close()


def test_two_accounts_a_viewer_cannot_change_records(
    capsys, tmp_path: Path, site: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, _code = site
    where = ("--data-dir", str(data_dir))
    _as(monkeypatch, tmp_path, "mai", ADMIN_PW)
    new_pw = _file(tmp_path, "viewer.txt", VIEWER_PW)
    code, out, err = run(capsys, "users", "add", "xem", "--role", "viewer", "--name",
                         "Người Xem", "--password-file", new_pw, *where)  # fmt: skip
    assert (code, err) == (0, "") and "“xem” (Người xem)" in out
    code, out, _err = run(capsys, "users", "list", *where)
    assert out.splitlines() == ["mai\tLò Thị Mai\tQuản trị viên", "xem\tNgười Xem\tNgười xem"]

    _as(monkeypatch, tmp_path, "xem", VIEWER_PW)
    code, out, err = _save_htx(capsys, tmp_path, data_dir)
    assert code == 2 and "“xem” chỉ được xem, không được sửa hồ sơ" in err
    assert _audit_actors(data_dir) == []

    monkeypatch.delenv("COOPDESK_USER")
    code, out, err = _save_htx(capsys, tmp_path, data_dir, "--user", "mai")
    assert code == 2 and "Sai tên đăng nhập hoặc mật khẩu" in err  # xem's password file
    _as(monkeypatch, tmp_path, "mai", ADMIN_PW)
    code, out, err = _save_htx(capsys, tmp_path, data_dir)
    assert (code, err) == (0, "")
    assert _audit_actors(data_dir) == [("create", "Lò Thị Mai (mai)")]
    code, out, _err = run(capsys, "show", "cooperatives", json.loads(out)["id"], *where)
    assert code == 0  # reading needs no login


def test_without_a_user_a_write_says_how_to_log_in(
    capsys, tmp_path: Path, site: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, _code = site
    _as(monkeypatch, tmp_path, "mai", ADMIN_PW)
    run(capsys, "users", "add", "xem", "--role", "viewer", "--password-file",
        _file(tmp_path, "viewer.txt", VIEWER_PW), "--data-dir", str(data_dir))  # fmt: skip
    monkeypatch.delenv("COOPDESK_USER")
    code, _out, err = _save_htx(capsys, tmp_path, data_dir)
    assert code == 2 and "--user" in err and "COOPDESK_USER" in err


def test_last_admin_disable_set_role_and_reset(
    capsys, tmp_path: Path, site: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, _code = site
    where = ("--data-dir", str(data_dir))
    _as(monkeypatch, tmp_path, "mai", ADMIN_PW)
    code, _out, err = run(capsys, "users", "disable", "mai", *where)
    assert code == 2 and "quản trị viên cuối cùng" in err
    run(capsys, "users", "add", "lan", "--role", "viewer", "--password-file",
        _file(tmp_path, "lan.txt", VIEWER_PW), *where)  # fmt: skip
    code, out, err = run(capsys, "users", "set-role", "lan", "officer", *where)
    assert (code, err) == (0, "") and "“lan” giờ là Cán bộ" in out
    code, out, err = run(capsys, "users", "reset-password", "lan", "--password-file",
                         _file(tmp_path, "new.txt", "mat-khau-moi-1"), *where)  # fmt: skip
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "users", "disable", "lan", *where)
    assert (code, err) == (0, "") and "không đăng nhập được nữa" in out
    _as(monkeypatch, tmp_path, "lan", "mat-khau-moi-1")
    code, _out, err = _save_htx(capsys, tmp_path, data_dir)
    assert code == 2 and "“lan” đã bị khoá" in err
    code, _out, err = run(capsys, "users", "set-role", "lan", "admin", *where)
    assert code == 2


def test_recover_with_the_code(
    capsys, tmp_path: Path, site: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, recovery = site
    where = ("--data-dir", str(data_dir))
    new_pw = _file(tmp_path, "new.txt", "mat-khau-moi-1")
    code, _out, err = run(capsys, "users", "recover", "mai", "--code-file",
                          _file(tmp_path, "bad.txt", "1" * 32), "--password-file", new_pw,
                          *where)  # fmt: skip
    assert code == 2 and "Mã khôi phục này không mở được" in err
    code, out, err = run(capsys, "users", "recover", "mai", "--code-file",
                         _file(tmp_path, "code.txt", recovery), "--password-file", new_pw,
                         *where)  # fmt: skip
    assert (code, err) == (0, "") and "Đã đổi mật khẩu của “mai”" in out
    _as(monkeypatch, tmp_path, "mai", "mat-khau-moi-1")
    code, _out, err = _save_htx(capsys, tmp_path, data_dir)
    assert (code, err) == (0, "")


def test_the_demo_has_an_administrator_and_a_viewer(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "demo"
    code, _out, err = run(capsys, "demo", "--data-dir", str(data_dir))
    assert code == 0, err
    where = ("--data-dir", str(data_dir))
    code, out, _err = run(capsys, "users", "list", *where)
    assert out.splitlines() == [
        "admin\tQuản trị viên mẫu\tQuản trị viên",
        "xem\tNgười xem mẫu\tNgười xem",
    ]
    _as(monkeypatch, tmp_path, "xem", "coopdesk-demo")
    code, _out, err = _save_htx(capsys, tmp_path, data_dir)
    assert code == 2 and "“xem” chỉ được xem, không được sửa hồ sơ" in err
    _as(monkeypatch, tmp_path, "admin", "coopdesk-demo")
    code, _out, err = _save_htx(capsys, tmp_path, data_dir)
    assert (code, err) == (0, "")
    assert _audit_actors(data_dir)[-1] == ("create", "Quản trị viên mẫu (admin)")
