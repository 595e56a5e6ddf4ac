"""Vietnamese personal names: họ (family) – tên đệm (middle, optional) – tên (given).

The given name is stored explicitly (default: the last word) because lists sort by it and a
person may be known by two final words ("Nguyễn Thị Mai Anh": tên "Mai Anh" if she says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.i18n import normalize


@dataclass(frozen=True)
class NameParts:
    family: str
    middle: str
    given: str

    @property
    def full_name(self) -> str:
        return full_name(self.family, self.middle, self.given)


def tidy_case(text: str) -> str:
    """A name typed all in lower or upper case gets a capital on each word; else kept."""
    if text and (text == text.lower() or text == text.upper()):
        return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
    return text


def full_name(family: str | None, middle: str | None, given: str | None) -> str:
    """'Nguyễn' + 'Thị' + 'Hoà' → 'Nguyễn Thị Hoà' (NFC, single spaces)."""
    return " ".join(p for p in (normalize(family), normalize(middle), normalize(given)) if p)


def split_name(text: str | None, given: str | None = None) -> NameParts:
    """Split a full name into family, middle and given names.

    The given name is the last word unless `given` names the final words explicitly
    (it must end the full name). One word is a given name alone; two are family + given.
    Raises ValueError for an empty name or a given name that does not end the full name.
    """
    words = tidy_case(normalize(text)).split()
    if not words:
        raise ValueError("empty name")
    given_words = tidy_case(normalize(given)).split() if given else words[-1:]
    n = len(given_words)
    if (
        n == 0
        or n > len(words)
        or [w.casefold() for w in words[-n:]] != [w.casefold() for w in given_words]
    ):
        raise ValueError("the given name must be the last word(s) of the full name")
    rest = words[:-n]
    if not rest:
        return NameParts("", "", " ".join(words[-n:]))
    return NameParts(rest[0], " ".join(rest[1:]), " ".join(words[-n:]))
