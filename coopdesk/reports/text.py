"""Fixed text of documents in the document's language, not the interface's.

`translate_in(lang, msgid)` has the name the catalogue extractor looks for (tools/i18n.py), and
caches the catalogues: a document asks for a few hundred strings.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache

from coopdesk import i18n


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return i18n._load(lang)


def translate_in(lang: str, message: str) -> str:
    return _catalogue(lang).gettext(message)


def translate_plural_in(lang: str, singular: str, plural: str, n: int) -> str:
    """The form for `n` in the document's language ('1 time', '2 times')."""
    return _catalogue(lang).ngettext(singular, plural, n)


def date_words(day: dt.date, lang: str) -> str:
    """'ngày 05 tháng 11 năm 2026' / '5 November 2026'."""
    return i18n.date_in_words(day, lang)


def number(value: object, lang: str, decimals: int = 0) -> str:
    return i18n.format_number(value, decimals, lang)  # type: ignore[arg-type]


def percent(ratio: object, lang: str) -> str:
    """A ratio as documents print it: one decimal, none when it is whole ('85,7 %',
    '100 %', never '100,0 %'). The one rule for every percentage of a document."""
    from decimal import ROUND_HALF_UP, Decimal

    if ratio is None:
        return ""
    shown = (Decimal(str(ratio)) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    decimals = 0 if shown == shown.to_integral_value() else 1
    return i18n.format_percent(shown / 100, decimals, lang)


def percent_0_100(value: object, lang: str) -> str:
    """A percentage kept 0–100 (indicator values) as '85,7 %'."""
    from decimal import Decimal

    if value is None:
        return ""
    return percent(Decimal(str(value)) / 100, lang)


NO_BREAK_SPACE = "\u00a0"


def keep_joined(text: str) -> str:
    """The text with a no-break space inside each joined name ('thành phố', 'THỊ XÃ', 'Ủy
    ban nhân dân'), so that neither the PDF nor Word breaks a line inside one: 'UBND thành /
    phố Lai Châu' reads as two places. The names are `domain.issuers.JOINED_WORDS`."""
    from coopdesk.domain.issuers import header_words

    return " ".join(word.replace(" ", NO_BREAK_SPACE) for word in header_words(text))
