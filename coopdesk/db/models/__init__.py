"""The schema: every entity of DESIGN.md §3, one module per part.

Synced records have a UUID key, the unit that owns them, created/updated stamps, a tombstone
and room for the sync version vector. Catalogues are keyed by natural codes. A new part of the
schema goes in its own module here, re-exported below so `Base.metadata` holds every table.
"""

from typing import cast

from sqlalchemy import Index, Table

from coopdesk.db.models.accounts import (
    Account,
    RecoveryWrap,
)
from coopdesk.db.models.base import (
    NAMING,
    Base,
    Synced,
    new_id,
    utcnow,
)
from coopdesk.db.models.catalogues import (
    Ethnicity,
    Sector,
    Setting,
    Unit,
)
from coopdesk.db.models.derived import (
    IndicatorSummary,
)
from coopdesk.db.models.documents import (
    IssuedFile,
)
from coopdesk.db.models.duplicates import (
    DuplicateDismissal,
    DuplicateMerge,
)
from coopdesk.db.models.excel import (
    ExcelImport,
)
from coopdesk.db.models.priority import PriorityCount
from coopdesk.db.models.registry import (
    Activity,
    ActivityCooperative,
    Assignment,
    AuditEvent,
    Budget,
    Consent,
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Person,
    PersonSensitive,
    Plan,
    Report,
    Role,
    Support,
    Target,
    Training,
)
from coopdesk.db.models.search import (
    PEOPLE_SEARCH,
)
from coopdesk.db.models.sync import (
    SyncAck,
    SyncConflict,
    SyncImport,
    SyncKnowledge,
    SyncOutgoing,
    SyncPending,
    SyncReplica,
    SyncState,
)
from coopdesk.db.models.trust import (
    QuarantinedBundle,
    TrustIdentity,
    TrustPeer,
    TrustReceipt,
    TrustReplica,
)
from coopdesk.db.models.units import (
    UnitChange,
)


def _unversioned_indexes() -> None:
    """Each synced table's rows not stamped with a version yet (a bulk insert's, until the next
    export or import stamps them), in a partial index: asking whether there are any reads
    nothing when there are none, on a national database too (migration 0025 makes them)."""
    for mapper in Base.registry.mappers:
        if issubclass(mapper.class_, Synced):
            table = cast(Table, mapper.local_table)
            unversioned = table.c.version.is_(None)
            Index(f"ix_{table.name}_unversioned", table.c.id,
                  sqlite_where=unversioned, postgresql_where=unversioned)  # fmt: skip


_unversioned_indexes()

__all__ = [
    "NAMING",
    "PEOPLE_SEARCH",
    "Account",
    "Activity",
    "ActivityCooperative",
    "Assignment",
    "AuditEvent",
    "Base",
    "Budget",
    "Consent",
    "Cooperative",
    "CooperativeYear",
    "DuplicateDismissal",
    "DuplicateMerge",
    "Ethnicity",
    "ExcelImport",
    "IndicatorSummary",
    "IssuedFile",
    "Officer",
    "Participation",
    "Person",
    "PersonSensitive",
    "Plan",
    "PriorityCount",
    "QuarantinedBundle",
    "RecoveryWrap",
    "Report",
    "Role",
    "Sector",
    "Setting",
    "Support",
    "SyncAck",
    "SyncConflict",
    "SyncImport",
    "SyncKnowledge",
    "SyncOutgoing",
    "SyncPending",
    "SyncReplica",
    "SyncState",
    "Synced",
    "Target",
    "Training",
    "TrustIdentity",
    "TrustPeer",
    "TrustReceipt",
    "TrustReplica",
    "Unit",
    "UnitChange",
    "new_id",
    "utcnow",
]
