"""The annual report's appendices: the indicators against the period's targets, and for an
aggregating unit the key indicators of each child unit (its own level's row first), on
landscape pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from coopdesk.reports.annual_data import AnnualData, Figure, period_phrase, target_span
from coopdesk.reports.model import CellValue, Column, Table, Typed
from coopdesk.reports.text import translate_in


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
