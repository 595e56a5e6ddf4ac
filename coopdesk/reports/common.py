"""The parts every document shares: who issues and signs it, its number and date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coopdesk.reports.model import Header, Signature
from coopdesk.reports.text import date_words, keep_joined, translate_in


@dataclass(frozen=True)
class Issuing:
    """Issuer, symbol, place, signer and recipients: from the unit's settings, per document."""

    parent_body: str
    issuer: str
    symbol: str
    place: str
    signer_name: str
    signer_authority: str  # "TM. BAN THƯỜNG VỤ" (may hold several lines: "KT. CHỦ TỊCH\n…")
    signer_title: str  # "CHỦ TỊCH"
    recipients: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Numbering:
    doc_code: str  # BC | KH
    number: int | None  # None: a draft
    date: dt.date
    number_text: str | None = None  # printed as given ("235/KH-UBND"), plans
    numbered: bool = True  # False: a form never issued (no "Số:" line at all)


def make_header(issuing: Issuing, numbering: Numbering, lang: str) -> Header:
    return Header(
        parent_body=issuing.parent_body,
        issuer=issuing.issuer,
        doc_code=numbering.doc_code,
        symbol=issuing.symbol,
        number=numbering.number,
        place=issuing.place,
        date=numbering.date,
        national_title=translate_in(lang, "SOCIALIST REPUBLIC OF VIETNAM"),
        motto=translate_in(lang, "Independence - Freedom - Happiness"),
        number_label=translate_in(lang, "Number:"),
        number_text=numbering.number_text,
        numbered=numbering.numbered,
        date_text=date_words(numbering.date, lang),
    )


def recipient_lines(recipients: tuple[str, ...] | list[str], lang: str) -> tuple[str, ...]:
    """'- …;' for each recipient and '- Lưu: VT, ….' last (added when missing)."""
    archive = translate_in(lang, "Archive")
    items = [r.strip().lstrip("-").strip().rstrip(";.").strip() for r in recipients]
    items = [r for r in items if r]
    archived = [r for r in items if r.lower().startswith((archive.lower(), "lưu"))]
    items = [r for r in items if r not in archived]
    items.append(archived[0] if archived else f"{archive}: VT")
    lines = [f"- {keep_joined(r)};" for r in items[:-1]]
    lines.append(f"- {keep_joined(items[-1])}.")
    return tuple(lines)


def make_signature(issuing: Issuing, lang: str) -> Signature:
    authority = [
        line.strip()
        for part in (issuing.signer_authority, issuing.signer_title)
        for line in part.split("\n")
        if line.strip()
    ]
    return Signature(
        authority_lines=tuple(keep_joined(line.upper()) for line in authority),
        signer_name=issuing.signer_name,
        recipients_label=translate_in(lang, "Recipients:"),
        recipients=recipient_lines(issuing.recipients, lang),
    )
