"""The kinds of record a spreadsheet can bring in, as columns of the registry's fields.

Each `Kind` says which columns its template has (headers, the other names officers give
them, how a cell is read, drop-down choices), how its rows are named in a preview, and how
possible duplicates are found. A row is saved as the registry area's draft
(`coopdesk.services.registry.area(kind)`), by the same functions as the editors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Sector
from coopdesk.domain import labels
from coopdesk.excel import values as read
from coopdesk.excel.columns import ID_KEY, VERSION_KEY, Column
from coopdesk.i18n import N_, _, current_language

Columns = Callable[[Session], tuple[Column, ...]]


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


@dataclass(frozen=True)
class Kind:
    name: str  # as in services.registry.KINDS
    title: str  # msgid: the template's sheet and file name
    columns: Columns
    label: Callable[[dict[str, Any]], str]  # a row named in the preview
    finds_duplicates: bool = False


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("people", N_("People"), people_columns, _people_label, True),
        Kind("cooperatives", N_("Cooperatives"), cooperatives_columns, _title_label("name"), True),
        Kind("trainings", N_("Trainings"), trainings_columns, _title_label("title")),
        Kind("activities", N_("Activities"), activities_columns, _title_label("title")),
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
