"""Sensitive details at rest (issue 13 item 2): once the installation has accounts, a copy of the
database file or of a backup, read byte by byte, holds no sensitive detail in clear; a viewer or
nobody logged in cannot read them; reading them is logged; a sealed value moved onto another
record does not open."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coopdesk import demo, paths
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import AuditEvent, Consent, Person, PersonSensitive
from coopdesk.demo import accounts as demo_accounts
from coopdesk.domain.choices import SENSITIVE_CATEGORIES
from coopdesk.security import passwords, vault
from coopdesk.services import (
    accounts,
    database,
    lists,
    people,
    records,
    sensitive_store,
    settings,
)
from coopdesk.services import sync as sync_service
from coopdesk.services.duplicates import merge as merges
from coopdesk.services.lists import Scope
from coopdesk.services.registry import people as registry_people
from coopdesk.services.settings import Installation
from coopdesk.services.trust import DEMO_PASSWORD

FAST = passwords.KdfParams(memory_cost=64, iterations=1, lanes=1)  # tests only: quick Argon2id
ADMIN_PW = "mat-khau-quan-tri"
VIEWER_PW = "mat-khau-xem-thoi"
TEXTS = ("ethnicity_code", "poverty_status")  # the sensitive details stored as text
PURPOSE = "Hỗ trợ sinh kế cho phụ nữ bị bạo lực gia đình ở bản Nà Khum"


# --- what a file holds -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """The sensitive values an installation stored, read in clear while it could be."""

    details: list[dict[str, object]]  # person_sensitive rows: every column
    consents: list[dict[str, object]]  # consents rows: every column

    def needles(self) -> list[bytes]:
        """Byte strings that are in a file holding these values in clear: a record's body as
        SQLite stores it, its text values side by side between the person's id and the row's
        id (0, 1 and NULL take no bytes there), and each consent's purpose."""
        out: list[bytes] = []
        for row in self.details:
            texts = [str(row[k]) for k in TEXTS if row[k] is not None]
            if texts:
                out.append("".join([str(row["person_id"]), *texts, str(row["id"])]).encode())
        for row in self.consents:
            out.append(f"{row['person_id']}{row['category']}{row['purpose']}".encode())
        out += sorted({str(row["purpose"]).encode() for row in self.consents})
        return out

    def json_needles(self) -> list[bytes]:
        """The sensitive values as the audit log's JSON writes them."""
        out = set()
        for row in self.details:
            for key in SENSITIVE_CATEGORIES:
                value = row[key]
                if value is not None:
                    value = value if key in TEXTS else bool(value)  # sqlite3 reads 1 for true
                    out.add(f'"{key}": {json.dumps(value, ensure_ascii=False)}'.encode())
        for row in self.consents:
            out.add(f'"category": "{row["category"]}"'.encode())
        return sorted(out)


def read_stored(db_file: Path) -> Stored:
    with _plain(db_file) as conn:
        return Stored(_rows(conn, "person_sensitive"), _rows(conn, "consents"))


def _rows(conn: sqlite3.Connection, table: str) -> list[dict[str, object]]:
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]


class _plain:
    """Plain sqlite3, as someone who copied the file would read it."""

    def __init__(self, db_file: Path) -> None:
        self.conn = sqlite3.connect(db_file)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *_exc: object) -> None:
        self.conn.close()


def file_bytes(db_file: Path) -> bytes:
    """The file and what its WAL holds (a copy taken while the program runs has both)."""
    wal = db_file.with_name(db_file.name + "-wal")
    return db_file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def found_in(data: bytes, needles: list[bytes]) -> list[bytes]:
    return [n for n in needles if n in data]


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as s:
        settings.save_installation(s, Installation("3408", "commune", "Lò Thị Mai"))
        yield s


def _admin_and_viewer(session: Session) -> None:
    """An administrator 'mai' (logged in) and a viewer 'xem'."""
    accounts.create_first_admin(session, "mai", ADMIN_PW, "Lò Thị Mai", params=FAST)
    accounts.add_account(session, "xem", VIEWER_PW, "viewer", "Người xem", params=FAST)


def _huong(session: Session, *, poverty: str = "poor") -> Person:
    huong = people.create_person(session, "Tòng Thị Hương", actor="Mai", birth_year=1985)
    for category in ("ethnicity", "poverty", "victim"):
        people.record_consent(session, huong, category, PURPOSE, recorded_by="Mai", actor="Mai")
    people.set_sensitive(
        session,
        huong,
        {"ethnicity_code": "03", "poverty_status": poverty, "violence_victim": True},
        "Mai",
    )
    return huong


# --- sealed on writing -------------------------------------------------------------------------


def test_with_accounts_details_and_consents_are_written_sealed(
    engine: Engine, data_dir: Path
) -> None:
    with session_scope(engine) as session:
        settings.save_installation(session, Installation("3408", "commune", "Lò Thị Mai"))
        _admin_and_viewer(session)
        huong = _huong(session)
        people.set_sensitive(session, huong, {"poverty_status": "near_poor"}, "Mai")
        person_id = huong.id
    db_file = paths.db_path(data_dir)
    stored = read_stored(db_file)
    assert [(r["ethnicity_code"], r["poverty_status"]) for r in stored.details] == [(None, None)]
    assert {(r["category"], r["purpose"]) for r in stored.consents} == {(None, None)}
    assert all(str(r["sealed"]).startswith("v1:") for r in stored.details + stored.consents)
    clear = Stored(
        [{"person_id": person_id, "id": stored.details[0]["id"], "ethnicity_code": "03",
          "poverty_status": "near_poor"}
         | {k: None for k in SENSITIVE_CATEGORIES if k not in ("ethnicity_code", "poverty_status")}
         | {"violence_victim": True}],
        [{"person_id": person_id, "category": c, "purpose": PURPOSE}
         for c in ("ethnicity", "poverty", "victim")],
    )  # fmt: skip
    data = file_bytes(db_file)
    assert found_in(data, clear.needles() + clear.json_needles()) == []
    with session_scope(engine) as session:  # the officer logged in reads them back
        assert registry_people.reveal_sensitive(session, person_id, "Mai") == {
            **dict.fromkeys(SENSITIVE_CATEGORIES),
            "ethnicity_code": "03",
            "poverty_status": "near_poor",
            "violence_victim": True,
        }
        draft = registry_people.load_person(session, person_id)
        assert draft.consents is not None
        assert sorted(c["category"] for c in draft.consents) == ["ethnicity", "poverty", "victim"]
        row = people.sensitive_row(session, person_id)
        assert row is not None
        changes = records.history(session, PersonSensitive, row.id)[1].changes
        assert [(c.field, c.before, c.after) for c in changes] == [
            ("poverty_status", "poor", "near_poor")
        ]


def test_nobody_logged_in_or_a_viewer_cannot_read_nor_write_them(session: Session) -> None:
    _admin_and_viewer(session)
    huong = _huong(session)
    accounts.logout()
    assert registry_people.sensitive_refusal(session) == (
        "Thông tin nhạy cảm đang bị khoá: hãy đăng nhập để xem hoặc sửa."
    )
    with pytest.raises(accounts.NotAllowed):
        registry_people.reveal_sensitive(session, huong.id, "ai đó")
    assert registry_people.load_person(session, huong.id).consents is None
    accounts.login(session, "xem", VIEWER_PW)
    assert registry_people.sensitive_refusal(session) == (
        "Tài khoản của bạn không được xem thông tin nhạy cảm; cán bộ hoặc quản trị viên mới xem "
        "được."
    )
    with pytest.raises(accounts.NotAllowed):
        registry_people.reveal_sensitive(session, huong.id, "Người xem")
    assert registry_people.load_person(session, huong.id).consents is None
    row = people.sensitive_row(session, huong.id)
    assert row is not None
    with pytest.raises(sensitive_store.SensitiveLocked):
        sensitive_store.details(session, row)
    with pytest.raises(accounts.NotAllowed):
        people.set_sensitive(session, huong, {"poverty_status": "near_poor"}, "Người xem")
    history = records.history(session, PersonSensitive, row.id)
    assert all(c.field not in SENSITIVE_CATEGORIES for e in history for c in e.changes)
    accounts.logout()
    accounts.login(session, "mai", ADMIN_PW)
    assert sensitive_store.details(session, row)["poverty_status"] == "poor"  # nothing half-saved


def test_reading_them_is_logged_under_the_account(session: Session) -> None:
    _admin_and_viewer(session)
    huong = _huong(session)
    registry_people.reveal_sensitive(session, huong.id, "Mai")
    views = session.scalars(select(AuditEvent).where(AuditEvent.action == "view")).all()
    assert [(v.entity, v.actor) for v in views] == [("person_sensitive", "Lò Thị Mai (mai)")]


def test_a_sealed_value_moved_onto_another_record_does_not_open(session: Session) -> None:
    _admin_and_viewer(session)
    huong = _huong(session)
    lan = people.create_person(session, "Lò Thị Lan", actor="Mai", birth_year=1990)
    people.record_consent(session, lan, "poverty", PURPOSE, recorded_by="Mai", actor="Mai")
    people.set_sensitive(session, lan, {"poverty_status": "near_poor"}, "Mai")
    theirs, hers = people.sensitive_row(session, huong.id), people.sensitive_row(session, lan.id)
    assert theirs is not None and hers is not None
    hers.sealed = theirs.sealed  # what someone editing the file could try
    session.flush()
    with pytest.raises(vault.SealBroken, match="không mở được bằng khoá của máy này"):
        sensitive_store.details(session, hers)


# --- sealing what was stored in clear ------------------------------------------------------------


def test_the_first_administrator_seals_what_was_stored_in_clear_and_no_trace_is_left(
    engine: Engine, data_dir: Path, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        settings.save_installation(session, Installation("3408", "commune", "Lò Thị Mai"))
        huong = _huong(session, poverty="near_poor")
        people.set_sensitive(session, huong, {"poverty_status": "poor"}, "Mai")  # history
        person_id = huong.id
    db_file = paths.db_path(data_dir)
    clear = read_stored(db_file)
    needles = clear.needles() + clear.json_needles()
    assert set(needles) - set(found_in(file_bytes(db_file), needles)) == set()  # grep finds them
    with session_scope(engine) as session:
        _admin_and_viewer(session)
    copy = tmp_path / "copy.sqlite3"
    shutil.copy2(db_file, copy)
    backup = database.backup(data_dir, tmp_path / "backup.sqlite3").path
    for path in (db_file, copy, backup):
        assert found_in(file_bytes(path), needles) == [], path
    assert read_stored(copy).details[0]["poverty_status"] is None
    with session_scope(engine) as session:
        assert registry_people.reveal_sensitive(session, person_id, "Mai")["poverty_status"] == (
            "poor"
        )
        row = people.sensitive_row(session, person_id)
        assert row is not None
        first = records.history(session, PersonSensitive, row.id)[-1]
        assert ("poverty_status", None, "near_poor") in [
            (c.field, c.before, c.after) for c in first.changes
        ]


# --- the demo --------------------------------------------------------------------------------


def _demo_copy(template_data_dir: Path, target: Path) -> Engine:
    target.mkdir()
    shutil.copy2(paths.db_path(template_data_dir), paths.db_path(target))
    return make_engine(paths.db_path(target))


def test_a_commune_demo_file_and_its_backup_hold_no_sensitive_detail_in_clear(
    template_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_dir, demo_dir = tmp_path / "clear", tmp_path / "demo"
    with monkeypatch.context() as patched:  # the same demo as before accounts: in clear
        patched.setattr(demo, "install_accounts", lambda _session: None)
        clear_engine = _demo_copy(template_data_dir, clear_dir)
        demo.generate(clear_engine, "commune")
        clear_engine.dispose()
    clear = read_stored(paths.db_path(clear_dir))
    needles = clear.needles()
    assert len(clear.details) > 10 and len(needles) > len(clear.details)
    assert found_in(file_bytes(paths.db_path(clear_dir)), needles) == needles  # grep finds all

    engine = _demo_copy(template_data_dir, demo_dir)
    demo.generate(engine, "commune")  # the same seed: the same people and details, sealed
    db_file = paths.db_path(demo_dir)
    copy = tmp_path / "copy.sqlite3"
    shutil.copy2(db_file, copy)
    backup = database.backup(demo_dir, tmp_path / "demo.backup").path
    for path in (db_file, copy, backup):
        assert found_in(file_bytes(path), needles) == [], path
    sealed = read_stored(copy)
    assert [r["id"] for r in sealed.details] == [r["id"] for r in clear.details]
    assert all(r["ethnicity_code"] is None and r["sealed"] for r in sealed.details)

    someone = str(clear.details[0]["person_id"])
    with session_scope(engine) as session:
        accounts.login(session, demo_accounts.VIEWER, DEMO_PASSWORD)
        with pytest.raises(accounts.NotAllowed):
            registry_people.reveal_sensitive(session, someone, "xem")
        accounts.logout()
        accounts.login(session, demo_accounts.ADMIN, DEMO_PASSWORD)
        shown = registry_people.reveal_sensitive(session, someone, "admin")
    expected = {k: clear.details[0][k] for k in SENSITIVE_CATEGORIES}
    assert shown == {k: v if k in TEXTS or v is None else bool(v) for k, v in expected.items()}
    with session_scope(engine) as session:
        views = session.scalars(select(AuditEvent).where(AuditEvent.action == "view")).all()
        assert [(v.entity, v.actor) for v in views] == [
            ("person_sensitive", "Quản trị viên mẫu (admin)")
        ]
    engine.dispose()


def test_the_people_list_tells_nobody_apart_once_details_are_sealed(session: Session) -> None:
    _admin_and_viewer(session)
    _huong(session)
    lan = people.create_person(session, "Lò Thị Lan", actor="Mai", birth_year=1990)
    query = lists.query(session, "people", Scope(str(lan.unit_code)))
    shown = [c for c in query.columns if c.hidden]
    assert [c.key for c in shown] == ["ethnicity", "poverty", "disability"]
    rows = query.all_rows(session)
    assert len(rows) == 2
    texts = {(c.key, c.fmt(r[1 + query.columns.index(c)])) for r in rows for c in shown}
    assert texts == {
        ("ethnicity", "đã khoá: xem hồ sơ"),
        ("poverty", "đã khoá: xem hồ sơ"),
        ("disability", "đã khoá: xem hồ sơ"),
    }


def _send(site, to: str, out: Path) -> Path:
    """Export as the window and the CLI do (services.sync), as whoever is logged in."""
    with site.session() as s:
        me = sync_service.Me(site.unit, aggregator=len(site.unit) < 5)
        return sync_service.export_bundle(s, to=to, out=out, me=me).path


def test_sealed_details_travel_to_another_computer_of_the_unit_only_inside_the_encrypted_bundle(
    make_site, tmp_path: Path
) -> None:
    first, second = make_site("first", "03408"), make_site("second", "03408")
    with first.session() as s:
        huong = people.create_person(s, "Tòng Thị Hương", actor="Mai", unit_code="03408")
        people.record_consent(s, huong, "poverty", PURPOSE, recorded_by="Mai", actor="Mai")
        people.set_sensitive(s, huong, {"poverty_status": "poor"}, "Mai")
        person_id = huong.id
    assert not second.receive(first.export("03408")).refused  # in clear, as before accounts
    assert [r["poverty_status"] for r in second.visible()["person_sensitive"].values()] == ["poor"]
    with first.session() as s:
        accounts.create_first_admin(s, "mai", ADMIN_PW, "Lò Thị Mai", params=FAST)
        huong = s.get(Person, person_id)
        assert huong is not None
        people.set_sensitive(s, huong, {"poverty_status": "near_poor"}, "Mai")
        people.record_consent(s, huong, "disability", PURPOSE, recorded_by="Mai", actor="Mai")
    sent = _send(first, "03408", tmp_path / "from-first.bundle")
    assert b"near_poor" not in sent.read_bytes() and PURPOSE.encode() not in sent.read_bytes()
    assert not second.receive(sent.read_bytes()).refused  # opened here, by its recipient only
    held = second.visible()
    assert [(r["poverty_status"], r["sealed"]) for r in held["person_sensitive"].values()] == [
        ("near_poor", None)  # the other computer has no accounts: it keeps them in clear
    ]
    assert sorted(r["category"] for r in held["consents"].values()) == ["disability", "poverty"]
    with second.session() as s:  # the other computer, without accounts, sends details in clear
        lan = people.create_person(s, "Lò Thị Lan", actor="Lan", unit_code="03408")
        people.record_consent(s, lan, "poverty", PURPOSE, recorded_by="Lan", actor="Lan")
        people.set_sensitive(s, lan, {"poverty_status": "poor"}, "Lan")
        lan_id = lan.id
    bundle = tmp_path / "from-second.bundle"
    bundle.write_bytes(second.export("03408"))
    with first.session() as s:  # received as the window and the CLI do: sealed on arrival
        sync_service.import_bundle(s, bundle, sync_service.Me("03408", aggregator=False))
    stored = read_stored(paths.db_path(first.dir))
    assert [r["poverty_status"] for r in stored.details] == [None, None]
    needles = read_stored(paths.db_path(second.dir)).needles()  # as the sender holds them
    assert found_in(file_bytes(paths.db_path(second.dir)), needles) == needles
    assert found_in(file_bytes(paths.db_path(first.dir)), needles) == []
    with first.session() as s:
        assert registry_people.reveal_sensitive(s, lan_id, "Mai")["poverty_status"] == "poor"
    province = make_site("province", "12")
    up = _send(first, "12", tmp_path / "to-province.bundle")
    assert not province.receive(up.read_bytes()).refused
    held = province.visible()  # the people travel up; their sensitive details never do
    assert len(held["people"]) == 2 and not held["person_sensitive"] and not held["consents"]


def test_merging_two_people_keeps_sealed_details_readable_and_unmerge_restores(
    session: Session,
) -> None:
    _admin_and_viewer(session)
    huong = _huong(session)
    twin = people.create_person(session, "Tòng Thị Hương", actor="Mai", birth_year=1985)
    merge = merges.merge(session, "people", twin.id, huong.id, "Mai")
    kept = people.sensitive_row(session, twin.id)
    assert kept is not None and kept.poverty_status is None and kept.sealed
    assert sensitive_store.details(session, kept)["poverty_status"] == "poor"
    assert records.active_consents(session, twin.id) == {"ethnicity", "poverty", "victim"}
    merges.unmerge(session, merge.id, "Mai")
    again = people.sensitive_row(session, huong.id)
    assert again is not None and sensitive_store.details(session, again)["violence_victim"]


def test_erasing_a_person_removes_her_sealed_details_too(session: Session) -> None:
    _admin_and_viewer(session)
    huong = _huong(session)
    registry_people.erase_person(session, huong.id, "Mai")
    rows = session.execute(
        select(PersonSensitive.sealed, PersonSensitive.deleted_at).where(
            PersonSensitive.person_id == huong.id
        )
    ).all()
    assert [(sealed, deleted is not None) for sealed, deleted in rows] == [(None, True)]
    consents = session.execute(
        select(Consent.sealed).where(Consent.person_id == huong.id)
    ).scalars()
    assert list(consents) == [None, None, None]
