"""Checking a bundle before anything is planned: header, catalogues, then every record.

Every record is checked (shape, version, fields, unit, scope, catalogue codes, the domain's
rules) and every problem collected, so one refusal names them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Base
from coopdesk.i18n import _
from coopdesk.sync import bundle, catalogues, erasure, scope, state, unit_codes, versions
from coopdesk.sync.describe import Lookup, db_lookup, describe
from coopdesk.sync.import_report import Problem, Refused, invalid, out_of_scope, refusal_message
from coopdesk.sync.records import FieldProblem, data_to_values, values_data
from coopdesk.sync.versions import Version

# (table name, field values) → problems as (field, message, severity)
Validator = Callable[[str, dict[str, Any]], Sequence[tuple[str, str, str]]]


def default_validator() -> Validator:
    """The domain's record rules, the same the forms use (coopdesk.domain.validation)."""
    from coopdesk.domain import validation

    def validate(table_name: str, values: dict[str, Any]) -> list[tuple[str, str, str]]:
        return [
            (p.field, p.message, p.severity)
            for p in validation.problems_for_table(table_name, values)
        ]

    return validate


@dataclass
class Incoming:
    table: Table
    record_id: str
    version: Version
    data: dict[str, Any]
    position: int
    values: dict[str, Any] | None = None  # `data` as column values (None once data is replaced)


def check_header(session: Session, b: bundle.Bundle, tree: scope.UnitTree, my_unit: str) -> str:
    """The sender's unit, once the bundle is known to be for us from a unit we deal with.

    A bundle made under the catalogue before is translated to ours first (in place)."""
    unit_codes.translate(session, b)
    header = b.header
    sender = header.get("sender")
    recipient = header.get("recipient")
    if (
        not isinstance(sender, dict)
        or not isinstance(recipient, dict)
        or not isinstance(sender.get("unit"), str)
        or not isinstance(sender.get("replica"), str)
        or not isinstance(recipient.get("unit"), str)
        or not isinstance(header.get("seq"), int)
    ):
        raise Refused("broken", refusal_message(bundle.BundleError("broken", "header")))
    sender_unit = str(sender["unit"])
    if recipient["unit"] != my_unit:
        raise Refused(
            "recipient",
            _(
                "This bundle is addressed to {unit}, not to this installation ({mine}). "
                "Check that you chose the right file."
            ).format(unit=tree.name(recipient["unit"]), mine=tree.name(my_unit)),
        )
    if not tree.known(sender_unit) or not tree.related(sender_unit, my_unit):
        raise Refused(
            "scope",
            _(
                "This bundle comes from {unit}, which does not exchange data with {mine}. "
                "Nothing was changed."
            ).format(unit=tree.name(sender_unit), mine=tree.name(my_unit)),
        )
    if sender["replica"] == versions.replica_id(session):
        raise Refused(
            "own",
            _("This bundle was exported from this database. Send it to its recipient instead."),
        )
    return sender_unit


def check_catalogues(
    b: bundle.Bundle, tree: scope.UnitTree, sender_unit: str, my_unit: str
) -> dict[str, list[dict[str, str]]]:
    """The catalogue entries the bundle brings (only the unit above may send them)."""
    raw = b.body.get("catalogues")
    if raw is None:
        return {}
    if not catalogues.sends_catalogues(tree, sender_unit, my_unit):
        raise Refused(
            "scope",
            _(
                "This bundle changes catalogues, which only the unit above may do, so it was "
                "refused and nothing was changed."
            ),
        )
    try:
        return catalogues.check(raw)
    except FieldProblem as exc:
        raise invalid([Problem(-1, exc.field, "", "", exc.message)]) from exc


def _catalogue_codes(session: Session) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name in ("units", "sectors", "ethnicities"):
        table = Base.metadata.tables[name]
        out[name] = {str(c) for (c,) in session.execute(select(table.c.code))}
    return out


@dataclass
class _Parsed:
    table: Table
    record_id: str
    label: str
    version: Version
    values: dict[str, Any]
    normal: dict[str, Any]


@dataclass
class RecordChecker:
    """Checks the records of one bundle, collecting every problem."""

    tree: scope.UnitTree
    sender_unit: str
    my_unit: str
    validator: Validator | None
    codes: dict[str, set[str]]
    lookup: Lookup
    held_units: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    scope_refused: bool = False

    def check(self, position: int, raw: Any) -> Incoming | None:
        parsed = self._parse(position, raw)
        if parsed is None or not self._unit_ok(position, parsed):
            return None
        self._check_codes(position, parsed)
        self._check_rules(position, parsed)
        return Incoming(
            parsed.table, parsed.record_id, parsed.version, parsed.normal, position, parsed.values
        )

    def _problem(self, position: int, table: str, label: str, fld: str, message: str) -> None:
        self.problems.append(Problem(position, table, label, fld, message))

    def _parse(self, position: int, raw: Any) -> _Parsed | None:
        if not isinstance(raw, dict) or set(raw) != {"t", "id", "v", "d"}:
            self._problem(position, "", "?", "", _("not a record"))
            return None
        table_name, record_id, data = raw["t"], raw["id"], raw["d"]
        table = versions.table_for(table_name) if isinstance(table_name, str) else None
        if table is None or not isinstance(record_id, str) or not isinstance(data, dict):
            self._problem(position, str(table_name), "?", "", _("unknown kind of record"))
            return None
        label = describe(table_name, data, self.lookup)
        if not record_id or len(record_id) > 36:
            self._problem(position, table_name, label, "id", _("bad record id"))
            return None
        try:
            version = Version.from_json(raw["v"])
            values = data_to_values(table, data)
            normal = values_data(table, values)
        except FieldProblem as exc:
            self._problem(position, table_name, label, exc.field, exc.message)
            return None
        except ValueError as exc:
            self._problem(position, table_name, label, "version", str(exc))
            return None
        return _Parsed(table, record_id, label, version, values, normal)

    def _unit_ok(self, position: int, p: _Parsed) -> bool:
        unit = p.values.get("unit_code")
        name = p.table.name
        if not isinstance(unit, str) or unit not in self.codes["units"]:
            self._problem(position, name, p.label, "unit_code", _("unknown unit"))
            return False
        if not scope.in_scope(self.tree, self.sender_unit, self.my_unit, name, unit):
            message = _("belongs to {unit}, which {sender} may not send here").format(
                unit=self.tree.name(unit), sender=self.tree.name(self.sender_unit)
            )
            return self._out_of_scope(position, p, "unit_code", message)
        held = self.held_units.get((name, p.record_id))
        if held is not None and not scope.in_scope(
            self.tree, self.sender_unit, self.my_unit, name, held
        ):
            message = _(
                "the record held here under this id belongs to {unit}, which {sender} may not "
                "change"
            ).format(unit=self.tree.name(held), sender=self.tree.name(self.sender_unit))
            return self._out_of_scope(position, p, "id", message)
        if name in scope.SENSITIVE_TABLES and not scope.carries_sensitive(
            self.sender_unit, self.my_unit
        ):
            message = _("sensitive personal details, which {sender} may not send here").format(
                sender=self.tree.name(self.sender_unit)
            )
            return self._out_of_scope(position, p, "", message)
        return True

    def _out_of_scope(self, position: int, p: _Parsed, fld: str, message: str) -> bool:
        self.scope_refused = True
        self._problem(position, p.table.name, p.label, fld, message)
        return False

    def _check_codes(self, position: int, p: _Parsed) -> None:
        for column in p.table.columns:
            value = p.values.get(column.name)
            for fk in column.foreign_keys:
                codes = self.codes.get(fk.column.table.name)
                if codes is not None and value is not None and str(value) not in codes:
                    message = _("unknown code {code}").format(code=value)
                    self._problem(position, p.table.name, p.label, column.name, message)

    def _check_rules(self, position: int, p: _Parsed) -> None:
        """The editors' rules, for deleted (tombstone) and erased versions too; an erasure
        only of a person's records and only in its blank form."""
        blanked: dict[str, Any] = {}
        if p.version.erased:
            blanked = erasure.erased_form(p.table.name) or {}
            for fld, message in erasure.erasure_problems(p.table.name, p.normal):
                self._problem(position, p.table.name, p.label, fld, message)
        if self.validator is None:
            return
        for fld, message, severity in self.validator(p.table.name, p.values):
            if severity == "error" and fld not in blanked:
                self._problem(position, p.table.name, p.label, fld, message)


def held_units(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The unit of each record already held here under an incoming (table, id)."""
    by_table: dict[str, list[str]] = {}
    for table_name, record_id in keys:
        if versions.table_for(table_name) is not None:
            by_table.setdefault(table_name, []).append(record_id)
    out: dict[tuple[str, str], str] = {}
    for table_name, ids in by_table.items():
        table = Base.metadata.tables[table_name]
        for n in range(0, len(ids), state.CHUNK):
            query = select(table.c.id, table.c.unit_code).where(
                table.c.id.in_(ids[n : n + state.CHUNK])
            )
            for record_id, unit in session.execute(query):
                out[(table_name, str(record_id))] = str(unit)
    return out


def check_records(
    session: Session,
    b: bundle.Bundle,
    tree: scope.UnitTree,
    sender_unit: str,
    my_unit: str,
    validator: Validator | None,
    extra_codes: dict[str, set[str]],
) -> list[Incoming]:
    """Every record of the bundle, checked; Refused naming every problem if any has one."""
    codes = _catalogue_codes(session)
    for name, more in extra_codes.items():
        codes[name] |= more
    labels = {
        (r.get("t"), r.get("id")): r.get("d")
        for r in b.records
        if isinstance(r, dict) and isinstance(r.get("d"), dict)
    }
    known: dict[tuple[str, str], Any] = {
        (t, i): v for (t, i), v in labels.items() if isinstance(t, str) and isinstance(i, str)
    }
    lookup = db_lookup(session, known)
    checker = RecordChecker(tree, sender_unit, my_unit, validator, codes, lookup)
    checker.held_units = held_units(session, known)
    out = [inc for n, raw in enumerate(b.records) if (inc := checker.check(n, raw)) is not None]
    if checker.problems:
        if checker.scope_refused:
            raise out_of_scope(checker.problems)
        raise invalid(checker.problems)
    return out
