"""The officer's wording of the annual report's generated passages on the command line:
`--list-wording` shows each passage's key and what it says (with `--json`, as the "wording"
object of a --paragraphs file, ready to edit), and a rendering warns when the generated text
behind her wording changed since she wrote it (her text keeps the old figures)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from coopdesk import paths
from coopdesk.cli import CliError
from coopdesk.cli.report_args import document_date, paragraph_file, unit_and_actor
from coopdesk.i18n import _

if TYPE_CHECKING:
    from coopdesk.services.documents import WordingLine


def print_wording(lines: list[WordingLine], lang: str, as_json: bool) -> None:
    """Each passage: key, name, the generated text and her wording of it."""
    if as_json:
        entries = {line.key: _entry(line, lang) for line in lines}  # in document order
        print(json.dumps({"wording": entries}, ensure_ascii=False, indent=2))
        return
    blocks = []
    for line in lines:
        block = [
            f"[{line.key}] {_(line.label)}",
            _("Generated: {text}").format(text=line.generated),
        ]
        if line.written is not None:
            block.append(_("Your wording: {text}").format(text=line.written))
        if line.stale:
            block.append(_stale(line))
        blocks.append("\n".join(block))
    print("\n\n".join(blocks))


def _entry(line: WordingLine, lang: str) -> dict[str, str]:
    """Her text and what it was based on, or the generated text to start from."""
    if line.written is None:
        return {"text": line.generated, "based_on": line.generated, "lang": lang}
    return {"text": line.written, "based_on": line.based_on or line.generated, "lang": lang}


def _stale(line: WordingLine) -> str:
    return _(
        "Note: the generated text behind your wording of “{key}” changed since you wrote it; "
        "your text may still carry the old figures. It now reads: {text}"
    ).format(key=line.key, text=line.generated)


def warn_stale(lines: list[WordingLine]) -> None:
    """On stderr: her wording whose generated text changed since she wrote it."""
    for line in lines:
        if line.stale:
            print(_stale(line), file=sys.stderr)


def warn_unused(lines: list[WordingLine], given: list[str]) -> None:
    """On stderr: wording for a passage this document does not have (a list of funds when no
    support was given)."""
    present = {line.key for line in lines}
    for key in given:
        if key not in present:
            print(
                _("Note: this document has no passage “{key}”; its wording is not used.").format(
                    key=key
                ),
                file=sys.stderr,
            )


def check_list_wording(args: argparse.Namespace) -> None:
    if not args.list_wording:
        raise CliError(_("--json goes with --list-wording."))
    if args.document != "annual":
        raise CliError(_("--list-wording applies only to the annual report."))
    if args.issue or args.out:
        raise CliError(_("--list-wording only shows the passages; run without --issue and --out."))


def list_wording(args: argparse.Namespace) -> int:
    """The annual report's generated passages, with the file's wording of them."""
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.services import documents

    day = document_date(args.date)
    given = paragraph_file(args)
    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            unit_code, _actor = unit_and_actor(session, args)
            form = documents.DraftForm(
                template="annual",
                unit_code=unit_code,
                period=args.period or str(day.year),
                date=day,
                paragraphs=given.paragraphs,
                wording=given.wording,
            )
            _settled, lines = documents.settle_wording(session, form, args.lang)
    except documents.ReportError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    print_wording(lines, args.lang, args.json)
    warn_unused(lines, list(given.wording))
    return 0
