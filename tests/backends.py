"""The two stores a test can run on: the SQLite file, or a database on a test PostgreSQL server.

A template installation (schema at head, catalogue loaded) is made once per run and backend;
`copy_installation(template, target)` gives a test its own copy in the data folder `target`:
the file copied, or a new server database made from the template one (CREATE DATABASE …
TEMPLATE, ~0.1 s) and named in `target/database.url`; `drop_installation(target)` drops that
database when the fixture that made it ends.
"""

from __future__ import annotations

import atexit
import itertools
import shutil
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from coopdesk import paths
from coopdesk.db import postgres
from tests import pg_server

BACKENDS = ("sqlite", "postgresql")
TEMPLATE_DB = "coopdesk_template"

_server: pg_server.PgServer | None = None
_numbers = itertools.count(1)


def server() -> pg_server.PgServer:
    """The run's PostgreSQL server, started on first use (stopped by `stop_server`)."""
    global _server
    if _server is None:
        _server = pg_server.start()
        atexit.register(stop_server)  # a run cut short leaves no server behind either
    return _server


def stop_server() -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None


def admin(sql: str) -> None:
    """One statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    with psycopg.connect(server().url("postgres"), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def new_database(template: str | None = None, name: str = "") -> str:
    """The URL of a new, empty (or `template`'s copy) server database."""
    name = name or f"coopdesk_test_{next(_numbers)}"
    admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return server().url(name)


def new_server_database(data_dir: Path, template: str | None = None, name: str = "") -> str:
    """`new_database`, named in `data_dir`'s database.url."""
    url = new_database(template, name)
    postgres.write_url(data_dir, url)
    return url


def copy_installation(template: Path, target: Path) -> Path:
    """`target` (made if needed) holds a copy of the installation of `template`."""
    target.mkdir(parents=True, exist_ok=True)
    url = postgres.read_url(template)
    if url is None:
        shutil.copy2(paths.db_path(template), paths.db_path(target))
    else:
        new_server_database(target, template=make_url(postgres.driver_url(url)).database)
    return target


def drop_database(url: str) -> None:
    admin(f"DROP DATABASE IF EXISTS {make_url(postgres.driver_url(url)).database} WITH (FORCE)")


def drop_installation(data_dir: Path) -> None:
    """Drop the server database of `data_dir`, if it has one (a copy's file goes with its
    temp folder)."""
    url = postgres.read_url(data_dir)
    if url is not None:
        drop_database(url)
