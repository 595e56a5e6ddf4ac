"""A plan's text read section by section, from a seed (../shared/seeds/) or a printed PDF, and
how close two readings are: the test that the seed plans print as they were written."""

from __future__ import annotations

import difflib
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
CITY = "ke-hoach-thanh-pho-lai-chau.txt"
PROVINCE = "ke-hoach-tinh-nam-2024.txt"
_PART = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII)\.\s+(\S.*)$")
_WORD = re.compile(r"[\w%]+")


def seed(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return re.sub(r"\[bookmark: [^\]]*\]", "", text)


def pdf_text(pdf: bytes) -> str:
    """The PDF's words in reading order (pdftotext), page numbers left out."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    lines = [line for line in out.splitlines() if not line.strip().isdigit()]
    return "\n".join(lines)


def sections(text: str) -> dict[str, str]:
    """'bases' (the Căn cứ lines and the opening sentence), each part by its heading ('I.
    MỤC ĐÍCH, YÊU CẦU' → key 'I'), and 'closing' (from 'Trên đây là' to 'Nơi nhận')."""
    text = unicodedata.normalize("NFC", text.replace("\t", " "))
    body = text[text.index("Căn cứ") :]
    body, _sep, _rest = body.partition("Nơi nhận")
    body, _sep, closing = body.partition("Trên đây là")
    out = {"closing": "Trên đây là " + closing, "bases": ""}
    key = "bases"
    for raw in body.splitlines():
        line = raw.strip()
        match = _PART.match(line)
        if match and match.group(2)[:4].isupper():
            key = match.group(1)
            out[f"{key}.heading"] = match.group(2).rstrip(": ")
            out[key] = ""
            continue
        out[key] = f"{out[key]} {line}"
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def likeness(printed: str, original: str) -> float:
    """How much of the two texts' words agree, in order (1.0: the same words)."""
    return difflib.SequenceMatcher(None, words(printed), words(original), autojunk=False).ratio()
