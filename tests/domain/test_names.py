"""Vietnamese names: family – middle – given, the given name stored explicitly."""

from __future__ import annotations

import unicodedata

import pytest

from coopdesk.domain.names import full_name, split_name
from coopdesk.i18n import APOSTROPHES, collation_key, fold, normalize


def test_last_word_is_the_given_name_by_default() -> None:
    parts = split_name("Nguyễn Thị Minh Khai")
    assert (parts.family, parts.middle, parts.given) == ("Nguyễn", "Thị Minh", "Khai")
    assert parts.full_name == "Nguyễn Thị Minh Khai"


def test_given_name_of_two_words_when_she_says_so() -> None:
    parts = split_name("Nguyễn Thị Mai Anh", given="Mai Anh")
    assert (parts.family, parts.middle, parts.given) == ("Nguyễn", "Thị", "Mai Anh")


def test_two_words_are_family_and_given_one_word_is_given() -> None:
    two = split_name("Lò Mai")
    assert (two.family, two.middle, two.given) == ("Lò", "", "Mai")
    single = split_name("Hoa")
    assert (single.family, single.middle, single.given) == ("", "", "Hoa")


def test_ethnic_minority_names_keep_their_spelling() -> None:
    parts = split_name("Giàng Thị Dợ")
    assert parts.given == "Dợ"
    parts = split_name("Tẩn Mý Mẩy")
    assert (parts.family, parts.middle, parts.given) == ("Tẩn", "Mý", "Mẩy")


def test_text_is_stored_nfc_with_tidy_spaces_and_case() -> None:
    decomposed = unicodedata.normalize("NFD", "  Trần   Thị  Thu   Hà ")
    parts = split_name(decomposed)
    assert parts.full_name == "Trần Thị Thu Hà"
    assert unicodedata.is_normalized("NFC", parts.full_name)
    assert split_name("hoàng thị loan").full_name == "Hoàng Thị Loan"
    assert split_name("ĐẶNG THỊ ÁNH").full_name == "Đặng Thị Ánh"
    assert split_name("H'Hen Niê").full_name == "H'Hen Niê"  # mixed case kept as typed


def test_bad_names_are_refused() -> None:
    with pytest.raises(ValueError):
        split_name("   ")
    with pytest.raises(ValueError):
        split_name("Nguyễn Thị Hoa", given="Lan")


def test_full_name_joins_the_parts_that_exist() -> None:
    assert full_name("Vàng", "", "Pà") == "Vàng Pà"
    assert full_name("Phạm", "Thị Thanh", "Thuỷ") == "Phạm Thị Thanh Thuỷ"


# --- names as people type them: apostrophes, and ICU's Vietnamese order ---------------------


def _one_tone_place(text: str) -> str:
    """The same name with each word's tone on its last vowel. ICU weighs a tone by the letter
    it sits on, while Vietnamese writes Hoà and Hòa alike (CoopDesk treats them as one)."""
    words = []
    for word in text.split(" "):
        letters, tone = [], ""
        for ch in unicodedata.normalize("NFD", word):
            if ch in "\u0300\u0301\u0303\u0309\u0323":
                tone = ch
            elif unicodedata.combining(ch) and letters:
                letters[-1] += ch
            else:
                letters.append(ch)
        vowels = [i for i, x in enumerate(letters) if x[0].lower() in "aeiouy"]
        if tone and vowels:
            letters[vowels[-1]] += tone
        words.append(unicodedata.normalize("NFC", "".join(letters)))
    return " ".join(words)


def _names() -> list[str]:
    """Every unit name (current, re-coded, pre-2025) and every name the demo data uses."""
    import gzip
    import json

    from coopdesk import paths
    from coopdesk.demo import vocab
    from coopdesk.domain import unit_catalogue

    folder = paths.resources_dir() / "units"
    with gzip.open(folder / "units.json.gz", "rt", encoding="utf-8") as fh:
        catalogue = unit_catalogue.parse(json.load(fh))
    with gzip.open(folder / "legacy-units.json.gz", "rt", encoding="utf-8") as fh:
        legacy = json.load(fh)["rows"]
    found = {str(r["name"]) for r in unit_catalogue.current_rows(catalogue)}
    found |= set(catalogue.names_before.values()) | {str(r[1]) for r in legacy}

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)

    for name in dir(vocab):
        if name.isupper():
            walk(getattr(vocab, name))
    return sorted({normalize(n) for n in found if n.strip()})


def test_every_unit_and_demo_name_sorts_as_icu_vietnamese() -> None:
    import icu  # PyICU: the dev environment only (pyproject.toml), never the application

    collator = icu.Collator.createInstance(icu.Locale("vi"))
    one_apostrophe = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
    names = _names()
    assert len(names) > 9000

    def icu_key(name: str) -> tuple[bytes, str]:
        return collator.getSortKey(_one_tone_place(name.translate(one_apostrophe))), name

    assert sorted(names, key=lambda n: (collation_key(n), n)) == sorted(names, key=icu_key)


def test_apostrophes_fold_away_however_typed() -> None:
    typed = ["Cư M’gar", "Cư M'gar", "Cư M‘gar", "Cư M`gar", "Cư M´gar", "Cư Mʼgar", "cu mgar"]
    assert {fold(t) for t in typed} == {"cu mgar"}
    assert len({collation_key(t) for t in typed[:-1]}) == 1


def test_apostrophes_sort_after_a_space_and_before_letters() -> None:
    names = ["Xã Cư Mta", "Xã Cư M’gar", "Xã Cư M gar", "Xã Cư M'ta", "Xã Cư Ma"]
    assert sorted(names, key=collation_key) == [
        "Xã Cư M gar",
        "Xã Cư M’gar",
        "Xã Cư M'ta",
        "Xã Cư Ma",
        "Xã Cư Mta",
    ]
