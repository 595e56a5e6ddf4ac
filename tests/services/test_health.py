"""The database looks after itself: a damaged file is found at start and the latest good backup
brings the data back; a full disk gives a plain message with nothing half-saved."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import OperationalError

from coopdesk import i18n, paths
from coopdesk.db.engine import make_engine, open_database, session_scope
from coopdesk.db.models import Person
from coopdesk.domain import backup_thinning as rule
from coopdesk.services import backups, database, health, people, settings

# the SQLite file's own check and its full disk
pytestmark = pytest.mark.sqlite_only

ACTOR = "Lò Thị Mai"


def add_person(engine: Engine, name: str) -> None:
    with session_scope(engine) as s:
        if settings.get_installation(s) is None:
            settings.save_installation(s, settings.Installation("03408", "commune", ACTOR))
        people.create_person(s, name, actor=ACTOR, birth_year=1985)


def names(data_dir: Path) -> list[str]:
    engine = open_database(data_dir, create=False)
    try:
        with session_scope(engine) as s:
            return sorted(s.scalars(select(Person.full_name)))
    finally:
        engine.dispose()


def damage(db_file: Path) -> None:
    """Garbage over the middle third of the file's pages (as a failing disk leaves it)."""
    size = db_file.stat().st_size
    with db_file.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(os.urandom(size // 3))


@pytest.fixture
def backed_up(data_dir: Path) -> backups.BackupInfo:
    """Hương saved and backed up; then Lan saved after the backup; a newer backup is damaged."""
    engine = make_engine(paths.db_path(data_dir))
    add_person(engine, "Tòng Thị Hương")
    engine.dispose()
    good = backups.create(data_dir, rule.DAILY, now=dt.datetime(2026, 12, 1, 17, 5))
    damage(backups.create(data_dir, rule.DAILY, now=dt.datetime(2026, 12, 2, 17, 5)).path)
    engine = make_engine(paths.db_path(data_dir))
    add_person(engine, "Lường Thị Lan")
    engine.dispose()
    return good


def test_a_sound_database_passes_the_check_at_start(
    data_dir: Path, backed_up: backups.BackupInfo
) -> None:
    verdict = health.check(data_dir)
    assert verdict.ok and verdict.problem == ""
    assert health.check(data_dir.parent / "new-folder").ok  # nothing yet: created later


def test_a_check_cut_short_at_start_is_finished_while_coopdesk_runs(
    data_dir: Path, backed_up: backups.BackupInfo
) -> None:
    import threading

    cut_short = health.check(data_dir, budget_s=0.0)  # a national file: not read whole first
    assert cut_short.ok and not cut_short.finished
    stopping = threading.Event()
    stopping.set()  # CoopDesk quitting: given up, tried again at the next start
    assert not health.finish_check(data_dir, stopping).finished
    finished = health.finish_check(data_dir, threading.Event())
    assert finished.ok and finished.finished

    damage(paths.db_path(data_dir))
    found = health.finish_check(data_dir, threading.Event())
    assert not found.ok and found.backup is not None and found.backup.path == backed_up.path
    at_next_start = health.check(data_dir, budget_s=0.0)  # the whole file, before opening it
    assert not at_next_start.ok and at_next_start.finished
    backups.restore_latest_good(data_dir)
    assert health.check(data_dir, budget_s=0.0).ok  # sound again: the whole check passed
    assert health.check(data_dir, budget_s=0.0).finished is False  # and no longer forced


def test_a_file_too_big_to_check_in_time_is_opened_at_start_and_its_header_read(
    data_dir: Path, backed_up: backups.BackupInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health, "CHECK_BYTES_PER_S", 1)  # every file is "too big" now
    checked: list[Path] = []
    monkeypatch.setattr(health, "quick_check", lambda f, stop=None: checked.append(f) or "")
    db_file = paths.db_path(data_dir)
    opened = health.check(data_dir)
    assert opened.ok and not opened.finished and checked == []  # left to the background
    with db_file.open("r+b") as fh:
        fh.write(os.urandom(100))  # the header a failing disk left
    refused = health.check(data_dir)
    assert not refused.ok and refused.finished and checked == []
    assert refused.backup is not None and refused.backup.path == backed_up.path


def test_a_damaged_file_leads_to_the_latest_good_backup(
    data_dir: Path, backed_up: backups.BackupInfo
) -> None:
    db_file = paths.db_path(data_dir)
    damage(db_file)
    verdict = health.check(data_dir)
    assert not verdict.ok and verdict.problem  # SQLite's words, for the log
    assert verdict.backup is not None
    assert verdict.backup.path == backed_up.path  # the newer, damaged backup is passed over
    when = "01/12/2026 17:05"
    assert verdict.message == (
        "Tệp cơ sở dữ liệu bị hỏng nên CoopDesk không thể mở an toàn. Bản sao lưu tốt gần nhất "
        f"được tạo lúc {when}. Khôi phục bản này sẽ lấy lại mọi thứ đã lưu đến lúc đó; những "
        "gì nhập sau đó cần nhập lại. Tệp bị hỏng được cất riêng, không bị xoá."
    )
    i18n.set_language("en")
    assert f"The latest good backup was made on {when}." in verdict.message

    restored = backups.restore_latest_good(data_dir)  # the dialog's button

    assert restored.restored_from == backed_up.path
    assert names(data_dir) == ["Tòng Thị Hương"]  # as of the backup
    assert health.check(data_dir).ok
    kept = restored.safety_copy
    assert kept is not None and kept.name.startswith("damaged-")
    assert health.quick_check(kept)  # kept aside as it was, damage and all


def test_a_damaged_file_without_a_good_backup_is_left_alone(data_dir: Path) -> None:
    db_file = paths.db_path(data_dir)
    damage(db_file)
    before = db_file.read_bytes()
    verdict = health.check(data_dir)
    assert not verdict.ok and verdict.backup is None
    assert verdict.message == (
        "Tệp cơ sở dữ liệu bị hỏng và không có bản sao lưu tốt nào để khôi phục. Đừng xoá gì "
        f"cả: hãy chép toàn bộ thư mục dữ liệu {data_dir} sang USB và nhờ hỗ trợ kỹ thuật."
    )
    with pytest.raises(database.MaintenanceError):
        backups.restore_latest_good(data_dir)
    assert db_file.read_bytes() == before


def test_a_file_that_is_not_a_database_at_all_is_damaged(
    data_dir: Path, backed_up: backups.BackupInfo
) -> None:
    paths.db_path(data_dir).write_bytes(os.urandom(8192))
    verdict = health.check(data_dir)
    assert not verdict.ok and verdict.backup is not None
    backups.restore_latest_good(data_dir)
    assert names(data_dir) == ["Tòng Thị Hương"]


def full_disk(engine: Engine) -> None:
    """Every new connection may not grow the file: SQLite answers SQLITE_FULL."""

    def limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    event.listen(engine, "connect", limit)


def test_a_full_disk_gives_a_plain_message_and_nothing_half_saved(data_dir: Path) -> None:
    engine = make_engine(paths.db_path(data_dir))
    add_person(engine, "Tòng Thị Hương")
    full_disk(engine)
    with pytest.raises(OperationalError) as caught, session_scope(engine) as s:
        for n in range(2000):  # enough rows to need a new page
            people.create_person(s, f"Lò Thị Mai {n}", actor=ACTOR, notes="x" * 400)
        s.flush()
    message = health.disk_full_message(caught.value)
    assert message == (
        "Ổ đĩa đã đầy nên CoopDesk không lưu được. Không có gì bị thay đổi: việc đang lưu đã "
        "được huỷ trọn vẹn. Hãy giải phóng dung lượng ổ đĩa (dọn Thùng rác, chuyển các tệp "
        "lớn sang nơi khác) rồi thử lại."
    )
    with session_scope(engine) as s:
        assert (
            s.scalar(select(func.count()).select_from(Person)) == 1
        )  # the transaction rolled back
    engine.dispose()


def test_only_a_full_disk_reads_as_one() -> None:
    import errno
    import sqlite3

    assert health.disk_full_message(OSError(errno.ENOSPC, "No space left on device"))
    wrapped = RuntimeError("could not write")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert health.disk_full_message(wrapped)
    assert health.disk_full_message(sqlite3.OperationalError("database is locked")) is None
    assert health.disk_full_message(OSError(errno.EACCES, "Permission denied")) is None
    assert health.disk_full_message(ValueError("disk")) is None


def test_an_error_s_text_never_carries_a_record_s_values(data_dir: Path) -> None:
    """What is shown or logged of a database error holds no personal data."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    engine = make_engine(paths.db_path(data_dir))
    add_person(engine, "Tòng Thị Hương")
    with session_scope(engine) as s:
        person_id = s.scalars(select(Person.id)).one()
    with pytest.raises(IntegrityError) as caught, session_scope(engine) as s:
        s.execute(
            text("INSERT INTO people (id, full_name, phone) VALUES (:id, :name, :phone)"),
            {"id": person_id, "name": "Lường Thị Lan", "phone": "0912 345 678"},
        )
    assert "Lường" not in str(caught.value) and "0912" not in str(caught.value)
    assert "parameters hidden" in str(caught.value)
    engine.dispose()
