"""Who has reported: for a province (or the country), every unit below it and where its
report for the year stands, so an officer knows whom to call.

A unit's report for year Y is judged from what reached this installation:
- its last bundle made since the reporting year Y began (`Period "Yr"`, the cut-off from the
  settings) and when it was made and received;
- whether that bundle was made by the deadline (the "yearly report due" setting, dd/mm of Y);
- whether its annual report for Y was issued (a numbered "annual" document in its register,
  which travels in its bundles).

Status, worst first: nothing sent; data sent but no report issued; sent late; on time. The
list comes in that order, then by name in Vietnamese order, so the missing ones lead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Report, SyncImport, Unit
from coopdesk.domain.accounts import Permission
from coopdesk.domain.periods import Period, parse_cutoff
from coopdesk.i18n import N_, _, collation_key
from coopdesk.services import accounts, settings

STATUSES = ("missing", "no_report", "late", "on_time")  # worst first
STATUS_LABELS = {
    "missing": N_("Nothing sent"),
    "no_report": N_("Data sent, no report issued"),
    "late": N_("Sent late"),
    "on_time": N_("On time"),
}


@dataclass(frozen=True)
class UnitReporting:
    unit_code: str
    name: str
    status: str  # one of STATUSES
    last_bundle: int | None  # the sender's bundle number
    made_on: dt.date | None  # when the sender made it
    received_on: dt.date | None  # when it was imported here
    report_number: str  # "07/BC-HPN" when the annual report was issued, else ""
    report_issued_on: dt.date | None
    missing: tuple[int, ...] = ()  # bundle numbers never received (ask for them again)

    def to_json(self) -> dict[str, Any]:
        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "unit": self.unit_code,
            "name": self.name,
            "status": self.status,
            "last_bundle": self.last_bundle,
            "made_on": day(self.made_on),
            "received_on": day(self.received_on),
            "report_number": self.report_number,
            "report_issued_on": day(self.report_issued_on),
            "missing_bundles": list(self.missing),
        }


@dataclass(frozen=True)
class ReportingOverview:
    unit_code: str
    year: int
    since: dt.date  # the reporting year's first day
    deadline: dt.date
    units: list[UnitReporting]

    def count(self, status: str) -> int:
        return sum(1 for u in self.units if u.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_code,
            "year": self.year,
            "since": self.since.isoformat(),
            "deadline": self.deadline.isoformat(),
            "counts": {s: self.count(s) for s in STATUSES},
            "units": [u.to_json() for u in self.units],
        }


class ReportingError(ValueError):
    """A request the overview cannot answer, for a person to read."""


# When the units below owe their report (DOMAIN.md §1): communes to the province by 15/11,
# provinces to the country by 30/11; a unit's own setting changes it.
DEFAULT_DEADLINES = {"commune": "15/11", "province": "30/11"}


def _deadline_key(unit_code: str) -> str:
    return f"reporting/deadline_below/{unit_code}"


def deadline_text(session: Session, unit_code: str) -> str:
    """'dd/mm' by which the units below `unit_code` owe their yearly report."""
    stored = settings.get_json(session, _deadline_key(unit_code))
    if isinstance(stored, str):
        try:
            parse_cutoff(stored)
            return stored
        except ValueError:
            pass  # a damaged setting: the default, as for a new installation
    return DEFAULT_DEADLINES["province" if unit_code == "VN" else "commune"]


def set_deadline(session: Session, unit_code: str, text: str) -> str:
    """Store the day the units below owe their report; ValueError says what is wrong."""
    accounts.require(session, Permission.EDIT_RECORDS)
    try:
        month, day = parse_cutoff(text.strip())
        dt.date(2001, month, day)
    except ValueError:
        raise ValueError(
            _("Due date “{text}”: write a day of the year as day/month, for example 15/11.").format(
                text=text
            )
        ) from None
    value = f"{day:02d}/{month:02d}"
    settings.set_json(session, _deadline_key(unit_code), value)
    return value


def deadline_of(session: Session, unit_code: str, year: int) -> dt.date:
    month, day = parse_cutoff(deadline_text(session, unit_code))
    return dt.date(year, month, day)


def reporting_year(session: Session, unit_code: str, year: int) -> Period:
    cutoff = settings.get_document_settings(session, unit_code).reporting_cutoff
    return Period.parse(f"{year}r", cutoff=parse_cutoff(cutoff or None))


def who_has_reported(session: Session, unit_code: str, year: int) -> ReportingOverview:
    """Every unit directly below `unit_code` (a province's communes, the country's provinces)."""
    children = _children(session, unit_code)
    if not children:
        raise ReportingError(
            _("{unit} has no units below it that report to it.").format(unit=unit_code)
        )
    since = reporting_year(session, unit_code, year).start
    deadline = deadline_of(session, unit_code, year)
    bundles = _last_bundles(session, list(children), since)
    issued = _issued_reports(session, list(children), year)
    gaps = _missing_bundles(session, list(children))
    rows = [
        replace(
            _row(code, name, bundles.get(code), issued.get(code), deadline),
            missing=gaps.get(code, ()),
        )
        for code, name in children.items()
    ]
    rows.sort(key=lambda r: (STATUSES.index(r.status), collation_key(r.name)))
    return ReportingOverview(unit_code, year, since, deadline, rows)


def _children(session: Session, unit_code: str) -> dict[str, str]:
    # provinces have no parent unit: the country's children are the provinces
    below = Unit.level == "province" if unit_code == "VN" else Unit.parent_code == unit_code
    rows = session.execute(select(Unit.code, Unit.name).where(below, Unit.code.not_like("old:%")))
    return {code: name for code, name in rows}


def _last_bundles(
    session: Session, units: list[str], since: dt.date
) -> dict[str, tuple[int, dt.date, dt.date]]:
    """unit → (bundle number, made on, received on) of its last bundle made since `since`."""
    found: dict[str, tuple[int, dt.date, dt.date]] = {}
    rows = session.execute(
        select(
            SyncImport.sender_unit, SyncImport.seq, SyncImport.created_at, SyncImport.imported_at
        )
        .where(
            SyncImport.undone_at.is_(None),
            SyncImport.sender_unit.in_(units),
            SyncImport.created_at >= _utc_start(since),
        )
        .order_by(SyncImport.created_at)
    )
    for unit, seq, made, received in rows:
        if made is not None:
            found[unit] = (seq, local_day(made), local_day(received))
    return found


def _utc_start(day: dt.date) -> dt.datetime:
    """The first moment of a day in Vietnam, as stored (UTC, naive for SQLite)."""
    return dt.datetime.combine(day, dt.time(), VIETNAM).astimezone(dt.UTC).replace(tzinfo=None)


VIETNAM = dt.timezone(dt.timedelta(hours=7))  # no daylight saving


def local_day(moment: dt.datetime) -> dt.date:
    """The day in Vietnam of a stored moment (stored in UTC; SQLite hands it back naive)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM).date()


def _missing_bundles(session: Session, units: list[str]) -> dict[str, tuple[int, ...]]:
    """unit → the numbers missing before each of its computers' last bundle received."""
    seen: dict[tuple[str, str], set[int]] = {}
    rows = session.execute(
        select(SyncImport.sender_unit, SyncImport.sender_replica, SyncImport.seq).where(
            SyncImport.undone_at.is_(None), SyncImport.sender_unit.in_(units)
        )
    )
    for unit, replica, seq in rows:
        seen.setdefault((unit, replica), set()).add(seq)
    missing: dict[str, set[int]] = {}
    for (unit, _replica), seqs in seen.items():
        missing.setdefault(unit, set()).update(set(range(1, max(seqs) + 1)) - seqs)
    return {unit: tuple(sorted(numbers)) for unit, numbers in missing.items() if numbers}


def _issued_reports(session: Session, units: list[str], year: int) -> dict[str, Report]:
    rows = session.scalars(
        select(Report)
        .where(
            Report.unit_code.in_(units),
            Report.template == "annual",
            Report.status == "issued",
            Report.year == year,
            Report.deleted_at.is_(None),
        )
        .order_by(Report.issued_on)
    )
    return {r.unit_code: r for r in rows}


def _row(
    code: str,
    name: str,
    bundle: tuple[int, dt.date, dt.date] | None,
    report: Report | None,
    deadline: dt.date,
) -> UnitReporting:
    if bundle is None:
        status = "missing"
    elif report is None:
        status = "no_report"
    elif bundle[1] > deadline:
        status = "late"
    else:
        status = "on_time"
    number = ""
    if report is not None and report.number is not None:
        suffix = f"-{report.symbol}" if report.symbol else ""
        number = f"{report.number:02d}/{report.doc_type}{suffix}"
    return UnitReporting(
        unit_code=code,
        name=name,
        status=status,
        last_bundle=bundle[0] if bundle else None,
        made_on=bundle[1] if bundle else None,
        received_on=bundle[2] if bundle else None,
        report_number=number,
        report_issued_on=report.issued_on if report is not None else None,
    )


# --- the printable list -----------------------------------------------------------------


def reporting_document(
    session: Session, unit_code: str, year: int, today: dt.date, lang: str = "vi"
) -> Any:
    """The list as a document (PDF and .xlsx) in the unit's administrative layout."""
    from coopdesk.reports.common import Numbering
    from coopdesk.reports.reporting import ReportingRow, build_reporting_list
    from coopdesk.reports.text import translate_in
    from coopdesk.services.report_data import issuing_for

    overview = who_has_reported(session, unit_code, year)
    rows = [
        ReportingRow(
            u.name,
            translate_in(lang, STATUS_LABELS[u.status]),
            u.last_bundle,
            u.made_on,
            u.received_on,
            u.report_number,
            u.report_issued_on,
            ", ".join(str(n) for n in u.missing),
        )
        for u in overview.units
    ]
    counts = "; ".join(
        f"{translate_in(lang, STATUS_LABELS[s])}: {overview.count(s)}" for s in STATUSES
    )
    return build_reporting_list(
        year,
        overview.deadline,
        rows,
        f"({counts})",
        issuing_for(session, unit_code, {}),
        Numbering("DS", None, today),
        lang,
    )


def save_list(
    session: Session, unit_code: str, year: int, today: dt.date, lang: str, path: Path
) -> Path:
    """Write the list to `path`: a PDF, or an Excel workbook when it ends in .xlsx."""
    from coopdesk.reports.layout import render_pdf
    from coopdesk.reports.xlsx import render_xlsx

    document = reporting_document(session, unit_code, year, today, lang)
    render = render_xlsx if path.suffix.lower() == ".xlsx" else render_pdf
    path.write_bytes(render(document))
    return path


def list_file_name(session: Session, unit_code: str, year: int, suffix: str) -> str:
    """'Tinh-hinh-bao-cao-2026-Tinh-Lai-Chau.pdf': a name a person can read."""
    from coopdesk.services.documents.file_names import people_file_name

    unit = session.get(Unit, unit_code)
    name = unit.name if unit is not None else unit_code
    return people_file_name("Tình hình báo cáo", str(year), name, suffix=suffix)
