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

from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import CellValue, Column, Document, Paragraph, Table, Typed
from coopdesk.reports.paragraph_keys import PARAGRAPH_KEYS as PARAGRAPH_KEYS  # re-exported
from coopdesk.reports.paragraph_keys import WRITTEN_ONLY as WRITTEN_ONLY
from coopdesk.reports.text import number, percent_0_100, translate_in, translate_plural_in

DOC_CODE = "BC"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


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
    target_period: str = ""  # the target's own period ("2026", "phase2") when one applies

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
    # What the issuing level holds itself (a province's own trainings belong to no commune):
    # its row in the table by unit, so the rows add up to the report's figures.
    own_level: tuple[str, dict[str, Decimal | None]] | None = None
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


def within_period(data: AnnualData, lang: str) -> str:
    """'trong năm 2026', 'trong giai đoạn 2023–2025'; a range reads as it is."""
    if data.period_kind in ("year", "reporting_year") and data.period_year:
        return translate_in(lang, "during {year}").format(year=data.period_year)
    if data.period_kind in ("phase1", "phase2", "all"):
        return translate_in(lang, "during the period {first}–{last}").format(
            first=data.period_start.year, last=data.period_end.year
        )
    return period_phrase(data, lang)


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

    def dash(self, text: str, last: bool) -> None:
        """A '- …;' line of a list, the last one closed with a full stop."""
        self.add(f"- {text}{'.' if last else ';'}", "dash")

    def times(self, code: str) -> str:
        fig = self.data.figures.get(code)
        return times(int(fig.value or 0) if fig is not None else 0, self.lang)

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
            "given {times}, "
            "{amount} đồng in total.",
        ).format(
            pct=w.n("coops_consolidated_pct"),
            times=w.times("support_count"),
            amount=w.n("support_amount"),
        )
    )
    for i, (fund, count, amount) in enumerate(d.support_by_fund, start=1):
        w.dash(
            translate_in(lang, "{fund}: {times}, {amount} đồng").format(
                fund=fund, times=times(count, lang), amount=number(amount, lang)
            ),
            last=i == len(d.support_by_fund),
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
            "participations); {trained} women HTX managers were trained {period}. Since the "
            "Project began, {pct} of all women HTX managers have been trained.",
        ).format(
            courses=w.n("training_courses"),
            people=w.n("people_trained"),
            participations=w.n("training_participations"),
            trained=w.n("women_managers_trained"),
            period=within_period(d, lang),
            pct=w.n("women_managers_trained_pct"),
        )
    )
    w.add("5. " + translate_in(lang, "Steering, inspection and budget"), "item")
    w.add(
        translate_in(
            lang,
            "Since the Project began, {trained} of the Union officers working on the "
            "collective economy have been trained and {upskilled} have had their skills "
            "upgraded. Budget {period}: {planned} đồng planned, {allocated} đồng allocated, "
            "{spent} đồng spent.",
        ).format(
            trained=w.n("officers_trained_pct"),
            upskilled=w.n("officers_upskilled_pct"),
            period=period_phrase(d, lang),
            planned=w.n("budget_planned"),
            allocated=w.n("budget_allocated"),
            spent=w.n("budget_spent"),
        )
    )
    for i, (source, planned, allocated, spent) in enumerate(d.budget_by_source, start=1):
        w.dash(
            translate_in(
                lang, "{source}: planned {planned}, allocated {allocated}, spent {spent} đồng"
            ).format(
                source=source,
                planned=number(planned, lang),
                allocated=number(allocated, lang),
                spent=number(spent, lang),
            ),
            last=i == len(d.budget_by_source),
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


def times(count: int, lang: str) -> str:
    """'1 time', '3 times' ('1 lượt', '3 lượt' in Vietnamese)."""
    return translate_plural_in(lang, "{n} time", "{n} times", count).format(n=number(count, lang))


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
    else:  # the new ones named as they are ('1 HTX', '3 THT', '9 HTX và 39 THT')
        parts = [f"{values[k]} {k.upper()}" for k in ("htx", "tht") if values[k] != "0"]
        founded = parts[0]
        if len(parts) == 2:
            founded = translate_in(lang, "{htx} HTX and {tht} THT").format(**values)
        text = translate_in(
            lang,
            "{founded} were founded under the Project. The cooperatives created {jobs} new "
            "jobs for women. Female workers: {htx_w} in HTX and {tht_w} in THT.",
        ).replace("{founded}", founded)
    w.add(text.format(**values))


def _value_cell(fig: Figure, value: Decimal | None) -> CellValue:
    if value is None:
        return None
    if fig.is_percent:
        return Typed(Decimal(value) / 100, "percent")
    kind = "money" if fig.unit == "đồng" else "int"
    return Typed(Decimal(value).quantize(Decimal(1)), kind)  # type: ignore[arg-type]


# Shares counted from the programme's start to the end of the period, not within it.
CUMULATIVE = ("women_managers_trained_pct", "officers_trained_pct", "officers_upskilled_pct")


def _indicator_name(fig: Figure, data: AnnualData, lang: str) -> str:
    """The indicator as Appendix 1 names it: cumulative shares said so, and a target set for
    a phase or the programme (not for the period itself) named by its span."""
    notes = []
    if fig.code in CUMULATIVE:
        notes.append(translate_in(lang, "cumulative"))
    if fig.target is not None and fig.target_period and fig.target_period != data.period_key:
        notes.append(
            translate_in(lang, "target {span}").format(span=target_span(fig.target_period, lang))
        )
    return f"{fig.name} ({'; '.join(notes)})" if notes else fig.name


def target_span(key: str, lang: str) -> str:
    """'giai đoạn 2026–2030' for a phase or the programme, 'năm 2026' for a year."""
    from coopdesk.domain.periods import Period

    span = Period.parse(key)
    return phrase_for(span.kind, span.start, span.end, span.year, lang)


def appendices(data: AnnualData, number_line: str, date: dt.date, lang: str) -> list[Table]:
    note = translate_in(lang, "(Attached to Report {number} of {date})").format(
        number=number_line.split(":", 1)[-1].strip(), date=f"{date:%d/%m/%Y}"
    )
    figures = sorted(data.figures.values(), key=lambda f: f.group)
    with_targets = any(f.target is not None for f in figures)
    rows: list[list[CellValue]] = []
    for i, fig in enumerate(figures, start=1):
        row: list[CellValue] = [i, _indicator_name(fig, data, lang), fig.unit_label]
        if with_targets:
            row.append(_value_cell(fig, fig.target))
        row.append(_value_cell(fig, fig.value))
        if with_targets:
            row.append(Typed(fig.share_of_target(), "percent"))
        rows.append(row)
    columns = [
        Column(translate_in(lang, "#"), "int", 0.55),
        Column(translate_in(lang, "Indicator"), "text", 4.4),
        Column(translate_in(lang, "Unit of measure"), "text", 0.9),
        Column(translate_in(lang, "Planned target"), "int", 1.25),
        Column(translate_in(lang, "Result"), "int", 1.25),
        Column(translate_in(lang, "% of the planned target"), "percent", 1.1),
    ]
    if not with_targets:  # no plan sets a target for the period: no empty columns
        columns = [columns[0], columns[1], columns[2], columns[4]]
    tables = [
        Table(
            title=translate_in(lang, "Appendix {n}").format(n=1)
            + "\n"
            + (
                translate_in(lang, "RESULTS AGAINST TARGETS")
                if with_targets
                else translate_in(lang, "RESULTS")
            )
            + " "
            + period_phrase(data, lang).upper(),
            note=note,
            columns=columns,
            rows=rows,
            sheet_name=translate_in(lang, "Indicators"),
        )
    ]
    if data.children:
        tables.append(_children_table(data, note, lang))
    return tables


def _children_table(data: AnnualData, note: str, lang: str) -> Table:
    """Key indicators of each child unit, the issuing level's own row first: the rows add up
    to the report's figures (ratios: the report's own in the totals row)."""
    figs = [data.figures[c] for c in data.child_codes if c in data.figures]
    columns = [
        Column(translate_in(lang, "#"), "int", 0.65),
        Column(translate_in(lang, "Unit"), "text", 2.6),
    ]
    total_values: dict[int, CellValue] = {}
    for i, fig in enumerate(figs, start=2):
        kind = "percent" if fig.is_percent else ("money" if fig.unit == "đồng" else "int")
        width = 1.35 if kind == "money" else 1.0
        columns.append(Column(f"{fig.name} ({fig.unit_label})", kind, width, not fig.is_percent))  # type: ignore[arg-type]
        if fig.is_percent:  # a ratio of the whole, not a sum of the rows' ratios
            total_values[i] = _value_cell(fig, fig.value)
    rows: list[list[CellValue]] = []
    if data.own_level is not None:
        name, values = data.own_level
        rows.append([None, name, *(_plain(fig, values.get(fig.code)) for fig in figs)])
    for n, (name, values) in enumerate(data.children, start=1):
        rows.append([n, name, *(_plain(fig, values.get(fig.code)) for fig in figs)])
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


def _plain(fig: Figure, value: Decimal | None) -> CellValue:
    cell = _value_cell(fig, value)
    return cell.value if isinstance(cell, Typed) else cell
