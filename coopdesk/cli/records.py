"""Records from the command line, through the same service functions as the editors.

coopdesk save KIND --json FILE [--data-dir DIR]   create, or update the record with the "id"
coopdesk show KIND ID [--json] [--data-dir DIR]   the record in the shape `save` reads
coopdesk delete KIND ID [--data-dir DIR]          soft delete (it stays in the history)

KIND is one of coopdesk.services.registry.KINDS. A cooperative's file may hold its "board" and
"years", a training's its "participants", a plan's its "targets" and "assignments", an
activity's its "cooperative_ids", a person's her "consents", "sensitive" details and "roles".
A file that cannot be saved is refused with its problems by field (exit status 2), in the
words the editors use.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.i18n import _
from coopdesk.services.registry import KINDS

if TYPE_CHECKING:  # sqlalchemy.orm costs ~0.5 s at start; --help needs none
    from sqlalchemy.orm import Session

    from coopdesk.domain.validation import Problem

PROBLEMS_EXIT = 2


def _common(parser: argparse.ArgumentParser) -> None:
    add_data_dir(parser)
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    parser.add_argument(
        "--lang", choices=["vi", "en"], default=argparse.SUPPRESS, help="language of messages"
    )
    parser.add_argument("kind", choices=KINDS, help="the kind of record")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "save",
        help="create or update a record from a JSON file",
        description='Create a record, or update the one whose "id" the file gives, with its '
        "parts (a cooperative's board and yearly figures, a training's participants, a plan's "
        "targets and assignments). Prints the saved record as JSON; a file that cannot be "
        "saved is refused with its problems by field (exit status 2).",
    )
    _common(p)
    p.add_argument("--json", required=True, metavar="FILE", help="the record as JSON (- for stdin)")
    p.set_defaults(func=_save)

    p = subparsers.add_parser(
        "show",
        help="print a record as JSON",
        description="Print a record with its parts, in the shape `coopdesk save` reads.",
    )
    _common(p)
    p.add_argument("id", help="the record's id")
    p.add_argument("--json", action="store_true", help="print JSON (the only format)")
    p.set_defaults(func=_show)

    p = subparsers.add_parser(
        "delete",
        help="delete a record",
        description="Delete a record (with the parts that only exist through it). It stays "
        "in the record's history.",
    )
    _common(p)
    p.add_argument("id", help="the record's id")
    p.set_defaults(func=_delete)


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[tuple[Session, str]]:
    """One transaction on the data folder's database, and who is recorded as the actor."""
    from coopdesk.db.engine import has_database, open_database, session_scope
    from coopdesk.services import settings

    data_dir = paths.resolve_data_dir(getattr(args, "data_dir", None))
    if not has_database(data_dir):
        raise CliError(
            _("There is no CoopDesk database in {dir}; run “coopdesk init” first.").format(
                dir=data_dir
            )
        )
    engine = open_database(data_dir, create=False)
    try:
        with session_scope(engine) as session:
            installation = settings.get_installation(session)
            actor = (installation.officer or installation.unit_code) if installation else ""
            yield session, actor
    finally:
        engine.dispose()


def _read_file(name: str) -> Any:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(_("Cannot read {file}: {error}").format(file=name, error=exc)) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(
            _("{file} is not valid JSON (line {line}, column {column}): {error}").format(
                file=name, line=exc.lineno, column=exc.colno, error=exc.msg
            )
        ) from exc


def _print_problems(problems: list[Problem]) -> int:
    errors = [p for p in problems if p.is_error]
    print(_("The record was not saved:"), file=sys.stderr)
    for p in errors:
        print(f"  {p.field}: {p.message}", file=sys.stderr)
    return PROBLEMS_EXIT


def _print_warnings(problems: list[Problem]) -> None:
    for p in problems:
        print(
            _("warning: {field}: {message}").format(field=p.field, message=p.message),
            file=sys.stderr,
        )


def _save(args: argparse.Namespace) -> int:
    from coopdesk.domain.validation import ValidationFailed
    from coopdesk.services import records
    from coopdesk.services.registry import area
    from coopdesk.services.registry.drafts import from_json, to_json

    kind = area(args.kind)
    draft, problems = from_json(kind.draft, _read_file(args.json))
    if problems:
        return _print_problems(problems)
    try:
        with _session(args) as (session, actor):
            saved = kind.save(session, draft, actor)
            shown = to_json(kind.load(session, saved.id))
    except ValidationFailed as exc:
        return _print_problems(exc.problems)
    except records.RecordError as exc:
        raise CliError(str(exc)) from exc
    _print_warnings(saved.warnings)
    print_json(shown)
    return 0


def _show(args: argparse.Namespace) -> int:
    from coopdesk.services import records
    from coopdesk.services.registry import area
    from coopdesk.services.registry.drafts import to_json

    kind = area(args.kind)
    try:
        with _session(args) as (session, _actor):
            shown = to_json(kind.load(session, args.id))
    except records.RecordError as exc:
        raise CliError(str(exc)) from exc
    print_json(shown)
    return 0


def _delete(args: argparse.Namespace) -> int:
    from coopdesk.services import records
    from coopdesk.services.registry import area

    kind = area(args.kind)
    try:
        with _session(args) as (session, actor):
            kind.delete(session, args.id, actor)
    except records.RecordError as exc:
        raise CliError(str(exc)) from exc
    print(_("Record {id} was deleted; it stays in the history.").format(id=args.id))
    return 0
