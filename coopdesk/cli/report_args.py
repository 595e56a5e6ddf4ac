"""What several `coopdesk report` commands read from their flags: the document's date, the
unit it is about (and who makes it), the --paragraphs file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.cli import CliError
from coopdesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coopdesk.services.documents import ParagraphFile


def document_date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    from coopdesk.i18n import parse_date

    try:
        return dt.date.fromisoformat(text) if "-" in text[:5] else parse_date(text)
    except ValueError as exc:
        raise CliError(f"--date {text}: {exc}") from None


def unit_and_actor(session: Session, args: argparse.Namespace) -> tuple[str, str]:
    """The unit the document is about and who is recorded as making it."""
    from coopdesk.services import settings, units

    installation = settings.get_installation(session)
    if args.unit:
        try:
            unit_code = units.resolve_code(session, args.unit)
        except (units.UnknownUnit, ValueError) as exc:
            raise CliError(str(exc)) from None
    elif installation is not None:
        unit_code = installation.unit_code
    else:
        raise CliError(_("Name the unit with --unit (for example --unit 3408)."))
    return unit_code, installation.officer if installation else "cli"


def paragraph_file(args: argparse.Namespace) -> ParagraphFile:
    """The officer's parts from --paragraphs FILE.json, checked before anything is opened."""
    from coopdesk.services import documents

    if not args.paragraphs:
        return documents.ParagraphFile()
    if args.document != "annual":
        raise CliError(_("--paragraphs applies only to the annual report."))
    from coopdesk.services.documents.paragraph_file import MAX_BYTES

    path = Path(args.paragraphs)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CliError(f"--paragraphs {path}: {exc.strerror}") from None
    try:
        return documents.read_paragraphs(data)
    except documents.ReportError as exc:
        raise CliError(f"--paragraphs {path}: {exc}") from None
