"""Báo cáo kết quả thực hiện Đề án (a year, a phase, any period), from gathered figures.

The structure follows the local plans' six task groups (DOMAIN.md §3): the situation, results
by group with the numbers of the indicator registry, the officer's own assessment,
difficulties, next tasks and proposals, then the appendices (indicators against targets; for
an aggregating unit, the key indicators of each child unit, on landscape pages).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from coopdesk.i18n import N_
from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import CellValue, Column, Document, Paragraph, Table, Typed
from coopdesk.reports.text import number, percent_0_100, translate_in

DOC_CODE = "BC"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# The officer's own text, stored with the report (Report.paragraphs), in document order.
PARAGRAPH_KEYS: dict[str, str] = {
    "situation": N_("General situation"),
    "international": N_("International cooperation"),
    "strengths": N_("Strengths"),
    "difficulties": N_("Difficulties, shortcomings and their causes"),
    "next_tasks": N_("Key tasks for the next period"),
    "proposals": N_("Proposals and recommendations"),
}
# Sections whose only text is the officer's: a document cannot be issued while one is empty,
# unless it is left out (its paragraph is None: neither heading nor text is printed).
WRITTEN_ONLY = ("strengths", "difficulties", "next_tasks", "proposals")


@dataclass(frozen=True)
class Figure:
    """One indicator's value and target for the report's unit and period."""

    code: str
    name: str  # in the document's language
    unit: str  # HTX, THT, người, lượt, %, đồng
    group: int
    value: Decimal | None
    target: Decimal | None = None
    comparison: str = ">="
    unit_text: str = ""  # the unit in the document's language ('people'); default: `unit`

    @property
    def unit_label(self) -> str:
        return self.unit_text or self.unit

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    def share_of_target(self) -> Decimal | None:
        if self.value is None or not self.target:
            return None
        return Decimal(self.value) / Decimal(self.target)


@dataclass
class AnnualData:
    unit_name: str  # "Phường Tân Phong"
    issuer_prose: str  # "Hội LHPN phường Tân Phong" (the issuer as it reads in a sentence)
    period_key: str
    period_kind: str  # year | reporting_year | phase1 | phase2 | all | range
    period_start: dt.date
    period_end: dt.date
    period_year: int | None
    figures: dict[str, Figure]
    cooperatives_active: tuple[int, int] = (0, 0)  # HTX, THT active in the unit
    support_by_fund: list[tuple[str, int, int]] = field(default_factory=list)  # fund, n, đồng
    budget_by_source: list[tuple[str, int, int, int]] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # "Kế hoạch số 235/KH-UBND ngày …"
    paragraphs: dict[str, str | None] = field(default_factory=dict)  # None: left out
    child_codes: list[str] = field(default_factory=list)  # key indicators by child unit
    children: list[tuple[str, dict[str, Decimal | None]]] = field(default_factory=list)
    reissue_note: str = ""
    international_spent: int = 0  # đồng spent from the international source in the period


def period_phrase(data: AnnualData, lang: str) -> str:
    """'năm 2026', 'giai đoạn 2023–2025', 'từ ngày 01/01/2026 đến ngày 30/06/2026'."""
    return phrase_for(data.period_kind, data.period_start, data.period_end, data.period_year, lang)


def phrase_for(kind: str, start: dt.date, end: dt.date, year: int | None, lang: str) -> str:
    if kind in ("year", "reporting_year") and year:
        return translate_in(lang, "in {year}").format(year=year)
    if kind in ("phase1", "phase2", "all"):
        return translate_in(lang, "for the period {first}–{last}").format(
            first=start.year, last=end.year
        )
    return translate_in(lang, "from {start} to {end}").format(
        start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"
    )


def _next_period(data: AnnualData, lang: str) -> str:
    if data.period_kind in ("year", "reporting_year") and data.period_year:
        return translate_in(lang, "IN {year}").format(year=data.period_year + 1)
    if data.period_kind == "phase1":
        return translate_in(lang, "FOR THE PERIOD {first}–{last}").format(first=2026, last=2030)
    return translate_in(lang, "FOR THE NEXT PERIOD")


def subject(data: AnnualData, lang: str) -> str:
    if data.period_kind == "phase1":  # the mid-term review (sơ kết)
        return translate_in(
            lang,
            "Mid-term review of the Project “Supporting cooperatives with women in "
            "management, creating jobs for female workers until 2030”, phase 1 (2023–2025)",
        )
    return translate_in(
        lang,
        "Results of implementing the Project “Supporting cooperatives with women in "
        "management, creating jobs for female workers until 2030” {period}",
    ).format(period=period_phrase(data, lang))


class _Writer:
    def __init__(self, data: AnnualData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.blocks: list[Paragraph | Table] = []
        self.parts = iter(ROMAN)

    def add(self, text: str, style: str = "body") -> None:
        self.blocks.append(Paragraph(text, style))  # type: ignore[arg-type]

    def part(self, heading: str) -> None:
        """A numbered part (I., II., …): numbers follow the parts printed."""
        self.add(f"{next(self.parts)}. {heading}", "part")

    def left_out(self, key: str) -> bool:
        return key in self.data.paragraphs and self.data.paragraphs[key] is None

    def written(self, key: str) -> str:
        return (self.data.paragraphs.get(key) or "").strip()

    def officer_text(self, key: str) -> None:
        text = self.written(key)
        if not text:
            self.add(translate_in(self.lang, "(to be written by the officer)"))
            return
        for line in text.splitlines():
            line = line.strip()
            if line:
                self.add(line, "dash" if line.startswith(("-", "+", "•")) else "body")

    def n(self, code: str) -> str:
        fig = self.data.figures.get(code)
        if fig is not None and fig.is_percent:
            return percent_0_100(fig.value or 0, self.lang)
        if fig is None or fig.value is None:
            return "0"
        if fig.is_percent:
            return percent_0_100(fig.value, self.lang)
        return number(fig.value, self.lang)


def build_annual(
    data: AnnualData, issuing: Issuing, numbering: Numbering, lang: str = "vi"
) -> Document:
    w = _Writer(data, lang)
    period = period_phrase(data, lang)
    for basis in data.bases:
        w.add(translate_in(lang, "Pursuant to {basis};").format(basis=basis), "basis")
    w.add(
        translate_in(
            lang, "{issuer} reports the results of implementing the Project {period} as follows:"
        ).format(issuer=data.issuer_prose, period=period)
    )
    htx_all, tht_all = data.cooperatives_active
    w.part(translate_in(lang, "GENERAL SITUATION"))
    w.add(
        translate_in(
            lang,
            "The area has {htx_all} cooperatives (HTX) and {tht_all} cooperative groups (THT) "
            "in operation; {htx} HTX and {tht} THT have women in management.",
        ).format(
            htx_all=number(htx_all, lang),
            tht_all=number(tht_all, lang),
            htx=w.n("htx_women_managed"),
            tht=w.n("tht_women_managed"),
        )
    )
    if w.written("situation"):
        w.officer_text("situation")

    w.part(translate_in(lang, "RESULTS"))
    _results(w)
    _officer_parts(w)
    w.add(
        translate_in(
            lang,
            "Above is the report on the results of implementing the Project {period} of {issuer}./.",
        ).format(period=period, issuer=data.issuer_prose),
        "closing",
    )
    header = make_header(issuing, numbering, lang)
    doc = Document(
        header=header,
        title=translate_in(lang, "REPORT"),
        subject=subject(data, lang),
        blocks=w.blocks,
        signature=make_signature(issuing, lang),
        lang=lang,
        subject_note=data.reissue_note,
    )
    doc.appendices = appendices(data, header.number_line(), numbering.date, lang)
    return doc


def _officer_parts(w: _Writer) -> None:
    """III–V: the officer's assessment, next tasks and proposals; a part left out is not
    printed and the parts after it are numbered on."""
    lang = w.lang
    assessment = [k for k in ("strengths", "difficulties") if not w.left_out(k)]
    if assessment:
        w.part(translate_in(lang, "GENERAL ASSESSMENT"))
    for n, key in enumerate(assessment, start=1):
        w.add(f"{n}. " + translate_in(lang, PARAGRAPH_KEYS[key]), "item")
        w.officer_text(key)
    if not w.left_out("next_tasks"):
        w.part(translate_in(lang, "KEY TASKS") + f" {_next_period(w.data, lang)}")
        w.officer_text("next_tasks")
    if not w.left_out("proposals"):
        w.part(translate_in(lang, "PROPOSALS AND RECOMMENDATIONS"))
        w.officer_text("proposals")


def _results(w: _Writer) -> None:
    d, lang = w.data, w.lang
    w.add(
        "1. " + translate_in(lang, "Communication and awareness raising on the collective economy"),
        "item",
    )
    w.add(
        translate_in(
            lang,
            "{events} communication events were held, reaching {reach} participations, "
            "{women} of them by women.",
        ).format(events=w.n("comm_events"), reach=w.n("comm_reach"), women=w.n("comm_reach_women"))
    )
    w.add(
        "2. " + translate_in(lang, "Consolidating and improving cooperatives managed by women"),
        "item",
    )
    w.add(
        translate_in(
            lang,
            "{pct} of the HTX and THT supported by the Union were consolidated; support was "
            "given {count} times, {amount} đồng in total.",
        ).format(
            pct=w.n("coops_consolidated_pct"),
            count=w.n("support_count"),
            amount=w.n("support_amount"),
        )
    )
    for fund, count, amount in d.support_by_fund:
        w.add(
            "- "
            + translate_in(lang, "{fund}: {count} times, {amount} đồng;").format(
                fund=fund, count=number(count, lang), amount=number(amount, lang)
            ),
            "dash",
        )
    w.add(
        "3. " + translate_in(lang, "Supporting the founding of new cooperatives managed by women"),
        "item",
    )
    _founding(w)
    w.add("4. " + translate_in(lang, "Improving the human resources of the cooperatives"), "item")
    w.add(
        translate_in(
            lang,
            "{courses} training courses were held for {people} people ({participations} "
            "participations); {trained} women managers were trained ({pct} of all women "
            "managers).",
        ).format(
            courses=w.n("training_courses"),
            people=w.n("people_trained"),
            participations=w.n("training_participations"),
            trained=w.n("women_managers_trained"),
            pct=w.n("women_managers_trained_pct"),
        )
    )
    w.add("5. " + translate_in(lang, "Steering, inspection and budget"), "item")
    w.add(
        translate_in(
            lang,
            "{trained} of the Union officers working on the collective economy were trained "
            "and {upskilled} had their skills upgraded. Budget: {planned} đồng planned, "
            "{allocated} đồng allocated, {spent} đồng spent.",
        ).format(
            trained=w.n("officers_trained_pct"),
            upskilled=w.n("officers_upskilled_pct"),
            planned=w.n("budget_planned"),
            allocated=w.n("budget_allocated"),
            spent=w.n("budget_spent"),
        )
    )
    for source, planned, allocated, spent in d.budget_by_source:
        w.add(
            "- "
            + translate_in(
                lang, "{source}: planned {planned}, allocated {allocated}, spent {spent} đồng;"
            ).format(
                source=source,
                planned=number(planned, lang),
                allocated=number(allocated, lang),
                spent=number(spent, lang),
            ),
            "dash",
        )
    if w.left_out("international"):
        return
    w.add("6. " + translate_in(lang, "International cooperation"), "item")
    if w.written("international"):
        w.officer_text("international")
    elif d.international_spent:
        w.add(
            translate_in(
                lang, "{amount} đồng from international sources were spent in this period."
            ).format(amount=number(d.international_spent, lang))
        )
    else:
        w.add(translate_in(lang, "No activity in this period."))


def _founding(w: _Writer) -> None:
    """New cooperatives and jobs as they happened: no 'founded 0 HTX and 0 THT … creating
    18 jobs' when the jobs came from cooperatives already there."""
    lang = w.lang
    values = {
        "htx": w.n("new_htx_programme"),
        "tht": w.n("new_tht_programme"),
        "jobs": w.n("new_jobs_women"),
        "htx_w": w.n("female_workers_htx"),
        "tht_w": w.n("female_workers_tht"),
    }
    if values["htx"] == "0" and values["tht"] == "0":
        text = translate_in(
            lang,
            "No new HTX or THT was founded under the Project in this period; the cooperatives "
            "created {jobs} new jobs for women. Female workers: {htx_w} in HTX and {tht_w} in THT.",
        )
    else:
        text = translate_in(
            lang,
            "{htx} new HTX and {tht} new THT were founded under the Project, creating "
            "{jobs} new jobs for women. Female workers: {htx_w} in HTX and {tht_w} in THT.",
        )
    w.add(text.format(**values))


def _value_cell(fig: Figure, value: Decimal | None) -> CellValue:
    if value is None:
        return None
    if fig.is_percent:
        return Typed(Decimal(value) / 100, "percent")
    kind = "money" if fig.unit == "đồng" else "int"
    return Typed(Decimal(value).quantize(Decimal(1)), kind)  # type: ignore[arg-type]


def appendices(data: AnnualData, number_line: str, date: dt.date, lang: str) -> list[Table]:
    note = translate_in(lang, "(Attached to Report {number} of {date})").format(
        number=number_line.split(":", 1)[-1].strip(), date=f"{date:%d/%m/%Y}"
    )
    rows: list[list[CellValue]] = []
    for i, fig in enumerate(sorted(data.figures.values(), key=lambda f: f.group), start=1):
        rows.append(
            [
                i,
                fig.name,
                fig.unit_label,
                _value_cell(fig, fig.target),
                _value_cell(fig, fig.value),
                Typed(fig.share_of_target(), "percent"),
            ]
        )
    tables = [
        Table(
            title=translate_in(lang, "Appendix {n}").format(n=1)
            + "\n"
            + translate_in(lang, "RESULTS AGAINST TARGETS")
            + " "
            + period_phrase(data, lang).upper(),
            note=note,
            columns=[
                Column(translate_in(lang, "#"), "int", 0.55),
                Column(translate_in(lang, "Indicator"), "text", 4.4),
                Column(translate_in(lang, "Unit of measure"), "text", 0.9),
                Column(translate_in(lang, "Planned target"), "int", 1.25),
                Column(translate_in(lang, "Result"), "int", 1.25),
                Column(translate_in(lang, "% of the planned target"), "percent", 1.1),
            ],
            rows=rows,
            sheet_name=translate_in(lang, "Indicators"),
        )
    ]
    if data.children:
        tables.append(_children_table(data, note, lang))
    return tables


def _children_table(data: AnnualData, note: str, lang: str) -> Table:
    figs = [data.figures[c] for c in data.child_codes if c in data.figures]
    columns = [
        Column(translate_in(lang, "#"), "int", 0.65),
        Column(translate_in(lang, "Unit"), "text", 2.6),
    ]
    total_values: dict[int, CellValue] = {}
    for i, fig in enumerate(figs, start=2):
        kind = "percent" if fig.is_percent else ("money" if fig.unit == "đồng" else "int")
        columns.append(
            Column(f"{fig.name} ({fig.unit_label})", kind, 1.35 if kind == "money" else 1.0, True)  # type: ignore[arg-type]
        )
        if fig.is_percent:
            columns[-1] = Column(columns[-1].title, "percent", 1.0, False)
            total_values[i] = _value_cell(fig, fig.value)
    rows: list[list[CellValue]] = []
    for n, (name, values) in enumerate(data.children, start=1):
        row: list[CellValue] = [n, name]
        for fig in figs:
            cell = _value_cell(fig, values.get(fig.code))
            row.append(cell.value if isinstance(cell, Typed) else cell)
        rows.append(row)
    return Table(
        title=translate_in(lang, "Appendix {n}").format(n=2)
        + "\n"
        + translate_in(lang, "KEY INDICATORS BY UNIT"),
        note=note,
        columns=columns,
        rows=rows,
        landscape=True,
        total_label=translate_in(lang, "Total"),
        total_values=total_values,
        sheet_name=translate_in(lang, "By unit"),
    )
