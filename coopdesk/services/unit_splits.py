"""A commune split into two or more: the province plans it (records divided by their address,
the rest chosen by hand), records it, and it travels down like a merge (services.unit_changes).

    plan = plan_split(session, "03388", parts)    # what each address says, what is undecided
    record_split(session, sender="12", source="03388", parts=parts, default="03388",
                 choices={undecided_id: "03409", …}, decision="…", effective_on=…, actor="…")

Records keep the unit they were entered under; from the effective date the indicators count
each root record (domain.unit_changes.ROOTS) of the split commune under the part it was
assigned to, and every record that follows it with it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coopdesk.db.models import UnitChange
from coopdesk.domain import unit_changes as rules
from coopdesk.domain.unit_changes import Details, Part
from coopdesk.i18n import _
from coopdesk.services import unit_records, units
from coopdesk.services.unit_changes import UnitChangeError, check_sources, save


@dataclass(frozen=True)
class Proposal:
    table: str
    record_id: str
    label: str  # "HTX Chè Tân Phong — Bản Nà Ún"
    part: str | None  # the part its address names; None: the province chooses


@dataclass(frozen=True)
class SplitPlan:
    source: str
    parts: tuple[Part, ...]
    proposals: list[Proposal]

    @property
    def undecided(self) -> list[Proposal]:
        return [p for p in self.proposals if p.part is None]


def _check_parts(session: Session, source: str, parts: Sequence[Part]) -> None:
    codes = [p.code for p in parts]
    if len(parts) < 2 or len(parts) > rules.MAX_PARTS:
        raise UnitChangeError(_("A split divides one commune into two or more."))
    if len(set(codes)) != len(codes):
        raise UnitChangeError(_("Each unit after the split needs its own code."))
    for part in parts:
        if not rules.is_unit_code(part.code):
            raise UnitChangeError(_("The new unit's code has five digits, e.g. 03408."))
        if not part.name.strip():
            raise UnitChangeError(_("Each unit after the split needs a name."))
        held = units.get(session, part.code)
        if held is not None and part.code != source:
            raise UnitChangeError(
                _("The code {code} is already used by {name}.").format(
                    code=part.code, name=held.name
                )
            )


def plan_split(session: Session, source: str, parts: Sequence[Part]) -> SplitPlan:
    """Every root record of `source` with the part its address names (or None)."""
    source = units.normalize_code(source)
    check_sources(session, units.COUNTRY_CODE, [source])
    _check_parts(session, source, parts)
    proposals = [
        Proposal(table, rid, label, rules.part_by_address(address, parts) if address else None)
        for table, rid, label, address in unit_records.roots(session, source)
    ]
    return SplitPlan(source, tuple(parts), proposals)


def record_split(
    session: Session,
    *,
    sender: str,
    source: str,
    parts: Sequence[Part],
    default: str,
    choices: Mapping[str, str],
    decision: str,
    effective_on: dt.date,
    actor: str,
) -> str:
    """Record the split; `choices` gives a part for records the addresses do not divide (and
    may override an address); the rest go to `default`."""
    source = units.normalize_code(source)
    check_sources(session, sender, [source])
    plan = plan_split(session, source, parts)
    codes = {p.code for p in parts}
    if default not in codes:
        raise UnitChangeError(_("The default unit of a split must be one of its parts."))
    known = {p.record_id: p.part for p in plan.proposals}
    for record_id, code in choices.items():
        if record_id not in known:
            raise UnitChangeError(
                _("The record {id} chosen for the split is not in the commune (see --plan).")
                .format(id=record_id),
                field="records",
            )  # fmt: skip
        if code not in codes:
            raise UnitChangeError(
                _("The record {id} is given {code}, which is not a unit after the split.")
                .format(id=record_id, code=code),
                field="records",
            )  # fmt: skip
    final = {rid: choices.get(rid) or part or default for rid, part in known.items()}
    details = Details(
        names_before={source: units.get(session, source).name},  # type: ignore[union-attr]
        parts=tuple(Part(p.code, " ".join(p.name.split())) for p in parts),
        assign={rid: code for rid, code in sorted(final.items()) if code != default},
    )
    row = UnitChange(
        unit_code=sender,
        kind="split",
        decision=decision.strip(),
        effective_on=effective_on,
        sources=json.dumps([source]),
        target_code=default,
        target_name=next(p.name for p in details.parts if p.code == default),
        details=details.dumps(),
        created_by=actor,
        updated_by=actor,
    )
    return save(session, row, actor)
