"""The duplicate keys: which people and cooperatives may be the same."""

from __future__ import annotations

from coopdesk.domain.duplicates import (
    cooperative_keys,
    in_order,
    person_keys,
    phone_digits,
    reason_of,
    tax_code,
)


def test_same_name_and_birth_year_meet_whatever_the_diacritics_and_case() -> None:
    a = person_keys("Nguyễn Thị Hoà", 1985)
    b = person_keys("NGUYEN THI HOA", 1985)
    assert a & b == {"name:nguyen thi hoa|1985"}


def test_same_name_another_birth_year_or_none_does_not_meet() -> None:
    assert not person_keys("Nguyễn Thị Hoa", 1985) & person_keys("Nguyễn Thị Hoa", 1986)
    assert person_keys("Nguyễn Thị Hoa", None) == frozenset()


def test_đ_folds_to_d() -> None:
    assert person_keys("Đỗ Thị Đào", 1990) == {"name:do thi dao|1990"}


def test_a_phone_written_in_any_way_is_the_same_phone() -> None:
    assert phone_digits("0912 345 678") == "0912345678"
    assert phone_digits("+84 912.345-678") == "0912345678"
    assert phone_digits("(0212) 3852 123") == "02123852123"
    assert person_keys("A", None, "+84912345678") == {"phone:0912345678"}


def test_what_is_not_a_phone_number_gives_no_key() -> None:
    assert phone_digits("") == ""
    assert phone_digits("không có") == ""
    assert phone_digits("0912 345") == ""  # too short
    assert phone_digits("０９１２３４５６７８") == ""  # full-width digits are not typed ones


def test_id_number_is_a_key_of_its_own() -> None:
    assert person_keys("", None, None, "001 185 012 345") == {"id:001185012345"}
    assert person_keys("", None, None, "12") == frozenset()


def test_cooperatives_meet_by_tax_code_anywhere() -> None:
    a = cooperative_keys("HTX Chè Tân Phong", "0101234567", "03408")
    b = cooperative_keys("Hợp tác xã Chè", "0101-234-567", "03409")
    assert a & b == {"mst:0101234567"}


def test_cooperatives_meet_by_folded_name_only_within_the_unit() -> None:
    a = cooperative_keys("HTX Chè Tân Phong", "", "03408")
    assert a == {"name:03408|htx che tan phong"}
    assert a & cooperative_keys("htx che tan phong", None, "03408")
    assert not a & cooperative_keys("HTX Chè Tân Phong", "", "03409")


def test_a_tax_code_with_other_characters_gives_no_key() -> None:
    assert tax_code(" 0101234567-001 ") == "0101234567001"
    assert tax_code("số 12") == ""
    assert tax_code("") == ""


def test_reasons_read_name_first() -> None:
    keys = in_order({"phone:0912345678", "name:nguyen thi hoa|1985"})
    assert [reason_of("people", k) for k in keys] == [
        "same full name and birth year",
        "same phone number",
    ]
