"""The demo's keys: a demo installation of a unit always has the same keys, derived from the
unit's code and kept under the known demo password, and it trusts the demo keys of the units
it exchanges bundles with (the unit above, the units below). So demo databases made apart,
say a commune's and its province's, send each other bundles as registered installations do.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk import __version__
from coopdesk.db.models import Unit
from coopdesk.i18n import _
from coopdesk.services.trust import DEMO_PASSWORD
from coopdesk.sync import trust


def install_keys(session: Session, unit: Unit) -> None:
    """This demo installation's keys, and trust in its partners' demo keys."""
    trust.create_identity(session, DEMO_PASSWORD, identity=trust.demo_identity(unit.code))
    partners = list(
        session.scalars(
            select(Unit.code).where(Unit.parent_code == unit.code, Unit.legacy.is_(False))
        )
    )
    if unit.parent_code:
        partners.append(unit.parent_code)
    for code in partners:
        keys = trust.demo_identity(code).public
        registration = trust.Registration(code, _("Demo officer"), f"CoopDesk {__version__}", keys)
        trust.register(session, registration, keys.fingerprint)
