"""The database file: created at head, older files upgraded (after a backup), newer refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from coopdesk import paths
from coopdesk.db.engine import (
    DatabaseError,
    DatabaseTooNew,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
)

FIRST = "0001_initial_schema"


def _revision(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _first_schema_database(data_dir: Path) -> Path:
    """A database as the first CoopDesk release made it, with a cooperative in it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db_file = paths.db_path(data_dir)
    engine = make_engine(db_file)
    command.upgrade(alembic_config(engine), FIRST)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (code, name, name_folded, division_type, level, legacy, "
                "sort_key) VALUES ('03408', 'Phường Tân Phong', 'phuong tan phong', 'phường', "
                "'commune', 0, '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO cooperatives (id, unit_code, created_at, updated_at, created_by, "
                "updated_by, kind, name, name_folded, sort_key, registration_no, address, phone, "
                "products, ocop_product, status, hoi_supported, founded_with_hoi_support, "
                "value_chain, traditional_craft, community_tourism, ecommerce, trademark, "
                "traceability, growing_area_code, notes) VALUES ('c-1', '03408', "
                "'2024-01-01 00:00:00', '2024-01-01 00:00:00', 'Lò Thị Mai', 'Lò Thị Mai', 'HTX', "
                "'HTX Chè Shan Tuyết Tân Phong', 'htx che shan tuyet tan phong', '', '', '', '', "
                "'', '', 'active', 1, 1, 0, 0, 0, 0, 0, 0, '', '')"
            )
        )
    engine.dispose()
    return db_file


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "data")
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            with pytest.raises(Exception, match="FOREIGN KEY"):
                conn.execute(
                    text(
                        "INSERT INTO units (code, name, name_folded, division_type, level, "
                        "parent_code, legacy, sort_key) VALUES ('x', 'x', 'x', 'x', 'commune', "
                        "'no-such-parent', 0, '')"
                    )
                )
    finally:
        engine.dispose()


def test_first_schema_database_is_backed_up_then_upgraded_keeping_data(
    tmp_path: Path, template_data_dir: Path
) -> None:
    data_dir = tmp_path / "data"
    _first_schema_database(data_dir)
    assert head_revision() != FIRST, "needs a second migration to be meaningful"

    upgraded = open_database(data_dir)
    try:
        assert current_revision(upgraded) == head_revision()
        with upgraded.connect() as conn:
            name = conn.execute(text("SELECT name FROM cooperatives WHERE id = 'c-1'")).scalar()
            # 0005: the country unit joins a loaded catalogue, as a new catalogue has it
            country = conn.execute(text("SELECT * FROM units WHERE code = 'VN'")).one()
        assert name == "HTX Chè Shan Tuyết Tân Phong"
        assert country.name == "Việt Nam" and country.level == "country"
        new = sqlite3.connect(paths.db_path(template_data_dir))  # a new one, catalogue loaded
        try:
            assert new.execute("SELECT * FROM units WHERE code = 'VN'").fetchone() == tuple(country)
        finally:
            new.close()
    finally:
        upgraded.dispose()

    (backup,) = paths.backups_dir(data_dir).glob("before-migration-*.sqlite3")
    assert _revision(backup) == FIRST  # made before migrating
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT name FROM cooperatives").fetchall() == [
            ("HTX Chè Shan Tuyết Tân Phong",)
        ]
    finally:
        conn.close()


def test_opening_a_database_at_head_makes_no_backup(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_database(data_dir).dispose()
    open_database(data_dir).dispose()
    assert not paths.backups_dir(data_dir).exists() or not any(
        paths.backups_dir(data_dir).iterdir()
    )


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_database(data_dir).dispose()
    db_file = paths.db_path(data_dir)
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_file.read_bytes()

    with pytest.raises(DatabaseTooNew) as caught:
        open_database(data_dir)
    assert "phiên bản CoopDesk mới hơn" in str(caught.value)  # Vietnamese by default
    assert db_file.read_bytes() == before
    assert _revision(db_file) == "0999_from_the_future"
    assert not paths.backups_dir(data_dir).exists()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    paths.db_path(data_dir).write_text("Báo cáo kết quả thực hiện Đề án 01", encoding="utf-8")
    with pytest.raises(DatabaseError, match="không phải cơ sở dữ liệu CoopDesk"):
        open_database(data_dir)
