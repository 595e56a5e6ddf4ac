"""`coopdesk report …`: print a document to PDF (and .xlsx, .docx), as a draft or issued;
`coopdesk report register`: the documents issued, and a reprint of one as it was issued."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk import paths
from coopdesk.cli import CliError, add_data_dir
from coopdesk.cli.lists import filter_flag_error, year_flag  # list flags parsed once
from coopdesk.cli.report_args import document_date, paragraph_file, unit_and_actor
from coopdesk.cli.report_wording import check_list_wording, list_wording, warn_stale, warn_unused
from coopdesk.i18n import _
from coopdesk.reports.paragraph_keys import PARAGRAPH_KEYS  # nothing heavy behind it

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coopdesk.services.documents import (
        DraftForm,
        IssuedRef,
        ListFilter,
        ParagraphFile,
        RegisterEntry,
        Rendered,
    )

DOCUMENTS = (
    "annual",
    "plan",
    "list-cooperatives",
    "list-managers",
    "list-trainings",
    "list-activities",
    "list-support",
    "coop-sheet",  # one record: a cooperative's information sheet (--id)
    "attendance",  # one record: a training's attendance sheet to sign (--id)
    "register",
)
RECORD_DOCUMENTS = ("coop-sheet", "attendance")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="print a report, plan or list to PDF (and .xlsx, .docx)",
        description="Print a document in the administrative layout (Nghị định 30). It is a "
        "draft (number left blank) unless --issue gives it the next number and records it.",
    )
    p.add_argument("document", choices=DOCUMENTS)
    add_data_dir(p)
    p.add_argument("--unit", help="unit code, e.g. 3408 (commune) or 12 (province)")
    p.add_argument(
        "--period",
        help="2026, 2026r (reporting year), phase1, phase2, all or 2026-01-01..2026-06-30 "
        "(default: this year)",
    )
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the document")
    p.add_argument("--issue", action="store_true", help="issue it: number it and record it")
    p.add_argument(
        "--paragraphs",
        metavar="FILE.json",
        help="annual: the officer's parts, {key: text, or null to leave the part out}; keys: "
        + ", ".join(PARAGRAPH_KEYS)
        + '; and "wording": {key: text} in place of generated passages (see --list-wording)',
    )
    p.add_argument(
        "--list-wording",
        action="store_true",
        help="annual: show each generated passage with its key (and the wording the "
        '--paragraphs file gives), to reword one under "wording" in that file',
    )
    p.add_argument(
        "--json", action="store_true", help="with --list-wording: as a --paragraphs file's JSON"
    )
    p.add_argument(
        "--replace",
        metavar="NUMBER",
        help="with --issue: the number of the issued document this one replaces (01/BC-HPN)",
    )
    p.add_argument(
        "--reprint",
        metavar="NUMBER",
        help="register: write the issued document numbered so (01/BC-HPN), byte for byte",
    )
    p.add_argument("--date", help="date of the document, dd/mm/yyyy (default: today)")
    p.add_argument("--out", help="PDF file to write (register: only with --reprint)")
    p.add_argument("--xlsx", help="also write the tables to this .xlsx file")
    p.add_argument("--docx", help="also write the document to this Word (.docx) file")
    p.add_argument("--plan", help="the plan to print (id); default: the unit's latest plan")
    p.add_argument(
        "--id",
        dest="record_id",
        help="coop-sheet: the cooperative's id; attendance: the training's",
    )
    p.add_argument("--kind", default="", help="lists: only this kind (HTX, THT, loan, radio…)")
    p.add_argument("--search", default="", help="lists: only names containing this text")
    p.add_argument("--status", default="", help="lists: active|suspended|dissolved, trained…")
    p.add_argument("--sector", default="", help="list-cooperatives: only this sector (code)")
    p.add_argument(
        "--year",
        default="",
        help="list-cooperatives: founded that year; list-trainings/-activities/-support: held "
        "or given that year (the period defaults to it)",
    )
    p.add_argument(
        "--women-managed", action="store_true", help="list-cooperatives: women in management"
    )
    p.add_argument(
        "--majority-female",
        action="store_true",
        help="list-cooperatives: more than 50 %% of the workers are women",
    )
    p.add_argument(
        "--founded-under-programme",
        action="store_true",
        help="list-cooperatives: founded with the Union's support since the programme began",
    )
    trained = p.add_mutually_exclusive_group()
    trained.add_argument(
        "--trained",
        dest="status",
        action="store_const",
        const="trained",
        help="list-managers: only those trained (same as --status trained)",
    )
    trained.add_argument(
        "--not-trained",
        dest="status",
        action="store_const",
        const="untrained",
        help="list-managers: only those not trained yet (same as --status untrained)",
    )
    p.set_defaults(func=run)


# ListFilter field -> the flag that sets it (messages name the flag).
FLAGS = {
    "kind": "--kind",
    "status": "--status",
    "sector": "--sector",
    "year": "--year",
    "women_managed": "--women-managed",
    "majority_female": "--majority-female",
    "founded_under_programme": "--founded-under-programme",
}


def _filters(args: argparse.Namespace) -> tuple[ListFilter, int | None]:
    from coopdesk.services import documents

    year = year_flag(args.year)
    flt = documents.ListFilter(
        kind=args.kind,
        search=args.search,
        status=args.status or "",
        sector=args.sector.strip(),
        year=year,
        women_managed=args.women_managed,
        majority_female=args.majority_female,
        founded_under_programme=args.founded_under_programme,
    )
    return flt, year


def _check_filters(session: Session, template: str, flt: ListFilter) -> None:
    from coopdesk.services import documents

    if not template.startswith("list-"):
        if any(v for v in vars(flt).values()):
            raise CliError(
                _("The list filters (--kind, --sector, --year…) apply only to the lists.")
            )
        return
    try:
        documents.check_filter(session, template, flt)
    except documents.BadFilter as exc:
        raise filter_flag_error(FLAGS[exc.field], getattr(flt, exc.field), exc) from None


def _make(
    session: Session,
    args: argparse.Namespace,
    period: str,
    day: dt.date,
    flt: ListFilter,
    given: ParagraphFile,
) -> tuple[Rendered, str]:
    """The document as asked (rendered in --lang), and what to say once it is issued."""
    from coopdesk.services import documents

    unit_code, actor = unit_and_actor(session, args)
    _check_filters(session, args.document, flt)
    form = documents.DraftForm(
        template=args.document,
        unit_code=unit_code,
        period=period,
        date=day,
        paragraphs=given.paragraphs,
        wording=given.wording,
        filters=flt,
        plan_id=args.plan,
    )
    try:
        if given.wording:  # kept with what it was based on; told when that changed
            form, lines = documents.settle_wording(session, form, args.lang)
            warn_stale(lines)
            warn_unused(lines, list(given.wording))
        if not args.issue:
            return documents.render_request(session, form.request(args.lang)), ""
        issued = documents.issue_draft(
            session,
            form,
            actor=actor,
            issued_on=day,
            lang=args.lang,
            replaces=_replaced(session, form, args.replace),
        )
    except documents.EmptyParagraphs as exc:
        raise CliError(_empty_message(exc.keys)) from None
    except documents.AlreadyIssued as exc:
        raise CliError(_already_message(exc.current)) from None
    except documents.ReportError as exc:
        raise CliError(str(exc)) from None
    said = _("Issued No. {number}; SHA-256 of the official PDF: {sha}").format(
        number=issued.draft.number_line, sha=issued.official.sha256
    )
    return issued.shown, said


def _empty_message(keys: tuple[str, ...]) -> str:
    names = "; ".join(f"“{_(PARAGRAPH_KEYS[k])}” ({k})" for k in keys)
    return _(
        "Not issued: these parts of the report are empty: {names}. Write them in the file "
        "given with --paragraphs FILE.json under their key, for example "
        '{{"{key}": "…"}}, or give null to leave a part out.'
    ).format(names=names, key=keys[0])


def _already_message(current: IssuedRef) -> str:
    return _(
        "Not issued: document No. {number} of {date} is already issued for this document, "
        "unit and period. To issue a new one in its place, add --replace {number}; both stay "
        "in the register."
    ).format(number=current.number_line, date=current.date_text)


def _replaced(session: Session, form: DraftForm, number: str | None) -> str | None:
    """The id of the issued document --replace names, checked against the one standing."""
    from coopdesk.services import documents

    if number is None:
        return None
    check = documents.check_issue(
        session, form.template, form.unit_code, form.period, {}, plan_id=form.plan_id
    )
    standing = check.replaces
    if standing is None:
        raise CliError(
            _("--replace {number}: no document of this kind and period is issued yet.").format(
                number=number
            )
        )
    if documents.normal_number(number) != documents.normal_number(standing.number_line):
        raise CliError(
            _(
                "--replace {number}: the document standing for this period is No. {current} of "
                "{date}; name that one."
            ).format(number=number, current=standing.number_line, date=standing.date_text)
        )
    return standing.id


def _check_flags(args: argparse.Namespace) -> None:
    if args.document == "register":
        if args.out and not args.reprint:
            raise CliError(_("--out goes with --reprint NUMBER (the document to write)."))
        return
    if args.reprint:
        raise CliError(_("--reprint goes with the register: coopdesk report register --reprint"))
    if args.replace and not args.issue:
        raise CliError(_("--replace goes with --issue (it issues a replacing document)."))
    if args.list_wording or args.json:
        check_list_wording(args)
        return
    if not args.out:
        raise CliError(_("--out must name a .pdf file, for example report.pdf"))


def run(args: argparse.Namespace) -> int:
    from coopdesk.db.engine import open_database, session_scope

    _check_flags(args)
    if args.document == "register":
        return _register(args)
    if args.list_wording:
        return list_wording(args)
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(_("--out must name a .pdf file, for example report.pdf"))
    if args.xlsx and Path(args.xlsx).suffix.lower() != ".xlsx":
        raise CliError(_("--xlsx must name a .xlsx file, for example report.xlsx"))
    if args.docx and Path(args.docx).suffix.lower() != ".docx":
        raise CliError(_("--docx must name a .docx file, for example report.docx"))
    day = document_date(args.date)
    if args.document in RECORD_DOCUMENTS:
        return _record(args, out, day)
    filters, year = _filters(args)
    default_period = str(year) if year and args.document != "list-cooperatives" else None
    period = args.period or default_period or str(day.year)
    given = paragraph_file(args)
    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            rendered, said = _make(session, args, period, day, filters, given)
    finally:
        engine.dispose()
    out.write_bytes(rendered.pdf)
    if args.xlsx:
        Path(args.xlsx).write_bytes(rendered.xlsx())
    if args.docx:
        Path(args.docx).write_bytes(rendered.docx())
    if said:
        print(said)
    print(_("Wrote {file}").format(file=out))
    for extra in (args.xlsx, args.docx):
        if extra:
            print(_("Wrote {file}").format(file=extra))
    return 0


def _record(args: argparse.Namespace, out: Path, day: dt.date) -> int:
    """A cooperative's information sheet or a training's attendance sheet: PDF, .docx, .xlsx."""
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.services import documents, record_documents

    if not args.record_id:
        raise CliError(_("Name the record with --id (the id that coopdesk list shows)."))
    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            rendered = record_documents.render_record(
                session, args.document, args.record_id, args.lang, day
            )
    except documents.ReportError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    out.write_bytes(rendered.pdf)
    if args.docx:
        Path(args.docx).write_bytes(rendered.docx())
    if args.xlsx:
        Path(args.xlsx).write_bytes(rendered.xlsx())
    for written in (out, args.docx, args.xlsx):
        if written:
            print(_("Wrote {file}").format(file=written))
    return 0


def _register(args: argparse.Namespace) -> int:
    """List the unit's documents, or write one issued document's files as issued."""
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.services import documents

    for flag, suffix in ((args.out, ".pdf"), (args.docx, ".docx")):
        if flag and Path(flag).suffix.lower() != suffix:
            raise CliError(_("{file} must end in {suffix}").format(file=flag, suffix=suffix))
    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            unit_code, _actor = unit_and_actor(session, args)
            try:
                if not args.reprint:
                    entries = documents.register(session, unit_code, year_flag(args.year))
                    lines = [_register_line(e) for e in entries if e.status == "issued"]
                    print("\n".join(lines) if lines else _("No document is issued yet."))
                    return 0
                report_id = documents.find_issued(
                    session, unit_code, args.reprint, year_flag(args.year)
                )
                files = {
                    Path(target): documents.issued_file(session, report_id, kind)
                    for target, kind in ((args.out, "pdf"), (args.docx, "docx"))
                    if target
                }
            except documents.ReportError as exc:
                raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    if not files:
        raise CliError(_("--reprint needs --out FILE.pdf (and --docx FILE.docx if wanted)."))
    for target, content in files.items():
        target.write_bytes(content)
        print(_("Wrote {file}").format(file=target))
    return 0


def _register_line(entry: RegisterEntry) -> str:
    """'01/BC-HPN  05/11/2026  annual 2026  Lò Thị Ỏn  sha256…  (replaced by 02/BC-HPN)'."""
    day = f"{entry.issued_on:%d/%m/%Y}" if entry.issued_on else ""
    kept = "+".join(sorted(entry.files)) or _("file not kept")
    line = "  ".join(
        (entry.number_line, day, entry.template, entry.period, entry.signer, entry.file_hash, kept)
    )
    if entry.replaced_by:
        line += "  " + _("(replaced by {number})").format(number=entry.replaced_by)
    return line
