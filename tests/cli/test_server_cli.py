"""`coopdesk init --database postgresql://…`: an installation living on a PostgreSQL server (the
run's test server), which every later command of its folder uses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from coopdesk.cli import main
from tests import backends
from tests.pg_server import PgServer

OFFICER = "Lò Thị Mai"
PASSWORD = "mật khẩu của tỉnh"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server_url(pg_server: PgServer) -> Iterator[str]:
    url = backends.new_database()
    yield url
    backends.drop_database(url)


def _init(capsys: pytest.CaptureFixture[str], data_dir: Path, url: str) -> tuple[int, str, str]:
    password_file = data_dir.parent / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    return run(
        capsys, "init", "--data-dir", str(data_dir), "--database", url, "--unit", "12",
        "--role", "aggregator", "--officer", OFFICER, "--password-file", str(password_file),
    )  # fmt: skip


def test_an_installation_on_a_server_is_used_by_every_command(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    hub = tmp_path / "hub"
    code, out, err = _init(capsys, hub, server_url)
    assert (code, err) == (0, "")
    assert "cho Lai Châu (12)" in out
    assert f"Cơ sở dữ liệu ở máy chủ: {server_url}" in out.splitlines(), out
    assert "Mã khôi phục" in out
    assert sorted(p.name for p in hub.iterdir() if p.is_file()) == ["database.url"]

    record = hub.parent / "htx.json"
    record.write_text(json.dumps({"name": "HTX Chè Tân Phong", "kind": "HTX"}), "utf-8")
    monkeypatch.setenv("COOPDESK_PASSWORD_FILE", str(hub.parent / "password.txt"))
    code, out, err = run(
        capsys, "save", "cooperatives", "--json", str(record), "--data-dir", str(hub)
    )
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "list", "cooperatives", "--json", "--data-dir", str(hub))
    assert code == 0
    assert [row["name"] for row in json.loads(out)] == ["HTX Chè Tân Phong"]
    with psycopg.connect(server_url) as conn:
        names = conn.execute("SELECT name FROM cooperatives").fetchall()
    assert names == [("HTX Chè Tân Phong",)]

    code, out, err = _init(capsys, hub, server_url)
    assert code == 2 and "đã được thiết lập cho đơn vị 12" in err

    backup_file = tmp_path / "a-commune-backup.sqlite3"
    backup_file.write_bytes(b"")
    for backup in (["backup", "--out", str(tmp_path)], ["backups", "list"],
                   ["restore", str(backup_file)]):  # fmt: skip
        code, out, err = run(capsys, *backup, "--data-dir", str(hub))
        assert code == 2 and "pg_dump" in err  # the server's own tools back it up

    desk = tmp_path / "second-officer"  # another officer's computer works on the same data
    code, out, err = run(capsys, "connect", "--data-dir", str(desk), "--database", server_url)
    assert (code, err) == (0, "")
    assert f"làm việc trên cơ sở dữ liệu của Lai Châu (12) ở máy chủ {server_url}" in out
    code, out, err = run(capsys, "list", "cooperatives", "--json", "--data-dir", str(desk))
    assert [row["name"] for row in json.loads(out)] == ["HTX Chè Tân Phong"]


def test_connecting_to_a_server_with_nothing_set_up_is_refused(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "desk"
    code, out, err = run(capsys, "connect", "--data-dir", str(desk), "--database", server_url)
    assert code == 2 and out == "" and "coopdesk init --database" in err
    assert not (desk / "database.url").exists()


def test_a_password_in_the_address_is_refused_and_nothing_is_kept(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = tmp_path / "hub"
    with_password = server_url.replace("postgres@", "postgres:secret@")
    code, out, err = _init(capsys, hub, with_password)
    assert code == 2 and out == ""
    assert "PGPASSWORD" in err and "secret" not in err
    assert not (hub / "database.url").exists()
