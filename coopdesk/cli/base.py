"""Foundation commands: init, connect, backup, restore, units.

coopdesk init --data-dir DIR --unit 3408 --role commune --officer "Lò Thị Mai"
coopdesk connect --data-dir DIR --database postgresql://coopdesk@server/coopdesk
coopdesk backup --data-dir DIR --out FILE
coopdesk restore --data-dir DIR FILE
coopdesk units --search "tan phong lai chau" [--json] [--limit N]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json, unit_changes
from coopdesk.domain.labels import INSTALLATION_ROLE
from coopdesk.i18n import _, format_number

if TYPE_CHECKING:  # sqlalchemy.orm costs ~0.5 s at start; --version/--help need none
    from sqlalchemy.orm import Session


def _debug_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "init",
        help="create the database for a unit",
        description="Create the CoopDesk database in a data folder for one unit (a commune "
        "or, for an aggregating installation, a province).",
    )
    add_data_dir(p)
    _debug_flag(p)
    p.add_argument("--unit", required=True, help="unit code, e.g. 3408 (Phường Tân Phong)")
    p.add_argument("--role", choices=["commune", "aggregator"], default="commune")
    p.add_argument("--officer", required=True, help="the officer's full name")
    p.add_argument("--position", default="", help="the officer's position")
    p.add_argument(
        "--password-file",
        help="a file whose first line is the password protecting this installation's keys "
        "and the administrator account (else it is asked for; without a terminal, make the "
        "keys later: coopdesk identity, and the administrator: coopdesk users add)",
    )
    p.add_argument(
        "--admin", default="admin", help="login name of the administrator account (admin)"
    )
    p.add_argument(
        "--database",
        help="a hub's PostgreSQL database, e.g. postgresql://coopdesk@server/coopdesk (no "
        "password: PGPASSWORD, the pgpass file, or asked); every command then uses it",
    )
    p.set_defaults(func=_init)

    p = subparsers.add_parser(
        "connect",
        help="work on a hub's PostgreSQL database set up by `init --database`",
        description="Make this data folder (another officer's computer at a province or "
        "national office) work on the installation already set up on a PostgreSQL server.",
    )
    add_data_dir(p)
    _debug_flag(p)
    p.add_argument(
        "--database", required=True, help="the address given to `init --database` (no password)"
    )
    p.set_defaults(func=_connect)

    p = subparsers.add_parser(
        "backup", help="copy the database to a file", description="Back the database up."
    )
    add_data_dir(p)
    _debug_flag(p)
    p.add_argument("--out", required=True, help="the backup file (or a folder to put it in)")
    p.set_defaults(func=_backup)

    p = subparsers.add_parser(
        "restore",
        help="replace the database with a backup",
        description="Replace the database with a backup file. The current database is kept "
        "in the backups folder first.",
    )
    add_data_dir(p)
    _debug_flag(p)
    p.add_argument("file", help="the backup file to restore")
    p.set_defaults(func=_restore)

    p = subparsers.add_parser(
        "units",
        help="find administrative units and their codes",
        description="Find provinces and communes by name (diacritics optional) or code.",
    )
    add_data_dir(p, json_output=True)
    _debug_flag(p)
    p.add_argument(
        "what", nargs="?", choices=["changes"], help="changes: boundary changes (merges, renames)"
    )
    p.add_argument("--search", help="words of the name, e.g. tan phong lai chau")
    p.add_argument("--limit", type=int, default=20, help="at most this many units (default 20)")
    p.add_argument(
        "--legacy", action="store_true", help="also show pre-2025 units (codes start with old:)"
    )
    unit_changes.add_arguments(p)
    p.set_defaults(func=_units)


def _data_dir(args: argparse.Namespace) -> Path:
    return paths.resolve_data_dir(getattr(args, "data_dir", None))


def _init_password(args: argparse.Namespace) -> str | None:
    """The password for the keys: from --password-file, else asked at a terminal (None when
    there is none: a script sets up the keys later with `coopdesk identity`)."""
    import sys

    from coopdesk.cli.trust import read_password
    from coopdesk.security import passwords

    if not args.password_file and not sys.stdin.isatty():
        return None
    password = read_password(args, confirm=True)
    if passwords.password_too_short(password):
        raise CliError(
            _("The password must have at least {n} characters.").format(
                n=passwords.MIN_PASSWORD_LENGTH
            )
        )
    return password


def _init(args: argparse.Namespace) -> int:
    from coopdesk.services import database, units

    data_dir = _data_dir(args)
    password = _init_password(args)
    try:
        inst = database.init_installation(
            data_dir, args.unit, args.role, args.officer, args.position, args.database
        )
    except (database.MaintenanceError, units.UnknownUnit) as exc:
        raise CliError(str(exc)) from exc
    with _session(data_dir) as session:
        info = units.get(session, inst.unit_code)
        name = units.display_name(info) if info else inst.unit_code
    print(
        _(
            "CoopDesk is set up in {dir} for {name} ({code}), role {role}, officer {officer}."
        ).format(
            dir=data_dir,
            name=name,
            code=inst.unit_code,
            role=_(INSTALLATION_ROLE.get(inst.role, inst.role)),
            officer=inst.officer,
        )
    )
    if args.database:
        from coopdesk.db.postgres import shown_url

        print(_("Its database is on the server: {url}").format(url=shown_url(args.database)))
    _init_admin_and_keys(data_dir, args.admin, inst.officer, password)
    return 0


def _connect(args: argparse.Namespace) -> int:
    from coopdesk.db.postgres import shown_url
    from coopdesk.services import database, units

    data_dir = _data_dir(args)
    try:
        inst = database.connect_installation(data_dir, args.database)
    except database.MaintenanceError as exc:
        raise CliError(str(exc)) from exc
    with _session(data_dir) as session:
        info = units.get(session, inst.unit_code)
        name = units.display_name(info) if info else inst.unit_code
    print(
        _("{dir} now works on the database of {name} ({code}) on the server {url}.").format(
            dir=data_dir, name=name, code=inst.unit_code, url=shown_url(args.database)
        )
    )
    return 0


def _init_admin_and_keys(data_dir: Path, login: str, name: str, password: str | None) -> None:
    """The administrator account and the installation's keys, under one password and one
    recovery code (it opens both); the fingerprint and the code printed."""
    from coopdesk.services import accounts, setup, trust

    if password is None:
        print(_("No keys were made (no password given): run `coopdesk identity` to make them."))
        return
    try:
        with _session(data_dir) as session:
            first = setup.first_admin(session, login, password, name)
            info = trust.identity(session)
            assert info is not None  # a new installation: its keys were just made
    except (accounts.AccountError, trust.TrustRefused) as exc:
        raise CliError(str(exc)) from exc
    finally:
        accounts.logout()
    print(_("Fingerprint of this installation: {fp}").format(fp=info.fingerprint))
    print(_("The administrator “{login}” was made.").format(login=first.account.login))
    print(
        _(
            "Recovery code (write it down and keep it safe; when a password is forgotten it "
            "opens the accounts and the keys): {code}"
        ).format(code=first.recovery_code)
    )


def _backup(args: argparse.Namespace) -> int:
    from coopdesk.services import database

    try:
        result = database.backup(_data_dir(args), Path(args.out))
    except database.MaintenanceError as exc:
        raise CliError(str(exc)) from exc
    print(
        _("Backup written to {file} ({size} bytes).").format(
            file=result.path, size=format_number(result.size)
        )
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from coopdesk.services import backups, database

    data_dir = _data_dir(args)
    try:
        result = backups.restore(data_dir, Path(args.file))
    except database.MaintenanceError as exc:
        raise CliError(str(exc)) from exc
    print(_("The database in {dir} was restored from {file}.").format(dir=data_dir, file=args.file))
    if result.safety_copy is not None:
        print(_("The previous database was kept as {file}.").format(file=result.safety_copy))
    return 0


@contextmanager
def _session(data_dir: Path) -> Iterator[Session]:
    """A session on the data folder's database, or on the catalogue alone if there is none."""
    from sqlalchemy import create_engine

    from coopdesk.db.engine import has_database, open_database, session_scope
    from coopdesk.db.models import Base
    from coopdesk.services import units

    if has_database(data_dir):
        engine = open_database(data_dir, create=False)
    else:
        engine = create_engine("sqlite://")
        Base.metadata.create_all(engine)
    try:
        units.ensure_catalogues(engine)
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


def _units(args: argparse.Namespace) -> int:
    from coopdesk.services import units

    if args.what == "changes":
        return unit_changes.run(args)
    if not args.search:
        raise CliError(_("Give --search with words of the name or a code."))
    if args.limit < 1:
        raise CliError(_("--limit must be 1 or more."))
    with _session(_data_dir(args)) as session:
        found = units.search(session, args.search, args.limit, include_legacy=args.legacy)
    if args.json:
        print_json([u.as_dict() for u in found])
        return 0
    if not found:
        raise CliError(_("No unit matches “{text}”.").format(text=args.search))
    for u in found:
        province = units.short_province_name(u.province_name) if u.level != "province" else ""
        print(f"{u.code}\t{u.name}\t{province}")
    return 0
