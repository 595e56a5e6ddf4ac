"""File names for people: Vietnamese words without diacritics, joined by hyphens.

document_file_name("annual", "Phường Tân Phong", "2026", ".pdf")
→ "Bao-cao-De-an-01-Phuong-Tan-Phong-2026.pdf"
"""

from __future__ import annotations

import re

from coopdesk.domain.periods import Period
from coopdesk.i18n import fold

# What a document is called in its file name (always Vietnamese, like the document itself).
DOCUMENT_WORDS = {
    "annual": "Báo cáo Đề án 01",
    "plan": "Kế hoạch Đề án 01",
    "list-cooperatives": "Danh sách HTX có phụ nữ quản lý",
    "list-managers": "Danh sách nữ quản lý HTX",
    "list-trainings": "Danh sách tập huấn",
    "list-activities": "Danh sách hoạt động",
    "list-support": "Danh sách hỗ trợ",
}
PERIOD_WORDS = {
    "reporting_year": "Năm báo cáo {year}",
    "phase1": "Giai đoạn 1",
    "phase2": "Giai đoạn 2",
    "all": "2023-2030",
}
_WORD = re.compile(r"[A-Za-z0-9]+")


def _plain_word(word: str) -> str:
    """'Phường' → 'Phuong', 'HTX' → 'HTX', 'đến' → 'den': diacritics gone, capitals kept."""
    plain = fold(word)
    if word.isupper() and len(word) > 1:
        return plain.upper()
    return plain[:1].upper() + plain[1:] if word[:1].isupper() else plain


def people_file_name(*parts: str, suffix: str = "") -> str:
    """The parts as one file name: 'Báo cáo', 'Phường Tân Phong' → 'Bao-cao-Phuong-Tan-Phong'."""
    words = [_plain_word(w) for part in parts for w in part.split()]
    plain = "-".join(_WORD.findall(" ".join(words)))
    return f"{plain}{suffix}"


def period_words(key: str) -> str:
    """'2026' → '2026', '2026r' → 'Năm báo cáo 2026', 'phase1' → 'Giai đoạn 1'."""
    try:
        period = Period.parse(key)
    except ValueError:
        return key
    if period.kind == "year":
        return str(period.year)
    if period.kind == "range":
        return f"{period.start.isoformat()} đến {period.end.isoformat()}"
    return PERIOD_WORDS[period.kind].format(year=period.year)


def document_file_name(template: str, unit_name: str, period: str, suffix: str) -> str:
    """The name a save dialog proposes for a document (a plan carries its own period)."""
    what = DOCUMENT_WORDS.get(template, template)
    when = "" if template == "plan" else period_words(period)
    return people_file_name(what, unit_name, when, suffix=suffix)
