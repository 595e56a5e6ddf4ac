"""What an annual report is made from (`AnnualData`, one `Figure` per indicator) and how its
period reads in a sentence ('năm 2026', 'giai đoạn 2023–2025', 'từ ngày … đến ngày …')."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from coopdesk.reports.text import number, translate_in, translate_plural_in


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
    # The officer's wording in place of a generated passage, by key (paragraph_keys.WORDING_KEYS).
    wording: dict[str, str] = field(default_factory=dict)
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


def next_period(data: AnnualData, lang: str) -> str:
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


def target_span(key: str, lang: str) -> str:
    """'giai đoạn 2026–2030' for a phase or the programme, 'năm 2026' for a year."""
    from coopdesk.domain.periods import Period

    span = Period.parse(key)
    return phrase_for(span.kind, span.start, span.end, span.year, lang)


def times(count: int, lang: str) -> str:
    """'1 time', '3 times' ('1 lượt', '3 lượt' in Vietnamese)."""
    return translate_plural_in(lang, "{n} time", "{n} times", count).format(n=number(count, lang))
