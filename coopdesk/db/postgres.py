"""An installation whose database lives on a PostgreSQL server (a province or national hub).

The server's URL is kept in the data folder, in `database.url` (`read_url`/`write_url`),
without a password: libpq itself reads it from the environment (PGPASSWORD) or ~/.pgpass
(%APPDATA%\\postgresql\\pgpass.conf on Windows), and the CLI asks for it at a terminal; it is
never written in clear by CoopDesk. psycopg 3 is the driver.

The summary triggers (`coopdesk.db.summary_triggers`, and the text the migrations froze) are
written for SQLite; `triggers_from_sqlite` turns each into a PL/pgSQL function running the same
body and the row trigger calling it, so one text says which stored sums a change drops, on
both engines. Migration 0007 holds a copy of this translation as it was then (a migration
never changes); tests/db/test_postgres.py fails when the two disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

URL_FILE = "database.url"
SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


class PasswordInUrl(ValueError):
    """A URL with a password, which CoopDesk does not store."""


def is_url(database: str | Path) -> bool:
    return isinstance(database, str) and database.startswith(SCHEMES)


def driver_url(url: str) -> str:
    """The URL SQLAlchemy takes: postgresql:// with psycopg 3."""
    for scheme in SCHEMES:
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    raise ValueError(url)


def shown_url(url: str) -> str:
    """The URL as shown to a person: any password hidden."""
    parsed = make_url(driver_url(url))
    if parsed.password is None:
        return url
    shown = parsed.render_as_string(hide_password=True)
    return "postgresql://" + shown.removeprefix("postgresql+psycopg://")


def url_file(data_dir: Path) -> Path:
    return data_dir / URL_FILE


def read_url(data_dir: Path) -> str | None:
    """The server URL of the installation in `data_dir` (None: it lives in an SQLite file)."""
    path = url_file(data_dir)
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8").strip() or None


def write_url(data_dir: Path, url: str) -> Path:
    """Keep `url` as the installation's database; one carrying a password is refused."""
    if make_url(driver_url(url)).password is not None:
        raise PasswordInUrl(url)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = url_file(data_dir)
    path.write_text(url + "\n", encoding="utf-8")
    return path


# asks a person for the server's password (given the URL as shown); None: nobody to ask
_prompt: Callable[[str], str] | None = None
# the passwords typed, by URL: kept in this process's memory only
_typed: dict[str, str] = {}


def set_password_prompt(prompt: Callable[[str], str] | None) -> None:
    """Who is asked for the password when the server wants one that libpq did not find."""
    global _prompt
    _prompt = prompt


def _wants_password(exc: Exception) -> bool:
    text = str(exc)
    return "no password supplied" in text or "password authentication failed" in text


def make_engine(url: str) -> Engine:
    # hide_parameters: an error's text (shown, logged) never carries the values of a record
    engine = create_engine(driver_url(url), hide_parameters=True, pool_pre_ping=True)

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        if url in _typed:
            cparams["password"] = _typed[url]
            return None
        if _prompt is None:
            return None
        try:
            return dialect.connect(*cargs, **cparams)
        except dialect.loaded_dbapi.OperationalError as exc:
            if not _wants_password(exc):
                raise
        _typed[url] = cparams["password"] = _prompt(shown_url(url))
        return None

    return engine


# --- SQLite triggers run by PostgreSQL ------------------------------------------------------

_SQLITE_TRIGGER = re.compile(
    r"CREATE TRIGGER IF NOT EXISTS (?P<name>\w+) AFTER (?P<event>INSERT|UPDATE|DELETE) "
    r"ON (?P<table>\w+) WHEN (?P<when>.*?) BEGIN (?P<body>.*) END",
    re.DOTALL,
)


def _parse(statement: str) -> re.Match[str]:
    found = _SQLITE_TRIGGER.fullmatch(statement.strip())
    if found is None:
        raise ValueError(f"not a trigger CoopDesk can translate: {statement[:80]}")
    return found


# Every write a summary trigger sees holds this advisory lock, shared, until its transaction
# ends; `services.indicators.summary` stores values only while it holds it alone (so no
# transaction it cannot see has written what they count).
SUMMARY_LOCK = 1129270608


def triggers_from_sqlite(statements: list[str] | tuple[str, ...]) -> list[str]:
    """The PL/pgSQL twins of SQLite `CREATE TRIGGER IF NOT EXISTS name AFTER EVENT ON table
    WHEN condition BEGIN body END` statements (the summary triggers): one function per
    trigger, which takes SUMMARY_LOCK shared and runs the same body while the same condition
    holds, and its row trigger."""
    out = []
    for statement in statements:
        t = _parse(statement)
        name = t["name"]
        out.append(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN PERFORM pg_advisory_xact_lock_shared({SUMMARY_LOCK}); "
            f"IF {t['when']} THEN {t['body']} END IF; RETURN NULL; END $$"
        )
        out.append(
            f"CREATE OR REPLACE TRIGGER {name} AFTER {t['event']} ON {t['table']} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}()"
        )
    return out
