"""The command line: `coopdesk <command> …` runs headless over the same services as the GUI.

Each area registers its commands in its own module (listed in `COMMAND_MODULES`), with a
`register(subparsers)` function that adds parsers whose `func(args) -> int` does the work.
No command starts the GUI. Nothing here imports Qt; `coopdesk.app` is imported only for the GUI.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from coopdesk import __version__

COMMAND_MODULES = [
    "coopdesk.cli.base",
    "coopdesk.cli.backups",
    "coopdesk.cli.demo",
    "coopdesk.cli.indicators",
    "coopdesk.cli.sync",
    "coopdesk.cli.trust",
    "coopdesk.cli.report",
    "coopdesk.cli.lists",
    "coopdesk.cli.reporting",
    "coopdesk.cli.records",
    "coopdesk.cli.merges",
    "coopdesk.cli.guide",
    "coopdesk.cli.excel",
    "coopdesk.cli.users",
]


class CliError(Exception):
    """A failure to report to a person: the message goes to stderr, exit status 2."""


def add_data_dir(parser: argparse.ArgumentParser, *, json_output: bool = False) -> None:
    parser.add_argument("--data-dir", help="folder holding the CoopDesk database")
    parser.add_argument(
        "--user", help="the account to log in with when accounts exist (or COOPDESK_USER)"
    )
    if json_output:
        parser.add_argument("--json", action="store_true", help="print data as JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True, default=str)
    sys.stdout.write("\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coopdesk",
        description="CoopDesk: Đề án 01 registry, indicators, reports and bundles. "
        "Without a command, the desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"CoopDesk {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--demo", action="store_true", help="start the GUI on the demo database")
    parser.add_argument("--data-dir", help="folder holding the CoopDesk database (GUI)")
    parser.add_argument("--lang", choices=["vi", "en"], help="language of the interface")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _install_server_password_prompt() -> None:
    """At a terminal, a hub's server password that libpq finds nowhere is asked (not echoed),
    once per command; it is never stored."""
    if not sys.stdin.isatty():
        return
    import getpass

    from coopdesk.db import postgres
    from coopdesk.i18n import _

    postgres.set_password_prompt(
        lambda url: getpass.getpass(_("Password for the database {url}: ").format(url=url))
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    try:
        if args.command is None:
            from coopdesk.app import run_gui  # the only path into Qt

            return run_gui(args)
        from coopdesk import i18n, logs, paths

        i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)  # messages in Vietnamese
        logs.setup(paths.resolve_data_dir(getattr(args, "data_dir", None)))
        from coopdesk.cli import users

        users.install_login(args)  # a write asks for the account only when it needs one
        _install_server_password_prompt()
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"coopdesk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`coopdesk units --json | head`): not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("coopdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from coopdesk import logs
        from coopdesk.db.engine import DatabaseError
        from coopdesk.services.accounts import AccountError
        from coopdesk.services.health import disk_full_message

        if debug:
            traceback.print_exc()
        disk_full = disk_full_message(exc)
        if disk_full is not None or isinstance(exc, DatabaseError | AccountError):
            print(f"coopdesk: {disk_full or exc}", file=sys.stderr)
            return 2
        logging.getLogger(__name__).exception("coopdesk %s failed", args.command)
        where = f"details in {logs.current_file()}" if logs.current_file() else "run with --debug"
        print(f"coopdesk: unexpected error: {exc} ({where})", file=sys.stderr)
        return 1
