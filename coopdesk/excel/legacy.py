"""Text typed in the old Vietnamese fonts, turned into Unicode (NFC).

Before Unicode, officers typed Vietnamese with fonts that draw Vietnamese letters on the
places of Western ones: TCVN3 fonts are named ".Vn…" (".VnTime"; ".VnTimeH" and the other
names ending in "H" draw capitals), VNI fonts "VNI-…" ("VNI-Times"). A spreadsheet keeps the
Western characters, so "NguyÔn" (TCVN3) or "Nguyeãn" (VNI) must be converted by the font the
cell was typed in. `encoding_of_font` tells which, `to_unicode` converts, and
`looks_misdecoded` tells text in no such font that still reads like one of them.
"""

from __future__ import annotations

import unicodedata

from coopdesk.excel.legacy_tables import TCVN3, VNI

TCVN3_NAME = "TCVN3"
VNI_NAME = "VNI"
_VNI_LONGEST = 2
# Characters of the fonts' byte range that Vietnamese text in Unicode never has (signs a
# Vietnamese text may well hold, such as ° ² × « », left out).
_FOREIGN = frozenset(
    ch
    for ch in (chr(n) for n in range(0xA1, 0x100))
    if ch.lower() not in set("àáâãèéêìíòóôõùúý") and ch not in "°²³×«»±·"
)


def encoding_of_font(font_name: str | None) -> str | None:
    """TCVN3 for ".VnTime"-like fonts, VNI for "VNI-Times"-like ones, None otherwise."""
    name = (font_name or "").strip()
    if name.startswith(".Vn") or (name.startswith("Vn") and name[2:3].isupper()):
        return TCVN3_NAME
    if name.upper().startswith("VNI"):
        return VNI_NAME
    return None


def _capitals_font(font_name: str) -> bool:
    """A TCVN3 font that draws capitals: ".VnTimeH", ".VnArialH"…"""
    return font_name.strip().endswith("H")


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    out = "".join(TCVN3.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFC", out.upper() if capitals else out)


def vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        for size in range(_VNI_LONGEST, 0, -1):
            piece = text[i : i + size]
            if len(piece) == size and piece in VNI:
                out.append(VNI[piece])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


def to_unicode(text: str, font_name: str | None) -> str:
    """The cell's text as Unicode NFC, converted when its font is a legacy one."""
    encoding = encoding_of_font(font_name)
    if encoding == TCVN3_NAME:
        return tcvn3_to_unicode(text, _capitals_font(font_name or ""))
    if encoding == VNI_NAME:
        return vni_to_unicode(text)
    return unicodedata.normalize("NFC", text)


def looks_misdecoded(text: str) -> bool:
    """Text with characters only the legacy fonts (or UTF-8 read as Windows-1252) leave:
    "NguyÔn", "Nguyeãn Thò Hoøa", "Nguyá»…n"."""
    return "á»" in text or any(ch in _FOREIGN for ch in text)
