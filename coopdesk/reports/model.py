"""What a document says, apart from how it is drawn: one model, rendered to PDF and to .xlsx.

Builders (annual report, plan, lists) produce a `Document`; `layout.render_pdf` draws it in the
Nghị định 30 layout and `xlsx.render_xlsx` writes its tables with the same title block.
Every text here is final (already translated, already formatted) except table cells, which
keep native values (int, Decimal, date) so Excel gets numbers and formulas, not strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ColumnKind = Literal["text", "int", "year", "money", "percent", "date", "decimal"]


@dataclass(frozen=True)
class Typed:
    """A cell whose kind differs from its column's (a % row in a column of counts)."""

    value: int | float | Decimal | None
    kind: ColumnKind


CellValue = str | int | float | Decimal | dt.date | Typed | None
BlockStyle = Literal[
    "body",  # justified, first-line indent
    "basis",  # "Căn cứ …" lines: italic
    "part",  # I., II. … bold
    "item",  # 1., 2. … bold
    "point",  # a), b) … italic
    "dash",  # "- …" lines of a list
    "closing",  # "Trên đây là …"
    "centre",  # centred line (appendix titles)
    "note",  # small italic centred note under a title
]


@dataclass(frozen=True)
class Header:
    """The two-column header block and the number line."""

    parent_body: str  # "UBND TỈNH LAI CHÂU" (may be empty)
    issuer: str  # "HỘI LHPN PHƯỜNG TÂN PHONG"
    doc_code: str  # "BC", "KH"
    symbol: str  # "HPN", "UBND"
    number: int | None  # None for a draft: "Số:      /BC-HPN"
    place: str  # "Lai Châu"
    date: dt.date
    national_title: str  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str  # "Độc lập - Tự do - Hạnh phúc"
    number_label: str = "Số:"  # "Number:" in English
    number_text: str | None = None  # a number given as printed, e.g. "235/KH-UBND" (plans)
    date_text: str = ""  # "ngày 05 tháng 11 năm 2026" in the document's language
    numbered: bool = True  # False: a form the register never numbers (no "Số:" line)

    def number_line(self) -> str:
        """'Số: 07/BC-HPN'; a draft keeps the blank clerks fill in by hand; a form never
        numbered has none."""
        if not self.numbered:
            return ""
        if self.number_text:
            return f"{self.number_label} {self.number_text}"
        suffix = f"/{self.doc_code}-{self.symbol}" if self.symbol else f"/{self.doc_code}"
        if self.number is None:
            return f"{self.number_label}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{suffix}"
        return f"{self.number_label} {self.number:02d}{suffix}"

    def place_date(self) -> str:
        return f"{self.place}, {self.date_text}" if self.place else self.date_text


@dataclass(frozen=True)
class Signature:
    authority_lines: tuple[str, ...]  # ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")
    signer_name: str
    recipients_label: str  # "Nơi nhận:"
    recipients: tuple[str, ...]  # ("- Hội LHPN tỉnh Lai Châu;", …, "- Lưu: VT, …")


@dataclass(frozen=True)
class Paragraph:
    text: str  # plain text; escaped when drawn
    style: BlockStyle = "body"


@dataclass(frozen=True)
class Column:
    title: str
    kind: ColumnKind = "text"
    width: float = 1.0  # relative width
    total: bool = False  # summed in the totals row (a formula in Excel)


@dataclass
class Table:
    title: str  # "Phụ lục 1. Kết quả các chỉ tiêu" (may be empty)
    columns: list[Column]
    rows: list[list[CellValue]]
    landscape: bool = False
    total_label: str = ""  # "Tổng cộng": a totals row when any column has total=True
    sheet_name: str = ""  # Excel sheet name (≤ 31 chars)
    note: str = ""  # a line under the title, e.g. "(Kèm theo Báo cáo số …)"
    # Totals row values for columns that must not be summed (ratios): the unit's own value.
    total_values: dict[int, CellValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Wording:
    """A generated passage the officer may reword (her text is printed in its place): its key
    and what the generator says, whether or not she reworded it."""

    key: str  # "results.training" (coopdesk.reports.paragraph_keys.WORDING_KEYS)
    generated: str  # lines joined by "\n"


@dataclass
class Document:
    header: Header
    title: str  # "BÁO CÁO"
    subject: str  # "Kết quả thực hiện Đề án … năm 2026"
    blocks: list[Paragraph | Table]
    signature: Signature
    lang: str = "vi"
    subject_note: str = ""  # e.g. "(Thay thế Báo cáo số 03/BC-HPN ngày …)"
    appendices: list[Table] = field(default_factory=list)
    pdf_title: str = ""  # metadata title; defaults to the title and subject
    landscape: bool = False  # the whole document on landscape pages (wide lists)
    wording: list[Wording] = field(default_factory=list)  # the passages she may reword

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)] + list(self.appendices)
