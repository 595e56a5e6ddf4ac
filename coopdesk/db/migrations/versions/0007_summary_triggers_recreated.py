"""summary triggers recreated

Commit 64c0111 made the summary triggers cheaper (one pass over the touched units; 't:~' only
for a unit outside today's provinces) in coopdesk/db/summary_triggers.py without a migration,
so a database upgraded before it kept the triggers of 0006 while a new one got the new ones.
This migration replaces them with the triggers summary_triggers.py makes at this revision,
written out so that a later change there cannot change what it does
(tests/db/test_schema.py fails when summary_triggers.py and the last migration disagree).

Revision ID: 0007_summary_triggers_recreated
Revises: 0006_indicator_summaries
Create Date: 2026-12-02 04:37:45.002599

"""

import re
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007_summary_triggers_recreated"
down_revision: str | Sequence[str] | None = "0006_indicator_summaries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _plpgsql(TRIGGERS):
            op.execute(sa.text(statement))
        return
    _replace_triggers(TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for found in map(_SQLITE_TRIGGER.fullmatch, TRIGGERS):
            assert found is not None
            op.execute(sa.text(f"DROP TRIGGER IF EXISTS {found['name']} ON {found['table']}"))
            op.execute(sa.text(f"DROP FUNCTION IF EXISTS {found['name']}()"))
        return
    # back to the triggers of 0006, which that migration holds (a migration never changes)
    script = op.get_context().script
    assert script is not None
    previous = script.get_revision("0006_indicator_summaries")
    assert previous is not None
    _replace_triggers(previous.module.TRIGGERS)


# On PostgreSQL each trigger is a PL/pgSQL function taking the summaries' advisory lock shared
# and running the same body while the same condition holds, and the row trigger calling it: as coopdesk/db/postgres.py translated them
# at this revision, written out here so that a later change there cannot change this migration.
_SQLITE_TRIGGER = re.compile(
    r"CREATE TRIGGER IF NOT EXISTS (?P<name>\w+) AFTER (?P<event>INSERT|UPDATE|DELETE) "
    r"ON (?P<table>\w+) WHEN (?P<when>.*?) BEGIN (?P<body>.*) END",
    re.DOTALL,
)


def _plpgsql(statements: Iterable[str]) -> list[str]:
    out = []
    for statement in statements:
        t = _SQLITE_TRIGGER.fullmatch(statement.strip())
        assert t is not None
        out.append(
            f"CREATE OR REPLACE FUNCTION {t['name']}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN PERFORM pg_advisory_xact_lock_shared(1129270608); "
            f"IF {t['when']} THEN {t['body']} END IF; RETURN NULL; END $$"
        )
        out.append(
            f"CREATE OR REPLACE TRIGGER {t['name']} AFTER {t['event']} ON {t['table']} "
            f"FOR EACH ROW EXECUTE FUNCTION {t['name']}()"
        )
    return out


def _replace_triggers(statements: Iterable[str]) -> None:
    for statement in statements:
        name = re.match(r"CREATE TRIGGER IF NOT EXISTS (\w+)", statement)
        assert name is not None
        op.execute(sa.text(f"DROP TRIGGER IF EXISTS {name.group(1)}"))
        op.execute(sa.text(statement))


# Every table the indicators read deletes the stored values of the units a change touches
# (and with them 't:' sums above, 't:~' and 't:*'); a change to the units drops everything.
TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER IF NOT EXISTS summary_cooperatives_insert AFTER INSERT ON cooperatives "
    "WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries "
    "WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code "
    "WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND "
    "u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = "
    "u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END "
    "ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION "
    "ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT "
    "p.unit_code FROM roles r JOIN people p ON p.id = r.person_id WHERE r.cooperative_id = "
    "NEW.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_cooperatives_update AFTER UPDATE ON cooperatives "
    "WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries "
    "WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code "
    "WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND "
    "u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = "
    "u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END "
    "ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION "
    "ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT "
    "p.unit_code FROM roles r JOIN people p ON p.id = r.person_id WHERE r.cooperative_id = "
    "NEW.id UNION SELECT OLD.unit_code UNION SELECT p.unit_code FROM roles r JOIN people p ON "
    "p.id = r.person_id WHERE r.cooperative_id = OLD.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_cooperatives_delete AFTER DELETE ON cooperatives "
    "WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries "
    "WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code "
    "WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND "
    "u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = "
    "u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END "
    "ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION "
    "ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code UNION SELECT "
    "p.unit_code FROM roles r JOIN people p ON p.id = r.person_id WHERE r.cooperative_id = "
    "OLD.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_cooperative_years_insert AFTER INSERT ON "
    "cooperative_years WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM "
    "indicator_summaries WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 "
    "THEN 't:' || u.code WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level "
    "= 'province' AND u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE "
    "pu.code = u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN "
    "'t:~' END ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL "
    "SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM "
    "cooperatives WHERE id = NEW.cooperative_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_cooperative_years_update AFTER UPDATE ON "
    "cooperative_years WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM "
    "indicator_summaries WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 "
    "THEN 't:' || u.code WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level "
    "= 'province' AND u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE "
    "pu.code = u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN "
    "'t:~' END ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL "
    "SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM "
    "cooperatives WHERE id = NEW.cooperative_id UNION SELECT unit_code FROM cooperatives "
    "WHERE id = OLD.cooperative_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_cooperative_years_delete AFTER DELETE ON "
    "cooperative_years WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM "
    "indicator_summaries WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 "
    "THEN 't:' || u.code WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level "
    "= 'province' AND u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE "
    "pu.code = u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN "
    "'t:~' END ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL "
    "SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM "
    "cooperatives WHERE id = OLD.cooperative_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_roles_insert AFTER INSERT ON roles WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM cooperatives WHERE id = "
    "NEW.cooperative_id UNION SELECT unit_code FROM people WHERE id = NEW.person_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_roles_update AFTER UPDATE ON roles WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM cooperatives WHERE id = "
    "NEW.cooperative_id UNION SELECT unit_code FROM people WHERE id = NEW.person_id UNION "
    "SELECT unit_code FROM cooperatives WHERE id = OLD.cooperative_id UNION SELECT unit_code "
    "FROM people WHERE id = OLD.person_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_roles_delete AFTER DELETE ON roles WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM cooperatives WHERE id = "
    "OLD.cooperative_id UNION SELECT unit_code FROM people WHERE id = OLD.person_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_people_insert AFTER INSERT ON people WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT c.unit_code FROM "
    "roles r JOIN cooperatives c ON c.id = r.cooperative_id WHERE r.person_id = NEW.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_people_update AFTER UPDATE ON people WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT c.unit_code FROM "
    "roles r JOIN cooperatives c ON c.id = r.cooperative_id WHERE r.person_id = NEW.id UNION "
    "SELECT OLD.unit_code UNION SELECT c.unit_code FROM roles r JOIN cooperatives c ON c.id = "
    "r.cooperative_id WHERE r.person_id = OLD.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_people_delete AFTER DELETE ON people WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code UNION SELECT c.unit_code FROM "
    "roles r JOIN cooperatives c ON c.id = r.cooperative_id WHERE r.person_id = OLD.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_participations_insert AFTER INSERT ON "
    "participations WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM "
    "indicator_summaries WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 "
    "THEN 't:' || u.code WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level "
    "= 'province' AND u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE "
    "pu.code = u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN "
    "'t:~' END ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL "
    "SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM "
    "people WHERE id = NEW.person_id UNION SELECT unit_code FROM officers WHERE person_id = "
    "NEW.person_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_participations_update AFTER UPDATE ON "
    "participations WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM "
    "indicator_summaries WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 "
    "THEN 't:' || u.code WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level "
    "= 'province' AND u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE "
    "pu.code = u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN "
    "'t:~' END ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL "
    "SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM "
    "people WHERE id = NEW.person_id UNION SELECT unit_code FROM officers WHERE person_id = "
    "NEW.person_id UNION SELECT unit_code FROM people WHERE id = OLD.person_id UNION SELECT "
    "unit_code FROM officers WHERE person_id = OLD.person_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_participations_delete AFTER DELETE ON "
    "participations WHEN EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM "
    "indicator_summaries WHERE scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 "
    "THEN 't:' || u.code WHEN 2 THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level "
    "= 'province' AND u.code NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE "
    "pu.code = u.parent_code AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN "
    "'t:~' END ELSE 't:*' END FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL "
    "SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k WHERE u.code IN (SELECT unit_code FROM "
    "people WHERE id = OLD.person_id UNION SELECT unit_code FROM officers WHERE person_id = "
    "OLD.person_id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_trainings_insert AFTER INSERT ON trainings WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT p.unit_code "
    "FROM participations pa JOIN people p ON p.id = pa.person_id WHERE pa.training_id = "
    "NEW.id UNION SELECT o.unit_code FROM participations pa JOIN officers o ON o.person_id = "
    "pa.person_id WHERE pa.training_id = NEW.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_trainings_update AFTER UPDATE ON trainings WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT p.unit_code "
    "FROM participations pa JOIN people p ON p.id = pa.person_id WHERE pa.training_id = "
    "NEW.id UNION SELECT o.unit_code FROM participations pa JOIN officers o ON o.person_id = "
    "pa.person_id WHERE pa.training_id = NEW.id UNION SELECT OLD.unit_code UNION SELECT "
    "p.unit_code FROM participations pa JOIN people p ON p.id = pa.person_id WHERE "
    "pa.training_id = OLD.id UNION SELECT o.unit_code FROM participations pa JOIN officers o "
    "ON o.person_id = pa.person_id WHERE pa.training_id = OLD.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_trainings_delete AFTER DELETE ON trainings WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code UNION SELECT p.unit_code "
    "FROM participations pa JOIN people p ON p.id = pa.person_id WHERE pa.training_id = "
    "OLD.id UNION SELECT o.unit_code FROM participations pa JOIN officers o ON o.person_id = "
    "pa.person_id WHERE pa.training_id = OLD.id)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_officers_insert AFTER INSERT ON officers WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_officers_update AFTER UPDATE ON officers WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT "
    "OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_officers_delete AFTER DELETE ON officers WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_activities_insert AFTER INSERT ON activities WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_activities_update AFTER UPDATE ON activities WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT "
    "OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_activities_delete AFTER DELETE ON activities WHEN "
    "EXISTS (SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE "
    "scope IN ( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 "
    "THEN 't:' || u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code "
    "NOT LIKE 'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code "
    "AND pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END "
    "FROM units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
    "UNION ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_support_insert AFTER INSERT ON support WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_support_update AFTER UPDATE ON support WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_support_delete AFTER DELETE ON support WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_budgets_insert AFTER INSERT ON budgets WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_budgets_update AFTER UPDATE ON budgets WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT NEW.unit_code UNION SELECT OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_budgets_delete AFTER DELETE ON budgets WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries WHERE scope IN "
    "( SELECT CASE k.n WHEN 0 THEN 'u:' || u.code WHEN 1 THEN 't:' || u.code WHEN 2 THEN 't:' "
    "|| u.parent_code WHEN 3 THEN CASE WHEN NOT (u.level = 'province' AND u.code NOT LIKE "
    "'old:%') AND NOT EXISTS ( SELECT 1 FROM units pu WHERE pu.code = u.parent_code AND "
    "pu.level = 'province' AND pu.code NOT LIKE 'old:%') THEN 't:~' END ELSE 't:*' END FROM "
    "units u, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION "
    "ALL SELECT 4) k WHERE u.code IN (SELECT OLD.unit_code)); END",
    "CREATE TRIGGER IF NOT EXISTS summary_units_insert AFTER INSERT ON units WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries; END",
    "CREATE TRIGGER IF NOT EXISTS summary_units_update AFTER UPDATE ON units WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries; END",
    "CREATE TRIGGER IF NOT EXISTS summary_units_delete AFTER DELETE ON units WHEN EXISTS "
    "(SELECT 1 FROM indicator_summaries) BEGIN DELETE FROM indicator_summaries; END",
)
