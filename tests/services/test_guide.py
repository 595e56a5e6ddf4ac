"""The user guide's content: every section in both languages, titled, its screenshots present,
the English kept in step with the Vietnamese; finding a section by area and by words."""

from __future__ import annotations

import re

import pytest

from coopdesk.services import guide

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
KEYS = [s.key for s in guide.sections()]


def _images(text: str) -> list[str]:
    return IMAGE.findall(text)


@pytest.mark.parametrize("lang", guide.LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_each_section_is_written_in_each_language(key: str, lang: str) -> None:
    path = guide.section_path(key, lang)
    assert path.exists(), f"{path} is missing"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and guide.title(key, lang) != key
    assert len(text) > 600, f"{key} ({lang}) is too short to help anyone"
    for image in _images(text):
        assert (guide.image_base(lang) / image).resolve().is_file(), f"{key}: {image} is missing"
        assert image.startswith(f"../img/{lang}-"), f"{key} ({lang}) shows {image}"


@pytest.mark.parametrize("key", KEYS)
def test_the_english_follows_the_vietnamese(key: str) -> None:
    vi, en = guide.text(key, "vi"), guide.text(key, "en")
    assert guide.title(key, "vi") != guide.title(key, "en")
    assert [i.replace("vi-", "en-") for i in _images(vi)] == _images(en)
    for mark in ("\n## ", "\n1. "):
        assert vi.count(mark) == en.count(mark), f"{key}: {mark.strip()!r} differs"


def test_vietnamese_titles_carry_their_diacritics() -> None:
    titles = [guide.title(k, "vi") for k in KEYS]
    assert titles[:4] == ["Bắt đầu sử dụng", "Tổng quan", "HTX & Tổ hợp tác", "Thành viên & phụ nữ"]
    assert "Dành cho Hội cấp tỉnh" in titles


def test_the_first_section_gets_started_and_every_area_key_is_named_once() -> None:
    assert KEYS[0] == guide.FIRST_SECTION
    areas = [a for s in guide.sections() for a in s.areas]
    assert len(areas) == len(set(areas))
    assert guide.section_for_area("cooperatives") == "cooperatives"
    assert guide.section_for_area("reporting") == "province"
    assert guide.section_for_area("no such area") == guide.FIRST_SECTION


def test_search_ignores_accents_and_capitals() -> None:
    assert guide.search("XUNG DOT", "vi") == guide.search("xung đột", "vi")
    assert "bundles" in guide.search("xung dot", "vi")
    assert "people" in guide.search("dong y nhay cam", "vi")
    assert guide.search("conflict", "en")[0] == "bundles"
    assert guide.search("qwzx", "vi") == []
    assert guide.search("  ", "vi") == KEYS


def test_search_does_not_find_words_only_in_image_file_names() -> None:
    assert guide.plain("![Ảnh](../img/vi-wizard-unit.png) **Tiếp**").split() == ["Tiếp"]
    assert "start" not in guide.search("wizard", "vi")


def test_an_unknown_language_reads_the_vietnamese() -> None:
    assert guide.text("budget", "fr") == guide.text("budget", "vi")


def test_the_screenshots_stay_small() -> None:
    pictures = list((guide.guide_dir() / "img").glob("*.png"))
    assert len(pictures) >= 2 * len(KEYS)
    assert sum(p.stat().st_size for p in pictures) < 3_000_000
