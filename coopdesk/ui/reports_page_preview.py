"""The page preview of the Reports area: the rendered PDF shown with QtPdf, and printing it."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

# Pages are sent as images (QtPdf draws no vectors onto a printer): 300 dpi in grey is sharp
# text at about 9 MB a page, where 600 dpi in colour took about 139 MB.
PRINT_DPI = 300


class PdfPreview(QWidget):
    """Shows PDF bytes page after page; `print_document()` sends them to a printer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, pdf: bytes) -> int:
        """Load the document; returns its page count."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        return self.document.pageCount()

    def clear(self) -> None:
        self.document.close()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self, printer: QPrinter | None = None, ask: bool = True) -> bool:
        """Print every page at its true size through the system's print dialog (or onto
        `printer`): each sheet takes the page's own size and orientation with no printer
        margin added (the decree's margins are in the page), drawn at 100 %, never shrunk
        to the printable area. The pages go as images of PRINT_DPI, black on white."""
        if self.page_count == 0:
            return False
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        self._page_layout(printer, 0)
        if ask:
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            for page in range(self.page_count):
                if page:
                    self._page_layout(printer, page)
                    printer.newPage()
                self._draw_page(painter, printer, page)
        finally:
            painter.end()
        return True

    def _page_layout(self, printer: QPrinter, page: int) -> None:
        """The sheet for `page`: its size (A4) and orientation, no margins of the printer's."""
        points = self.document.pagePointSize(page)
        landscape = points.width() > points.height()
        short, long = sorted((points.width(), points.height()))
        size = QPageSize(
            QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
        )
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))

    def _draw_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        """The page drawn from the sheet's corner at 72 points to the inch: true size."""
        points = self.document.pagePointSize(page)
        dpi = printer.resolution()
        target = QRectF(0, 0, points.width() * dpi / 72, points.height() * dpi / 72)
        pixels = QSize(
            round(points.width() * PRINT_DPI / 72), round(points.height() * PRINT_DPI / 72)
        )
        rendered = self.document.render(page, pixels)  # transparent where nothing is drawn
        image = QImage(pixels, QImage.Format.Format_Grayscale8)
        image.fill(Qt.GlobalColor.white)
        onto = QPainter(image)
        onto.drawImage(0, 0, rendered)
        onto.end()
        painter.drawImage(target, image)

    def render_page(self, page: int, width: int = 900) -> QImage:
        """One page as a QImage (for screenshots and tests)."""
        points = self.document.pagePointSize(page)
        height = int(width * points.height() / points.width())
        return self.document.render(page, QSize(width, height))
