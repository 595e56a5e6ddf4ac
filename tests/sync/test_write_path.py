"""The write path is explicit: no session event changes records behind the services' back."""

from __future__ import annotations

import importlib
import pkgutil

from sqlalchemy.orm import Session

import coopdesk

SESSION_EVENTS = (
    "before_flush",
    "after_flush",
    "after_flush_postexec",
    "before_commit",
    "after_transaction_end",
    "transient_to_pending",
    "pending_to_persistent",
)


def test_no_session_event_hooks_anywhere_below_the_gui() -> None:
    for module in pkgutil.walk_packages(coopdesk.__path__, "coopdesk."):
        if not module.name.startswith(("coopdesk.ui", "coopdesk.app", "coopdesk.db.migrations")):
            importlib.import_module(module.name)
    session = Session()
    hooked = [name for name in SESSION_EVENTS if len(getattr(session.dispatch, name))]
    assert hooked == [], f"session events with listeners: {hooked}"
