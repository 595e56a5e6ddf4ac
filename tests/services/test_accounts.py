"""Local accounts: the first administrator and the data key, roles enforced in the one write
path and on sensitive details, the audit log naming the account, lost passwords."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Account, AuditEvent, Cooperative, RecoveryWrap
from coopdesk.security import account_keys, passwords, vault
from coopdesk.services import accounts, people, records, settings
from coopdesk.services.settings import Installation

FAST = passwords.KdfParams(memory_cost=64, iterations=1, lanes=1)  # tests only: quick Argon2id
ADMIN_PW = "mat-khau-quan-tri"
VIEWER_PW = "mat-khau-xem-thoi"


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as s:
        settings.save_installation(s, Installation("3408", "commune", "Lò Thị Mai"))
        yield s


@pytest.fixture
def two_accounts(session: Session) -> str:
    """An administrator 'mai' and a viewer 'xem'; nobody logged in. The recovery code."""
    first = accounts.create_first_admin(session, "Mai", ADMIN_PW, "Lò Thị Mai", params=FAST)
    accounts.add_account(session, "xem", VIEWER_PW, "viewer", "Người xem", params=FAST)
    accounts.logout()
    return first.recovery_code


def _coop(session: Session, name: str = "HTX Chè Tân Phong") -> Cooperative:
    return records.create(session, Cooperative, {"name": name, "kind": "HTX"}, actor="máy")


def test_first_admin_makes_the_data_key_wrapped_under_password_and_code(
    session: Session,
) -> None:
    assert not accounts.has_accounts(session)
    first = accounts.create_first_admin(session, " Mai ", ADMIN_PW, "Lò Thị Mai", params=FAST)
    assert accounts.has_accounts(session)
    assert (first.account.login, first.account.role) == ("mai", "admin")
    assert accounts.current() == first.account and vault.is_unlocked()
    key = vault.key()
    row = session.scalars(select(Account)).one()
    wrap = json.loads(row.key_wrap)
    assert wrap["kdf"] == "argon2id" and ADMIN_PW not in row.key_wrap
    private = passwords.unwrap(ADMIN_PW, wrap, aad=b"coopdesk-account:mai")
    assert private != key and row.data_wrap is not None
    assert account_keys.open_sealed(private, row.data_wrap, b"coopdesk-account:mai") == key
    recovery = json.loads(session.get(RecoveryWrap, 1).key_wrap)  # type: ignore[union-attr]
    assert passwords.unwrap(first.recovery_code, recovery, aad=accounts.RECOVERY_AAD) == key
    with pytest.raises(accounts.AccountError, match="đã có tài khoản"):
        accounts.create_first_admin(session, "khac", ADMIN_PW, params=FAST)


def test_login_wrong_password_and_disabled_account(session: Session, two_accounts: str) -> None:
    with pytest.raises(accounts.AccountError, match="Sai tên đăng nhập hoặc mật khẩu"):
        accounts.login(session, "mai", "sai-mat-khau")
    with pytest.raises(accounts.AccountError, match="Sai tên đăng nhập hoặc mật khẩu"):
        accounts.login(session, "khong-co", ADMIN_PW)
    assert accounts.current() is None and not vault.is_unlocked()
    accounts.login(session, "MAI", ADMIN_PW)
    accounts.set_disabled(session, "xem")
    accounts.logout()
    with pytest.raises(accounts.AccountError, match="“xem” đã bị khoá"):
        accounts.login(session, "xem", VIEWER_PW)
    assert accounts.current() is None


def test_viewer_cannot_change_records_nor_see_sensitive_details(
    session: Session, two_accounts: str
) -> None:
    with pytest.raises(accounts.NotAllowed, match="đăng nhập"):
        _coop(session)  # nobody logged in
    accounts.login(session, "xem", VIEWER_PW)
    with pytest.raises(accounts.NotAllowed, match="“xem” chỉ được xem"):
        _coop(session)
    assert session.scalars(select(Cooperative)).all() == []
    accounts.logout()
    accounts.login(session, "mai", ADMIN_PW)
    huong = people.create_person(session, "Tòng Thị Hương", actor="máy", birth_year=1985)
    people.record_consent(session, huong, "ethnicity", "Thống kê", recorded_by="Mai", actor="x")
    people.set_sensitive(session, huong, {"ethnicity_code": "03"}, "máy")
    assert people.get_sensitive(session, huong) is not None
    accounts.logout()
    accounts.login(session, "xem", VIEWER_PW)
    with pytest.raises(accounts.NotAllowed, match="không được xem thông tin nhạy cảm"):
        people.get_sensitive(session, huong)
    with pytest.raises(accounts.NotAllowed):
        records.update(session, huong, {"phone": "0912 345 678"}, "máy")


def test_a_viewer_sends_no_bundle_and_changes_no_setting(
    session: Session, two_accounts: str, tmp_path
) -> None:
    from coopdesk.services import reporting, sync

    accounts.login(session, "xem", VIEWER_PW)
    out = tmp_path / "bundles"
    out.mkdir()
    with pytest.raises(accounts.NotAllowed, match="chỉ được xem"):
        sync.export_bundle(session, to="34", out=out)
    assert list(out.iterdir()) == []
    with pytest.raises(accounts.NotAllowed, match="chỉ được xem"):
        settings.save_document_settings(session, "3408", {"signer_name": "Người Xem"})
    with pytest.raises(accounts.NotAllowed, match="chỉ được xem"):
        reporting.set_deadline(session, "3408", "15/12")


def test_the_audit_log_names_the_account(session: Session, two_accounts: str) -> None:
    accounts.login(session, "mai", ADMIN_PW)
    coop = _coop(session)
    records.update(session, coop, {"phone": "0912 000 111"}, actor="máy")
    records.delete(session, coop, actor="máy")
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.action, e.actor) for e in events] == [
        ("create", "Lò Thị Mai (mai)"),
        ("update", "Lò Thị Mai (mai)"),
        ("delete", "Lò Thị Mai (mai)"),
    ]
    assert coop.created_by == "Lò Thị Mai (mai)"


def test_without_accounts_writes_go_on_as_before(session: Session) -> None:
    coop = _coop(session)
    assert coop.created_by == "máy"


def test_only_an_admin_manages_and_the_last_admin_stays(
    session: Session, two_accounts: str
) -> None:
    accounts.login(session, "xem", VIEWER_PW)
    with pytest.raises(accounts.NotAllowed, match="quản trị"):
        accounts.add_account(session, "moi", "mat-khau-moi-1", "officer", params=FAST)
    with pytest.raises(accounts.NotAllowed):
        accounts.set_role(session, "xem", "admin")
    accounts.logout()
    accounts.login(session, "mai", ADMIN_PW)
    with pytest.raises(accounts.AccountError, match="quản trị viên cuối cùng"):
        accounts.set_disabled(session, "mai")
    with pytest.raises(accounts.AccountError, match="quản trị viên cuối cùng"):
        accounts.set_role(session, "mai", "officer")
    with pytest.raises(accounts.AccountError, match="“xem”"):
        accounts.add_account(session, "xem", "mat-khau-moi-1", "officer", params=FAST)
    with pytest.raises(accounts.AccountError, match="8"):
        accounts.add_account(session, "moi", "ngan", "officer", params=FAST)
    accounts.set_role(session, "xem", "admin")
    accounts.set_disabled(session, "mai")  # another administrator is left
    listed = {a.login: (a.role, a.disabled) for a in accounts.list_accounts(session)}
    assert listed == {"mai": ("admin", True), "xem": ("admin", False)}


def test_admin_resets_a_password(session: Session, two_accounts: str) -> None:
    accounts.login(session, "mai", ADMIN_PW)
    accounts.reset_password(session, "xem", "mat-khau-moi-1", params=FAST)
    key = vault.key()
    accounts.logout()
    with pytest.raises(accounts.AccountError):
        accounts.login(session, "xem", VIEWER_PW)
    accounts.login(session, "xem", "mat-khau-moi-1")
    assert not vault.is_unlocked()  # a viewer's password opens no sensitive detail
    accounts.logout()
    accounts.login(session, "mai", ADMIN_PW)
    accounts.set_role(session, "xem", "officer")
    accounts.reset_password(session, "xem", "mat-khau-moi-2", params=FAST)
    accounts.logout()
    accounts.login(session, "xem", "mat-khau-moi-2")
    assert vault.key() == key


def _data_key_under(session: Session, login: str, password: str) -> bytes | None:
    """What someone with the file and this account's password gets: the data key or None."""
    row = session.scalars(select(Account).where(Account.login == login)).one()
    aad = b"coopdesk-account:" + login.encode()
    private = passwords.unwrap(password, json.loads(row.key_wrap), aad=aad)
    return None if row.data_wrap is None else account_keys.open_sealed(private, row.data_wrap, aad)


def test_only_roles_that_read_sensitive_details_hold_the_data_key(
    session: Session, two_accounts: str
) -> None:
    accounts.login(session, "mai", ADMIN_PW)
    key = vault.key()
    assert _data_key_under(session, "xem", VIEWER_PW) is None
    accounts.set_role(session, "xem", "officer")  # sealed to the viewer's key pair, no password
    assert _data_key_under(session, "xem", VIEWER_PW) == key
    accounts.logout()
    accounts.login(session, "xem", VIEWER_PW)
    assert vault.key() == key
    accounts.logout()
    accounts.login(session, "mai", ADMIN_PW)
    accounts.set_role(session, "xem", "viewer")
    assert _data_key_under(session, "xem", VIEWER_PW) is None
    accounts.logout()
    accounts.login(session, "xem", VIEWER_PW)
    assert accounts.current().role == "viewer" and not vault.is_unlocked()  # type: ignore[union-attr]


def test_an_account_made_before_key_pairs_gets_one_at_its_next_login(
    session: Session, two_accounts: str
) -> None:
    accounts.login(session, "mai", ADMIN_PW)
    key = vault.key()
    accounts.logout()
    for login, password in (("mai", ADMIN_PW), ("xem", VIEWER_PW)):  # as migration 0023 left them
        row = session.scalars(select(Account).where(Account.login == login)).one()
        aad = b"coopdesk-account:" + login.encode()
        row.key_wrap = json.dumps(passwords.wrap(password, key, aad=aad, params=FAST))
        row.public_key = row.data_wrap = None
    accounts.login(session, "xem", VIEWER_PW)
    assert not vault.is_unlocked() and _data_key_under(session, "xem", VIEWER_PW) is None
    accounts.logout()
    accounts.login(session, "mai", ADMIN_PW)
    assert vault.key() == key and _data_key_under(session, "mai", ADMIN_PW) == key


def test_recovery_code_sets_a_new_password(session: Session, two_accounts: str) -> None:
    accounts.login(session, "mai", ADMIN_PW)
    key = vault.key()
    accounts.logout()
    with pytest.raises(accounts.AccountError, match="Mã khôi phục"):
        accounts.recover(session, "1" * 32, "mai", "mat-khau-moi-1", params=FAST)
    spaced = two_accounts.replace("-", " ")
    account = accounts.recover(session, spaced, "mai", "mat-khau-moi-1", params=FAST)
    assert account.login == "mai" and vault.key() == key
    accounts.logout()
    accounts.login(session, "mai", "mat-khau-moi-1")
    with pytest.raises(accounts.AccountError):
        accounts.login(session, "mai", ADMIN_PW)
