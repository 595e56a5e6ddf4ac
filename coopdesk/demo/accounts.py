"""The demo's accounts: an administrator `admin` and a viewer `xem`, both with the demo
password (the one its keys have), made after the records so the details already written are
sealed under the new data key. The login dialog of a demo shows them, so stretching the password
protects nothing: it is stretched lightly, and a demo opens at once."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coopdesk.i18n import _
from coopdesk.security import passwords
from coopdesk.services import accounts, settings
from coopdesk.services.trust import DEMO_PASSWORD
from coopdesk.sync import trust

ADMIN = "admin"
VIEWER = "xem"
DEMO_KDF = passwords.KdfParams(memory_cost=8 * 1024, iterations=1, lanes=1)


def install_accounts(session: Session) -> None:
    """The demo's two accounts; nobody is logged in afterwards."""
    try:
        accounts.create_first_admin(
            session, ADMIN, DEMO_PASSWORD, _("Demo administrator"), params=DEMO_KDF
        )
        accounts.add_account(
            session, VIEWER, DEMO_PASSWORD, "viewer", _("Demo viewer"), params=DEMO_KDF
        )
    finally:
        accounts.logout()


def log_in_demo(session: Session) -> bool:
    """On a demo installation (its unit's demo keys), log the demo administrator in, as its
    keys open by themselves: a command on a demo needs no --user. False elsewhere."""
    inst = settings.get_installation(session)
    if inst is None or not trust.has_demo_keys(session, inst.unit_code):
        return False
    try:
        accounts.login(session, ADMIN, DEMO_PASSWORD)
    except accounts.AccountError:
        return False
    return True
