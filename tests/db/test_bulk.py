"""Rows written by `db.bulk.insert_rows` are stored exactly as SQLAlchemy's own insert stores them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    create_engine,
    insert,
)
from sqlalchemy.orm import Session

from coopdesk.db.bulk import insert_rows

META = MetaData()
ROWS = Table(
    "rows",
    META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True)),
    Column("on", Date),
    Column("amount", Numeric(20, 4)),
    Column("flag", Boolean),
    Column("name", String(20)),
    Column("kind", String(10), default="plain"),
)
VALUES = [
    {"at": dt.datetime(2026, 12, 4, 9, 5, 7), "on": dt.date(2026, 1, 2), "amount": Decimal("1.50"),
     "flag": True, "name": "Nguyễn Thị Hoa"},
    {"at": None, "on": None, "amount": None, "flag": False, "name": None},
]  # fmt: skip


def _stored(session: Session) -> list[tuple]:
    return list(session.connection().exec_driver_sql("SELECT * FROM rows ORDER BY id"))


def test_the_same_values_stored_as_by_a_core_insert() -> None:
    engine = create_engine("sqlite://")
    META.create_all(engine)
    with Session(engine) as s:
        s.connection().execute(insert(ROWS), VALUES)
        by_core = _stored(s)
        s.rollback()
        insert_rows(s, ROWS, VALUES)
        assert _stored(s) == by_core
        assert by_core[0][1:] == ("2026-12-04 09:05:07.000000", "2026-01-02", 1.5, 1,
                                  "Nguyễn Thị Hoa", "plain")  # fmt: skip


def test_a_computed_default_must_be_given() -> None:
    table = Table("stamped", MetaData(), Column("id", Integer, primary_key=True),
                  Column("at", DateTime, default=dt.datetime.now))  # fmt: skip
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with Session(engine) as s, pytest.raises(ValueError, match=r"stamped\.at"):
        insert_rows(s, table, [{"id": 1}])
