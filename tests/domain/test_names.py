"""Vietnamese names: family – middle – given, the given name stored explicitly."""

from __future__ import annotations

import unicodedata

import pytest

from coopdesk.domain.names import full_name, split_name


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
