"""Databases copied to a second laptop (DESIGN.md §5, trust): detected, never merged.

A copy shares its replica id with the original, so the two number their changes alike and
one laptop's edits would pass for the other's. Two signs give it away: a bundle that uses
this database's replica id with counters it never issued, and two different bundles with the
same sender and number. Either refuses the bundle with a message in plain words.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncImport
from coopdesk.i18n import _
from coopdesk.sync import bundle, versions
from coopdesk.sync.import_report import Refused


def _highest(b: bundle.Bundle, replicas: set[str]) -> dict[str, int]:
    """The highest counter the bundle gives each of `replicas` (versions, knowledge, base)."""
    out: dict[str, int] = {}

    def see(replica: Any, counter: Any) -> None:
        if replica in replicas and isinstance(counter, int) and counter > out.get(replica, 0):
            out[replica] = counter

    for record in b.records:
        version = record.get("v") if isinstance(record, dict) else None
        vv = version.get("vv") if isinstance(version, dict) else None
        for replica, counter in vv.items() if isinstance(vv, dict) else ():
            see(replica, counter)
    for name in ("knowledge", "base"):
        for replica, per_unit in (b.body.get(name) or {}).items():
            for counter in per_unit.values():
                see(replica, counter)
    return out


def check_not_copied(session: Session, b: bundle.Bundle) -> None:
    """Refused ("copied") when the bundle shows that this database or its sender's is a copy."""
    issued = {versions.replica_id(session): versions.current_counter(session)}
    issued.update(versions.retired_replicas(session))
    for replica, counter in _highest(b, set(issued)).items():
        if counter > issued[replica]:
            raise Refused(
                "copied",
                _(
                    "This bundle holds changes numbered as this laptop's own that this laptop "
                    "never made (change {counter}; this laptop has reached {mine}). This "
                    "laptop's data was copied from another laptop. Keep working on one of the "
                    "two copies only, and set the other laptop up again from a bundle; nothing "
                    "was changed."
                ).format(counter=counter, mine=issued[replica]),
            )
    sender = b.header["sender"]
    other = session.execute(
        select(SyncImport.bundle_id).where(
            SyncImport.sender_replica == str(sender["replica"]),
            SyncImport.seq == b.header["seq"],
            SyncImport.bundle_id != b.bundle_id,
            SyncImport.undone_at.is_(None),
        )
    ).first()
    if other is not None:
        raise Refused(
            "copied",
            _(
                "A different bundle with the same sender and number ({seq}) was imported "
                "already. The sending laptop's data was copied from another laptop. Ask its officer "
                "to keep working on one of the two copies only; nothing was changed."
            ).format(seq=b.header["seq"]),
        )
