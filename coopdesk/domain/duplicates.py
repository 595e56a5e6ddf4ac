"""When two records may be the same person or the same cooperative: their duplicate keys.

A record has a set of keys; two records of a kind whose keys meet may be duplicates.

People:
- "name:<folded full name>|<birth year>": the same name, diacritics and case aside, and the
  same birth year (a name without a birth year gives no key: too many women share a name);
- "phone:<digits>": the same phone number, written with or without spaces, dots, dashes or
  brackets, "+84" the same as the leading "0"; at least 9 digits;
- "id:<digits>": the same ID number (CCCD/CMND), given by a spreadsheet; people in the
  registry have no stored ID number, so this key only meets among the rows of one file.

Cooperatives:
- "mst:<tax code>": the same tax code (MST) or registration number, separators aside;
- "name:<unit>|<folded name>": the same name, diacritics and case aside, in the same unit.

The one SQL twin of these keys is `coopdesk.services.duplicates.sql`.
"""

from __future__ import annotations

from collections.abc import Iterable

from coopdesk.i18n import N_, fold, normalize

PHONE_SEPARATORS = (" ", ".", "-", "(", ")")
MST_SEPARATORS = (" ", ".", "-", "/")
MIN_PHONE_DIGITS = 9

# What a key of each prefix means, for the officer ("cùng họ tên và năm sinh").
REASONS = {
    ("people", "name"): N_("same full name and birth year"),
    ("people", "phone"): N_("same phone number"),
    ("people", "id"): N_("same ID number"),
    ("cooperatives", "mst"): N_("same tax code (MST)"),
    ("cooperatives", "name"): N_("same name in the same commune"),
}


def _without(text: str, separators: tuple[str, ...]) -> str:
    for sep in separators:
        text = text.replace(sep, "")
    return text


def phone_digits(phone: str | None) -> str:
    """'+84 912.345-678' → '0912345678'; '' when it is not a phone number."""
    digits = _without(normalize(phone), PHONE_SEPARATORS)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    if len(digits) < MIN_PHONE_DIGITS or not (digits.isascii() and digits.isdigit()):
        return ""
    return digits


def tax_code(number: str | None) -> str:
    """'0101 234-567' → '0101234567' (letters upper-cased); '' when it is not one (empty, or
    with a character other than a Latin letter or a digit)."""
    code = _without(normalize(number), MST_SEPARATORS)
    return code.upper() if code.isascii() and code.isalnum() else ""


def id_digits(number: str | None) -> str:
    """An ID number (CCCD 12 digits, CMND 9) without separators; '' when it is not one."""
    digits = _without(normalize(number), PHONE_SEPARATORS)
    return digits if digits.isascii() and digits.isdigit() and len(digits) >= 9 else ""


def person_keys(
    full_name: str | None,
    birth_year: int | None,
    phone: str | None = None,
    id_number: str | None = None,
) -> frozenset[str]:
    """The duplicate keys of a person (see the module's docstring)."""
    keys = set()
    name = fold(full_name)
    if name and birth_year is not None:
        keys.add(f"name:{name}|{int(birth_year)}")
    if digits := phone_digits(phone):
        keys.add(f"phone:{digits}")
    if number := id_digits(id_number):
        keys.add(f"id:{number}")
    return frozenset(keys)


def cooperative_keys(
    name: str | None, tax_code_text: str | None, unit_code: str | None
) -> frozenset[str]:
    """The duplicate keys of a cooperative (see the module's docstring)."""
    keys = set()
    if mst := tax_code(tax_code_text):
        keys.add(f"mst:{mst}")
    folded = fold(name)
    if folded and unit_code:
        keys.add(f"name:{unit_code}|{folded}")
    return frozenset(keys)


def reason_of(kind: str, key: str) -> str:
    """The untranslated reason a key gives ("same phone number"); translate with `_()`."""
    return REASONS[(kind, key.split(":", 1)[0])]


def in_order(keys: Iterable[str]) -> list[str]:
    """Keys in the order their reasons are read: the name first, then the numbers."""
    order = {"name": 0, "mst": 1, "id": 2, "phone": 3}
    return sorted(keys, key=lambda k: (order.get(k.split(":", 1)[0], 9), k))
