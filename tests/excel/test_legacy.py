"""TCVN3 and VNI text turned into Unicode: every Vietnamese letter, by the font it was typed in.

The expected byte strings are written out here from the standards' layouts (TCVN 5712:1993
VN3 for the ".Vn" fonts; VNI Windows), independently of the generated tables.
"""

from __future__ import annotations

import unicodedata

import pytest

from coopdesk.excel import legacy

# The 67 lower-case letters beyond ASCII, each vowel without tone (where it is a letter of its
# own), then huyền, sắc, hỏi, ngã, nặng.
LOWER = "àáảãạ ăằắẳẵặ âầấẩẫậ đ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ"
TCVN3 = "µ¸¶·¹ ¨»¾¼½Æ ©ÇÊÈÉË ® ÌÐÎÏÑ ªÒÕÓÔÖ ×ÝØÜÞ ßãáâä «åèæçé ¬êíëìî ïóñòô \xadõøö÷ù úýûüþ"
VNI = [
    "aø", "aù", "aû", "aõ", "aï",
    "aê", "aè", "aé", "aú", "aü", "aë",
    "aâ", "aà", "aá", "aå", "aã", "aä",
    "ñ",
    "eø", "eù", "eû", "eõ", "eï",
    "eâ", "eà", "eá", "eå", "eã", "eä",
    "ì", "í", "æ", "ó", "ò",
    "oø", "où", "oû", "oõ", "oï",
    "oâ", "oà", "oá", "oå", "oã", "oä",
    "ô", "ôø", "ôù", "ôû", "ôõ", "ôï",
    "uø", "uù", "uû", "uõ", "uï",
    "ö", "öø", "öù", "öû", "öõ", "öï",
    "yø", "yù", "yû", "yõ", "î",
]  # fmt: skip


def _letters() -> list[str]:
    return [ch for ch in LOWER if ch != " "]


def test_there_are_134_letters_to_check() -> None:
    letters = _letters()
    assert len(set(letters)) == 67 and len(VNI) == 67
    assert all(unicodedata.is_normalized("NFC", ch) for ch in letters)


def test_every_lower_case_letter_in_vntime() -> None:
    assert legacy.to_unicode(TCVN3, ".VnTime") == LOWER


def test_every_capital_letter_in_the_capitals_font() -> None:
    assert legacy.to_unicode(TCVN3, ".VnTimeH") == LOWER.upper()
    assert legacy.to_unicode(TCVN3, ".VnArialH") == LOWER.upper()


def test_capitals_without_tone_in_the_lower_case_font() -> None:
    assert legacy.to_unicode("¡¢£¤¥¦§", ".VnTime") == "ĂÂÊÔƠƯĐ"


@pytest.mark.parametrize("capitals", [False, True])
def test_every_letter_in_vni_times(capitals: bool) -> None:
    for typed, letter in zip(VNI, _letters(), strict=True):
        text = typed.upper() if capitals else typed
        want = letter.upper() if capitals else letter
        assert legacy.to_unicode(text, "VNI-Times") == want, typed


def test_names_as_officers_typed_them() -> None:
    assert legacy.to_unicode("NguyÔn ThÞ Hoµ", ".VnTime") == "Nguyễn Thị Hoà"
    assert legacy.to_unicode("Lß ThÞ Mai", ".VnArial") == "Lò Thị Mai"
    assert legacy.to_unicode("Nguyeãn Thò Hoøa", "VNI-Times") == "Nguyễn Thị Hòa"
    assert legacy.to_unicode("HTX Cheø Taân Phong", "VNI-Helve") == "HTX Chè Tân Phong"


def test_fonts_that_are_not_legacy_leave_the_text_as_it_is() -> None:
    assert legacy.encoding_of_font("Times New Roman") is None
    assert legacy.to_unicode("Nguyễn Thị Hoà", "Arial") == "Nguyễn Thị Hoà"
    assert legacy.to_unicode("Nguye\u0302\u0303n", None) == "Nguyễn"  # decomposed → NFC


def test_text_read_without_its_font_looks_misdecoded() -> None:
    assert legacy.looks_misdecoded("NguyÔn ThÞ Hoµ")
    assert legacy.looks_misdecoded("Nguyeãn Thò Hoøa")
    assert legacy.looks_misdecoded("Nguyá»…n Thá»‹")
    assert not legacy.looks_misdecoded("Nguyễn Thị Hoà, 25°C, 3 × 2")
