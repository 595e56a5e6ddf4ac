"""Spreadsheet commands: template, import-excel, undo-excel-import.

coopdesk template KIND --out FILE.xlsx [--filled]        a template (with the records: --filled)
coopdesk import-excel FILE --kind KIND [--sheet S] [--mapping M.json] [--preview] [--json]
                      [--errors-out BAD.xlsx] [--take-duplicates 15,16] [--allow-duplicate]
coopdesk undo-excel-import ID                             undo a whole Excel import
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.i18n import _, format_number

KINDS = ("people", "cooperatives", "officers", "trainings", "activities", "support", "budget")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "template",
        help="write an Excel template to fill in",
        description="Write an Excel template of a kind of record: Vietnamese headers, lists to "
        "choose from, instructions. Cooperatives come with sheets for their board and yearly "
        "figures, trainings with one for their trainees. With --filled, it holds the records "
        "already here, to edit in Excel and import back.",
    )
    add_data_dir(p)
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    p.add_argument("--filled", action="store_true", help="with the records already here")
    p.set_defaults(func=_template)

    p = subparsers.add_parser(
        "import-excel",
        help="import records from an Excel file (.xlsx or .xls)",
        description="Read an officer's spreadsheet, show what it would do (new, updated, "
        "unchanged, duplicates, conflicts, problems by row and column) and, without --preview, "
        "import the good rows in one transaction.",
    )
    add_data_dir(p, json_output=True)
    p.add_argument("file")
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--sheet", help="the sheet to read (the first one by default)")
    p.add_argument(
        "--mapping",
        help='a JSON file {column header: field key or title, "" to skip a column}, as '
        "--preview --json prints it; remembered for the next file with the same headers",
    )
    p.add_argument("--preview", action="store_true", help="show what it would do; write nothing")
    p.add_argument("--errors-out", help="write the rows not imported, with a 'Lỗi' column")
    p.add_argument(
        "--take-duplicates", default="", help="rows to import although possible duplicates: 15,16"
    )
    p.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="also import the rows that only look like records already here (remembered as "
        "different, so they are not flagged again)",
    )
    p.set_defaults(func=_import)

    p = subparsers.add_parser(
        "undo-excel-import",
        help="undo a whole Excel import",
        description="Undo every change an Excel import made. Only the latest one, and only "
        "while nothing was changed here since.",
    )
    add_data_dir(p)
    p.add_argument("id", type=int)
    p.set_defaults(func=_undo)


def _run(args: argparse.Namespace, fn: Any, *fn_args: Any) -> Any:
    """`fn(session, *fn_args)` in one transaction; a file that cannot be read is the
    officer's message."""
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.excel.safety import ExcelFileError
    from coopdesk.services.excel_import.undo import UndoRefused

    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            return fn(session, *fn_args)
    except (ExcelFileError, UndoRefused, ValueError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()


def _template(args: argparse.Namespace) -> int:
    from coopdesk.services.excel_import.export import write_kind_template

    path = _run(args, write_kind_template, args.kind, Path(args.out), args.filled)
    print(_("Template written to {file}.").format(file=path))
    return 0


def _mapping(args: argparse.Namespace) -> dict[str, str | None] | None:
    """The --mapping file: {column header: field key or title}, "" or null to leave a column
    out (what `--preview --json` prints as "mapping")."""
    if not args.mapping:
        return None
    try:
        data = json.loads(Path(args.mapping).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CliError(_("The mapping file cannot be read: {reason}").format(reason=exc)) from exc
    if not isinstance(data, dict) or not all(
        v is None or isinstance(v, str) for v in data.values()
    ):
        raise CliError(
            _("The mapping file {file} must hold a JSON object: column header → field.").format(
                file=Path(args.mapping).name
            )
        )
    return {str(k): v for k, v in data.items()}


def _preview_and_import(session: Any, args: argparse.Namespace) -> tuple[Any, Any]:
    from coopdesk.services.excel_import import apply, export, mapping, preview
    from coopdesk.services.settings import get_installation

    chosen = _mapping(args)
    found = preview.preview(session, Path(args.file), args.kind, args.sheet, chosen)
    result = None
    taken = {int(n) for n in args.take_duplicates.split(",") if n.strip().isdigit()}
    if not args.preview and not found.problems:
        installation = get_installation(session)
        actor = installation.officer if installation else ""
        result = apply.apply_import(
            session, found, actor, taken, allow_duplicates=args.allow_duplicate
        )
        if chosen is not None:  # the next file with these headers is read the same way
            mapping.remember(session, found.kind, found.headers, found.mapping)
    if args.errors_out:
        saved = {r.number for r in apply.rows_to_save(found, taken, args.allow_duplicate)}
        skipped = (
            result.skipped_rows
            if result
            else [
                r
                for r in found.rows
                if r.status in ("problem", "conflict", "duplicate") and r.number not in saved
            ]
        )
        export.write_rows_to_fix(found, skipped, Path(args.errors_out))
    return found, result


def _import(args: argparse.Namespace) -> int:
    from coopdesk.services.excel_import.preview import preview_json

    found, result = _run(args, _preview_and_import, args)
    if args.json:
        data = preview_json(found)
        if result is not None:
            data["import"] = {
                "id": result.import_id,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped": result.skipped,
            }
        print_json(data)
        return 2 if found.problems else 0
    if found.problems:
        raise CliError("\n".join(found.problems))
    _print_preview(found)
    _print_duplicates_note(found, args.allow_duplicate)
    if result is not None:
        print(
            _(
                "Import {id}: {created} added, {updated} updated, {unchanged} unchanged, {skipped} not imported."
            ).format(
                id=result.import_id,
                created=format_number(result.created),
                updated=format_number(result.updated),
                unchanged=format_number(result.unchanged),
                skipped=format_number(result.skipped),
            )
        )
    else:
        print(_("Preview only: nothing was written."))
    return 0


def _print_preview(found: Any) -> None:
    counts = found.counts()
    print(
        _(
            "{file}, sheet “{sheet}”: {new} new, {updated} updated, {unchanged} unchanged, {duplicate} possible duplicates, {conflict} conflicts, {problem} with problems."
        ).format(
            file=found.path.name,
            sheet=found.sheet,
            **{k: format_number(v) for k, v in counts.items()},
        )
    )
    if found.misdecoded:
        print(
            _(
                "The text of this sheet looks like an old Vietnamese font (TCVN3 or VNI) read as another one: check the names."
            )
        )
    for row in found.rows:
        for column, typed, text in row.converted:
            print(
                _("  Row {row}, column {column}: “{typed}” converted to “{text}”").format(
                    row=row.number, column=column, typed=typed, text=text
                )
            )
        for line in row.problems:
            print(f"  {line}")
        for line in row.duplicates:
            print("  " + _("Row {row}: {duplicate}").format(row=row.number, duplicate=line))
        if row.status == "conflict":
            print(
                "  "
                + _("Row {row}: {label} {note}").format(
                    row=row.number, label=row.label, note=row.note
                )
            )


def _print_duplicates_note(found: Any, allowed: bool) -> None:
    """What becomes of the rows that may be records already here."""
    if not any(r.status == "duplicate" and r.duplicate_of for r in found.rows):
        return
    if allowed:
        print(
            _(
                "Rows that only look like records already here are imported anyway (--allow-duplicate) and remembered as different."
            )
        )
    else:
        print(
            _(
                "Rows that may be records already here are not imported: check them, then add --allow-duplicate to import them anyway."
            )
        )


def _undo(args: argparse.Namespace) -> int:
    from coopdesk.services.excel_import.undo import undo_excel_import
    from coopdesk.services.settings import get_installation

    def run(session: Any) -> int:
        installation = get_installation(session)
        return undo_excel_import(session, args.id, installation.officer if installation else "")

    count = _run(args, run)
    print(
        _("Excel import {id} undone: {count} records put back.").format(
            id=args.id, count=format_number(count)
        )
    )
    return 0
