"""Vietnamese text rules: folding, collation, formatting, with real names."""

import datetime as dt
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from coopdesk import i18n
from coopdesk.i18n import collation_key, fold, person_sort_key, same_text


def test_fold_ignores_diacritics_case_and_d_stroke() -> None:
    assert fold("Nguyễn Thị Hoà") == "nguyen thi hoa"
    assert fold("ĐẶNG  Thị   Đào") == "dang thi dao"
    assert fold(unicodedata.normalize("NFD", "Lò Thị Tươi")) == "lo thi tuoi"


def test_nfc_nfd_and_tone_placement_compare_equal() -> None:
    assert same_text(unicodedata.normalize("NFD", "Nguyễn Thị Hoà"), "Nguyễn Thị Hoà")
    assert same_text("Hoà", "Hòa")
    assert same_text("Thuỷ", "Thủy")
    assert not same_text("Hoa", "Hòa")


def test_collation_follows_vietnamese_alphabet_then_tones() -> None:
    words = [
        "Đào",
        "Dung",
        "Ân",
        "Ăn",
        "An",
        "Bình",
        "Ơn",
        "Ôn",
        "On",
        "Ưng",
        "Uyên",
        "Bá",
        "Ba",
        "Bà",
    ]
    assert sorted(words, key=collation_key) == [
        "An", "Ăn", "Ân", "Ba", "Bà", "Bá", "Bình", "Dung", "Đào", "On", "Ôn", "Ơn", "Uyên", "Ưng",
    ]  # fmt: skip
    assert sorted(words) != sorted(words, key=collation_key)  # plain sort gets it wrong


def test_tone_order_none_huyen_hoi_nga_sac_nang() -> None:
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(tones), key=collation_key) == tones


def test_people_sort_by_given_name_then_family_and_middle() -> None:
    people = [
        ("Trần", "Thị", "Lan"),
        ("Nguyễn", "Thị", "Anh"),
        ("Đỗ", "Thị", "Lan"),
        ("Lò", "Văn", "Ánh"),
        ("Bùi", "", "Lan"),
    ]
    ordered = sorted(people, key=lambda p: person_sort_key(*p))
    assert ordered == [
        ("Nguyễn", "Thị", "Anh"),
        ("Lò", "Văn", "Ánh"),
        ("Bùi", "", "Lan"),
        ("Đỗ", "Thị", "Lan"),
        ("Trần", "Thị", "Lan"),
    ]


def test_vietnamese_number_money_percent_and_dates() -> None:
    assert i18n.format_number(1234567.8, 1) == "1.234.567,8"
    assert i18n.format_money(1_500_000) == "1.500.000\u00a0₫"
    assert i18n.format_percent(Decimal("0.857")) == "85,7\u00a0%"
    assert i18n.format_date(dt.date(2026, 3, 5)) == "05/03/2026"
    assert i18n.date_in_words(dt.date(2026, 11, 5)) == "ngày 05 tháng 11 năm 2026"
    assert i18n.date_in_words(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert i18n.parse_date("5/3/2026") == dt.date(2026, 3, 5)
    assert i18n.parse_number("1.234.567") == Decimal(1234567)


def test_english_formatting() -> None:
    assert i18n.format_number(1234567.8, 1, lang="en") == "1,234,567.8"
    assert i18n.format_percent(0.857, lang="en") == "85.7%"


def test_bad_dates_and_numbers_say_what_to_do() -> None:
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        i18n.parse_date("2026-13")
    with pytest.raises(ValueError, match="không tồn tại"):
        i18n.parse_date("31/02/2026")
    with pytest.raises(ValueError, match=r"1\.234\.567"):
        i18n.parse_number("mười")


def test_a_separator_in_the_wrong_place_is_refused_with_what_was_meant() -> None:
    """'1.5' was read as 15 and '12.34' as 1234 without a word (issue 14)."""
    with pytest.raises(ValueError, match="15 hoặc 1,5"):
        i18n.parse_number("1.5")
    with pytest.raises(ValueError, match=r"1\.234 hoặc 12,34"):
        i18n.parse_number("12.34")
    assert i18n.parse_number("1,5") == Decimal("1.5")
    assert i18n.parse_number("1.234,5 ₫") == Decimal("1234.5")
    assert i18n.parse_number("1.5", lang="en") == Decimal("1.5")


def test_switching_language_translates_messages() -> None:
    i18n.set_language("en")
    assert i18n._("This date does not exist") == "This date does not exist"
    i18n.set_language("vi")
    assert i18n._("This date does not exist") == "Ngày này không tồn tại"


def test_a_catalogue_edited_after_compiling_wins_over_the_stale_mo(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    old, new = Catalog(locale="vi"), Catalog(locale="vi")
    old.add("Save", "Lưu cũ")
    new.add("Save", "Lưu")
    with (folder / "coopdesk.mo").open("wb") as fh:
        write_mo(fh, old)
    with (folder / "coopdesk.po").open("wb") as fh:
        write_po(fh, new)
    os.utime(folder / "coopdesk.mo", (1, 1))
    monkeypatch.setattr(i18n.paths, "translations_dir", lambda: tmp_path)
    i18n.set_language("vi")
    assert i18n._("Save") == "Lưu"


def test_a_report_language_is_read_once_until_its_catalogue_changes(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle's preview names hundreds of periods in the report's language: the catalogue
    was read (and a stale one recompiled) for every one of them, 0.5 s each."""
    import os

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)

    def write(text: str, when: int) -> None:
        catalog = Catalog(locale="vi")
        catalog.add("Save", text)
        with (folder / "coopdesk.mo").open("wb") as fh:
            write_mo(fh, catalog)
        os.utime(folder / "coopdesk.mo", (when, when))

    reads: list[Path] = []
    real_read = i18n._read
    monkeypatch.setattr(i18n, "_read", lambda mo, po: reads.append(mo) or real_read(mo, po))
    monkeypatch.setattr(i18n.paths, "translations_dir", lambda: tmp_path)
    write("Lưu", 1000)
    assert {i18n.translate_in("vi", "Save") for _ in range(50)} == {"Lưu"}
    i18n.translate_in("en", "Save")
    assert i18n.translate_in("vi", "Save") == "Lưu"
    assert len(reads) == 2  # once for each language
    write("Ghi lại", 2000)
    assert i18n.translate_in("vi", "Save") == "Ghi lại"
    assert len(reads) == 3
