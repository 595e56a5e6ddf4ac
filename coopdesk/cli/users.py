"""Accounts on the command line, and the login a write needs (issue 13 item 1).

coopdesk users list --data-dir DIR [--json]
coopdesk users add LOGIN --role admin|officer|viewer [--name "Lò Thị Mai"] [--password-file F]
coopdesk users set-role LOGIN ROLE
coopdesk users disable LOGIN [--enable]
coopdesk users reset-password LOGIN [--password-file F]
coopdesk users recover LOGIN [--code-file F] [--password-file F]

`--password-file` is the new account's password (else asked twice). The administrator doing
it, and anyone whose command changes records on an installation with accounts, logs in with
`--user NAME` (or COOPDESK_USER; the only account when there is one; on a demo, its
administrator with the demo password) and the password from the command's `--password-file`
when it has one for its keys, else COOPDESK_PASSWORD_FILE, else asked at the terminal. Reading
needs no login.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.cli.session import run as _run
from coopdesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROLES = ("admin", "officer", "viewer")
USER_ENV = "COOPDESK_USER"
PASSWORD_FILE_ENV = "COOPDESK_PASSWORD_FILE"


def register(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser(
        "users",
        help="the accounts that log in here (administrator, officer, viewer)",
        description="Manage the local accounts. Changes need an administrator: --user NAME "
        "(or COOPDESK_USER) with the password asked for or in COOPDESK_PASSWORD_FILE.",
    )
    sub = users.add_subparsers(dest="action", required=True)
    p = sub.add_parser("list", help="login, name, role, disabled, last login")
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_list)
    p = sub.add_parser("add", help="a new account (the first one is the administrator)")
    add_data_dir(p)
    p.add_argument("login", help="the login name, e.g. mai")
    p.add_argument("--role", choices=ROLES, default="officer")
    p.add_argument("--name", default="", help="the person's full name")
    _new_password_file(p)
    p.set_defaults(func=_add)
    p = sub.add_parser("set-role", help="change an account's role")
    add_data_dir(p)
    p.add_argument("login")
    p.add_argument("role", choices=ROLES)
    p.set_defaults(func=_set_role)
    p = sub.add_parser("disable", help="stop an account logging in (never the last admin)")
    add_data_dir(p)
    p.add_argument("login")
    p.add_argument("--enable", action="store_true", help="let it log in again")
    p.set_defaults(func=_disable)
    p = sub.add_parser("reset-password", help="a new password for an account (by an admin)")
    add_data_dir(p)
    p.add_argument("login")
    _new_password_file(p)
    p.set_defaults(func=_reset_password)
    p = sub.add_parser("recover", help="a forgotten password replaced with the recovery code")
    add_data_dir(p)
    p.add_argument("login")
    p.add_argument("--code-file", help="a file whose first line is the recovery code")
    _new_password_file(p)
    p.set_defaults(func=_recover)


def _new_password_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-file", help="a file whose first line is the new password (else asked twice)"
    )
    parser.set_defaults(password_is_new=True)


# --- logging in for a command ---------------------------------------------------------------


def install_login(args: argparse.Namespace) -> None:
    """A write on an installation with accounts logs in from the command's arguments (each
    command starts with nobody logged in, as its own process would)."""
    from coopdesk.services import accounts

    accounts.logout()
    accounts.set_login_prompt(lambda session: login_from_args(args, session))


def _first_line(name: str) -> str:
    try:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CliError(_("Cannot read {file}: {error}").format(file=name, error=exc)) from exc
    return lines[0] if lines else ""


def _login_password(args: argparse.Namespace, login: str) -> str:
    if getattr(args, "password_file", None) and not getattr(args, "password_is_new", False):
        return _first_line(args.password_file)
    if os.environ.get(PASSWORD_FILE_ENV):
        return _first_line(os.environ[PASSWORD_FILE_ENV])
    if not sys.stdin.isatty():
        raise CliError(
            _("No password for the account “{login}”: set {env} to a file holding it.").format(
                login=login, env=PASSWORD_FILE_ENV
            )
        )
    return getpass.getpass(_("Password of “{login}”: ").format(login=login))


def login_from_args(args: argparse.Namespace, session: Session) -> None:
    """Log in the account named by --user / COOPDESK_USER (or the only one there is)."""
    from coopdesk.services import accounts
    from coopdesk.services.demo_login import log_in_demo

    login = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not login and log_in_demo(session):
        return
    if not login:
        found = accounts.list_accounts(session)
        if len(found) != 1:
            raise CliError(
                _(
                    "This installation has accounts: give --user NAME (or set {env}) "
                    "to change records."
                ).format(env=USER_ENV)
            )
        login = found[0].login
    try:
        accounts.login(session, login, _login_password(args, login))
    except accounts.AccountError as exc:
        raise CliError(str(exc)) from exc


# --- the commands ----------------------------------------------------------------------------


def _new_password(args: argparse.Namespace) -> str:
    from coopdesk.cli.trust import read_password

    return read_password(args, confirm=True)


def _account(args: argparse.Namespace, fn: Any, *rest: Any) -> Any:
    from coopdesk.services import accounts

    install_login(args)
    try:
        return _run(args, fn, *rest)
    except accounts.AccountError as exc:
        raise CliError(str(exc)) from exc


def _list(args: argparse.Namespace) -> int:
    from coopdesk.services import accounts

    found = _run(args, accounts.list_accounts)
    if args.json:
        print_json([{**a.__dict__, "actor": a.actor} for a in found])
        return 0
    if not found:
        print(_("No accounts: anyone who opens CoopDesk here can change records."))
    for a in found:
        state = _("disabled") if a.disabled else ""
        print("\t".join([a.login, a.display_name, _role_label(a.role), state]).rstrip())
    return 0


def _role_label(role: str) -> str:
    from coopdesk.domain.accounts import ROLE_LABELS

    return _(ROLE_LABELS.get(role, role))


def _add(args: argparse.Namespace) -> int:
    from coopdesk.services import accounts, setup

    if not _run(args, accounts.has_accounts):
        first = _account(args, setup.first_admin, args.login, _new_password(args), args.name)
        print(_("The administrator “{login}” was made.").format(login=first.account.login))
        print_recovery_code(first.recovery_code)
        return 0
    password = _new_password(args)
    made = _account(args, accounts.add_account, args.login, password, args.role, args.name)
    print(
        _("The account “{login}” ({role}) was made.").format(
            login=made.login, role=_role_label(made.role)
        )
    )
    return 0


def print_recovery_code(code: str) -> None:
    print(
        _(
            "Recovery code of the accounts (write it down and keep it safe; it replaces a "
            "forgotten password): {code}"
        ).format(code=code)
    )


def _set_role(args: argparse.Namespace) -> int:
    from coopdesk.services import accounts

    made = _account(args, accounts.set_role, args.login, args.role)
    print(
        _("The account “{login}” is now {role}.").format(
            login=made.login, role=_role_label(made.role)
        )
    )
    return 0


def _disable(args: argparse.Namespace) -> int:
    from coopdesk.services import accounts

    made = _account(args, accounts.set_disabled, args.login, not args.enable)
    if made.disabled:
        print(_("The account “{login}” can no longer log in.").format(login=made.login))
    else:
        print(_("The account “{login}” can log in again.").format(login=made.login))
    return 0


def _reset_password(args: argparse.Namespace) -> int:
    from coopdesk.services import accounts

    install_login(args)
    password = _new_password(args)
    made = _account(args, accounts.reset_password, args.login, password)
    print(_("The password of “{login}” was changed.").format(login=made.login))
    return 0


def _recover(args: argparse.Namespace) -> int:
    from coopdesk.services import accounts

    code = _first_line(args.code_file) if args.code_file else getpass.getpass(_("Recovery code: "))
    password = _new_password(args)
    made = _account(args, accounts.recover, code, args.login, password)
    print(_("The password of “{login}” was changed.").format(login=made.login))
    return 0
