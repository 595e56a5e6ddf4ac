"""What reaches the printer from the Reports area's preview: every sheet at the page's own size
and orientation (A4, landscape appendix pages too), drawn at 100 % with the decree's margins
where the PDF has them, not shrunk to the printer's printable area. Qt's PDF printer output
stands in for the printer."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from coopdesk.reports.layout import render_pdf
from coopdesk.reports.model import Column, Document, Header, Paragraph, Signature, Table
from coopdesk.ui.reports_page_preview import PdfPreview
from tests.reports.pdf import ink_box_mm, page_count


def _document() -> bytes:
    header = Header("", "HỘI LHPN TỈNH LAI CHÂU", "BC", "HPN", 1, "Lai Châu",
                    dt.date(2026, 11, 5), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc")  # fmt: skip
    signature = Signature(("CHỦ TỊCH",), "Lò Thị Ỏn", "Nơi nhận:", ("- Lưu: VT.",))
    wide = Table("Phụ lục 2", [Column("STT", "int", 0.5), Column("Đơn vị", "text", 4)],
                 [[i, f"Xã số {i}"] for i in range(1, 6)], landscape=True)  # fmt: skip
    body = [Paragraph("Hội LHPN tỉnh Lai Châu báo cáo kết quả thực hiện Đề án năm 2026.")]
    return render_pdf(Document(header, "BÁO CÁO", "Kết quả", body, signature, appendices=[wide]))


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", out)
    ]


def test_pages_are_printed_at_true_size_in_their_orientation(qtbot, tmp_path: Path) -> None:
    original = _document()
    source = tmp_path / "original.pdf"
    source.write_bytes(original)
    preview = PdfPreview()
    qtbot.addWidget(preview)
    assert preview.show_pdf(original) == 2
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert preview.print_document(printer, ask=False)
    data = printed.read_bytes()
    assert page_count(data) == 2
    for (width, height), (want_w, want_h) in zip(_sizes(printed), _sizes(source), strict=True):
        assert abs(width - want_w) < 1 and abs(height - want_h) < 1  # A4, then A4 landscape
    assert _sizes(printed)[1][0] > _sizes(printed)[1][1]
    for page in (1, 2):
        # what is drawn sits where the PDF draws it: same size, same margins (within 0.5 mm)
        got, want = ink_box_mm(data, page), ink_box_mm(original, page)
        assert all(abs(a - b) < 0.5 for a, b in zip(got, want, strict=True)), (page, got, want)
        assert got[0] >= 29  # the decree's left margin (30 mm) kept
    assert ink_box_mm(data, 1)[1] >= 19.5  # and its top margin (20 mm) on the first page
