"""Drafts: what the Reports form says, kept as the officer types, and found again.

`save_draft(session, form, actor=…)` creates or updates the draft the form edits;
`latest_draft(session, template, unit_code, period)` finds the draft to reopen for a kind of
document, a unit and a period; `preview(session, form, lang)` renders what the form shows;
`wording_of(session, form, lang)` lists the generated passages with the officer's wording.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Report
from coopdesk.i18n import _
from coopdesk.reports.text import translate_in
from coopdesk.services.documents.issuing import WITH_PARAGRAPHS
from coopdesk.services.documents.rendering import Rendered, render_request
from coopdesk.services.documents.stored import (
    audit,
    document_date,
    get_report,
    number_line,
    options_of,
    paragraphs_of,
    reissue_note,
    request_for,
)
from coopdesk.services.documents.wording import (
    Reworded,
    WordingLine,
    check_wording,
    kept,
    wording_from,
    wording_json,
    wording_lines,
)
from coopdesk.services.report_data import Progress, build_document, paragraphs_json, parse_period
from coopdesk.services.report_lists import ListFilter
from coopdesk.services.report_request import TEMPLATES, ReportError, ReportRequest
from coopdesk.sync import versions


@dataclass
class DraftForm:
    """What the Reports form says about one document."""

    template: str
    unit_code: str
    period: str = ""
    date: dt.date | None = None
    paragraphs: dict[str, str | None] = field(default_factory=dict)  # None: left out
    overrides: dict[str, Any] = field(default_factory=dict)  # what differs from the settings
    wording: dict[str, Reworded] = field(default_factory=dict)  # her text for a passage
    filters: ListFilter = field(default_factory=ListFilter)
    plan_id: str | None = None
    report_id: str | None = None  # the stored document this form edits; None: a new draft

    def request(self, lang: str, reissue_note: str = "") -> ReportRequest:
        return ReportRequest(
            template=self.template,
            unit_code=self.unit_code,
            period=self.period,
            lang=lang,
            date=self.date,
            paragraphs=dict(self.paragraphs),
            wording={key: value.text for key, value in self.wording.items()},
            overrides=dict(self.overrides),
            plan_id=self.plan_id,
            filters=self.filters,
            reissue_note=reissue_note,
        )


@dataclass
class Draft:
    """A stored document as the form shows it."""

    id: str
    status: str  # draft | issued
    form: DraftForm
    number_line: str = ""  # "01/BC-HPN" once issued
    reissue_of: str | None = None

    @property
    def issued(self) -> bool:
        return self.status == "issued"


def draft_of(report: Report) -> Draft:
    options = options_of(report)
    form = DraftForm(
        template=report.template,
        unit_code=report.unit_code,
        period=report.period,
        date=document_date(report),
        paragraphs=paragraphs_of(report),
        overrides=dict(options.get("overrides", {})),
        wording=wording_from(options),
        filters=ListFilter(**options.get("filters", {})),
        plan_id=options.get("plan_id"),
        report_id=report.id,
    )
    return Draft(report.id, report.status, form, number_line(report), report.reissue_of)


def get_draft(session: Session, report_id: str) -> Draft:
    return draft_of(get_report(session, report_id))


def latest_draft(session: Session, template: str, unit_code: str, period: str) -> Draft | None:
    """The draft last worked on for this kind of document, unit and period, if any."""
    report = session.scalars(
        select(Report)
        .where(
            Report.template == template,
            Report.unit_code == unit_code,
            Report.period == period,
            Report.status == "draft",
            Report.deleted_at.is_(None),
        )
        .order_by(Report.updated_at.desc(), Report.created_at.desc())
        .limit(1)
    ).first()
    return draft_of(report) if report is not None else None


def _check(session: Session, form: DraftForm) -> None:
    if form.template not in TEMPLATES:
        raise ReportError(
            _("Unknown document “{name}”: choose one of {names}").format(
                name=form.template, names=", ".join(TEMPLATES)
            )
        )
    if form.template != "plan":  # a plan prints its own period
        parse_period(form.period, form.date or dt.date.today())
    check_wording(form.wording)


def _options(form: DraftForm) -> dict[str, Any]:
    options: dict[str, Any] = {"overrides": form.overrides or {}}
    if form.template.startswith("list-"):
        options["filters"] = {k: v for k, v in vars(form.filters).items() if v}
    if form.plan_id:
        options["plan_id"] = form.plan_id
    wording = kept(form.wording) if form.template in WITH_PARAGRAPHS else {}
    if wording:
        options["wording"] = wording_json(wording)
    if form.date is not None:
        options["date"] = form.date.isoformat()
    return options


def save_draft(session: Session, form: DraftForm, *, actor: str) -> Draft:
    """Create or update the draft with the officer's paragraphs and per-document settings."""
    _check(session, form)
    report = get_report(session, form.report_id) if form.report_id else None
    if report is not None and report.status != "draft":
        raise ReportError(_("An issued document cannot be changed; re-issue it instead."))
    before = None
    if report is None:
        report = Report(
            template=form.template,
            unit_code=form.unit_code,
            created_by=actor,
            status="draft",
            year=0,
        )
        session.add(report)
    else:
        before = {"paragraphs": report.paragraphs, "settings": report.settings}
    paragraphs = form.paragraphs if form.template in WITH_PARAGRAPHS else {}
    report.template = form.template
    report.doc_type = TEMPLATES[form.template][0]
    report.unit_code = form.unit_code
    report.period = form.period
    report.year = (form.date or dt.date.today()).year
    report.paragraphs = paragraphs_json(paragraphs)
    report.settings = json.dumps(_options(form), ensure_ascii=False, sort_keys=True)
    report.title = _title(form)
    report.updated_by = actor
    versions.stamp(session, report)
    session.flush()
    audit(session, report, "create" if before is None else "update", actor, before)
    return draft_of(report)


def _title(form: DraftForm) -> str:
    return translate_in("vi", TEMPLATES[form.template][1]) + (
        f" — {form.period}" if form.period else ""
    )


def preview(
    session: Session, form: DraftForm, lang: str = "vi", progress: Progress | None = None
) -> Rendered:
    """What the form shows: an issued document as it was issued, a draft as it is typed."""
    report = get_report(session, form.report_id) if form.report_id else None
    if report is not None and report.status == "issued":
        return render_request(session, request_for(session, report, lang), progress)
    note = reissue_note(session, report, lang) if report is not None else ""
    return render_request(session, form.request(lang, note), progress)


def wording_of(session: Session, form: DraftForm, lang: str = "vi") -> list[WordingLine]:
    """The document's generated passages, with her wording of each: what the Reports page's
    “Wording” dialog and `coopdesk report annual --list-wording` show."""
    if form.template not in WITH_PARAGRAPHS:
        return []
    document, _tables = build_document(session, form.request(lang))
    return wording_lines(document, form.wording, lang)


def settle_wording(
    session: Session, form: DraftForm, lang: str = "vi"
) -> tuple[DraftForm, list[WordingLine]]:
    """The form with the generated text behind each of her passages filled in where it was not
    known (wording from a file gives only her text), and the passages as they stand."""
    if form.template not in WITH_PARAGRAPHS:
        return form, []
    document, _tables = build_document(session, form.request(lang))
    generated = {passage.key: passage.generated for passage in document.wording}
    wording = {
        key: value
        if value.based_on or key not in generated
        else Reworded(value.text, generated[key], lang)
        for key, value in form.wording.items()
    }
    return replace(form, wording=wording), wording_lines(document, wording, lang)
