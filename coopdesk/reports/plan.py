"""Kế hoạch thực hiện Đề án, written as the seed plans are (../shared/seeds/).

The Căn cứ lines, the opening sentence, then parts numbered I, II, … in this order, each part
printed only when the plan has something for it (the fixed I–VI outline forced an empty
"Đối tượng" on a yearly plan):

- purpose and requirements; goals (general, and specific in the plan's words or from its
  targets by year; no sub-heading when only one of them is given);
- target groups and timing (the phases of the programme when the plan spans them);
- tasks and solutions (a yearly plan calls them its focus: the heading is the plan's own);
- the activities the issuer holds at its own level ("Các hoạt động cấp tỉnh"): assignments
  marked so, numbered;
- budget; organisation of implementation, by responsible body (a body the plan requests
  rather than assigns reads "Đề nghị …", `domain.issuers.courtesy`), then the reporting regime;

and the closing paragraph: the plan's own, or "Trên đây là Kế hoạch …".
Text the officer types is read line by line: '1. …' items, 'a) …' points, '- …' bullets,
any other line a paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from coopdesk.domain import issuers
from coopdesk.domain.periods import PHASES
from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import BlockStyle, Document, Paragraph
from coopdesk.reports.text import translate_in

DOC_CODE = "KH"
_ITEM = re.compile(r"^\d+(\.\d+)*\.\s")
_POINT = re.compile(r"^[a-zđ]\)\s")
_PART = re.compile(r"^[IVX]+\.\s")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class PlanData:
    title: str  # "Kế hoạch thực hiện Đề án “…” trên địa bàn thành phố Lai Châu"
    period_start: dt.date
    period_end: dt.date
    bases: list[str] = field(default_factory=list)  # "Căn cứ …" lines, no final punctuation
    preamble: str = ""  # "UBND thành phố Lai Châu ban hành Kế hoạch … như sau:"
    purpose: str = ""
    requirements: str = ""
    general_goal: str = ""
    specific_text: str = ""  # the specific goals in the plan's words
    specific_goals: list[tuple[int, list[str]]] = field(default_factory=list)  # from targets
    target_groups: str = ""
    timing: str = ""  # "" with target groups: the period (and the programme's phases)
    tasks: str = ""
    own_activities: list[str] = field(default_factory=list)  # the issuer's own, numbered
    budget_text: str = ""
    assignments: list[tuple[str, list[str]]] = field(default_factory=list)  # by body
    reporting: str = ""
    closing: str = ""
    issuer_prose: str = ""
    headings: dict[str, str] = field(default_factory=dict)  # "groups" | "tasks" | "own"
    own_level: str = ""  # "TỈNH": the default heading of the issuer's own activities


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


def task_blocks(task: str) -> list[Paragraph]:
    """One of a body's several tasks as section VI prints it: a one-line task is a bullet, a
    longer one keeps the officer's paragraphs and bullets."""
    lines = [line.strip() for line in task.splitlines() if line.strip()]
    if len(lines) == 1 and not lines[0].startswith(("-", "+", "•")):
        return [Paragraph(f"- {sentence(lines[0])}", "dash")]
    return text_blocks(task)


def sentence(text: str) -> str:
    """A line typed without its final stop gets one ('… về Đề án' → '… về Đề án.')."""
    text = text.strip()
    return text if not text or text[-1] in ".;:!?)”" else text + "."


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


def default_timing(start: dt.date, end: dt.date, lang: str) -> str:
    """The timing of a plan that says none: its period, and the programme's two phases when
    it spans both ('Đến năm 2030, trong đó chia thành 2 giai đoạn: …')."""
    first, second = PHASES["phase1"], PHASES["phase2"]
    if start <= first[1] and end >= second[0]:
        return "\n".join(
            [
                translate_in(lang, "Until {year}, in two phases:").format(year=end.year),
                "- "
                + translate_in(lang, "Phase 1: until the end of {year}.").format(
                    year=first[1].year
                ),
                "- "
                + translate_in(lang, "Phase 2: from {start} to {end}.").format(
                    start=second[0].year, end=min(end, second[1]).year
                ),
            ]
        )
    return translate_in(lang, "From {start} to {end}.").format(
        start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"
    )


class _Writer:
    """Blocks in order, parts numbered I, II, … as they come."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.blocks: list[Paragraph] = []
        self.parts = 0

    def add(self, text: str, style: BlockStyle = "body") -> None:
        self.blocks.append(Paragraph(text, style))

    def part(self, heading: str) -> None:
        self.add(f"{_ROMAN[self.parts]}. {heading}", "part")
        self.parts += 1

    def text(self, text: str) -> None:
        self.blocks.extend(text_blocks(text))

    def placeholder(self) -> None:
        self.add(translate_in(self.lang, "(to be written by the officer)"))

    def item_with_text(self, label: str, text: str) -> None:
        """'2. Thời gian thực hiện: Đến năm 2030, …' — a first plain line joins its label."""
        blocks = text_blocks(text)
        if blocks and blocks[0].style == "body":
            self.add(f"{label}: {blocks.pop(0).text}", "item")
        else:
            self.add(label, "item")
        self.blocks.extend(blocks)


def _purpose(w: _Writer, data: PlanData) -> None:
    t = w.lang
    w.part(translate_in(t, "PURPOSE AND REQUIREMENTS"))
    items = [
        (translate_in(t, "Purpose"), data.purpose),
        (translate_in(t, "Requirements"), data.requirements),
    ]
    given = [(label, text) for label, text in items if text.strip()]
    for n, (label, text) in enumerate(given, start=1):
        w.add(f"{n}. {label}", "item")
        w.text(text)
    if not given:
        w.placeholder()


def _goals(w: _Writer, data: PlanData) -> None:
    t = w.lang
    w.part(translate_in(t, "GOALS"))
    specific = bool(data.specific_text.strip() or data.specific_goals)
    both = bool(data.general_goal.strip()) and specific
    if data.general_goal.strip():
        if both:
            w.add("1. " + translate_in(t, "General goals"), "item")
        w.text(data.general_goal)
    if both:
        w.add("2. " + translate_in(t, "Specific goals"), "item")
    if data.specific_text.strip():
        w.text(data.specific_text)
    else:
        for i, (year, lines) in enumerate(data.specific_goals):
            by_year = translate_in(t, "By {year}").format(year=year)
            w.add(f"{'abcdefgh'[i % 8]}) {by_year}", "point")
            for line in lines:
                w.add(f"- {line}", "dash")
    if not (specific or data.general_goal.strip()):
        w.placeholder()


def _groups_and_timing(w: _Writer, data: PlanData) -> None:
    t = w.lang
    if not (data.target_groups.strip() or data.timing.strip()):
        return  # a yearly plan may name neither: no empty part forced
    w.part(data.headings.get("groups") or translate_in(t, "TARGET GROUPS AND TIMING"))
    n = 1
    if data.target_groups.strip():
        w.add("1. " + translate_in(t, "Target groups"), "item")
        w.text(data.target_groups)
        n = 2
    timing = data.timing.strip() or default_timing(data.period_start, data.period_end, t)
    w.item_with_text(f"{n}. " + translate_in(t, "Timing"), timing)


def _organisation(w: _Writer, data: PlanData) -> None:
    t = w.lang
    w.part(translate_in(t, "ORGANISATION OF IMPLEMENTATION"))
    n = 0
    request = translate_in(t, "Request to")  # "Đề nghị" a body the plan cannot direct
    for n, (body, tasks) in enumerate(data.assignments, start=1):
        w.add(f"{n}. {issuers.courtesy(body, request)}", "item")
        if len(tasks) == 1:  # a body's one task reads as the officer typed it
            w.text(sentence(tasks[0]))
            continue
        for task in tasks:
            w.blocks.extend(task_blocks(task))
    if data.reporting.strip():
        w.add(f"{n + 1}. " + translate_in(t, "Reporting regime"), "item")
        w.text(data.reporting)
    elif not data.assignments:
        w.placeholder()


def build_plan(
    data: PlanData, issuing: Issuing, numbering: Numbering, lang: str = "vi"
) -> Document:
    w = _Writer(lang)
    for n, basis in enumerate(data.bases, start=1):
        w.add(basis.strip().rstrip(";.") + ("." if n == len(data.bases) else ";"), "basis")
    w.add(
        data.preamble.strip()
        or translate_in(
            lang, "{issuer} issues the Plan to implement the Project as follows:"
        ).format(issuer=data.issuer_prose)
    )
    _purpose(w, data)
    _goals(w, data)
    _groups_and_timing(w, data)
    w.part(data.headings.get("tasks") or translate_in(lang, "TASKS AND SOLUTIONS"))
    if data.tasks.strip():
        w.text(data.tasks)
    else:
        w.placeholder()
    if data.own_activities:
        default_own = translate_in(lang, "ACTIVITIES AT THE {level} LEVEL").format(
            level=data.own_level
        )
        w.part(data.headings.get("own") or default_own)
        for n, activity in enumerate(data.own_activities, start=1):
            w.add(f"{n}. " + " ".join(activity.split()))
    w.part(translate_in(lang, "BUDGET"))
    if data.budget_text.strip():
        w.text(data.budget_text)
    else:
        w.placeholder()
    _organisation(w, data)
    subject = plan_subject(data.title, lang)
    closing = data.closing.strip() or translate_in(lang, "Above is the Plan {title}./.").format(
        title=_lower_first(subject)
    )
    w.blocks.extend(Paragraph(x.strip(), "closing") for x in closing.splitlines() if x.strip())
    return Document(
        header=make_header(issuing, numbering, lang),
        title=translate_in(lang, "PLAN"),
        subject=subject,
        blocks=list(w.blocks),
        signature=make_signature(issuing, lang),
        lang=lang,
    )
