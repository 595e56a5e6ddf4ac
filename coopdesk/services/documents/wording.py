"""The officer's wording in place of generated passages of the annual report, kept with the
report in its options (`"wording": {key: {"text", "based_on", "lang"}}`).

Each passage has a key (coopdesk.reports.paragraph_keys.WORDING_KEYS). What she writes under a
key is printed in place of the generated passage, in the PDF and the .docx alike. The
generated text she reworded is kept beside hers (`based_on`): when the figures change and the
generator now says something else, `WordingLine.stale` tells her that her text may still carry
the old numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coopdesk.i18n import _
from coopdesk.reports.model import Document
from coopdesk.reports.paragraph_keys import WORDING_KEYS
from coopdesk.services.report_request import ReportError

MAX_CHARS = 20_000  # one passage


@dataclass(frozen=True)
class Reworded:
    """Her text for one passage, and the generated text it was written from."""

    text: str
    based_on: str = ""  # the generated passage she reworded ("" when not known yet)
    lang: str = "vi"  # the language `based_on` is in


@dataclass(frozen=True)
class WordingLine:
    """One generated passage of a document as the officer sees it."""

    key: str
    label: str  # msgid: translate it where it is shown
    generated: str  # what the generator says now
    written: str | None = None  # her wording, printed in its place
    based_on: str | None = None  # what the generator said when she wrote it

    @property
    def stale(self) -> bool:
        """The generated text behind her wording changed since she wrote it."""
        return self.written is not None and bool(self.based_on) and self.based_on != self.generated


def unknown_keys(keys: list[str]) -> ReportError:
    return ReportError(
        _("Unknown wording keys: {unknown}. The keys are: {keys}.").format(
            unknown=", ".join(f"“{k}”" for k in keys), keys=", ".join(WORDING_KEYS)
        )
    )


def check_wording(wording: dict[str, Reworded]) -> None:
    """Refuse a key no passage has, or a text beyond the bound."""
    unknown = [k for k in wording if k not in WORDING_KEYS]
    if unknown:
        raise unknown_keys(unknown)
    for key, value in wording.items():
        if len(value.text) > MAX_CHARS or len(value.based_on) > MAX_CHARS:
            raise ReportError(
                _("The wording “{key}” is longer than {count} characters.").format(
                    key=key, count=MAX_CHARS
                )
            )


def kept(wording: dict[str, Reworded]) -> dict[str, Reworded]:
    """What is worth keeping: her own text, not an empty box nor the generated text as it was."""
    return {
        key: Reworded(value.text.strip(), value.based_on, value.lang)
        for key, value in wording.items()
        if value.text.strip() and value.text.strip() != value.based_on.strip()
    }


def wording_json(wording: dict[str, Reworded]) -> dict[str, dict[str, str]]:
    return {
        key: {"text": value.text, "based_on": value.based_on, "lang": value.lang}
        for key, value in sorted(wording.items())
    }


def wording_from(options: dict[str, Any]) -> dict[str, Reworded]:
    """The wording kept in a document's options (anything malformed is skipped)."""
    stored = options.get("wording")
    if not isinstance(stored, dict):
        return {}
    found: dict[str, Reworded] = {}
    for key, value in stored.items():
        if key in WORDING_KEYS and isinstance(value, dict) and isinstance(value.get("text"), str):
            based_on, lang = value.get("based_on", ""), value.get("lang", "vi")
            found[key] = Reworded(
                value["text"],
                based_on if isinstance(based_on, str) else "",
                lang if isinstance(lang, str) else "vi",
            )
    return found


def stale_keys(generated: dict[str, str], wording: dict[str, Reworded], lang: str) -> set[str]:
    """Her wording whose generated text (by key, in `lang`) changed since she wrote it."""
    return {
        key
        for key, mine in wording.items()
        if mine.based_on
        and mine.lang == lang
        and generated.get(key, mine.based_on) != mine.based_on
    }


def generated_of(document: Document) -> dict[str, str]:
    """What the document's generator says, by key."""
    return {passage.key: passage.generated for passage in document.wording}


def wording_lines(document: Document, wording: dict[str, Reworded], lang: str) -> list[WordingLine]:
    """The document's generated passages in order, with her wording of each and what it was
    based on (in the language the document is in; another language's is not compared)."""
    lines = []
    for passage in document.wording:
        mine = wording.get(passage.key)
        based_on = mine.based_on if mine is not None and mine.lang == lang else None
        lines.append(
            WordingLine(
                passage.key,
                WORDING_KEYS[passage.key],
                passage.generated,
                mine.text if mine is not None else None,
                based_on,
            )
        )
    return lines
