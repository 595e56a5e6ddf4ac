"""Language: gettext catalogues, Babel formatting, Vietnamese folding and collation.

msgids are English; the Vietnamese catalogue is the default UI language and the English one
is complete too (`tools/i18n.py check` fails on a missing or fuzzy entry in either).
The text rules (fold, collation keys) live here so lists, search and reports agree.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from babel import numbers as _numbers

from coopdesk import paths

DOMAIN = "coopdesk"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_LOCALES = {"vi": "vi_VN", "en": "en_GB"}

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "tr": _gettext.NullTranslations()}
_listeners: list[Callable[[str], None]] = []


# lang -> (the catalogue files' modification times, the catalogue read from them)
_loaded: dict[str, tuple[tuple[float, float], _gettext.NullTranslations]] = {}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def _load(lang: str) -> _gettext.NullTranslations:
    """The catalogue of `lang`, read once while its files stay as they are (a report asks
    for its language's words hundreds of times: `translate_in`)."""
    base = paths.translations_dir()
    mo = base / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = base / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    stamp = (_mtime(mo), _mtime(po))
    held = _loaded.get(lang)
    if held is None or held[0] != stamp:  # not read yet, or the files changed since
        held = _loaded[lang] = (stamp, _read(mo, po))
    return held[1]


def _read(mo: Path, po: Path) -> _gettext.NullTranslations:
    po_newer = po.exists() and (not mo.exists() or po.stat().st_mtime > mo.stat().st_mtime)
    if mo.exists() and not po_newer:
        with mo.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    if po.exists():  # a source checkout whose catalogues were edited since the last compile
        import io

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fh:
            catalog = read_po(fh)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        return _gettext.GNUTranslations(buf)
    return _gettext.NullTranslations()


def set_language(lang: str) -> None:
    """Switch the language of everything translated from now on; listeners re-translate."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _state["lang"] = lang
    _state["tr"] = _load(lang)
    for listener in list(_listeners):
        listener(lang)


def current_language() -> str:
    return str(_state["lang"])


def locale_name(lang: str | None = None) -> str:
    return _LOCALES[lang or current_language()]


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    tr = _state["tr"]
    assert isinstance(tr, _gettext.NullTranslations)
    return tr.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    tr = _state["tr"]
    assert isinstance(tr, _gettext.NullTranslations)
    return tr.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with `_()` where it is shown."""
    return message


def translate_in(lang: str, message: str) -> str:
    """Translate one message in a given language without switching the UI (reports)."""
    return _load(lang).gettext(message)


# --- formatting --------------------------------------------------------------------------


def format_number(
    value: int | float | Decimal | None, decimals: int = 0, lang: str | None = None
) -> str:
    if value is None:
        return ""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _numbers.format_decimal(value, format=fmt, locale=locale_name(lang))


def format_percent(
    ratio: float | Decimal | None, decimals: int = 1, lang: str | None = None
) -> str:
    """0.857 → '85,7 %' in Vietnamese, '85.7%' in English."""
    if ratio is None:
        return ""
    text = format_number(Decimal(str(ratio)) * 100, decimals, lang)
    return f"{text}\u00a0%" if (lang or current_language()) == "vi" else f"{text}%"


def format_money(amount: int | Decimal | None, lang: str | None = None) -> str:
    """Đồng, no decimals: '1.500.000 ₫'."""
    if amount is None:
        return ""
    return f"{format_number(amount, 0, lang)}\u00a0₫"


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def date_in_words(value: dt.date, lang: str | None = None) -> str:
    """'ngày 05 tháng 11 năm 2026' (day < 10 and months 1–2 zero-padded, as Nghị định 30 asks)."""
    if (lang or current_language()) == "en":
        return value.strftime("%d %B %Y").lstrip("0")
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def parse_date(text: str) -> dt.date:
    """Parse dd/mm/yyyy (also d/m/yyyy and dd-mm-yyyy); raise ValueError with a plain message."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    parts = cleaned.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(_("Enter the date as dd/mm/yyyy"))
    day, month, year = (int(p) for p in parts)
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(_("This date does not exist")) from None


def parse_number(text: str, lang: str | None = None) -> Decimal:
    """Parse '1.234.567' or '1.234,5' (vi) / '1,234.5' (en) strictly: a separator in the wrong
    place ('1.5', '12.34' in Vietnamese) is refused with what was probably meant, never
    guessed ('1.5' is not read as 15). ValueError with a plain message otherwise."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("₫", "")
    locale = _LOCALES[lang or current_language()]
    try:
        return _numbers.parse_decimal(cleaned, locale=locale, strict=True)
    except _numbers.NumberFormatError as exc:
        meant = [s for s in exc.suggestions or [] if s][:2]
        if meant:
            either = meant[0] if len(meant) == 1 else _("{first} or {second}")
            raise ValueError(
                _("“{text}” is not written as a number here: did you mean {meant}?").format(
                    text=text.strip(), meant=either.format(first=meant[0], second=meant[-1])
                )
            ) from None
        raise ValueError(_("Enter a number, for example 1.234.567")) from None


# --- Vietnamese text ---------------------------------------------------------------------

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_QUALITY = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}  # breve, circumflex, horn
_ALPHABET = [
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w",
    "x", "y", "z",
]  # fmt: skip
_LETTER_WEIGHT = {letter: chr(0x41 + i) for i, letter in enumerate(_ALPHABET)}
_FIELD_SEP, _WORD_SEP, _LEVEL_SEP = "\x21", "\x22", "\x20"
# The ways people and catalogues write the apostrophe of Cư M’gar, Ea H’leo, B’Lao: one
# character to search and to sort by.
APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc"
# Punctuation sorts after a space and before digits and letters, in this order (CLDR root).
_PUNCTUATION = "_-\u2013\u2014,;:!?.'\"\u201c\u201d()[]{}@*/\\&#%^+<=>|~$"
_PUNCTUATION_WEIGHT = {ch: "\x23" + chr(0x30 + i) for i, ch in enumerate(_PUNCTUATION)}
_PUNCTUATION_WEIGHT.update(dict.fromkeys(APOSTROPHES, _PUNCTUATION_WEIGHT["'"]))
_NO_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES, ""))


def normalize(text: str | None) -> str:
    """NFC, trimmed, inner white space collapsed: how every text is stored."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str | None) -> str:
    """Diacritic- and case-insensitive form for search: 'Nguyễn Thị Hoà' → 'nguyen thi hoa';
    apostrophes are dropped, however written: 'Cư M’gar' and "cu m'gar" → 'cu mgar'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_NO_APOSTROPHES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return " ".join(stripped.lower().split())


def _letters(word: str) -> tuple[list[str], int, list[bool]]:
    """Split one word into Vietnamese letters (base + quality mark), its tone and letter cases."""
    letters: list[str] = []
    cases: list[bool] = []
    tone = 0
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch in _QUALITY and letters:
            letters[-1] += ch
        elif unicodedata.combining(ch):
            continue
        else:
            cases.append(ch.isupper())
            letters.append(ch.lower())
    return letters, tone, cases


def _weights(text: str) -> tuple[str, str, str]:
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for n, word in enumerate(normalize(text).split(" ")):
        if not word:
            continue
        if n:
            primary.append(_WORD_SEP)
        letters, tone, cases = _letters(word)
        for letter in letters:
            weight = _LETTER_WEIGHT.get(letter) or _PUNCTUATION_WEIGHT.get(letter)
            if weight is None:
                weight = letter if letter.isdigit() else chr(0x62 + (ord(letter[0]) % 0x1D))
            primary.append(weight)
        secondary.append(str(tone))
        tertiary.extend("1" if upper else "0" for upper in cases)
    return "".join(primary), "".join(secondary), "".join(tertiary)


def collation_key(text: str | None) -> str:
    """A string key that sorts in CLDR 'vi' order, also as a plain SQL `ORDER BY` (binary)."""
    p, s, t = _weights(text or "")
    return p + _LEVEL_SEP + s + _LEVEL_SEP + t


def same_text(a: str | None, b: str | None) -> bool:
    """Equal as Vietnamese text: NFC/NFD alike, 'Hoà' equals 'Hòa' (tone placement), case kept."""
    return collation_key(a) == collation_key(b)


def person_sort_key(family: str | None, middle: str | None, given: str | None) -> str:
    """People sort by given name (fully, tones included), then family and middle names."""
    rest = " ".join(x for x in (family, middle) if x)
    return collation_key(given) + "\x1f" + collation_key(rest)
