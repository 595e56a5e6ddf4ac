"""`coopdesk init | backup | restore | units` end to end: a fresh --data-dir, a real file."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import Cooperative, Person
from coopdesk.services import records, settings

OFFICER = "Lò Thị Mai"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def initialised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data_dir = tmp_path / "tan-phong"
    code, out, err = run(
        capsys, "init", "--data-dir", str(data_dir), "--unit", "3408", "--role", "commune",
        "--officer", OFFICER, "--position", "Chủ tịch Hội LHPN phường",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Phường Tân Phong, Lai Châu (03408)" in out
    return data_dir


def _add_cooperative(data_dir: Path, name: str) -> None:
    engine = make_engine(paths.db_path(data_dir))
    with session_scope(engine) as s:
        records.create(s, Cooperative, {"name": name, "kind": "HTX"}, OFFICER)
    engine.dispose()


def _cooperatives(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(paths.db_path(data_dir))
    try:
        return [r[0] for r in conn.execute("SELECT name FROM cooperatives ORDER BY name")]
    finally:
        conn.close()


def test_init_creates_a_database_for_the_unit(initialised: Path) -> None:
    engine = make_engine(paths.db_path(initialised))
    with session_scope(engine) as s:
        inst = settings.get_installation(s)
        assert inst == settings.Installation(
            "03408", "commune", OFFICER, "Chủ tịch Hội LHPN phường", "vi"
        )
        assert settings.get_document_settings(s, "03408").issuer == "HỘI LHPN PHƯỜNG TÂN PHONG"
    engine.dispose()


def test_init_refuses_an_initialised_database(
    initialised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "init", "--data-dir", str(initialised), "--unit", "12", "--officer", "Ai Đó"
    )
    assert code == 2 and out == ""
    assert "đã được thiết lập cho đơn vị 03408" in err
    assert "Traceback" not in err


def test_init_with_an_unknown_unit_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "new"
    code, _out, err = run(
        capsys, "init", "--data-dir", str(data_dir), "--unit", "99999", "--officer", OFFICER
    )
    assert code == 2
    assert err.strip() == "coopdesk: Không có đơn vị nào mang mã 99999 trong danh mục."
    assert not paths.db_path(data_dir).exists()


def test_units_search_prints_code_name_province(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "units", "--data-dir", str(tmp_path), "--search", "tan phong lai chau"
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == ["03408\tPhường Tân Phong\tLai Châu"]
    assert not paths.db_path(tmp_path).exists()  # a search does not create a database


def test_units_search_json_and_limit(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys, "units", "--data-dir", str(initialised), "--search", "Lai Châu", "--json",
        "--limit", "3",
    )  # fmt: skip
    assert code == 0
    found = json.loads(out)
    assert [u["code"] for u in found][:1] == ["12"] and len(found) == 3
    assert found[1]["province_name"] == "Lai Châu"


def test_units_search_without_match_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "units", "--data-dir", str(tmp_path), "--search", "xyzzy")
    assert (code, out) == (2, "")
    assert "Không tìm thấy đơn vị nào khớp với “xyzzy”" in err


def test_backup_and_restore_round_trip(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_cooperative(initialised, "HTX Chè Shan Tuyết Tân Phong")
    backup = tmp_path / "sao-luu" / "tan-phong.sqlite3"
    code, out, err = run(capsys, "backup", "--data-dir", str(initialised), "--out", str(backup))
    assert (code, err) == (0, "") and str(backup) in out
    _add_cooperative(initialised, "HTX Dệt thổ cẩm Nà Khương")
    assert len(_cooperatives(initialised)) == 2

    code, out, err = run(capsys, "restore", "--data-dir", str(initialised), str(backup))
    assert (code, err) == (0, "")
    assert _cooperatives(initialised) == ["HTX Chè Shan Tuyết Tân Phong"]
    (safety,) = paths.backups_dir(initialised).glob("before-restore-*.sqlite3")
    assert str(safety) in out
    conn = sqlite3.connect(safety)
    assert conn.execute("SELECT count(*) FROM cooperatives").fetchone()[0] == 2
    conn.close()


def test_restore_gives_a_new_replica_id(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_cooperative(initialised, "HTX Chè Shan Tuyết Tân Phong")

    def replica() -> str:
        conn = sqlite3.connect(paths.db_path(initialised))
        try:
            return str(conn.execute("SELECT replica_id FROM sync_state").fetchone()[0])
        finally:
            conn.close()

    before = replica()
    backup = tmp_path / "b.sqlite3"
    assert run(capsys, "backup", "--data-dir", str(initialised), "--out", str(backup))[0] == 0
    assert run(capsys, "restore", "--data-dir", str(initialised), str(backup))[0] == 0
    assert replica() != before


def test_backup_refuses_to_overwrite(initialised: Path, tmp_path: Path, capsys) -> None:
    existing = tmp_path / "bao-cao.docx"
    existing.write_bytes(b"not mine to overwrite")
    code, _out, err = run(capsys, "backup", "--data-dir", str(initialised), "--out", str(existing))
    assert code == 2 and "đã tồn tại" in err
    assert existing.read_bytes() == b"not mine to overwrite"


def test_backup_without_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, "backup", "--data-dir", str(tmp_path), "--out", str(tmp_path / "b")
    )
    assert code == 2 and "Không có cơ sở dữ liệu CoopDesk" in err


def test_restore_of_a_file_that_is_not_a_database_changes_nothing(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = paths.db_path(initialised)
    before = db_file.read_bytes()
    text_file = tmp_path / "ke-hoach.txt"
    text_file.write_text("Kế hoạch thực hiện Đề án 01", encoding="utf-8")
    code, out, err = run(capsys, "restore", "--data-dir", str(initialised), str(text_file))
    assert (code, out) == (2, "")
    assert "không phải cơ sở dữ liệu CoopDesk" in err
    assert db_file.read_bytes() == before
    other_sqlite = tmp_path / "other.sqlite3"
    sqlite3.connect(other_sqlite).execute("CREATE TABLE t (x)").connection.close()
    code, _out, err = run(capsys, "restore", "--data-dir", str(initialised), str(other_sqlite))
    assert code == 2 and "không phải cơ sở dữ liệu CoopDesk" in err
    assert db_file.read_bytes() == before
    code, _out, err = run(capsys, "restore", "--data-dir", str(initialised), str(tmp_path / "none"))
    assert code == 2 and "Không có tệp" in err


def test_restore_of_a_newer_database_is_refused_and_nothing_changes(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "newer.sqlite3"
    assert run(capsys, "backup", "--data-dir", str(initialised), "--out", str(newer))[0] == 0
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    conn.commit()
    conn.close()
    _add_cooperative(initialised, "HTX Chè Shan Tuyết Tân Phong")
    db_file = paths.db_path(initialised)
    before = db_file.read_bytes()
    newer_bytes = newer.read_bytes()

    code, out, err = run(capsys, "restore", "--data-dir", str(initialised), str(newer))
    assert (code, out) == (2, "")
    assert "phiên bản CoopDesk mới hơn" in err and "0999_from_the_future" in err
    assert db_file.read_bytes() == before
    assert newer.read_bytes() == newer_bytes
    assert _cooperatives(initialised) == ["HTX Chè Shan Tuyết Tân Phong"]
    assert not list(paths.backups_dir(initialised).glob("before-restore-*"))


def test_errors_in_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, "--lang", "en", "init", "--data-dir", str(tmp_path), "--unit", "99999",
        "--officer", OFFICER,
    )  # fmt: skip
    assert code == 2
    assert err.strip() == "coopdesk: There is no unit with the code 99999 in the catalogue."


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coopdesk", "restore", "--data-dir", str(tmp_path), __file__],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("coopdesk: ") and "SQLite" in result.stderr
    assert not paths.db_path(tmp_path).exists()


def test_a_person_made_after_init_belongs_to_the_unit(initialised: Path) -> None:
    engine = make_engine(paths.db_path(initialised))
    with session_scope(engine) as s:
        p = records.create(s, Person, {"full_name": "Tẩn Mý Mẩy"}, OFFICER)
        assert p.unit_code == "03408"
    engine.dispose()


def test_restore_of_an_older_backup_upgrades_it(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from coopdesk.db.engine import head_revision
    from tests.db.test_migrations import FIRST, _first_schema_database, _revision

    old = _first_schema_database(tmp_path / "old")
    assert _revision(old) == FIRST
    code, _out, err = run(capsys, "restore", "--data-dir", str(initialised), str(old))
    assert (code, err) == (0, "")
    assert _revision(paths.db_path(initialised)) == head_revision()
    assert _cooperatives(initialised) == ["HTX Chè Shan Tuyết Tân Phong"]
    assert _revision(old) == FIRST  # the backup file itself is not changed


def test_restore_of_a_file_copied_with_its_wal_keeps_the_latest_changes(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    source_dir = tmp_path / "running"
    shutil.copytree(initialised, source_dir)
    live = sqlite3.connect(paths.db_path(source_dir))
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("UPDATE settings SET value = value WHERE key = 'installation'")
    live.execute(
        "INSERT INTO audit_events (at, actor, action, entity, entity_id) "
        "VALUES ('2026-11-20 08:00:00', 'Lò Thị Mai', 'note', 'x', 'only-in-the-wal')"
    )
    live.commit()
    copy = tmp_path / "usb" / "coopdesk.sqlite3"
    copy.parent.mkdir()
    shutil.copyfile(paths.db_path(source_dir), copy)  # copied while CoopDesk was running:
    shutil.copyfile(f"{paths.db_path(source_dir)}-wal", f"{copy}-wal")  # with its -wal
    live.close()
    wal_bytes = Path(f"{copy}-wal").read_bytes()

    assert run(capsys, "restore", "--data-dir", str(initialised), str(copy))[0] == 0
    conn = sqlite3.connect(paths.db_path(initialised))
    ids = [r[0] for r in conn.execute("SELECT entity_id FROM audit_events")]
    conn.close()
    assert "only-in-the-wal" in ids
    assert Path(f"{copy}-wal").read_bytes() == wal_bytes  # the person's files are untouched


def test_output_cut_short_by_a_pipe_is_not_an_error() -> None:
    import subprocess
    import sys

    cmd = f"{sys.executable} -m coopdesk units --search xa --limit 3000 --json | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=120
    )
    assert result.stdout == "[\n"
    assert "error" not in result.stderr
    assert result.returncode == 0
