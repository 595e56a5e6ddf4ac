"""Triggers that keep `indicator_summaries` honest.

`coopdesk.services.indicator_summary` stores, per unit and period, the partial indicator
values computed from that unit's records, and per province (and for the whole country) their
sums. Any write to a record an indicator reads (by a form, a sync import, an undo, an erasure
or plain SQL) deletes the stored values of every unit whose numbers it can change, and the
sums above them: they are computed again, from the records, the next time they are asked for.

Which units a change touches follows the queries of `coopdesk.services.indicator_queries`:
a cooperative counts in its unit and its women managers in theirs; a person's gender or
tombstone changes their unit and the units of the cooperatives they manage; a participation
counts in the person's unit and, for an officer, the officer's unit; a training's dates and
kind in its own unit and its participants' units. A change to the units themselves (the
catalogue) drops everything.

While nothing is stored, the triggers do nothing but look at an empty table, so bulk writes
(the demo generator, a first import) pay almost nothing for them.

A database made by `create_all` gets these triggers (models.py); one made or upgraded by the
migrations gets the SQL the last migration that recreates them wrote out (0007). Changing the
SQL here therefore needs a new migration holding the new text; tests/db/test_schema.py fails
until there is one.
"""

from __future__ import annotations

TABLE = "indicator_summaries"

# table → SQL selecting the unit codes one row version touches; "X" is NEW or OLD
TOUCHES: dict[str, str] = {
    "cooperatives": (
        "SELECT X.unit_code UNION SELECT p.unit_code FROM roles r "
        "JOIN people p ON p.id = r.person_id WHERE r.cooperative_id = X.id"
    ),
    "cooperative_years": "SELECT unit_code FROM cooperatives WHERE id = X.cooperative_id",
    "roles": (
        "SELECT unit_code FROM cooperatives WHERE id = X.cooperative_id "
        "UNION SELECT unit_code FROM people WHERE id = X.person_id"
    ),
    "people": (
        "SELECT X.unit_code UNION SELECT c.unit_code FROM roles r "
        "JOIN cooperatives c ON c.id = r.cooperative_id WHERE r.person_id = X.id"
    ),
    "participations": (
        "SELECT unit_code FROM people WHERE id = X.person_id "
        "UNION SELECT unit_code FROM officers WHERE person_id = X.person_id"
    ),
    "trainings": (
        "SELECT X.unit_code "
        "UNION SELECT p.unit_code FROM participations pa JOIN people p ON p.id = pa.person_id "
        "WHERE pa.training_id = X.id "
        "UNION SELECT o.unit_code FROM participations pa JOIN officers o "
        "ON o.person_id = pa.person_id WHERE pa.training_id = X.id"
    ),
    "officers": "SELECT X.unit_code",
    "activities": "SELECT X.unit_code",
    "support": "SELECT X.unit_code",
    "budgets": "SELECT X.unit_code",
}

# a unit outside today's provinces ("t:~"): neither one of them nor directly under one
# (looked up by key: a trigger runs once per row, and must not scan the catalogue)
_CURRENT_PROVINCE = "{u}.level = 'province' AND {u}.code NOT LIKE 'old:%'"

_FORGET = """DELETE FROM {table} WHERE scope IN (
    SELECT CASE k.n
        WHEN 0 THEN 'u:' || u.code
        WHEN 1 THEN 't:' || u.code
        WHEN 2 THEN 't:' || u.parent_code
        WHEN 3 THEN CASE WHEN NOT ({own}) AND NOT EXISTS (
            SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND {parent}) THEN 't:~' END
        ELSE 't:*' END
    FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
                   UNION ALL SELECT 4) k
    WHERE u.code IN ({units}));"""


def _trigger(table: str, event: str) -> str:
    rows = {"INSERT": ["NEW"], "UPDATE": ["NEW", "OLD"], "DELETE": ["OLD"]}[event]
    units = " UNION ".join(TOUCHES[table].replace("X.", f"{row}.") for row in rows)
    return (
        f"CREATE TRIGGER IF NOT EXISTS summary_{table}_{event.lower()} "
        f"AFTER {event} ON {table} "
        f"WHEN EXISTS (SELECT 1 FROM {TABLE}) "
        f"BEGIN {_FORGET.format(table=TABLE, units=units, own=_CURRENT_PROVINCE.format(u='u'), parent=_CURRENT_PROVINCE.format(u='pu'))} END"
    )


def create_statements() -> list[str]:
    """CREATE TRIGGER statements (idempotent) for every table the indicators read."""
    statements = [
        _trigger(table, event) for table in TOUCHES for event in ("INSERT", "UPDATE", "DELETE")
    ]
    statements += [
        f"CREATE TRIGGER IF NOT EXISTS summary_units_{event.lower()} AFTER {event} ON units "
        f"WHEN EXISTS (SELECT 1 FROM {TABLE}) BEGIN DELETE FROM {TABLE}; END"
        for event in ("INSERT", "UPDATE", "DELETE")
    ]
    return statements


def drop_statements() -> list[str]:
    names = [
        f"summary_{t}_{e}" for t in [*TOUCHES, "units"] for e in ("insert", "update", "delete")
    ]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]
