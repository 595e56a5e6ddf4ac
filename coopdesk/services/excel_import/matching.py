"""Which record a spreadsheet row is: duplicates within the file and in the registry, and
what a row would change in a record.

The duplicate rule is the editors' one: the keys of `coopdesk.domain.duplicates`, the records
here found by `services.duplicates` (through its indexes, pairs said to be different left out)
and named as the editors name them ("Nguyễn Thị Hoa, sinh năm 1985, HTX Chè Tân Phong,
Phường Tân Phong"). A row whose possible duplicate here already holds exactly its values (as
saving would store them) is the same record imported before, so a second import changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from coopdesk.i18n import _, normalize
from coopdesk.services import duplicates
from coopdesk.services.duplicates.sql import MODELS
from coopdesk.services.records.values import RecordError, would_be
from coopdesk.services.settings import get_installation

if TYPE_CHECKING:
    from coopdesk.services.excel_import.kinds import Kind
    from coopdesk.services.excel_import.rows import Row


class Matcher:
    """The duplicate rule for the rows of one file, as they are read: a row that repeats an
    earlier one, or that may be a record already here."""

    def __init__(self, session: Session, spec: Kind) -> None:
        self.session = session
        self.spec = spec
        self.rows: dict[str, int] = {}  # a key → the first row that has it
        installation = get_installation(session)
        # a row names no unit: it belongs to the installation's (as in the editors)
        self.unit = installation.unit_code if installation is not None else None

    def _fields(self, row: Row) -> dict[str, Any]:
        return {"unit_code": self.unit, **row.values} if self.unit else dict(row.values)

    def earlier_row(self, row: Row) -> int | None:
        """The first earlier row of the file sharing a duplicate key with `row`."""
        if not self.spec.finds_duplicates:
            return None
        keys = duplicates.keys_of(self.session, self.spec.name, self._fields(row))
        earlier = next((self.rows[k] for k in sorted(keys) if k in self.rows), None)
        for key in keys:
            self.rows.setdefault(key, row.number)
        return earlier

    def against_registry(self, row: Row) -> None:
        """A new row that may be a record already here: "unchanged" when that record holds
        the row's values (imported before), else a "duplicate" for the officer to decide."""
        if not self.spec.finds_duplicates:
            return
        found = duplicates.possible_duplicates(self.session, self.spec.name, self._fields(row))
        model = MODELS[self.spec.name]
        for possible in found:
            record = self.session.get(model, possible.record_id)
            if record is not None and not changed_fields(record, row.values):
                row.status, row.record_id = "unchanged", record.id
                return
        if found:
            row.status = "duplicate"
            row.duplicate_of = [d.record_id for d in found]
            row.duplicates += [
                _("may be the same as {record} ({reason})").format(record=d.label, reason=d.reason)
                for d in found
            ]


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, str) or isinstance(value, str):
        return normalize(current or "") == normalize(value or "")
    return current == value


def changed_fields(record: Any, values: dict[str, Any]) -> list[str]:
    """The fields whose value in the row differs from the record's, the row's read as saving
    would store them ("nguyễn thị hoa" is the "Nguyễn Thị Hoa" it was saved as)."""
    columns = {c.key for c in record.__table__.columns}
    own = {k: v for k, v in values.items() if k in columns}
    try:
        stored = would_be(type(record), own, record)
    except RecordError:
        stored = own
    return [k for k, v in values.items() if not _same(getattr(record, k, None), stored.get(k, v))]
