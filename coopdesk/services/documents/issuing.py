"""What stands in the way of issuing: an officer's part still empty, or a document of the same
kind, unit and period already issued that the new one would replace without saying so.

`check_issue(session, form)` tells the Reports page before it asks; `issue_report` enforces the
same rules (`EmptyParagraphs`, `AlreadyIssued`), so the command line cannot skip them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Report
from coopdesk.i18n import _
from coopdesk.reports.paragraph_keys import PARAGRAPH_KEYS, WRITTEN_ONLY
from coopdesk.services.documents.stored import get_report, number_line, options_of, paragraphs_of
from coopdesk.services.report_request import ReportError

# Documents with the officer's own paragraphs (coopdesk.reports.annual.PARAGRAPH_KEYS).
WITH_PARAGRAPHS = frozenset({"annual"})


@dataclass(frozen=True)
class IssuedRef:
    """An issued document as a message names it."""

    id: str
    number_line: str  # "01/BC-HPN"
    issued_on: dt.date | None

    @property
    def date_text(self) -> str:
        return f"{self.issued_on:%d/%m/%Y}" if self.issued_on else ""


class EmptyParagraphs(ReportError):
    """Parts the officer has neither written nor left out (`keys`, in document order)."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        names = ", ".join(f"“{_(PARAGRAPH_KEYS[k])}”" for k in keys)
        super().__init__(
            _(
                "The document cannot be issued while these parts are empty: {names}. Write "
                "them, or leave the part out."
            ).format(names=names)
        )


class AlreadyIssued(ReportError):
    """A document of the same kind, unit and period is issued and not replaced (`current`)."""

    def __init__(self, current: IssuedRef) -> None:
        self.current = current
        super().__init__(
            _(
                "Document No. {number} of {date} is already issued for this period; issue "
                "the new one only to replace it."
            ).format(number=current.number_line, date=current.date_text)
        )


class NoSigner(ReportError):
    """The document names nobody to sign it."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The document cannot be issued without the name of the person who signs it: "
                "fill in “Signer's name” (on the Reports page or in Settings; for a plan, on "
                "its “Issuer and signature” tab)."
            )
        )


@dataclass(frozen=True)
class IssueCheck:
    empty: tuple[str, ...]  # the parts still to write (PARAGRAPH_KEYS)
    replaces: IssuedRef | None  # the issued document the new one would replace


def empty_parts(template: str, paragraphs: dict[str, str | None]) -> tuple[str, ...]:
    """The officer's parts neither written nor left out (None)."""
    if template not in WITH_PARAGRAPHS:
        return ()
    return tuple(
        key
        for key in WRITTEN_ONLY
        if paragraphs.get(key, "") is not None and not (paragraphs.get(key) or "").strip()
    )


def ref_of(report: Report) -> IssuedRef:
    return IssuedRef(report.id, number_line(report), report.issued_on)


def current_issued(
    session: Session,
    template: str,
    unit_code: str,
    period: str,
    plan_id: str | None,
    exclude_id: str | None = None,
) -> Report | None:
    """The issued document of this kind, unit and period that no later one replaces."""
    issued = [
        r
        for r in session.scalars(
            select(Report).where(
                Report.template == template,
                Report.unit_code == unit_code,
                Report.period == period,
                Report.status == "issued",
                Report.deleted_at.is_(None),
            )
        )
        if r.id != exclude_id and options_of(r).get("plan_id") == plan_id
    ]
    replaced = {r.reissue_of for r in issued}
    standing = [r for r in issued if r.id not in replaced]
    standing.sort(key=lambda r: (r.issued_on or dt.date.min, r.year, r.number or 0))
    return standing[-1] if standing else None


def check_replacement(session: Session, report: Report, replaces: str | None) -> str | None:
    """The id of the document this one replaces; refused when that is not said."""
    current = current_issued(
        session,
        report.template,
        report.unit_code,
        report.period,
        options_of(report).get("plan_id"),
        report.id,
    )
    if current is None:
        if replaces is not None:
            raise ReportError(_("No document of this kind and period is issued yet to replace."))
        return report.reissue_of
    if current.id not in (replaces, report.reissue_of):
        raise AlreadyIssued(ref_of(current))
    return current.id


def check_report(session: Session, report: Report) -> None:
    """Refuse to issue a document with an officer's part still empty."""
    empty = empty_parts(report.template, paragraphs_of(report))
    if empty:
        raise EmptyParagraphs(empty)


def check_issue(
    session: Session,
    template: str,
    unit_code: str,
    period: str,
    paragraphs: dict[str, str | None],
    report_id: str | None = None,
    plan_id: str | None = None,
) -> IssueCheck:
    """What the Reports page must ask before issuing what the form says."""
    report = get_report(session, report_id) if report_id else None
    current = current_issued(session, template, unit_code, period, plan_id, report_id)
    already = report is not None and current is not None and report.reissue_of == current.id
    return IssueCheck(
        empty_parts(template, paragraphs),
        ref_of(current) if current is not None and not already else None,
    )
