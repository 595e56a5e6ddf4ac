"""The lists (danh sách): cooperatives with women in management, women managers and their
training, trainings, activities, support. Rows come gathered and filtered
(`coopdesk.services.report_data`); here they get their columns, title and totals.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.i18n import N_
from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import CellValue, Column, ColumnKind, Document, Paragraph, Table
from coopdesk.reports.text import translate_in

DOC_CODE = "DS"


@dataclass(frozen=True)
class ColumnSpec:
    title: str  # msgid
    kind: ColumnKind = "text"
    width: float = 1.0
    total: bool = False


@dataclass(frozen=True)
class ListSpec:
    key: str
    subject: str  # msgid with {period}
    sheet: str  # msgid
    columns: tuple[ColumnSpec, ...]
    landscape: bool = True


_NO = ColumnSpec(N_("#"), "int", 0.45)

LISTS: dict[str, ListSpec] = {
    "cooperatives": ListSpec(
        "cooperatives",
        N_("Cooperatives and cooperative groups with women in management {period}"),
        N_("Cooperatives"),
        (
            _NO,
            ColumnSpec(N_("Name"), "text", 2.5),
            ColumnSpec(N_("Type"), "text", 0.6),
            ColumnSpec(N_("Commune"), "text", 1.4),
            ColumnSpec(N_("Women in management"), "text", 3.6),
            ColumnSpec(N_("Workers"), "int", 0.85, True),
            ColumnSpec(N_("Female workers"), "int", 0.85, True),
            ColumnSpec(N_("Badges"), "text", 1.9),
        ),
    ),
    "managers": ListSpec(
        "managers",
        N_("Women managers of cooperatives and their training {period}"),
        N_("Women managers"),
        (
            _NO,
            ColumnSpec(N_("Full name"), "text", 1.9),
            ColumnSpec(N_("Year of birth"), "year", 0.7),
            ColumnSpec(N_("Position"), "text", 1.5),
            ColumnSpec(N_("Cooperative"), "text", 2.5),
            ColumnSpec(N_("Commune"), "text", 1.4),
            ColumnSpec(N_("Trained"), "text", 0.8),
            ColumnSpec(N_("Courses"), "int", 0.7, True),
            ColumnSpec(N_("Last course"), "date", 1.0),
        ),
    ),
    "trainings": ListSpec(
        "trainings",
        N_("Training courses and participants {period}"),
        N_("Trainings"),
        (
            _NO,
            ColumnSpec(N_("Course"), "text", 3.0),
            ColumnSpec(N_("Kind"), "text", 1.0),
            ColumnSpec(N_("Audience"), "text", 1.1),
            ColumnSpec(N_("From"), "date", 0.95),
            ColumnSpec(N_("To"), "date", 0.95),
            ColumnSpec(N_("Place"), "text", 1.6),
            ColumnSpec(N_("Participants"), "int", 0.9, True),
            ColumnSpec(N_("Of whom completed"), "int", 0.9, True),
            ColumnSpec(N_("Cost (đồng)"), "money", 1.2, True),
        ),
    ),
    "activities": ListSpec(
        "activities",
        N_("Communication and other activities {period}"),
        N_("Activities"),
        (
            _NO,
            ColumnSpec(N_("Date"), "date", 0.95),
            ColumnSpec(N_("Activity"), "text", 3.2),
            ColumnSpec(N_("Kind"), "text", 1.2),
            ColumnSpec(N_("Channel"), "text", 1.0),
            ColumnSpec(N_("Reach (participations)"), "int", 1.0, True),
            ColumnSpec(N_("Of whom women"), "int", 1.0, True),
            ColumnSpec(N_("Cost (đồng)"), "money", 1.2, True),
        ),
    ),
    "support": ListSpec(
        "support",
        N_("Support given to cooperatives and women {period}"),
        N_("Support"),
        (
            _NO,
            ColumnSpec(N_("Date"), "date", 0.95),
            ColumnSpec(N_("Recipient"), "text", 2.6),
            ColumnSpec(N_("Kind"), "text", 0.9),
            ColumnSpec(N_("Fund"), "text", 1.8),
            ColumnSpec(N_("Amount (đồng)"), "money", 1.3, True),
            ColumnSpec(N_("Description"), "text", 2.4),
        ),
    ),
}


def build_list(
    kind: str,
    rows: list[list[CellValue]],
    period_phrase: str,
    issuing: Issuing,
    numbering: Numbering,
    lang: str = "vi",
    filter_note: str = "",
) -> Document:
    """A list document: the title block, a line on the filters used, the table, signature."""
    spec = LISTS[kind]
    numbered = [[i, *row] for i, row in enumerate(rows, start=1)]
    table = Table(
        title="",
        columns=[
            Column(translate_in(lang, c.title), c.kind, c.width, c.total) for c in spec.columns
        ],
        rows=numbered,
        landscape=spec.landscape,
        total_label=translate_in(lang, "Total"),
        sheet_name=translate_in(lang, spec.sheet),
        note=filter_note,  # under the title, in the PDF and in the .xlsx title block
    )
    blocks: list[Paragraph | Table] = [table]
    if kind == "activities" and rows:
        blocks.append(_activities_by_kind(rows, lang))
    blocks.append(
        Paragraph(translate_in(lang, "The list has {n} entries./.").format(n=len(rows)), "closing"),
    )
    return Document(
        header=make_header(issuing, numbering, lang),
        title=translate_in(lang, "LIST"),
        subject=translate_in(lang, spec.subject).format(period=period_phrase),
        blocks=blocks,
        signature=make_signature(issuing, lang),
        lang=lang,
        landscape=spec.landscape,
    )


def _activities_by_kind(rows: list[list[CellValue]], lang: str) -> Table:
    """The list's activities added up by kind: the communication row holds the events, reach
    and women the report states (the report counts communication only)."""
    sums: dict[str, list[int]] = {}
    for _day, _title, kind, _channel, reach, women, cost in rows:
        line = sums.setdefault(str(kind or ""), [0, 0, 0, 0])
        for i, value in enumerate((1, reach, women, cost)):
            line[i] += int(value or 0)  # type: ignore[arg-type]
    return Table(
        title=translate_in(lang, "Summary by kind of activity"),
        columns=[
            Column(translate_in(lang, "#"), "int", 0.45),
            Column(translate_in(lang, "Kind"), "text", 2.4),
            Column(translate_in(lang, "Number of activities"), "int", 1.0, True),
            Column(translate_in(lang, "Reach (participations)"), "int", 1.0, True),
            Column(translate_in(lang, "Of whom women"), "int", 1.0, True),
            Column(translate_in(lang, "Cost (đồng)"), "money", 1.2, True),
        ],
        rows=[[i, kind, *line] for i, (kind, line) in enumerate(sums.items(), start=1)],
        landscape=True,
        total_label=translate_in(lang, "Total"),
        sheet_name=translate_in(lang, "By kind"),
    )
