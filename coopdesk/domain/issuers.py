"""Who issues a document, and how such a body signs (Nghị định 30/2020, DOMAIN.md §6).

Three kinds of body issue the programme's documents: the Hội LHPN of a level, the People's
Committee (UBND) of that level and the programme's steering committee (Ban Chỉ đạo). Each signs
in its own way and uses its own symbol; `defaults(kind, place)` gives the block a document of
that kind prints unless the unit's settings or the document itself say otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coopdesk.i18n import N_

KINDS: dict[str, str] = {
    "hoi": N_("Women's Union"),
    "ubnd": N_("People's Committee"),
    "bcd": N_("Steering committee"),
}
ISSUING_KEYS = (
    "parent_body",
    "issuer",
    "symbol",
    "place",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
)
# Place words that are one name and never split across header lines.
JOINED_WORDS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "BAN CHỈ ĐẠO", "ỦY BAN NHÂN DÂN")


@dataclass(frozen=True)
class IssuerBlock:
    """The header and signature lines of one issuer."""

    kind: str
    parent_body: str
    issuer: str
    symbol: str
    signer_authority: str  # "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    signer_title: str  # "PHÓ CHỦ TỊCH"
    recipients: tuple[str, ...] = field(default_factory=tuple)


def upper_place(place: str) -> str:
    """'thành phố Lai Châu' → 'THÀNH PHỐ LAI CHÂU' (the body's name in capitals)."""
    return place.upper()


def defaults(kind: str, place: str, parent_place: str = "") -> IssuerBlock:
    """The block of a `kind` body of `place` ('thành phố Lai Châu'), under `parent_place`
    ('tỉnh Lai Châu'; empty at the top)."""
    own, parent = upper_place(place), upper_place(parent_place)
    if kind == "ubnd":
        return IssuerBlock(
            kind,
            parent_body="",
            issuer=f"ỦY BAN NHÂN DÂN {own}",
            symbol="UBND",
            signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
            signer_title="PHÓ CHỦ TỊCH",
            recipients=(
                *((f"Hội LHPN {parent_place}",) if parent_place else ()),
                f"Lãnh đạo UBND {place}",
                f"Hội LHPN {place}",
                "Lưu: VT",
            ),
        )
    if kind == "bcd":
        return IssuerBlock(
            kind,
            parent_body=f"UBND {own}",
            issuer="BAN CHỈ ĐẠO ĐỀ ÁN 01",
            symbol="BCĐ",
            signer_authority="TM. BAN CHỈ ĐẠO",
            signer_title="TRƯỞNG BAN",
            recipients=(f"UBND {place}", "Các thành viên Ban Chỉ đạo", "Lưu: VT"),
        )
    return IssuerBlock(
        "hoi",
        parent_body=f"HỘI LHPN {parent}" if parent else "",
        issuer=f"HỘI LHPN {own}",
        symbol="HPN",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_title="CHỦ TỊCH",
        recipients=(f"Ban Thường vụ Hội LHPN {parent_place} (b/c)", "Lưu: VT")
        if parent_place
        else ("Lưu: VT",),
    )


def overridden(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """A unit's issuing lines (ISSUING_KEYS) with what one document changes. A document
    issued by another kind of body than the unit's (a People's Committee, a steering
    committee) takes that kind's symbol, signing lines and recipients for whatever it does
    not say itself, and no signer: the Hội's chair does not sign for the committee."""
    out = dict(base)
    issuer = str(overrides.get("issuer") or "")
    if issuer and kind_of(issuer) != kind_of(str(base.get("issuer") or "")):
        block = defaults(kind_of(issuer), place_of(issuer))
        out.update(
            parent_body=block.parent_body,
            symbol=block.symbol,
            signer_authority=block.signer_authority,
            signer_title=block.signer_title,
            signer_name="",
            recipients=list(block.recipients),
        )
    out.update({k: v for k, v in overrides.items() if k in out and v is not None})
    return out


def kind_of(issuer: str) -> str:
    """The kind of body a name is: 'UBND thành phố Lai Châu' → 'ubnd'."""
    upper = issuer.strip().upper()
    if upper.startswith(("UBND", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN")):
        return "ubnd"
    if upper.startswith(("BAN CHỈ ĐẠO", "BCĐ")):
        return "bcd"
    return "hoi"


_BODY_WORDS = ("UBND", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "BAN CHỈ ĐẠO ĐỀ ÁN 01", "HỘI LHPN")
_PLACE_WORDS = ("thành phố", "tỉnh", "thị xã", "huyện", "phường", "xã", "đặc khu", "thị trấn")


def place_of(issuer: str) -> str:
    """The place a body is named after: 'UBND thành phố Lai Châu' → 'thành phố Lai Châu'."""
    text = issuer.strip()
    for word in _BODY_WORDS:
        if text.upper().startswith(word):
            return text[len(word) :].strip()
    return text


def place_name(place: str) -> str:
    """The place as the date line names it: 'thành phố Lai Châu' → 'Lai Châu'."""
    for word in _PLACE_WORDS:
        if place.lower().startswith(word + " "):
            return place[len(word) :].strip()
    return place


def place_word(place: str) -> str:
    """The division word of a place: 'thành phố Lai Châu' → 'thành phố' ('' when none)."""
    for word in _PLACE_WORDS:
        if place.lower().startswith(word + " "):
            return place[: len(word)]
    return ""


def header_words(text: str) -> list[str]:
    """The words a header line may break between: the joined names stay one word."""
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for joined in JOINED_WORDS:
            parts = joined.split()
            if [w.upper() for w in words[i : i + len(parts)]] == parts:
                out.append(" ".join(words[i : i + len(parts)]))
                i += len(parts)
                break
        else:
            out.append(words[i])
            i += 1
    return out


# Bodies a People's Committee (or a Hội) does not direct but asks: the Fatherland Front and
# the socio-political organisations. A plan "requests" them ("Đề nghị Ủy ban Mặt trận Tổ quốc
# …") where it assigns its own departments. The Hội LHPN, the programme's standing body, is
# assigned like a department.
_REQUESTED_WORDS = (
    "mặt trận tổ quốc",
    "mttq",
    "chính trị - xã hội",
    "chính trị – xã hội",
    "ct-xh",
    "hội nông dân",
    "hội cựu chiến binh",
    "đoàn thanh niên",
    "tỉnh đoàn",
    "thành đoàn",
    "liên đoàn lao động",
)
COURTESY = "Đề nghị"


def requested(body: str) -> bool:
    """Is `body` one a plan requests rather than assigns?"""
    text = " ".join(body.lower().split())
    return any(word in text for word in _REQUESTED_WORDS)


def courtesy(body: str, word: str = COURTESY) -> str:
    """The body as a plan's section VI names it: 'Đề nghị Ủy ban Mặt trận Tổ quốc …' for a
    body it requests, the name alone for one it assigns (`word`: the request in the
    document's language)."""
    name = body.strip()
    typed = name.lower().startswith((COURTESY.lower(), word.lower()))
    return f"{word} {name}" if requested(name) and not typed else name
