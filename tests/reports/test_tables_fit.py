"""Tables that fit: every cell's text inside its column's borders, measured on the PDF."""

from __future__ import annotations

import datetime as dt
from itertools import accumulate

from coopdesk.reports import styles as S
from coopdesk.reports.layout import column_widths, frame_width, render_pdf
from coopdesk.reports.model import Column, Document, Header, Signature, Table
from tests.reports.pdf import page_count, words


def _document(table: Table) -> Document:
    header = Header("", "HỘI LHPN TỈNH LAI CHÂU", "BC", "HPN", 1, "Lai Châu",
                    dt.date(2026, 11, 5), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc")  # fmt: skip
    signature = Signature(("CHỦ TỊCH",), "Lò Thị Ỏn", "Nơi nhận:", ("- Lưu: VT.",))
    return Document(header, "BÁO CÁO", "Kinh phí", [], signature, appendices=[table])


def _money_table() -> Table:
    columns = [
        Column("STT", "int", 0.3),
        Column("Nguồn kinh phí", "text", 6),
        Column("Dự toán", "money", 0.5, True),
        Column("Đã sử dụng", "money", 0.5, True),
    ]
    rows = [[1000 + i, f"Nguồn {i}", 11_253_000_000, 2_573_000_000] for i in range(3)]
    return Table("", columns, rows, total_label="Tổng cộng")


def test_numbers_and_the_stt_header_stay_inside_their_columns() -> None:
    table = _money_table()
    pdf = render_pdf(_document(table))
    widths = column_widths(table, frame_width(), "vi", S.document_styles().fonts)
    left = S.MARGIN_LEFT * S.MM + (frame_width() - sum(widths)) / 2
    edges = [left + x for x in accumulate(widths, initial=0.0)]
    page = page_count(pdf)
    found = {w[0]: w for w in words(pdf, page)}
    for text, col in (("STT", 0), ("1.002", 0), ("11.253.000.000", 2), ("33.759.000.000", 2),
                      ("2.573.000.000", 3), ("7.719.000.000", 3)):  # fmt: skip
        assert text in found, text  # one word: not broken across lines
        _, x0, _, x1, _ = found[text]
        assert edges[col] < x0 and x1 < edges[col + 1], (text, x0, x1, edges)
    assert "ST" not in found and "T" not in found
