"""Sites for sync tests: a database per installation, with a small unit tree."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from coopdesk.db import models as m
from coopdesk.db.engine import engine_of, session_scope
from coopdesk.sync import exporter, importer, versions
from coopdesk.sync.importer import ImportReport
from tests.backends import copy_installation
from tests.sync_keys import make_identity, register

PROVINCE = "12"
COMMUNE_A = "03408"
COMMUNE_B = "03409"
UNITS = [
    (PROVINCE, "Tỉnh Lai Châu", "tỉnh", "province", None),
    (COMMUNE_A, "Phường Tân Phong", "phường", "commune", PROVINCE),
    (COMMUNE_B, "Xã Bản Giang", "xã", "commune", PROVINCE),
]
NOW = dt.datetime(2026, 11, 20, 9, 0)


def ensure_units(engine: Engine) -> None:
    with session_scope(engine) as s:
        for code, name, division, level, parent in UNITS:
            if s.get(m.Unit, code) is None:
                s.add(
                    m.Unit(
                        code=code,
                        name=name,
                        name_folded=name.lower(),
                        division_type=division,
                        level=level,
                        parent_code=parent,
                        province_code=PROVINCE,
                    )
                )
        if s.get(m.Sector, "agri") is None:
            s.add(m.Sector(code="agri", name_vi="Nông nghiệp", name_en="Agriculture"))


# The sites made under each folder, which a new site there trusts and is trusted by.
_PEERS: dict[Path, list[weakref.ref[Site]]] = {}


class Site:
    """One installation: its database, unit and keys (unlocked; see tests.sync_keys). Unless
    `trusted` is False, it trusts every site made before under the same root, and they it."""

    def __init__(
        self, template: Path, root: Path, name: str, unit: str, trusted: bool = True
    ) -> None:
        self.dir = root / name
        self.dir.mkdir(parents=True)
        copy_installation(template, self.dir)
        self.engine = engine_of(self.dir)
        self.unit = unit
        self.name = name
        ensure_units(self.engine)
        self.keys = make_identity(self.engine)
        peers = _PEERS.setdefault(root, [])
        for other in (ref() for ref in peers):
            if trusted and other is not None:
                register(self.engine, other.unit, other.keys)
                register(other.engine, self.unit, self.keys)
        peers.append(weakref.ref(self))

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.engine) as s:
            yield s

    def export(self, to: str, full: bool = False, now: dt.datetime = NOW) -> bytes:
        with self.session() as s:
            return exporter.build(s, my_unit=self.unit, recipient_unit=to, full=full, now=now).data

    def preview(self, data: bytes) -> ImportReport:
        with self.session() as s:
            return importer.import_bundle(s, data, my_unit=self.unit, apply=False, now=NOW)

    def receive(self, data: bytes) -> ImportReport:
        """Import as the CLI and the GUI do: a refused bundle's transaction is rolled back."""
        with self.session() as s:
            report = importer.import_bundle(s, data, my_unit=self.unit, apply=True, now=NOW)
            if report.refused:
                s.rollback()
            return report

    def add(self, model: type[m.Base], **fields: Any) -> str:
        """A local change as the write path makes it: natural id, then this transaction's
        version (without the validation of services.records, to build odd cases)."""
        with self.session() as s:
            values = {"unit_code": self.unit, **fields}
            obj: Any = model(**values)
            obj.id = obj.id or versions.natural_id(obj.__tablename__, values)
            versions.stamp(s, obj)
            s.add(obj)
            s.flush()
            return str(obj.id)  # type: ignore[attr-defined]

    def edit(self, model: type[m.Base], record_id: str, **fields: Any) -> None:
        with self.session() as s:
            obj = s.get(model, record_id)
            assert obj is not None
            for k, v in fields.items():
                setattr(obj, k, v)
            versions.stamp(s, obj)  # type: ignore[arg-type]

    def get(self, model: type[m.Base], record_id: str) -> Any:
        with self.session() as s:
            return s.get(model, record_id)

    def visible(self) -> dict[str, dict[str, Any]]:
        """Every synced record's visible fields (the winner), by table and id."""
        out: dict[str, dict[str, Any]] = {}
        with self.session() as s:
            for table in versions.synced_tables():
                rows = s.execute(select(table).order_by(table.c.id)).mappings()
                out[table.name] = {r["id"]: {k: v for k, v in r.items()} for r in rows}
        return out

    def dump(self) -> list[tuple[Any, ...]]:
        """A canonical dump of every table, to compare databases byte for byte; refused
        bundles kept aside (quarantine, written on purpose) and the accounts (each login
        stamps its time) are left out."""
        rows: list[tuple[Any, ...]] = []
        with self.engine.connect() as conn:
            names = [
                name
                for name in sorted(inspect(conn).get_table_names())
                if name not in ("quarantined_bundles", "accounts")
            ]
            for name in names:
                table_rows = [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
                rows.extend((name, *r) for r in sorted(table_rows, key=repr))
        return rows


def person(given: str, family: str = "Nguyễn", middle: str = "Thị") -> dict[str, Any]:
    full = f"{family} {middle} {given}"
    return {
        "family_name": family,
        "middle_name": middle,
        "given_name": given,
        "full_name": full,
        "name_folded": full.lower(),
    }


def coop(name: str) -> dict[str, Any]:
    return {"kind": "HTX", "name": name, "name_folded": name.lower()}
