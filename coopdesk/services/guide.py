"""The user guide: its sections, their text per language, the section of each area.

The guide is content, not code: one Markdown file per section and language under
`resources/guide/<lang>/<key>.md`, listed in order by `resources/guide/index.json`, which also
names the main window's areas each section explains (F1 opens that section). Screenshots live in
`resources/guide/img/` and are written `![…](../img/vi-overview.png)` in the text. A section's
title is its first `# ` line. Qt-free: the help window and the PDF both read it here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coopdesk import paths
from coopdesk.i18n import fold

LANGUAGES = ("vi", "en")
FIRST_SECTION = "start"


@dataclass(frozen=True)
class Section:
    key: str
    areas: tuple[str, ...]  # main-window area keys this section explains


def guide_dir() -> Path:
    return paths.resources_dir() / "guide"


@cache
def sections() -> tuple[Section, ...]:
    """Every section, in the guide's order."""
    index = json.loads((guide_dir() / "index.json").read_text(encoding="utf-8"))
    return tuple(Section(s["key"], tuple(s.get("areas", ()))) for s in index["sections"])


def _language(lang: str) -> str:
    return lang if lang in LANGUAGES else LANGUAGES[0]


def section_path(key: str, lang: str) -> Path:
    return guide_dir() / _language(lang) / f"{key}.md"


def text(key: str, lang: str) -> str:
    """A section's Markdown in a language (Vietnamese when that language lacks it)."""
    path = section_path(key, lang)
    if not path.exists():
        path = section_path(key, LANGUAGES[0])
    return path.read_text(encoding="utf-8")


def title(key: str, lang: str) -> str:
    for line in text(key, lang).splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return key


def section_for_area(area_key: str) -> str:
    """The section that explains an area of the main window (the first page when none does)."""
    for section in sections():
        if area_key in section.areas:
            return section.key
    return FIRST_SECTION


def image_base(lang: str) -> Path:
    """The folder a section's relative image paths start from."""
    return guide_dir() / _language(lang)


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|[*_`#>]")


def plain(markdown: str) -> str:
    """The words of a section without images and Markdown marks (for searching)."""
    return _MARKUP.sub(" ", markdown)


def search(query: str, lang: str) -> list[str]:
    """Sections whose text holds every word of the query (accents and capitals ignored)."""
    words = fold(query).split()
    if not words:
        return [s.key for s in sections()]
    found = []
    for section in sections():
        haystack = fold(plain(text(section.key, lang)))
        if all(word in haystack for word in words):
            found.append(section.key)
    return found


def guide_pdf(lang: str) -> bytes:
    """The whole guide in one language as a printable PDF."""
    from coopdesk import __version__
    from coopdesk.reports.guide import GuideSection, render_guide_pdf

    lang = _language(lang)
    parts = [
        GuideSection(title(s.key, lang), text(s.key, lang), image_base(lang)) for s in sections()
    ]
    return render_guide_pdf(parts, lang, f"Đề án 01 · CoopDesk {__version__}")
