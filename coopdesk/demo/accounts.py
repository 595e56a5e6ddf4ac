"""The demo's accounts: an administrator `admin` and a viewer `xem`, both with the demo
password (the one its keys have), made after the records so the details already written are
sealed under the new data key. The login dialog of a demo shows them, so stretching the password
protects nothing: it is stretched lightly, and a demo opens at once."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coopdesk.i18n import _
from coopdesk.security import passwords
from coopdesk.services import accounts
from coopdesk.services.demo_login import ADMIN
from coopdesk.sync import trust

VIEWER = "xem"
DEMO_KDF = passwords.KdfParams(memory_cost=8 * 1024, iterations=1, lanes=1)


def install_accounts(session: Session) -> None:
    """The demo's two accounts; nobody is logged in afterwards."""
    try:
        accounts.create_first_admin(
            session, ADMIN, trust.DEMO_PASSWORD, _("Demo administrator"), params=DEMO_KDF
        )
        accounts.add_account(
            session, VIEWER, trust.DEMO_PASSWORD, "viewer", _("Demo viewer"), params=DEMO_KDF
        )
    finally:
        accounts.logout()
