"""The kinds of record a spreadsheet can bring in, as columns of the registry's fields.

Each `Kind` says which columns its template has (headers, the other names officers give
them, how a cell is read, drop-down choices), how its rows are named in a preview, and how
possible duplicates are found. A row is saved as the registry area's draft
(`coopdesk.services.registry.area(kind)`), by the same functions as the editors.

A kind with `parts` has a sheet for each part of its draft (a cooperative's board and yearly
figures, a training's participants): the first column of a part's sheet names its record by
one of the kind's `links` (a cooperative's name or tax code, a training's title); the rows
are joined to the record's draft (`parts.py`). Officers, board members and participants name
a person by name, birth year (and cooperative): `PERSON_KEYS`, found by `references.People`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Person, Sector
from coopdesk.domain import labels
from coopdesk.excel import values as read
from coopdesk.excel.columns import ID_KEY, VERSION_KEY, Column
from coopdesk.i18n import N_, _, current_language, format_date
from coopdesk.services.excel_import.references import cooperative_column, person_column

Columns = Callable[[Session], tuple[Column, ...]]
LINK_KEY = "of"  # a part row's first column: the record it belongs to
PERSON_KEYS = ("full_name", "birth_year", "gender")  # the person a row names


def _labelled(table: dict[str, str]) -> dict[str, str]:
    return {code: _(label) for code, label in table.items()}


def _choice(key: str, header: str, table: dict[str, str], **kw: Any) -> Column:
    shown = _labelled(table)
    reader = read.choice_reader(shown, also=table)  # a file written in the other language
    return Column(key, header, reader, choices=tuple(shown.values()), **kw)


def _text(value: Any) -> str:
    """Text; an empty cell is an empty text (it clears the field, as in the editors)."""
    return read.as_text(value) or ""


def _birth_year(value: Any) -> int | None:
    """A year, or a date of birth (a real date or dd/mm/yyyy) whose year is taken."""
    if isinstance(value, str) and "/" in value:
        date = read.as_date(value)
        return read.as_year(date) if date else None
    return read.as_year(value)


HIDDEN = (
    Column(ID_KEY, N_("Record id (do not change)"), read.as_text, hidden=True),
    Column(VERSION_KEY, N_("Version (do not change)"), read.as_text, hidden=True),
)


def people_columns(session: Session) -> tuple[Column, ...]:
    return (
        Column(
            "full_name",
            N_("Full name"),
            _text,
            ("Họ tên", "Họ và tên", "Tên", "Họ và tên hội viên", "Họ tên thành viên"),
            required=True,
            width=28,
        ),
        _choice("gender", N_("Gender"), labels.GENDER, aliases=("Giới", "Nam/Nữ"), width=10),
        Column(
            "birth_year", N_("Birth year"), _birth_year, ("NS", "Ngày sinh", "Năm SN"), width=10
        ),
        Column("phone", N_("Phone"), _text, ("SĐT", "Số điện thoại", "ĐT", "Điện thoại")),
        Column(
            "address",
            N_("Address"),
            _text,
            ("Nơi ở", "Thôn, xóm", "Địa chỉ thường trú"),
            width=30,
        ),
        Column("notes", N_("Notes"), _text, width=30),
        *HIDDEN,
    )


def _sectors(session: Session) -> dict[str, str]:
    english = current_language() == "en"
    rows = session.execute(
        select(Sector.code, Sector.name_vi, Sector.name_en).order_by(Sector.code)
    )
    return {code: (en if english else vi) for code, vi, en in rows}


def cooperatives_columns(session: Session) -> tuple[Column, ...]:
    sectors = _sectors(session)
    return (
        Column(
            "name",
            N_("Name"),
            _text,
            ("Tên HTX", "Tên hợp tác xã", "Tên HTX/THT"),
            required=True,
            width=32,
        ),
        _choice("kind", N_("Kind"), labels.KIND, aliases=("Loại hình",)),
        Column(
            "registration_no",
            N_("Registration number"),
            _text,
            ("MST", "Mã số thuế", "Số ĐKKD"),
        ),
        Column("registered_on", N_("Registered on"), read.as_date, ("Ngày ĐK",)),
        Column(
            "sector_code",
            N_("Sector"),
            read.choice_reader(sectors),
            ("Ngành nghề", "Lĩnh vực hoạt động"),
            choices=tuple(sectors.values()),
            width=28,
        ),
        Column("address", N_("Address"), _text, ("Trụ sở",), width=30),
        Column("phone", N_("Phone"), _text, ("SĐT", "Số điện thoại")),
        _choice("status", N_("Status"), labels.STATUS, aliases=("Tình trạng",)),
        Column("founded_on", N_("Founded on"), read.as_date, ("Ngày thành lập",)),
        Column("products", N_("Products"), _text, ("Sản phẩm chính",), width=30),
        *HIDDEN,
    )


def trainings_columns(session: Session) -> tuple[Column, ...]:
    return (
        Column("title", N_("Title"), _text, ("Tên lớp", "Nội dung"), required=True, width=32),
        _choice("kind", N_("Kind"), labels.TRAINING_KIND),
        _choice("audience", N_("Audience"), labels.AUDIENCE, aliases=("Đối tượng",)),
        Column("start_on", N_("Starts on"), read.as_date, ("Ngày bắt đầu", "Từ ngày", "Ngày")),
        Column("end_on", N_("Ends on"), read.as_date, ("Ngày kết thúc", "Đến ngày")),
        Column("location", N_("Location"), _text, ("Địa điểm",)),
        Column("organiser", N_("Organiser"), _text, ("Đơn vị tổ chức",)),
        Column("cost", N_("Cost"), read.as_whole, ("Kinh phí (đồng)",)),
        _choice("funding_source", N_("Funding source"), labels.BUDGET_SOURCE),
        Column("notes", N_("Notes"), _text),
        *HIDDEN,
    )


def activities_columns(session: Session) -> tuple[Column, ...]:
    return (
        Column(
            "title",
            N_("Title"),
            _text,
            ("Tên hoạt động", "Nội dung"),
            required=True,
            width=32,
        ),
        _choice("kind", N_("Kind"), labels.ACTIVITY_KIND),
        _choice("channel", N_("Channel"), labels.CHANNEL, aliases=("Hình thức",)),
        Column("held_on", N_("Date"), read.as_date, ("Ngày tổ chức", "Ngày")),
        Column("reach_total", N_("Reach (lượt)"), read.as_whole, ("Số lượt", "Lượt người")),
        Column("reach_women", N_("Women reached"), read.as_whole, ("Lượt nữ",)),
        Column("cost", N_("Cost"), read.as_whole, ("Kinh phí (đồng)",)),
        _choice("funding_source", N_("Funding source"), labels.BUDGET_SOURCE),
        Column("notes", N_("Notes"), _text),
        *HIDDEN,
    )


def budget_columns(session: Session) -> tuple[Column, ...]:
    return (
        Column("year", N_("Year"), read.as_year, required=True, width=10),
        _choice(
            "source",
            N_("Source"),
            labels.BUDGET_SOURCE,
            required=True,
            aliases=("Nguồn vốn",),
            width=28,
        ),
        Column("planned", N_("Planned"), read.as_whole, ("Kế hoạch",)),
        Column("allocated", N_("Allocated"), read.as_whole, ("Đã cấp",)),
        Column("spent", N_("Spent"), read.as_whole, ("Đã chi", "Thực hiện")),
        *HIDDEN,
    )


def _yes_no(key: str, header: str, **kw: Any) -> Column:
    return Column(key, header, read.as_bool, choices=(_("Yes"), _("No")), **kw)


def _name_columns() -> tuple[Column, ...]:
    """Who a row names: her name, birth year and gender (an existing person or a new one)."""
    return (
        Column(
            "full_name",
            N_("Full name"),
            _text,
            ("Họ tên", "Họ và tên", "Tên", "Họ tên học viên", "Họ tên cán bộ"),
            required=True,
            width=28,
        ),
        Column("birth_year", N_("Birth year"), _birth_year, ("NS", "Năm SN"), width=10),
        _choice("gender", N_("Gender"), labels.GENDER, aliases=("Giới", "Nam/Nữ"), width=10),
    )


def officers_columns(session: Session) -> tuple[Column, ...]:
    return (
        *_name_columns(),
        Column("position", N_("Position"), _text, ("Chức danh", "Chức vụ"), width=32),
        _yes_no(
            "collective_economy_work",
            N_("Works on the collective economy"),
            aliases=("Phụ trách KTTT",),
        ),
        Column("start_on", N_("From"), read.as_date, ("Từ ngày", "Ngày bắt đầu")),
        Column("end_on", N_("Until"), read.as_date, ("Đến ngày", "Ngày kết thúc")),
        *HIDDEN,
    )


def support_columns(session: Session) -> tuple[Column, ...]:
    return (
        _choice("kind", N_("Kind"), labels.SUPPORT_KIND, required=True, aliases=("Hình thức",)),
        _choice("fund", N_("Fund"), labels.FUND, required=True, aliases=("Nguồn",), width=28),
        Column("amount", N_("Amount (đồng)"), read.as_whole, ("Số tiền", "Số tiền (đồng)")),
        Column("given_on", N_("Date"), read.as_date, ("Ngày hỗ trợ", "Ngày cấp"), required=True),
        cooperative_column(session, aliases=("HTX nhận", "HTX", "Hợp tác xã", "MST")),
        person_column(session, header=N_("Person"), aliases=("Người nhận", "Họ tên")),
        Column("description", N_("Description"), _text, ("Nội dung", "Ghi chú"), width=32),
        *HIDDEN,
    )


def _link(header: str, aliases: tuple[str, ...]) -> Column:
    return Column(LINK_KEY, header, _text, aliases, required=True, width=32)


ROW_ID = Column(ID_KEY, N_("Record id (do not change)"), read.as_text, hidden=True)


def board_columns(session: Session) -> tuple[Column, ...]:
    on_board = {k: v for k, v in labels.ROLE.items() if k not in ("member", "worker")}
    return (
        _link(N_("Cooperative"), ("HTX", "Hợp tác xã", "Tên HTX", "MST")),
        *_name_columns(),
        _choice("role", N_("Role"), on_board, required=True, aliases=("Chức vụ",), width=24),
        Column("start_on", N_("Starts on"), read.as_date, ("Từ ngày",)),
        Column("end_on", N_("Ends on"), read.as_date, ("Đến ngày",)),
        ROW_ID,
    )


def years_columns(session: Session) -> tuple[Column, ...]:
    def whole(key: str, header: str, *aliases: str) -> Column:
        return Column(key, header, read.as_whole, aliases)

    return (
        _link(N_("Cooperative"), ("HTX", "Hợp tác xã", "Tên HTX", "MST")),
        Column("year", N_("Year"), read.as_year, ("Năm",), required=True, width=10),
        whole("members", N_("Members"), "Số thành viên"),
        whole("official_members", N_("Official members"), "Thành viên chính thức"),
        whole("female_members", N_("Female members"), "Thành viên nữ"),
        whole("workers", N_("Workers"), "Số lao động"),
        whole("female_workers", N_("Female workers"), "Lao động nữ"),
        whole("new_jobs_women", N_("New jobs for women"), "Việc làm mới cho nữ"),
        whole("revenue", N_("Revenue (đồng)"), "Doanh thu"),
        whole("average_income", N_("Average income (đồng/month)"), "Thu nhập bình quân"),
        _yes_no("consolidated", N_("Consolidated"), aliases=("Củng cố",)),
        ROW_ID,
    )


def participants_columns(session: Session) -> tuple[Column, ...]:
    return (
        _link(N_("Training"), ("Lớp", "Tên lớp", "Lớp học")),
        *_name_columns(),
        cooperative_column(session, header=N_("Cooperative")),
        _yes_no("completed", N_("Completed"), aliases=("Hoàn thành",)),
        ROW_ID,
    )


def _people_label(values: dict[str, Any]) -> str:
    name = values.get("full_name") or ""
    year = values.get("birth_year")
    return f"{name} ({year})" if year else str(name)


def _title_label(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda values: str(values.get(key) or "")


def _budget_label(values: dict[str, Any]) -> str:
    source = (
        labels.label(labels.BUDGET_SOURCE, values.get("source")) if values.get("source") else ""
    )
    return f"{values.get('year') or ''} – {source}"


def _support_label(values: dict[str, Any]) -> str:
    kind = labels.label(labels.SUPPORT_KIND, values.get("kind"))
    return f"{kind} {format_date(values.get('given_on'))}".strip()


def _officer_values(session: Session, record: Any) -> dict[str, Any]:
    """An officer's name, birth year and gender: her person's (for an export)."""
    person = session.get(Person, record.person_id)
    if person is None:
        return {}
    return {"full_name": person.full_name, "birth_year": person.birth_year, "gender": person.gender}


@dataclass(frozen=True)
class Part:
    """A part of a kind's draft on its own sheet (a cooperative's board…)."""

    name: str  # the draft's part: "board", "years", "participants"
    title: str  # msgid: its sheet
    columns: Columns  # the first is LINK_KEY
    same: Callable[[dict[str, Any], dict[str, Any]], bool]  # a row of the file is a stored one
    problem_key: Callable[[int, dict[str, Any]], str]  # how the area's problems name a row


def _same_person_role(row: dict[str, Any], stored: dict[str, Any]) -> bool:
    return bool(row.get("person_id")) and (row["person_id"], row.get("role")) == (
        stored.get("person_id"),
        stored.get("role"),
    )


def _same_person(row: dict[str, Any], stored: dict[str, Any]) -> bool:
    return bool(row.get("person_id")) and row["person_id"] == stored.get("person_id")


def _same_year(row: dict[str, Any], stored: dict[str, Any]) -> bool:
    return row.get("year") is not None and row.get("year") == stored.get("year")


def _by_index(index: int, row: dict[str, Any]) -> str:
    return str(index)


def _by_year(index: int, row: dict[str, Any]) -> str:
    return str(row.get("year"))


BOARD = Part("board", N_("Board"), board_columns, _same_person_role, _by_index)
YEARS = Part("years", N_("Yearly figures"), years_columns, _same_year, _by_year)
PARTICIPANTS = Part("participants", N_("Trainees"), participants_columns, _same_person, _by_index)


@dataclass(frozen=True)
class Kind:
    name: str  # as in services.registry.KINDS
    title: str  # msgid: the template's sheet and file name
    columns: Columns
    label: Callable[[dict[str, Any]], str]  # a row named in the preview
    finds_duplicates: bool = False
    parts: tuple[Part, ...] = ()
    links: tuple[str, ...] = ()  # the fields a part row's first column names a record by
    names_person: bool = False  # PERSON_KEYS name the record's person (an officer)
    values: Callable[[Session, Any], dict[str, Any]] | None = None  # shown, not on the record


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("people", N_("People"), people_columns, _people_label, True),
        Kind(
            "cooperatives",
            N_("Cooperatives"),
            cooperatives_columns,
            _title_label("name"),
            True,
            parts=(BOARD, YEARS),
            links=("name", "registration_no"),
        ),
        Kind(
            "officers",
            N_("Hội officers"),
            officers_columns,
            _people_label,
            names_person=True,
            values=_officer_values,
        ),
        Kind(
            "trainings",
            N_("Trainings"),
            trainings_columns,
            _title_label("title"),
            parts=(PARTICIPANTS,),
            links=("title",),
        ),
        Kind("activities", N_("Activities"), activities_columns, _title_label("title")),
        Kind("support", N_("Support"), support_columns, _support_label),
        Kind("budget", N_("Budget"), budget_columns, _budget_label),
    )
}


def kind_of(name: str) -> Kind:
    if name not in KINDS:
        raise ValueError(
            _("There is no template for “{kind}”; choose one of: {kinds}.").format(
                kind=name, kinds=", ".join(KINDS)
            )
        )
    return KINDS[name]


def version_tag(record: Any) -> str:
    """A short mark of the record's version: the hidden version column of an export."""
    return hashlib.sha256((record.version or record.id).encode("utf-8")).hexdigest()[:16]
