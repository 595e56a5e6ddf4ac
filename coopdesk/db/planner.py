"""Hints to SQLite's query planner, written so that the SQL means the same on every database.

`unindexed(column)` is the column read from the row it is compared on: SQLite then uses no
index on that comparison (its "+column"), elsewhere it is the column itself. A cooperative's
management roles are one range of `ix_roles_coop_cover` (its ~12 roles, read in the index)
where `role IN (eight roles)` would make eight seeks into it: half the time at national scale.

`person_read_from_index(p)` is true of every person (gender is never NULL); with it SQLite
reads a person found by id from `ix_people_gender_cover` (id, gender, deleted_at, unit_code)
instead of the primary key's index and then the person's row in the 2.6 GB table.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class unindexed(FunctionElement[Any]):
    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _plain(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, "sqlite")
def _sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def person_read_from_index(p: Any) -> Any:
    return p.gender >= ""
