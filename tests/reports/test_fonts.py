"""The document typeface covers every character documents print: no missing-glyph boxes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from coopdesk import paths
from coopdesk.reports import fonts

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted((ROOT / "coopdesk" / "reports").glob("*.py")),
    ROOT / "coopdesk" / "services" / "report_data.py",
    ROOT / "coopdesk" / "services" / "plan_document.py",
    ROOT / "coopdesk" / "services" / "report_request.py",  # the kinds of document
    *sorted((ROOT / "coopdesk" / "services" / "report_lists").glob("*.py")),
    ROOT / "coopdesk" / "domain" / "indicators.py",  # indicator names in the appendix
]
KEYWORDS = {"_": None, "N_": None, "translate_in": (2,)}


def _document_msgids() -> set[str]:
    ids: set[str] = set()
    for source in SOURCES:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(source), keywords=KEYWORDS
        ):
            ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


def _fixed_text() -> str:
    """Every translation (vi and en) of the documents' fixed text, and the literals of the
    indicator registry (Vietnamese names and formulas)."""
    ids = _document_msgids()
    parts = [fonts.VIETNAMESE_LETTERS, fonts.DOCUMENT_SYMBOLS, *ids]
    for lang in ("vi", "en"):
        po = paths.translations_dir() / lang / "LC_MESSAGES" / "coopdesk.po"
        with po.open("rb") as fh:
            catalogue = read_po(fh)
        parts += [m.string for m in catalogue if m.id in ids and isinstance(m.string, str)]
    tree = ast.parse((ROOT / "coopdesk" / "domain" / "indicators.py").read_text("utf-8"))
    parts += [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    return "".join(parts)


def _demo_names() -> str:
    """Names the demo data invents (people, places, cooperatives): rare letters included."""
    text = []
    for source in sorted((ROOT / "coopdesk" / "demo").glob("*.py")):
        tree = ast.parse(source.read_text("utf-8"))
        text += [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        ]
    return "".join(text)


@pytest.mark.parametrize("style", fonts.STYLES)
def test_document_font_covers_fixed_text_and_demo_names(style: str) -> None:
    chosen = fonts.register_fonts()
    font_file = chosen.files[fonts.STYLES.index(style)]
    text = _fixed_text() + _demo_names()
    assert "Ỏ" in text or "ỏ" in text  # the demo vocabulary was read
    assert fonts.missing_characters(font_file, text) == set(), font_file


def test_bundled_font_ships_with_its_licence() -> None:
    folder = paths.resources_dir() / "fonts"
    for name in fonts.BUNDLED.values():
        assert (folder / name).is_file()
    licence = (folder / "OFL.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    for font_file in fonts.bundled_files().values():
        assert fonts.missing_characters(font_file, fonts.VIETNAMESE_LETTERS) == set()


def test_times_new_roman_is_found_only_with_all_four_styles(tmp_path: Path) -> None:
    windows = tmp_path / "Fonts"
    windows.mkdir()
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf"):
        (windows / name).write_bytes(b"")
    assert fonts.find_times_new_roman([windows]) is None
    (windows / "TIMESBI.TTF").write_bytes(b"")
    found = fonts.find_times_new_roman([windows, tmp_path / "missing"])
    assert found is not None and found["bold_italic"].name == "TIMESBI.TTF"


def test_a_font_without_vietnamese_is_not_used(tmp_path: Path) -> None:
    # A Times New Roman file that lacks the Vietnamese letters (here: a file with no glyphs
    # at all) must be refused in favour of the bundled font.
    bad = {style: tmp_path / f"{style}.ttf" for style in fonts.STYLES}
    for path in bad.values():
        path.write_bytes(b"not a font")
    assert fonts._covers_vietnamese(bad) is False
    assert fonts._covers_vietnamese(fonts.bundled_files()) is True


def test_characters_the_font_lacks_print_as_question_marks() -> None:
    assert fonts.drawable("Lò Thị Ỏn ★") == "Lò Thị Ỏn ?"
    assert fonts.drawable("Hoa\u0300") == "Hoà"  # NFD typed text is composed


def test_an_installed_times_new_roman_is_preferred(tmp_path: Path) -> None:
    """With the four Times New Roman files in the user's font folder, documents use them
    (Liberation Serif copies stand in for them here: same metrics, full Vietnamese)."""
    import os
    import shutil
    import subprocess
    import sys

    fonts_dir = tmp_path / ".fonts"
    fonts_dir.mkdir()
    names = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf",
             "bold_italic": "timesbi.ttf"}  # fmt: skip
    for style, path in fonts.bundled_files().items():
        shutil.copy(path, fonts_dir / names[style])
    code = (
        "from coopdesk.reports.fonts import register_fonts; f = register_fonts(); "
        "print(f.source); print(f.files[1].name)"
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop(fonts.FONT_ENV, None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["Times", "New", "Roman", "timesbd.ttf"]
    env[fonts.FONT_ENV] = "bundled"
    forced = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert forced.stdout.splitlines()[0] == "Liberation Serif (bundled)"
