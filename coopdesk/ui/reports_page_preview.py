"""The page preview of the Reports area: the rendered PDF shown with QtPdf, and printing it."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget


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
        """Print every page through the system's print dialog (or onto `printer`)."""
        if self.page_count == 0:
            return False
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
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
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(page)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(page, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        return True

    def render_page(self, page: int, width: int = 900) -> QImage:
        """One page as a QImage (for screenshots and tests)."""
        points = self.document.pagePointSize(page)
        height = int(width * points.height() / points.width())
        return self.document.render(page, QSize(width, height))
