"""A document cited by another: the "Căn cứ" lines of a plan or a report.

A citation is data — what kind of document, its number, date, issuer and title — so a plan's
bases print the way Nghị định 30 documents cite ("Căn cứ Quyết định số 01/QĐ-TTg ngày
03/01/2023 của Thủ tướng Chính phủ phê duyệt Đề án …;"), and a later report cites the plan from
its own number, date, issuer and title. A plan stores its bases as a JSON list of citations.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

from coopdesk.i18n import N_, translate_in

# The verb a line starts with: "Căn cứ" (pursuant to) or "Thực hiện" (implementing).
VERBS: dict[str, tuple[str, str]] = {
    "pursuant": ("Căn cứ", N_("Pursuant to")),
    "implementing": ("Thực hiện", N_("Implementing")),
}
# Kinds of document (Nghị định 30, appendix III), as a Căn cứ line names them.
KINDS: dict[str, tuple[str, str]] = {
    "QĐ": ("Quyết định", N_("Decision")),
    "KH": ("Kế hoạch", N_("Plan")),
    "NQ": ("Nghị quyết", N_("Resolution")),
    "CT": ("Chỉ thị", N_("Directive")),
    "HD": ("Hướng dẫn", N_("Guidance")),
    "CV": ("Công văn", N_("Official letter")),
    "TB": ("Thông báo", N_("Notice")),
    "ĐA": ("Đề án", N_("Project document")),
    "BC": ("Báo cáo", N_("Report")),
    "L": ("Luật", N_("Law")),
    "NĐ": ("Nghị định", N_("Decree")),
}
KEYS = ("verb", "kind", "number", "date", "issuer", "title")


@dataclass(frozen=True)
class Citation:
    kind: str  # a KINDS code: "QĐ"
    number: str = ""  # "01/QĐ-TTg"
    date: dt.date | None = None
    issuer: str = ""  # "Thủ tướng Chính phủ"
    title: str = ""  # "phê duyệt Đề án “…”" (as it follows the issuer in the sentence)
    verb: str = "pursuant"

    def text(self, lang: str = "vi") -> str:
        """The line without its final punctuation: 'Căn cứ Quyết định số 01/QĐ-TTg ngày
        03/01/2023 của Thủ tướng Chính phủ phê duyệt Đề án …'."""
        verb_vi, verb_en = VERBS.get(self.verb, VERBS["pursuant"])
        verb = verb_vi if lang == "vi" else translate_in(lang, verb_en)
        return f"{verb} {self.document(lang)}"

    def document(self, lang: str = "vi") -> str:
        """The document cited, as it follows the verb: 'Kế hoạch số 235/KH-UBND ngày
        21/3/2023 của UBND thành phố Lai Châu về …'."""
        kind_vi, kind_en = KINDS.get(self.kind, (self.kind, self.kind))
        if lang == "vi":
            words = [kind_vi]
            if self.number:
                words.append(f"số {self.number}")
            if self.date:
                words.append(f"ngày {short_date(self.date)}")
            if self.issuer:
                words.append(f"của {self.issuer}")
        else:
            words = [translate_in(lang, kind_en)]
            if self.number:
                words.append(f"No. {self.number}")
            if self.date:
                words.append(f"of {short_date(self.date)}")
            if self.issuer:
                words.append(f"by {self.issuer}")
        if self.title:
            words.append(self.title.strip().rstrip(";."))
        return " ".join(words)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out


def short_date(day: dt.date) -> str:
    """A date inside a sentence as such documents write it: '03/01/2023', '16/6/2023' (the
    day on two digits, the month on two only for January and February, as the decree's
    date line)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


class BadCitations(ValueError):
    """Stored or typed bases that are not a list of citations; `problems` as (field, text)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(text for _field, text in problems))


def problems_of(rows: list[Any]) -> list[tuple[str, str]]:
    """What is wrong with citation rows, as (field, message); `field` is 'bases[2].kind'."""
    out: list[tuple[str, str]] = []
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            out.append((f"bases[{n}]", N_("A Căn cứ line must name a kind of document.")))
            continue
        if row.get("kind") not in KINDS:
            out.append((f"bases[{n}].kind", N_("Choose the kind of document cited.")))
        if row.get("verb", "pursuant") not in VERBS:
            out.append((f"bases[{n}].verb", N_("Choose “Căn cứ” or “Thực hiện”.")))
        if not (row.get("number") or row.get("title")):
            out.append((f"bases[{n}].number", N_("Give the cited document's number or its title.")))
        date = row.get("date")
        if date not in (None, ""):
            try:
                dt.date.fromisoformat(str(date))
            except ValueError:
                out.append((f"bases[{n}].date", N_("The date is not a date (dd/mm/yyyy).")))
    return out


def from_rows(rows: list[dict[str, Any]]) -> list[Citation]:
    """Citations from rows (dates as dates or ISO text); BadCitations when a row is wrong."""
    problems = problems_of(rows)
    if problems:
        raise BadCitations(problems)
    out = []
    for row in rows:
        date = row.get("date")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date) if date else None
        out.append(
            Citation(
                kind=str(row["kind"]),
                number=str(row.get("number") or "").strip(),
                date=date,
                issuer=str(row.get("issuer") or "").strip(),
                title=str(row.get("title") or "").strip(),
                verb=str(row.get("verb") or "pursuant"),
            )
        )
    return out


def parse(text: str) -> list[dict[str, Any]]:
    """The rows stored in a plan's `bases` ('' = none); BadCitations when not a JSON list."""
    if not text.strip():
        return []
    try:
        rows = json.loads(text)
    except ValueError:
        rows = None
    if not isinstance(rows, list):
        raise BadCitations([("bases", N_("The Căn cứ lines are not a list."))])
    return rows


def dump(rows: list[dict[str, Any]]) -> str:
    """Rows as a plan stores them (dates as ISO text; '' when there are none)."""
    clean = []
    for row in rows:
        item = {k: row.get(k) for k in KEYS if row.get(k) not in (None, "")}
        date = item.get("date")
        if isinstance(date, dt.date):
            item["date"] = date.isoformat()
        clean.append(item)
    return json.dumps(clean, ensure_ascii=False, sort_keys=True) if clean else ""
