"""One-record documents from the database: a cooperative's information sheet and a training's
attendance sheet (`coopdesk.reports.record_sheets`), rendered like every other document
(PDF, and the same `Document` as .docx)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Role,
    Support,
    Training,
    Unit,
)
from coopdesk.reports.model import CellValue, Document
from coopdesk.reports.record_sheets import Attendance, CoopSheet, build_attendance, build_coop_sheet
from coopdesk.reports.text import translate_in
from coopdesk.services.documents.rendering import Rendered
from coopdesk.services.report_data import issuing_for
from coopdesk.services.report_lists import label, sector_name
from coopdesk.services.report_request import ReportError

RECORD_DOCUMENTS = ("coop-sheet", "attendance")


def render_record(
    session: Session, kind: str, record_id: str, lang: str = "vi", date: dt.date | None = None
) -> Rendered:
    """The document as PDF (and .docx, .xlsx on asking), as every document is rendered."""
    from coopdesk.reports.layout import render_pdf

    doc = record_document(session, kind, record_id, lang, date)
    return Rendered(doc, render_pdf(doc), doc.tables())


def record_document(
    session: Session, kind: str, record_id: str, lang: str = "vi", date: dt.date | None = None
) -> Document:
    """The sheet of one cooperative ("coop-sheet") or one training ("attendance"), issued by
    the Hội of the unit the record belongs to."""
    day = date or dt.date.today()
    if kind == "coop-sheet":
        coop = session.get(Cooperative, record_id)
        if coop is None or coop.deleted_at is not None:
            raise ReportError(_missing(lang, "cooperative", record_id))
        issuing = issuing_for(session, coop.unit_code, {})
        return build_coop_sheet(_coop_sheet(session, coop, lang), issuing, day, lang)
    if kind == "attendance":
        course = session.get(Training, record_id)
        if course is None or course.deleted_at is not None:
            raise ReportError(_missing(lang, "training", record_id))
        issuing = issuing_for(session, course.unit_code, {})
        return build_attendance(_attendance(session, course), issuing, day, lang)
    raise ReportError(
        translate_in(lang, "Unknown document “{name}”: choose one of {names}").format(
            name=kind, names=", ".join(RECORD_DOCUMENTS)
        )
    )


def _missing(lang: str, what: str, record_id: str) -> str:
    if what == "cooperative":
        text = translate_in(lang, "There is no cooperative with the id {id}.")
    else:
        text = translate_in(lang, "There is no training with the id {id}.")
    return text.format(id=record_id)


def _yes(value: bool, lang: str) -> str:
    return translate_in(lang, "Yes") if value else translate_in(lang, "No")


def _coop_sheet(session: Session, coop: Cooperative, lang: str) -> CoopSheet:
    unit = session.get(Unit, coop.unit_code)
    facts = [
        (translate_in(lang, "Name"), coop.name),
        (translate_in(lang, "Type"), label(coop.kind, lang)),
        (translate_in(lang, "Commune"), unit.name if unit else coop.unit_code),
        (translate_in(lang, "Address"), coop.address),
        (translate_in(lang, "Registration number"), coop.registration_no),
        (
            translate_in(lang, "Registered on"),
            f"{coop.registered_on:%d/%m/%Y}" if coop.registered_on else "",
        ),
        (
            translate_in(lang, "Founded on"),
            f"{coop.founded_on:%d/%m/%Y}" if coop.founded_on else "",
        ),
        (translate_in(lang, "Sector"), sector_name(session, coop.sector_code or "", lang)),
        (translate_in(lang, "Products"), coop.products),
        (translate_in(lang, "Status"), label(coop.status, lang)),
        (translate_in(lang, "Supported by the Union"), _yes(coop.hoi_supported, lang)),
        (
            translate_in(lang, "Founded under the Project"),
            _yes(coop.founded_with_hoi_support, lang),
        ),
    ]
    if coop.ocop_stars:
        stars = translate_in(lang, "OCOP {stars} stars").format(stars=coop.ocop_stars)
        facts.append(
            (
                translate_in(lang, "OCOP"),
                f"{stars}: {coop.ocop_product}" if coop.ocop_product else stars,
            )
        )
    return CoopSheet(
        name=coop.name,
        kind=coop.kind,
        facts=[(k, v) for k, v in facts if v],
        board=_board(session, coop.id, lang),
        years=_years(session, coop.id, lang),
        support=_support(session, coop.id, lang),
    )


def _board(session: Session, coop_id: str, lang: str) -> list[tuple[str, int | None, str]]:
    """Everyone holding a board or staff role now (no end date, or one still ahead), roles
    joined; members and workers are counted in the yearly figures instead."""
    today = dt.date.today()
    people: dict[str, tuple[str, int | None, list[str]]] = {}
    for role, person in session.execute(
        select(Role, Person)
        .join(Person, Person.id == Role.person_id)
        .where(
            Role.cooperative_id == coop_id,
            Role.deleted_at.is_(None),
            Person.deleted_at.is_(None),
            Role.role.not_in(("member", "worker")),
        )
        .order_by(Person.sort_key, Person.id, Role.role)
    ):
        if role.end_on is not None and role.end_on < today:
            continue
        entry = people.setdefault(person.id, (person.full_name, person.birth_year, []))
        entry[2].append(label(role.role, lang))
    return [(name, year, ", ".join(roles)) for name, year, roles in people.values()]


def _years(session: Session, coop_id: str, lang: str) -> list[list[CellValue]]:
    y = CooperativeYear
    return [
        [
            r.year,
            r.members,
            r.workers,
            r.female_workers,
            r.new_jobs_women,
            r.revenue,
            _yes(r.consolidated, lang),
        ]
        for r in session.scalars(
            select(y).where(y.cooperative_id == coop_id, y.deleted_at.is_(None)).order_by(y.year)
        )
    ]


def _support(session: Session, coop_id: str, lang: str) -> list[list[CellValue]]:
    s = Support
    return [
        [r.given_on, label(r.kind, lang), label(r.fund, lang), r.amount, r.description]
        for r in session.scalars(
            select(s)
            .where(s.cooperative_id == coop_id, s.deleted_at.is_(None))
            .order_by(s.given_on, s.id)
        )
    ]


def _attendance(session: Session, course: Training) -> Attendance:
    """Everyone on the course, in the order of their given names (DOMAIN §7)."""
    names = dict(session.execute(select(Unit.code, Unit.name)).all())
    pa, p = Participation, Person
    people = [
        (person.full_name, person.birth_year, names.get(person.unit_code, person.unit_code))
        for person in session.scalars(
            select(p)
            .join(pa, pa.person_id == p.id)
            .where(pa.training_id == course.id, pa.deleted_at.is_(None), p.deleted_at.is_(None))
            .order_by(p.sort_key, p.id)
        )
    ]
    return Attendance(
        title=course.title,
        start_on=course.start_on,
        end_on=course.end_on,
        location=course.location,
        organiser=course.organiser,
        people=people,
    )
