"""A cooperative or group with its management board (people × roles × dates) and its yearly
figures, saved in one go: `save_cooperative(session, draft, actor)`.

    draft = CooperativeDraft(fields={"name": "HTX Chè Tân Phong", "kind": "HTX"},
                             board=[{"full_name": "Nguyễn Thị Hoa", "gender": "F",
                                     "role": "chair"}],
                             years=[{"year": 2025, "workers": 10, "female_workers": 6}])

A board row names a person by "person_id", or a new person by "full_name" and "gender"; the
board holds the management roles (members and workers are not on it). Everything is checked
before anything is written, so a wrong row leaves nothing half-saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, CooperativeYear, Person, Role
from coopdesk.domain.validation import Context, Problem, validate
from coopdesk.i18n import _
from coopdesk.services import records
from coopdesk.services.registry import people as registry_people
from coopdesk.services.registry.drafts import (
    Area,
    Draft,
    PartSpec,
    Saved,
    check_record,
    delete_record,
    in_part,
    main_values,
    raise_on_errors,
    save_main,
    save_rows,
    stored,
    unknown_rows,
    values_of,
)

FIELDS = (
    "unit_code", "name", "kind", "registration_no", "registered_on", "sector_code", "address",
    "phone", "status", "founded_on", "dissolved_on", "founded_with_hoi_support",
    "hoi_supported", "products", "ocop_product", "ocop_stars", "value_chain",
    "traditional_craft", "community_tourism", "ecommerce", "trademark", "traceability",
    "growing_area_code", "notes",
)  # fmt: skip
BOARD_KEYS = ("person_id", "full_name", "gender", "role", "start_on", "end_on")
ROLE_KEYS = ("role", "start_on", "end_on")
FIGURES = (
    "members", "official_members", "female_members", "workers", "female_workers",
    "new_jobs_women", "revenue", "average_income", "consolidated",
)  # fmt: skip
NOT_ON_BOARD = ("member", "worker")


@dataclass
class CooperativeDraft(Draft):
    MODEL = Cooperative
    FIELDS = FIELDS
    PARTS: ClassVar[dict[str, PartSpec]] = {
        "board": PartSpec(Role, BOARD_KEYS, extra=(Person,)),
        "years": PartSpec(CooperativeYear, ("year", *FIGURES)),
    }

    board: list[dict[str, Any]] | None = None
    years: list[dict[str, Any]] | None = None


def new_cooperative() -> CooperativeDraft:
    return CooperativeDraft(fields={"kind": "HTX", "status": "active"})


# --- loading ---------------------------------------------------------------------------------


def load_cooperative(session: Session, cooperative_id: str) -> CooperativeDraft:
    coop = records.get_live(session, Cooperative, cooperative_id)
    return CooperativeDraft(
        id=coop.id,
        fields=values_of(coop, FIELDS),
        board=[_board_row(role, person) for role, person in _board(session, coop.id)],
        years=[
            {"id": y.id, "year": y.year, **values_of(y, FIGURES)}
            for y in _years(session, coop.id).values()
        ],
    )


def _board(session: Session, cooperative_id: str) -> list[tuple[Role, Person]]:
    rows = session.execute(
        select(Role, Person)
        .join(Person, Person.id == Role.person_id)
        .where(Role.cooperative_id == cooperative_id, Role.deleted_at.is_(None))
        .where(Role.role.not_in(NOT_ON_BOARD))
        .order_by(Role.start_on, Person.sort_key)
    )
    return [(r, p) for r, p in rows]


def _board_row(role: Role, person: Person) -> dict[str, Any]:
    from coopdesk.services.people import display_name

    return {
        "id": role.id,
        "person_id": person.id,
        "full_name": display_name(person),
        "gender": person.gender,
        **values_of(role, ROLE_KEYS),
    }


def _years(session: Session, cooperative_id: str) -> dict[str, CooperativeYear]:
    rows = session.scalars(
        select(CooperativeYear)
        .where(
            CooperativeYear.cooperative_id == cooperative_id,
            CooperativeYear.deleted_at.is_(None),
        )
        .order_by(CooperativeYear.year.desc())
    )
    return {y.id: y for y in rows}


# --- checking --------------------------------------------------------------------------------


def check_cooperative(session: Session, draft: CooperativeDraft) -> list[Problem]:
    """Every problem saving the draft would meet (nothing is written)."""
    try:
        coop = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    data = main_values(session, draft)
    problems = check_record(session, Cooperative, data, coop)
    values = {**(values_of(coop, FIELDS) if coop else {}), **data}
    context = Context(
        cooperative_kind=values.get("kind"),
        cooperative_founded=values.get("founded_on"),
        cooperative_dissolved=values.get("dissolved_on"),
    )
    if draft.board is not None:
        problems += _board_problems(session, draft, coop, context)
    if draft.years is not None:
        problems += _year_problems(session, draft, coop, context)
    return problems


def _board_problems(
    session: Session, draft: CooperativeDraft, coop: Any, context: Context
) -> list[Problem]:
    assert draft.board is not None
    roles = {r.id: r for r, _p in _board(session, coop.id)} if coop else {}
    problems = unknown_rows("board", draft.board, roles, lambda n: n)
    for n, row in enumerate(draft.board):
        data = {k: row.get(k) for k in ROLE_KEYS}
        old = roles.get(row.get("id") or "")
        if old is not None and not any(getattr(old, k) != v for k, v in data.items()):
            continue
        found = registry_people.person_problems(session, row)
        person_id = row.get("person_id") or "-"
        found += validate("Role", {**data, "person_id": person_id, "cooperative_id": "-"}, context)
        problems += in_part("board", n, found)
    return problems


def _year_problems(
    session: Session, draft: CooperativeDraft, coop: Any, context: Context
) -> list[Problem]:
    assert draft.years is not None
    years = _years(session, coop.id) if coop else {}
    rows = draft.years
    problems = unknown_rows("years", rows, years, lambda n: rows[n].get("year"))
    seen: set[Any] = set()
    for row in rows:
        data = {k: row.get(k) for k in ("year", *FIGURES)}
        key = row.get("year")
        old = years.get(row.get("id") or "")
        if key in seen:
            problems.append(
                Problem(
                    f"years[{key}].year",
                    _("The figures of {year} are given twice.").format(year=key),
                )
            )
        seen.add(key)
        if old is not None and not any(getattr(old, k) != v for k, v in data.items()):
            continue
        found = validate("CooperativeYear", {**data, "cooperative_id": "-"}, context)
        problems += in_part("years", key, found)
    return problems


# --- saving ----------------------------------------------------------------------------------


def save_cooperative(session: Session, draft: CooperativeDraft, actor: str) -> Saved:
    """Create or update the cooperative, its board and its yearly figures, in the caller's
    transaction; ValidationFailed (nothing written) when a field or a row is wrong."""
    raise_on_errors(check_cooperative(session, draft))
    coop = save_main(session, draft, actor)
    if draft.board is not None:
        _save_board(session, coop, draft.board, actor)
    if draft.years is not None:
        existing = _years(session, coop.id)
        rows = [
            (
                row.get("id"),
                {k: row.get(k) for k in ("year", *FIGURES)}
                | ({} if row.get("id") else _child(coop)),
            )
            for row in draft.years
        ]
        save_rows(session, CooperativeYear, existing, rows, actor)
    return Saved.of(coop)


def _child(coop: Cooperative) -> dict[str, Any]:
    return {"cooperative_id": coop.id, "unit_code": coop.unit_code}


def _save_board(
    session: Session, coop: Cooperative, board: list[dict[str, Any]], actor: str
) -> None:
    existing = {r.id: r for r, _p in _board(session, coop.id)}
    new_people: dict[tuple[str, str], str] = {}
    rows: list[tuple[str | None, dict[str, Any]]] = []
    for row in board:
        data = {k: row.get(k) for k in ROLE_KEYS}
        if not row.get("id"):
            person_id = registry_people.person_for(session, row, coop.unit_code, actor, new_people)
            data |= {"person_id": person_id, **_child(coop)}
        rows.append((row.get("id"), data))
    save_rows(session, Role, existing, rows, actor)


def delete_cooperative(session: Session, cooperative_id: str, actor: str) -> None:
    """Delete the cooperative with its roles and yearly figures (soft delete, audited)."""
    delete_record(session, Cooperative, cooperative_id, actor)


AREA = Area(
    kind="cooperatives",
    entity="cooperatives",
    draft=CooperativeDraft,
    new=new_cooperative,
    load=load_cooperative,
    check=check_cooperative,
    save=save_cooperative,
    delete=delete_cooperative,
)
