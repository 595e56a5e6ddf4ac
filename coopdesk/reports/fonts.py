"""The documents' typeface: Times New Roman when installed, else the bundled Liberation Serif.

Nghị định 30 asks for Times New Roman. Many Linux machines lack it, so CoopDesk ships Liberation
Serif (SIL OFL, metric-compatible: the same line breaks and page breaks) under
`resources/fonts/`. A system Times New Roman is used only if it covers every Vietnamese letter
in all four styles; otherwise a document could show missing-glyph boxes.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coopdesk import paths

FAMILY = "CoopSerif"
STYLES = ("regular", "bold", "italic", "bold_italic")
BUNDLED = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
# File names of Times New Roman on Windows, macOS and Linux (msttcorefonts), per style.
_TIMES_NAMES = {
    "regular": ("times.ttf", "times new roman.ttf", "times_new_roman.ttf"),
    "bold": ("timesbd.ttf", "times new roman bold.ttf", "times_new_roman_bold.ttf"),
    "italic": ("timesi.ttf", "times new roman italic.ttf", "times_new_roman_italic.ttf"),
    "bold_italic": (
        "timesbi.ttf",
        "times new roman bold italic.ttf",
        "times_new_roman_bold_italic.ttf",
    ),
}
FONT_ENV = "COOPDESK_DOCUMENT_FONT"  # "bundled" forces Liberation Serif (tests, comparisons)


def _vietnamese_letters() -> str:
    vowels = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    marks = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
    letters = {unicodedata.normalize("NFC", v + m) for v in vowels for m in marks}
    return "".join(sorted(letters)) + "đĐ"


VIETNAMESE_LETTERS = _vietnamese_letters()
# Characters the fixed text of the documents uses besides letters.
DOCUMENT_SYMBOLS = "0123456789 .,;:!?()[]/-–—“”‘’\"'%₫•·…×≥≤≈+=<>\u00a0"


@dataclass(frozen=True)
class FontSet:
    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    source: str  # "Times New Roman" or "Liberation Serif (bundled)"
    files: tuple[Path, ...]


def font_dirs() -> list[Path]:
    """Where fonts usually live on this system."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local"))
        return [Path(windir) / "Fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            home / "Library" / "Fonts",
        ]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
    ]


def find_times_new_roman(dirs: list[Path] | None = None) -> dict[str, Path] | None:
    """The four Times New Roman files, or None unless all four are found."""
    wanted = {name: style for style, names in _TIMES_NAMES.items() for name in names}
    found: dict[str, Path] = {}
    for base in dirs if dirs is not None else font_dirs():
        if not base.is_dir():
            continue
        for root, _dirs, files in os.walk(base):
            for name in files:
                style = wanted.get(name.lower())
                if style and style not in found:
                    found[style] = Path(root) / name
    return found if len(found) == len(STYLES) else None


def bundled_files() -> dict[str, Path]:
    base = paths.resources_dir() / "fonts"
    return {style: base / name for style, name in BUNDLED.items()}


def missing_characters(font_file: Path, text: str) -> set[str]:
    """Characters of `text` (spaces and controls aside) that the font has no glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    cmap = TTFontFile(str(font_file)).charToGlyph
    return {
        ch
        for ch in unicodedata.normalize("NFC", text)
        if not ch.isspace() and unicodedata.category(ch)[0] != "C" and ord(ch) not in cmap
    }


def _covers_vietnamese(files: dict[str, Path]) -> bool:
    try:
        return all(not missing_characters(f, VIETNAMESE_LETTERS) for f in files.values())
    except Exception:  # an unreadable or exotic font file: do not use it
        return False


@cache
def register_fonts() -> FontSet:
    """Register the document family with ReportLab once per process and return its names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files: dict[str, Path] | None = None
    source = "Liberation Serif (bundled)"
    if os.environ.get(FONT_ENV, "") != "bundled":
        times = find_times_new_roman()
        if times and _covers_vietnamese(times):
            files, source = times, "Times New Roman"
    if files is None:
        files = bundled_files()
    names = {style: f"{FAMILY}-{style}" for style in STYLES}
    for style in STYLES:
        pdfmetrics.registerFont(TTFont(names[style], str(files[style])))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    for bold, italic, style in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic")):
        addMapping(FAMILY, bold, italic, names[style])
    addMapping(FAMILY, 1, 1, names["bold_italic"])
    return FontSet(
        family=FAMILY,
        regular=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        bold_italic=names["bold_italic"],
        source=source,
        files=tuple(files[s] for s in STYLES),
    )


@cache
def _coverage() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    sets = [set(TTFontFile(str(path)).charToGlyph) for path in register_fonts().files]
    return frozenset(set.intersection(*sets))


def drawable(text: str) -> str:
    """NFC text with any character the document font cannot draw replaced by '?', so that a
    stray symbol in the data never prints as an empty box."""
    text = unicodedata.normalize("NFC", text)
    covered = _coverage()
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return text
    return "".join(ch if ord(ch) in covered or ch in "\n\t" else "?" for ch in text)
