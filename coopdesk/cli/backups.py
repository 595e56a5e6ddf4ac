"""The backups in the data folder, as the Backups page shows them.

coopdesk backups list [--json]
coopdesk backups create [--json]
coopdesk backups copy [NAME] --to FOLDER
coopdesk backups restore NAME_OR_FILE [--preview] [--json]

NAME is a backup's file name from `list` (copy: the newest good one when left out); restore
also takes any backup file (a copy on a USB stick). These commands make no daily backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.i18n import _, format_date

if TYPE_CHECKING:
    from coopdesk.services.backups import BackupInfo


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "backups",
        help="list, make, copy and restore the automatic backups",
        description="The backups in the data folder's backups folder: one a day on start and "
        "one before each import, undo, restore and update, thinned to daily for a week, "
        "weekly for a month and monthly for a year.",
    )
    sub = p.add_subparsers(dest="action", metavar="<action>", required=True)
    q = sub.add_parser("list", help="the backups, newest first")
    add_data_dir(q, json_output=True)
    q.set_defaults(func=_list)
    q = sub.add_parser("create", help="back up now (kept until you delete it)")
    add_data_dir(q, json_output=True)
    q.set_defaults(func=_create)
    q = sub.add_parser("copy", help="copy a backup to a USB stick or folder")
    add_data_dir(q)
    q.add_argument("name", nargs="?", help="the backup (default: the newest good one)")
    q.add_argument("--to", required=True, help="the folder to copy it to")
    q.set_defaults(func=_copy)
    q = sub.add_parser("restore", help="replace the database with a backup")
    add_data_dir(q, json_output=True)
    q.add_argument("backup", help="a backup's name from `coopdesk backups list`, or a file")
    q.add_argument("--preview", action="store_true", help="only show what the backup holds")
    q.set_defaults(func=_restore)


def _data_dir(args: argparse.Namespace) -> Path:
    from coopdesk.services import database

    data_dir = paths.resolve_data_dir(args.data_dir)
    server = database.on_server(data_dir)
    if server is not None:
        raise CliError(server)
    if not paths.db_path(data_dir).exists():
        raise CliError(
            _("There is no CoopDesk database in {folder}. Run `coopdesk init` first.").format(
                folder=data_dir
            )
        )
    return data_dir


def _require(data_dir: Path, *, restoring: bool) -> None:
    """With accounts: logged in (from --user / the password file) as an account that may."""
    from coopdesk.services import accounts, backups, database

    engine = database.open_database(data_dir, create=False)
    try:
        with database.session_scope(engine) as session:
            backups.require(session, restoring=restoring)
    except accounts.AccountError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()


def _find(data_dir: Path, name: str) -> Path:
    """A backup's name in the backups folder, else a file's path."""
    in_folder = paths.backups_dir(data_dir) / name
    if "/" not in name and "\\" not in name and in_folder.is_file():
        return in_folder
    return Path(name)


def _line(info: BackupInfo) -> str:
    from coopdesk.services import backups

    damaged = _("damaged")
    state = "" if info.good else f" [{damaged}]"
    return (
        f"{format_date(info.made_at.date())} {info.made_at:%H:%M}\t"
        f"{backups.reason_label(info.reason)}\t{backups.size_text(info.size)}\t"
        f"{backups.counts_text(info.counts)}\t{info.name}{state}"
    )


def _list(args: argparse.Namespace) -> int:
    from coopdesk.services import backups

    found = backups.list_backups(_data_dir(args))
    if args.json:
        print_json([b.as_dict() for b in found])
        return 0
    if not found:
        print(_("There is no backup yet."))
    for info in found:
        print(_line(info))
    return 0


def _create(args: argparse.Namespace) -> int:
    from coopdesk.services import backups

    data_dir = _data_dir(args)
    _require(data_dir, restoring=False)
    try:
        info = backups.create(data_dir)
    except backups.BackupError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(info.as_dict())
        return 0
    print(_("Backup made: {file}").format(file=info.path))
    print(_line(info))
    return 0


def _copy(args: argparse.Namespace) -> int:
    from coopdesk.services import backups

    data_dir = _data_dir(args)
    _require(data_dir, restoring=False)
    if args.name:
        source = _find(data_dir, args.name)
    else:
        latest = backups.latest_good(data_dir)
        if latest is None:
            raise CliError(
                _("There is no good backup to copy: make one with `coopdesk backups create`.")
            )
        source = latest.path
    try:
        copied = backups.copy_to(source, Path(args.to))
    except backups.BackupError as exc:
        raise CliError(str(exc)) from exc
    print(_("Backup copied to {file}.").format(file=copied))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from coopdesk.services import backups

    data_dir = _data_dir(args)
    source = _find(data_dir, args.backup)
    try:
        info = backups.describe(source)
        if args.json and args.preview:
            print_json(info.as_dict())
            return 0
        print(backups.summary(info))
        if args.preview:
            return 0
        _require(data_dir, restoring=True)
        result = backups.restore(data_dir, source)
    except backups.BackupError as exc:
        raise CliError(str(exc)) from exc
    print(_("The database in {dir} was restored from {file}.").format(dir=data_dir, file=source))
    if result.safety_copy is not None:
        print(_("The previous database was kept as {file}.").format(file=result.safety_copy))
    return 0
