"""unit_catalogue: the official (NSO) unit codes, and the records moved to them

A database made with the list CoopDesk shipped before (vietnam-provinces 2025.10.1, catalogue
"VP-2025.10.1") holds 123 communes under another code than the official list gives, and 9 of
those codes now name a different commune (00226 was Phường Kim Liên, officially 00229; 00226
is Văn Miếu - Quốc Tử Giám). This migration:
- writes the official catalogue into `units` (names changed, codes added), keeps each re-coded
  commune as a legacy unit "2025:<old code>" and removes the current rows no code uses any more;
- moves every record, setting and piece of sync bookkeeping from a commune's old code to its
  official one, all at once (a CASE per column, so the rotations 01537/01558/01561 and
  13285/13291/13318 cannot mix communes up): every column holding a unit code in any table
  (found by name and by foreign key, so tables added by other migrations are included), the
  `documents:<code>` settings and the installation's unit, the units inside sync
  acknowledgements and waiting or conflicting versions;
- empties the indicator cache (it is recomputed) and recomputes the folded names and sort keys
  of names holding an apostrophe or other punctuation (’ ' ` ´ now fold away and sort as one,
  punctuation sorts before digits and letters);
- notes the catalogue version in the setting `units.catalogue_version`;
- creates `unit_changes`: merges and renames sent down with their decision and effective date.
Versions are not stamped: every site migrates the same way, and bundles made under the old
catalogue are translated by the same map on import.

Downgrade moves records back to the codes before and removes the version note; the units'
names stay official (the app reloads nothing on downgrade).

Revision ID: 0014_unit_catalogue
Revises: 0012_duplicates
Create Date: 2026-12-02 07:20:00.000000

"""

import gzip
import json
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0014_unit_catalogue"
down_revision: str | Sequence[str] | None = "0012_duplicates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSION_KEY = "units.catalogue_version"
BEFORE = "VP-2025.10.1"
SUPERSEDED_PREFIX = "2025:"
UNIT_COLUMNS = {"unit_code", "target_unit_code", "recipient_unit", "sender_unit"}
UNIT_JSON_FIELDS = ("unit_code", "target_unit_code")
# The official catalogue as this revision writes it: the units table's rows (folded names and
# sort keys computed) and the map from the codes before, written once from
# resources/units/units.json.gz (NSO-2026-09-20) with coopdesk.domain.unit_catalogue's
# current_rows + superseded_rows, so it never changes with the live catalogue.
SNAPSHOT = Path(__file__).with_name("0014_unit_catalogue.json.gz")

# --- folding and sort keys as of this revision (coopdesk.i18n) -------------------------------
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_QUALITY = {"\u0306", "\u0302", "\u031b"}
_ALPHABET = [
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w",
    "x", "y", "z",
]  # fmt: skip
_LETTER_WEIGHT = {letter: chr(0x41 + i) for i, letter in enumerate(_ALPHABET)}
APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc"
_PUNCTUATION = "_-\u2013\u2014,;:!?.'\"\u201c\u201d()[]{}@*/\\&#%^+<=>|~$"
_PUNCTUATION_WEIGHT = {ch: "\x23" + chr(0x30 + i) for i, ch in enumerate(_PUNCTUATION)}
_PUNCTUATION_WEIGHT.update(dict.fromkeys(APOSTROPHES, _PUNCTUATION_WEIGHT["'"]))
REWEIGHED = sorted(set(APOSTROPHES + _PUNCTUATION))  # names holding one get new keys


def fold(text: str | None) -> str:
    if not text:
        return ""
    text = text.translate(str.maketrans("", "", APOSTROPHES))
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("đ", "d").replace("Đ", "D").lower().split())


def _word_weights(word: str) -> tuple[str, str, str]:
    letters: list[str] = []
    cases: list[str] = []
    tone = 0
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch in _QUALITY and letters:
            letters[-1] += ch
        elif not unicodedata.combining(ch):
            cases.append("1" if ch.isupper() else "0")
            letters.append(ch.lower())
    primary = ""
    for letter in letters:
        weight = _LETTER_WEIGHT.get(letter) or _PUNCTUATION_WEIGHT.get(letter)
        if weight is None:
            weight = letter if letter.isdigit() else chr(0x62 + (ord(letter[0]) % 0x1D))
        primary += weight
    return primary, str(tone), "".join(cases)


def collation_key(text: str | None) -> str:
    normal = " ".join(unicodedata.normalize("NFC", text or "").split())
    words = [_word_weights(w) for w in normal.split(" ") if w]
    primary = "\x22".join(w[0] for w in words)
    tones = "".join(w[1] for w in words)
    return primary + "\x20" + tones + "\x20" + "".join(w[2] for w in words)


def person_sort_key(family: str | None, middle: str | None, given: str | None) -> str:
    rest = " ".join(x for x in (family, middle) if x)
    return collation_key(given) + "\x1f" + collation_key(rest)


def _snapshot() -> dict[str, Any]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    if data["before"] != BEFORE:
        raise RuntimeError(f"the snapshot maps from {data['before']}, not {BEFORE}")
    return data


def _version(conn: sa.Connection) -> str | None:
    value = conn.scalar(sa.text("SELECT value FROM settings WHERE key = :k"), {"k": VERSION_KEY})
    return json.loads(value) if value is not None else None


def _set_version(conn: sa.Connection, version: str) -> None:
    conn.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": VERSION_KEY})
    conn.execute(
        sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
        {"k": VERSION_KEY, "v": json.dumps(version)},
    )


def _unit_columns(conn: sa.Connection) -> list[tuple[str, str]]:
    """(table, column) for every column of every table that holds a unit code."""
    inspector = sa.inspect(conn)
    found: set[tuple[str, str]] = set()
    for table in inspector.get_table_names():
        if table in ("units", "alembic_version"):
            continue
        names = {c["name"] for c in inspector.get_columns(table)}
        found |= {(table, c) for c in names & UNIT_COLUMNS}
        for fk in inspector.get_foreign_keys(table):
            if fk["referred_table"] == "units":
                found |= {(table, c) for c in fk["constrained_columns"]}
    return sorted(found)


def _move_column(conn: sa.Connection, table: str, column: str, moves: Mapping[str, str]) -> None:
    cases = " ".join(f"WHEN :o{i} THEN :n{i}" for i in range(len(moves)))
    params: dict[str, str] = {}
    for i, (old, new) in enumerate(sorted(moves.items())):
        params[f"o{i}"], params[f"n{i}"] = old, new
    olds = ", ".join(f":o{i}" for i in range(len(moves)))
    conn.execute(
        sa.text(
            f'UPDATE "{table}" SET "{column}" = CASE "{column}" {cases} END '
            f'WHERE "{column}" IN ({olds})'
        ),
        params,
    )


def _move_json(value: object, moves: Mapping[str, str]) -> object:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in UNIT_JSON_FIELDS and isinstance(item, str):
                item = moves.get(item, item)
            out[key] = _move_json(item, moves)
        return out
    if isinstance(value, list):
        return [_move_json(item, moves) for item in value]
    return value


def _move_settings(conn: sa.Connection, moves: Mapping[str, str]) -> None:
    rows = conn.execute(sa.text("SELECT key, value FROM settings")).all()
    changed = []
    for key, value in rows:
        prefix, _, code = key.rpartition(":")
        new_key = f"{prefix}:{moves[code]}" if prefix and code in moves else key
        new_value = json.dumps(_move_json(json.loads(value), moves), ensure_ascii=False)
        if new_key != key or json.loads(new_value) != json.loads(value):
            changed.append((key, new_key, new_value))
    for key, _new_key, _value in changed:  # all removed first: codes rotate
        conn.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": key})
    for _key, new_key, value in changed:
        conn.execute(
            sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"), {"k": new_key, "v": value}
        )


def _move_sync_json(conn: sa.Connection, moves: Mapping[str, str]) -> None:
    for rid, text in conn.execute(sa.text("SELECT replica_id, knowledge FROM sync_acks")).all():
        knowledge = {
            replica: {moves.get(unit, unit): n for unit, n in per_unit.items()}
            for replica, per_unit in json.loads(text or "{}").items()
        }
        conn.execute(
            sa.text("UPDATE sync_acks SET knowledge = :k WHERE replica_id = :r"),
            {"k": json.dumps(knowledge, sort_keys=True), "r": rid},
        )
    for table in ("sync_pending", "sync_conflicts"):
        for row_id, text in conn.execute(sa.text(f"SELECT id, data FROM {table}")).all():
            data = json.dumps(_move_json(json.loads(text), moves), ensure_ascii=False)
            conn.execute(
                sa.text(f"UPDATE {table} SET data = :d WHERE id = :i"),
                {"d": data, "i": row_id},
            )


def _write_units(conn: sa.Connection, snapshot: dict[str, Any]) -> None:
    have = {str(c) for c in conn.scalars(sa.text("SELECT code FROM units"))}
    columns = snapshot["columns"]
    rows = [dict(zip(columns, row, strict=True)) for row in snapshot["rows"]]
    units = sa.table("units", *(sa.column(k) for k in columns))
    new = [r for r in rows if r["code"] not in have]
    if new:
        conn.execute(sa.insert(units), new)
    for row in (r for r in rows if r["code"] in have):
        conn.execute(sa.update(units).where(units.c.code == row["code"]).values(**row))


def _with_punctuation(conn: sa.Connection, table: str, columns: str, text: str) -> list:
    like = " OR ".join(f"{text} LIKE :a{i} ESCAPE '!'" for i in range(len(REWEIGHED)))
    escaped = [ch if ch not in "%_!" else "!" + ch for ch in REWEIGHED]
    params = {f"a{i}": f"%{ch}%" for i, ch in enumerate(escaped)}
    query = f"SELECT {columns} FROM {table} WHERE {like}"
    return list(conn.execute(sa.text(query), params).all())


def _refold(conn: sa.Connection) -> None:
    """Names with an apostrophe or other punctuation get this revision's folded form and sort
    key (apostrophes fold away; punctuation sorts before digits and letters)."""
    columns = "id, full_name, family_name, middle_name, given_name"
    for pid, full, family, middle, given in _with_punctuation(conn, "people", columns, "full_name"):
        conn.execute(
            sa.text("UPDATE people SET name_folded = :f, sort_key = :s WHERE id = :i"),
            {"f": fold(full), "s": person_sort_key(family, middle, given), "i": pid},
        )
    for cid, name in _with_punctuation(conn, "cooperatives", "id, name", "name"):
        conn.execute(
            sa.text("UPDATE cooperatives SET name_folded = :f, sort_key = :s WHERE id = :i"),
            {"f": fold(name), "s": collation_key(name), "i": cid},
        )
    for table in ("trainings", "activities"):
        for rid, title in _with_punctuation(conn, table, "id, title", "title"):
            conn.execute(
                sa.text(f"UPDATE {table} SET title_folded = :f WHERE id = :i"),
                {"f": fold(title), "i": rid},
            )


def _move_everything(conn: sa.Connection, moves: Mapping[str, str]) -> None:
    for table, column in _unit_columns(conn):
        _move_column(conn, table, column, moves)
    _move_settings(conn, moves)
    _move_sync_json(conn, moves)
    conn.execute(sa.text("DELETE FROM indicator_summaries"))


def _create_unit_changes() -> None:
    op.create_table(
        "unit_changes",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("decision", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("target_code", sa.String(length=12), nullable=False),
        sa.Column("target_name", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_unit_changes_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_changes")),
    )
    with op.batch_alter_table("unit_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_changes_unit_code"), ["unit_code"], unique=False)


def upgrade() -> None:
    _create_unit_changes()
    conn = op.get_bind()
    if not conn.scalar(sa.text("SELECT count(*) FROM units")) or _version(conn) is not None:
        return  # a new database gets the official catalogue when it is filled
    snapshot = _snapshot()
    moves = dict(snapshot["recoded"])
    _write_units(conn, snapshot)
    _move_everything(conn, moves)
    official = {row[0] for row in snapshot["rows"]}
    conn.execute(
        sa.text("DELETE FROM units WHERE code IN :codes").bindparams(
            sa.bindparam("codes", expanding=True)
        ),
        {"codes": sorted(set(moves) - official)},
    )
    _refold(conn)
    _set_version(conn, snapshot["version"])


def downgrade() -> None:
    op.drop_table("unit_changes")
    conn = op.get_bind()
    if _version(conn) is None:
        return
    snapshot = _snapshot()
    moves = dict(snapshot["recoded"])
    official = {row[0] for row in snapshot["rows"]}
    for code in sorted(set(moves) - official):  # the codes before come back as units
        conn.execute(
            sa.text(
                "INSERT INTO units (code, name, name_folded, division_type, level, parent_code, "
                "province_code, legacy, sort_key) SELECT :code, name, name_folded, "
                "division_type, level, province_code, province_code, FALSE, sort_key FROM units "
                "WHERE code = :was"
            ),
            {"code": code, "was": SUPERSEDED_PREFIX + code},
        )
    _move_everything(conn, {new: old for old, new in moves.items()})
    conn.execute(
        sa.text("DELETE FROM units WHERE code LIKE :prefix"), {"prefix": SUPERSEDED_PREFIX + "%"}
    )
    conn.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": VERSION_KEY})
