"""Kế hoạch thực hiện Đề án, in the structure of the seed plans (../shared/seeds/).

I. Purpose and requirements; II. Goals (general; specific by 2025/2030 from the targets);
III. Target groups and timing; IV. Tasks and solutions; V. Budget; VI. Organisation of
implementation (the assignments, by responsible body) ending with the reporting regime.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import BlockStyle, Document, Paragraph
from coopdesk.reports.text import translate_in

DOC_CODE = "KH"
_ITEM = re.compile(r"^\d+(\.\d+)*\.\s")
_POINT = re.compile(r"^[a-zđ]\)\s")
_PART = re.compile(r"^[IVX]+\.\s")


@dataclass(frozen=True)
class Assignment:
    task: str
    coordinating: str = ""
    deadline: dt.date | None = None


@dataclass
class PlanData:
    title: str  # "Thực hiện Đề án “…” trên địa bàn thành phố Lai Châu"
    period_start: dt.date
    period_end: dt.date
    bases: list[str] = field(default_factory=list)  # "Căn cứ …" lines
    preamble: str = ""  # "UBND thành phố Lai Châu ban hành Kế hoạch … như sau:"
    purpose: str = ""
    requirements: str = ""
    general_goal: str = ""
    specific_goals: list[tuple[int, list[str]]] = field(default_factory=list)  # (year, lines)
    target_groups: str = ""
    tasks: str = ""
    budget_text: str = ""
    assignments: list[tuple[str, list[Assignment]]] = field(default_factory=list)  # by body
    reporting: str = ""
    issuer_prose: str = ""


def text_blocks(text: str) -> list[Paragraph]:
    """Officer-typed text: '1. …' items, 'a) …' points, '- …' dashes, other lines paragraphs."""
    out: list[Paragraph] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        style: BlockStyle = "body"
        if _PART.match(line):
            style = "part"
        elif _ITEM.match(line):
            style = "item"
        elif _POINT.match(line):
            style = "point"
        elif line.startswith(("-", "+", "•")):
            style = "dash"
        out.append(Paragraph(line, style))
    return out


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def plan_subject(title: str, lang: str) -> str:
    """The subject line under "KẾ HOẠCH": the title without its own "Kế hoạch" word, which
    the document's title already says ('Kế hoạch thực hiện Đề án …' → 'Thực hiện Đề án …')."""
    text = title.strip().rstrip(".")
    for word in {translate_in(lang, "Plan"), "Kế hoạch", "Plan"}:
        if text.lower().startswith(word.lower() + " "):
            rest = text[len(word) :].strip()
            return rest[:1].upper() + rest[1:]
    return text


def _basis_line(text: str, lang: str) -> str:
    line = text.strip().rstrip(";.")
    prefixes = ("căn cứ", "thực hiện", "pursuant", "implementing")
    if line.lower().startswith(prefixes):
        return line + ";"
    return translate_in(lang, "Pursuant to {basis};").format(basis=line)


def build_plan(
    data: PlanData, issuing: Issuing, numbering: Numbering, lang: str = "vi"
) -> Document:
    blocks: list[Paragraph] = []

    def add(text: str, style: BlockStyle = "body") -> None:
        blocks.append(Paragraph(text, style))

    def body(text: str) -> None:
        parsed = text_blocks(text)
        blocks.extend(
            parsed if parsed else [Paragraph(translate_in(lang, "(to be written by the officer)"))]
        )

    for basis in data.bases:
        add(_basis_line(basis, lang), "basis")
    add(
        data.preamble
        or translate_in(
            lang, "{issuer} issues the Plan to implement the Project as follows:"
        ).format(issuer=data.issuer_prose)
    )
    add("I. " + translate_in(lang, "PURPOSE AND REQUIREMENTS"), "part")
    add("1. " + translate_in(lang, "Purpose"), "item")
    body(data.purpose)
    add("2. " + translate_in(lang, "Requirements"), "item")
    body(data.requirements)
    add("II. " + translate_in(lang, "GOALS"), "part")
    add("1. " + translate_in(lang, "General goals"), "item")
    body(data.general_goal)
    add("2. " + translate_in(lang, "Specific goals"), "item")
    letters = "abcdefgh"
    for i, (year, lines) in enumerate(data.specific_goals):
        add(
            f"{letters[i % len(letters)]}) " + translate_in(lang, "By {year}").format(year=year),
            "point",
        )
        for line in lines:
            add(f"- {line}", "dash")
    if not data.specific_goals:
        add(translate_in(lang, "(to be written by the officer)"))
    add("III. " + translate_in(lang, "TARGET GROUPS AND TIMING"), "part")
    timing = 1
    if data.target_groups.strip():  # a yearly plan may name no target groups: none forced
        add("1. " + translate_in(lang, "Target groups"), "item")
        body(data.target_groups)
        timing = 2
    add(f"{timing}. " + translate_in(lang, "Timing"), "item")
    add(
        translate_in(lang, "From {start} to {end}.").format(
            start=f"{data.period_start:%d/%m/%Y}", end=f"{data.period_end:%d/%m/%Y}"
        )
    )
    add("IV. " + translate_in(lang, "TASKS AND SOLUTIONS"), "part")
    body(data.tasks)
    add("V. " + translate_in(lang, "BUDGET"), "part")
    body(data.budget_text)
    add("VI. " + translate_in(lang, "ORGANISATION OF IMPLEMENTATION"), "part")
    n = 0
    for n, (responsible, items) in enumerate(data.assignments, start=1):
        add(f"{n}. {responsible}", "item")
        for a in items:
            extra = []
            if a.coordinating:
                extra.append(
                    translate_in(lang, "in coordination with {bodies}").format(
                        bodies=a.coordinating
                    )
                )
            if a.deadline:
                extra.append(
                    translate_in(lang, "deadline {date}").format(date=f"{a.deadline:%d/%m/%Y}")
                )
            task = a.task.strip().lstrip("-").strip().rstrip(".;")
            add(f"- {task}" + (f" ({'; '.join(extra)})" if extra else "") + ".", "dash")
    add(f"{n + 1}. " + translate_in(lang, "Reporting regime"), "item")
    body(data.reporting)
    subject = plan_subject(data.title, lang)
    add(
        translate_in(lang, "Above is the Plan {title}./.").format(title=_lower_first(subject)),
        "closing",
    )
    return Document(
        header=make_header(issuing, numbering, lang),
        title=translate_in(lang, "PLAN"),
        subject=subject,
        blocks=list(blocks),
        signature=make_signature(issuing, lang),
        lang=lang,
    )
