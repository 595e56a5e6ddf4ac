"""Local accounts (issue 13 item 1): who is logged in, and what each role may do.

The roles and their permissions are `coopdesk.domain.accounts`. The installation's data key
(`coopdesk.security.vault`) is made with the first administrator and stored only wrapped: sealed
to the key pair of each account whose role may read sensitive details
(`coopdesk.security.account_keys`; the pair's private key is wrapped under the account's
password, and that wrap is the password's hash: unwrapping it checks the password) and under
the recovery code printed at setup. Logging in opens the vault for those roles; a viewer's
login leaves it locked. `logout()` locks it.

One account is logged in per process (`current()`), like the vault. `require(session, perm)` is
called by the one write path (`services.records`), the bundle import and the sensitive details:
with no account in the database anything goes (an installation from before accounts); with
accounts, nobody logged in or a role without the permission is refused with a plain message.
The command line sets `set_login_prompt` so a write asks for the account only when it needs one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Account, RecoveryWrap, utcnow
from coopdesk.domain.accounts import AccountRole, Permission, login_problem, may, normalize_login
from coopdesk.i18n import _
from coopdesk.security import account_keys, passwords, vault

RECOVERY_AAD = b"coopdesk-recovery-data-key"
_WRITER_KEY = "coopdesk.accounts.writer"
KDF_PARAMS = passwords.DEFAULT_PARAMS  # how a new password is stretched (Argon2id)
_LOGIN_PROBLEMS = {
    "empty": lambda: _("Give a login name."),
    "long": lambda: _("The login name is too long (at most 64 characters)."),
    "space": lambda: _("A login name has no spaces."),
}


class AccountError(Exception):
    """A request about accounts that cannot be carried out, in words for a person."""


class NotAllowed(AccountError):
    """The logged-in account (or nobody) may not do this."""


@dataclass(frozen=True)
class AccountInfo:
    login: str
    display_name: str
    role: str
    disabled: bool
    created_at: dt.datetime | None
    last_login_at: dt.datetime | None

    @property
    def actor(self) -> str:
        """How the audit log names the account: 'Lò Thị Mai (mai)', or the login alone."""
        return f"{self.display_name} ({self.login})" if self.display_name else self.login


@dataclass(frozen=True)
class FirstAdmin:
    account: AccountInfo
    recovery_code: str


_current: AccountInfo | None = None
_login_prompt: Callable[[Session], None] | None = None


def _info(row: Account) -> AccountInfo:
    return AccountInfo(
        row.login, row.display_name, row.role, row.disabled, row.created_at, row.last_login_at
    )


def _aad(login: str) -> bytes:
    return b"coopdesk-account:" + login.encode("utf-8")


# --- who is logged in ------------------------------------------------------------------------


def has_accounts(session: Session) -> bool:
    """Whether this installation has any account (then a login is needed to write)."""
    return session.scalar(select(Account.id).limit(1)) is not None


def current() -> AccountInfo | None:
    """The account logged in in this process, or None."""
    return _current


def _log_in(row: Account, key: bytes | None) -> AccountInfo:
    """`key`: the data key, or None for a role that may not read sensitive details."""
    global _current
    row.last_login_at = utcnow()
    if key is None:
        vault.lock()
    else:
        vault.unlock(key)
    _current = _info(row)
    return _current


def logout() -> None:
    """Nobody logged in any more, and the data key forgotten."""
    global _current
    _current = None
    vault.lock()


def set_login_prompt(prompt: Callable[[Session], None] | None) -> None:
    """A function that logs someone in when a write needs an account and nobody is (the
    command line asks for --user and the password only then)."""
    global _login_prompt
    _login_prompt = prompt


def login(session: Session, login_name: str, password: str) -> AccountInfo:
    """Log in: the password opens the data key; refused for a disabled account or a wrong
    login name or password (one message for both, so names cannot be guessed)."""
    row = _row(session, login_name)
    wrong = AccountError(_("Wrong login name or password."))
    if row is None:
        raise wrong
    try:
        secret = passwords.unwrap(password, json.loads(row.key_wrap), aad=_aad(row.login))
    except passwords.WrongSecret:
        raise wrong from None
    if row.disabled:
        raise AccountError(
            _("The account “{login}” is disabled; ask an administrator.").format(login=row.login)
        )
    if row.public_key is None:  # made before migration 0023: the wrap held the data key
        _set_credentials(row, password, secret, None)
        return _log_in(row, secret if _reads_sensitive(row) else None)
    return _log_in(row, _data_key(row, secret))


def _reads_sensitive(row: Account) -> bool:
    return may(row.role, Permission.SEE_SENSITIVE)


def _data_key(row: Account, private_key: bytes) -> bytes | None:
    """The data key sealed to this account, or None when its role has none."""
    if row.data_wrap is None:
        return None
    try:
        return account_keys.open_sealed(private_key, row.data_wrap, _aad(row.login))
    except account_keys.BadSeal:
        raise AccountError(
            _("The keys of the account “{login}” are damaged; an administrator can set a new "
              "password for it.").format(login=row.login)
        ) from None  # fmt: skip


def _row(session: Session, login_name: str) -> Account | None:
    return session.scalar(select(Account).where(Account.login == normalize_login(login_name)))


def _current_row(session: Session) -> Account | None:
    if _current is None:
        return None
    row = _row(session, _current.login)
    return row if row is not None and not row.disabled else None


def require(session: Session, permission: Permission) -> AccountInfo | None:
    """The logged-in account if it may do `permission` (None when the installation has no
    accounts); NotAllowed otherwise."""
    if not has_accounts(session):
        return None
    row = _current_row(session)
    if row is None and _login_prompt is not None:
        _login_prompt(session)
        row = _current_row(session)
    if row is None:
        raise NotAllowed(_("This installation has accounts: log in first."))
    if not may(row.role, permission):
        raise NotAllowed(_refusal(row, permission))
    return _info(row)


def _refusal(row: Account, permission: Permission) -> str:
    match permission:
        case Permission.EDIT_RECORDS:
            text = _("The account “{login}” can read but not change records.")
        case Permission.SEE_SENSITIVE:
            text = _("The account “{login}” may not see sensitive details.")
        case _:
            text = _("Only an administrator can do this (logged in: “{login}”).")
    return text.format(login=row.login)


def allowed(session: Session, permission: Permission) -> bool:
    """Whether the logged-in account (or, without accounts, anyone) may do `permission`."""
    if not has_accounts(session):
        return True
    row = _current_row(session)
    return row is not None and may(row.role, permission)


def writer(session: Session, actor: str) -> str:
    """Who a change is recorded as: the logged-in account, once it may change records (else
    NotAllowed); `actor` as given when the installation has no accounts. Checked once per
    transaction and account (the answer is kept on the session)."""
    cached = session.info.get(_WRITER_KEY)
    if cached is None or cached[0] is not _current:
        account = require(session, Permission.EDIT_RECORDS)
        cached = (_current, account.actor if account is not None else None)
        session.info[_WRITER_KEY] = cached
    return cached[1] if cached[1] is not None else actor


def audit_actor(actor: str) -> str:
    """The name the audit log records: the logged-in account's, else `actor`."""
    return _current.actor if _current is not None else actor


# --- setting up and managing ------------------------------------------------------------------


def _check_new(session: Session, login_name: str, password: str, role: str) -> str:
    login_name = normalize_login(login_name)
    problem = login_problem(login_name)
    if problem:
        raise AccountError(_LOGIN_PROBLEMS[problem]())
    if _row(session, login_name) is not None:
        raise AccountError(_("There is already an account “{login}”.").format(login=login_name))
    if role not in set(AccountRole):
        raise AccountError(_("Unknown role “{role}”.").format(role=role))
    _check_password(password)
    return login_name


def _check_password(password: str) -> None:
    if passwords.password_too_short(password):
        raise AccountError(
            _("The password must have at least {n} characters.").format(
                n=passwords.MIN_PASSWORD_LENGTH
            )
        )


def _set_credentials(
    row: Account, password: str, data_key: bytes, params: passwords.KdfParams | None
) -> None:
    """A new key pair for the account, its private key wrapped under `password`, and the data
    key sealed to it when the account's role may read sensitive details."""
    private, row.public_key = account_keys.new_pair()
    wrapped = passwords.wrap(password, private, aad=_aad(row.login), params=params or KDF_PARAMS)
    row.key_wrap = json.dumps(wrapped)
    _share_data_key(row, data_key)


def _share_data_key(row: Account, data_key: bytes | None) -> None:
    """Seal the data key to the account if its role reads sensitive details, else drop it."""
    if not _reads_sensitive(row):
        row.data_wrap = None
    elif data_key is not None and row.public_key is not None:
        row.data_wrap = account_keys.seal_for(row.public_key, data_key, _aad(row.login))


def create_first_admin(
    session: Session,
    login_name: str,
    password: str,
    display_name: str = "",
    params: passwords.KdfParams | None = None,
) -> FirstAdmin:
    """The administrator made at setup, the data key and its recovery code; logged in."""
    if has_accounts(session):
        raise AccountError(_("This installation has its accounts already."))
    login_name = _check_new(session, login_name, password, AccountRole.ADMIN)
    key = vault.new_key()
    code = passwords.new_recovery_code()
    wrapped = json.dumps(passwords.wrap_with_code(code, key, aad=RECOVERY_AAD))
    session.add(RecoveryWrap(id=1, key_wrap=wrapped))
    row = Account(
        login=login_name, display_name=display_name.strip(), role=AccountRole.ADMIN, disabled=False
    )
    _set_credentials(row, password, key, params)
    session.add(row)
    session.flush()
    account = _log_in(row, key)
    _seal_existing(session)
    return FirstAdmin(account, code)


def _seal_existing(session: Session) -> None:
    """Details stored before the first account are sealed under the new key (issue 13 item 2)."""
    from coopdesk.services import sensitive_store

    sensitive_store.seal_existing(session)


def _key_of_admin(session: Session) -> bytes:
    """The data key, for an administrator who is logged in (to wrap it for a password)."""
    require(session, Permission.MANAGE_ACCOUNTS)
    try:
        return vault.key()
    except vault.VaultLocked:
        raise NotAllowed(_("This installation has accounts: log in first.")) from None


def add_account(
    session: Session,
    login_name: str,
    password: str,
    role: str,
    display_name: str = "",
    params: passwords.KdfParams | None = None,
) -> AccountInfo:
    """A new account, by a logged-in administrator."""
    key = _key_of_admin(session)
    login_name = _check_new(session, login_name, password, role)
    row = Account(login=login_name, display_name=display_name.strip(), role=role, disabled=False)
    _set_credentials(row, password, key, params)
    session.add(row)
    session.flush()
    return _info(row)


def list_accounts(session: Session) -> list[AccountInfo]:
    return [_info(r) for r in session.scalars(select(Account).order_by(Account.login))]


def _existing(session: Session, login_name: str) -> Account:
    row = _row(session, login_name)
    if row is None:
        raise AccountError(_("There is no account “{login}”.").format(login=login_name))
    return row


def _enabled_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Account)
            .where(Account.role == AccountRole.ADMIN, Account.disabled.is_(False))
        )
        or 0
    )


def _keep_an_admin(session: Session, row: Account) -> None:
    if row.role == AccountRole.ADMIN and not row.disabled and _enabled_admins(session) <= 1:
        raise AccountError(
            _(
                "“{login}” is the last administrator: make another account an administrator first."
            ).format(login=row.login)
        )


def set_role(session: Session, login_name: str, role: str) -> AccountInfo:
    require(session, Permission.MANAGE_ACCOUNTS)
    row = _existing(session, login_name)
    if role not in set(AccountRole):
        raise AccountError(_("Unknown role “{role}”.").format(role=role))
    if role != AccountRole.ADMIN:
        _keep_an_admin(session, row)
    row.role = role
    _share_data_key(row, _key_of_admin(session) if _reads_sensitive(row) else None)
    session.flush()
    return _info(row)


def set_disabled(session: Session, login_name: str, disabled: bool = True) -> AccountInfo:
    """Disable (or enable again) an account; never the last enabled administrator."""
    require(session, Permission.MANAGE_ACCOUNTS)
    row = _existing(session, login_name)
    if disabled:
        _keep_an_admin(session, row)
    row.disabled = disabled
    session.flush()
    return _info(row)


def reset_password(
    session: Session,
    login_name: str,
    new_password: str,
    params: passwords.KdfParams | None = None,
) -> AccountInfo:
    """A new password for an account, set by a logged-in administrator."""
    key = _key_of_admin(session)
    row = _existing(session, login_name)
    _check_password(new_password)
    _set_credentials(row, new_password, key, params)
    session.flush()
    return _info(row)


def recover(
    session: Session,
    code: str,
    login_name: str,
    new_password: str,
    params: passwords.KdfParams | None = None,
) -> AccountInfo:
    """A forgotten password replaced with the recovery code; the account is logged in."""
    row = _existing(session, login_name)
    _check_password(new_password)
    stored = session.get(RecoveryWrap, 1)
    wrong = AccountError(_("This recovery code does not open this installation."))
    if stored is None:
        raise wrong
    try:
        key = passwords.unwrap(code, json.loads(stored.key_wrap), aad=RECOVERY_AAD)
    except passwords.WrongSecret:
        raise wrong from None
    if row.disabled:
        raise AccountError(
            _("The account “{login}” is disabled; ask an administrator.").format(login=row.login)
        )
    _set_credentials(row, new_password, key, params)
    return _log_in(row, key if _reads_sensitive(row) else None)
