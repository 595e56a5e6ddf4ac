"""The officer's paragraphs from a file (`coopdesk report annual --paragraphs FILE.json`),
read as hostile input: bounded in size, one JSON object of texts or null (null leaves the part
out), no key twice, no key the report does not have.

Under "wording", her text in place of generated passages, by key (WORDING_KEYS): a text, or
{"text": …, "based_on": …} as `--list-wording --json` writes it (the generated text it was
reworded from, so a later run can tell that the generator now says something else)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from coopdesk.i18n import _
from coopdesk.reports.paragraph_keys import PARAGRAPH_KEYS, WORDING_KEYS
from coopdesk.services.documents.wording import Reworded, check_wording, unknown_keys
from coopdesk.services.report_request import ReportError

MAX_BYTES = 256 * 1024  # the whole file; a report's six parts fit in a few kilobytes
MAX_CHARS = 20_000  # one part
WORDING = "wording"  # the key of the reworded passages


@dataclass(frozen=True)
class ParagraphFile:
    paragraphs: dict[str, str | None] = field(default_factory=dict)  # None: left out
    wording: dict[str, Reworded] = field(default_factory=dict)


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ReportError(_("The key “{key}” appears twice.").format(key=key))
        seen[key] = value
    return seen


def _reject_constant(name: str) -> None:
    raise ReportError(_("“{value}” is not a text.").format(value=name))


def read_paragraphs(data: bytes) -> ParagraphFile:
    """{part key: text, or None to leave the part out} and the wording; a ReportError says
    what is wrong."""
    if len(data) > MAX_BYTES:
        raise ReportError(
            _("The file is larger than {size} KB; a report's paragraphs fit in far less.").format(
                size=MAX_BYTES // 1024
            )
        )
    try:
        text = data.decode("utf-8-sig")
        parsed = json.loads(text, object_pairs_hook=_no_repeats, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise ReportError(_("The file is not UTF-8 text.")) from None
    except json.JSONDecodeError as exc:
        raise ReportError(
            _("The file is not valid JSON (line {line}, column {column}: {error}).").format(
                line=exc.lineno, column=exc.colno, error=exc.msg
            )
        ) from None
    if not isinstance(parsed, dict):
        raise ReportError(_('The file must hold one JSON object: {"key": "text", …}.'))
    wording = _wording(parsed.pop(WORDING, {}))
    return ParagraphFile(_checked(parsed), wording)


def _wording(value: Any) -> dict[str, Reworded]:
    if not isinstance(value, dict):
        raise ReportError(_('“wording” must be an object: {"key": "your text", …}.'))
    unknown = [k for k in value if k not in WORDING_KEYS]
    if unknown:
        raise unknown_keys(unknown)
    wording = {key: _reworded(key, text) for key, text in value.items()}
    check_wording(wording)
    return wording


def _reworded(key: str, value: Any) -> Reworded:
    if isinstance(value, str):
        return Reworded(value)
    if isinstance(value, dict) and set(value) <= {"text", "based_on", "lang"}:
        text, based_on, lang = value.get("text"), value.get("based_on", ""), value.get("lang")
        if isinstance(text, str) and isinstance(based_on, str) and lang in (None, "vi", "en"):
            return Reworded(text, based_on, lang or "vi")
    raise ReportError(
        _(
            "The wording “{key}” must be a text, or an object with “text” and “based_on” "
            "texts as --list-wording --json writes it."
        ).format(key=key)
    )


def _checked(parsed: dict[str, Any]) -> dict[str, str | None]:
    keys = ", ".join([*PARAGRAPH_KEYS, WORDING])
    unknown = [k for k in parsed if k not in PARAGRAPH_KEYS]
    if unknown:
        raise ReportError(
            _("Unknown keys: {unknown}. The keys are: {keys}.").format(
                unknown=", ".join(f"“{k}”" for k in unknown), keys=keys
            )
        )
    for key, value in parsed.items():
        if value is not None and not isinstance(value, str):
            raise ReportError(
                _("“{key}” must be a text, or null to leave the part out.").format(key=key)
            )
        if isinstance(value, str) and len(value) > MAX_CHARS:
            raise ReportError(
                _("“{key}” is longer than {count} characters.").format(key=key, count=MAX_CHARS)
            )
    return dict(parsed)
