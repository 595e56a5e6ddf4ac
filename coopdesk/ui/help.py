"""The user guide window: the contents on the left, a section with its screenshots on the right.

F1 and the Help menu open it (`open_guide`) at the section of the area on screen. The text is
content read through `coopdesk.services.guide`, in the interface's language; a search box keeps
the sections that hold every word typed (accents not needed); "Save as PDF…" writes the whole
guide as a printable document.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Slot
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.i18n import _
from coopdesk.services import guide
from coopdesk.ui.context import AppContext

IMAGE_MARGIN = 48  # pixels kept free beside a screenshot in the text
IMAGE_LINE = re.compile(r"^!\[([^\]]+)\]\(([^)]+)\)$", re.MULTILINE)


def with_captions(markdown: str) -> str:
    """Each screenshot followed by its description in italics (Qt shows no alt text)."""
    return IMAGE_LINE.sub(lambda m: f"{m.group(0)}\n\n*{m.group(1)}*", markdown)


class GuideBrowser(QTextBrowser):
    """Shows a section; screenshots are scaled down to the width of the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDocumentMargin(14)
        self.image_width = 900
        self.markdown = ""

    def fitting_width(self) -> int:
        return max(320, self.viewport().width() - IMAGE_MARGIN)

    def show_markdown(self, markdown: str, base: Path) -> None:
        self.markdown = markdown
        self.image_width = self.fitting_width()
        self.document().clear()  # forget the screenshots scaled for another width
        self.document().setBaseUrl(QUrl.fromLocalFile(f"{base}/"))
        self.setMarkdown(with_captions(markdown))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.markdown and abs(self.fitting_width() - self.image_width) > 40:
            scroll = self.verticalScrollBar().value()
            self.show_markdown(self.markdown, Path(self.document().baseUrl().toLocalFile()))
            self.verticalScrollBar().setValue(scroll)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            url = QUrl(url) if isinstance(url, str) else url
            image = QImage(url.toLocalFile() or url.toString())
            if not image.isNull() and image.width() > self.image_width:
                image = image.scaledToWidth(
                    self.image_width, Qt.TransformationMode.SmoothTransformation
                )
            return image
        return super().loadResource(kind, url)


class GuideWindow(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.section_key = guide.FIRST_SECTION
        self._build()
        self.translate_ui()
        i18n.on_language_changed(self._on_language_changed)
        self.destroyed.connect(lambda *_a: i18n.remove_language_listener(self._on_language_changed))
        self.resize(1200, 720)

    def _build(self) -> None:
        self.contents_label = QLabel()
        self.contents_label.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_search)
        self.contents = QListWidget()
        self.contents.currentItemChanged.connect(self._on_item)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(self.save_pdf)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        for widget in (self.contents_label, self.search, self.contents, self.no_match):
            ll.addWidget(widget)
        ll.addWidget(self.pdf_button)
        ll.addWidget(self.status)
        self.browser = GuideBrowser()
        self.browser.anchorClicked.connect(self._on_link)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def sizeHint(self) -> QSize:
        return QSize(1200, 720)

    # --- language ------------------------------------------------------------------------

    def lang(self) -> str:
        return i18n.current_language()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("User guide — CoopDesk"))
        self.contents_label.setText(_("Table of contents"))
        self.search.setPlaceholderText(_("Search the guide (accents not needed)…"))
        self.no_match.setText(_("No section of the guide holds these words."))
        self.pdf_button.setText(_("Save as PDF…"))
        self.pdf_button.setToolTip(_("Save the whole guide as a PDF file to print"))
        self._fill_contents()
        self.show_section(self.section_key)

    @Slot(str)
    def _on_language_changed(self, _lang: str) -> None:
        self.translate_ui()

    # --- contents and sections -----------------------------------------------------------

    def _fill_contents(self) -> None:
        self.contents.blockSignals(True)
        self.contents.clear()
        for n, section in enumerate(guide.sections(), 1):
            item = QListWidgetItem(f"{n}. {guide.title(section.key, self.lang())}")
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        self.apply_search()

    def _item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        return None

    def show_section(self, key: str) -> None:
        """Show a section and select it in the contents."""
        self.section_key = key
        self.browser.show_markdown(guide.text(key, self.lang()), guide.image_base(self.lang()))
        self.browser.verticalScrollBar().setValue(0)
        item = self._item(key)
        if item is not None and self.contents.currentItem() is not item:
            self.contents.blockSignals(True)
            self.contents.setCurrentItem(item)
            self.contents.blockSignals(False)
        self._find_words()

    def show_area(self, area_key: str) -> None:
        self.show_section(guide.section_for_area(area_key))

    @Slot(object, object)
    def _on_item(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if item is not None:
            self.show_section(str(item.data(Qt.ItemDataRole.UserRole)))

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        name = Path(url.path()).name
        if name.endswith(".md"):
            self.show_section(name[:-3])

    # --- search --------------------------------------------------------------------------

    @Slot()
    def apply_search(self) -> None:
        """Keep the sections holding every word typed; show the first one found."""
        found = set(guide.search(self.search.text(), self.lang()))
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in found)
        self.no_match.setVisible(not found)
        if found and self.section_key not in found:
            first = next(s.key for s in guide.sections() if s.key in found)
            self.show_section(first)
        else:
            self._find_words()

    def _find_words(self) -> None:
        """Scroll to the first place the search's first word appears (accents as typed)."""
        words = self.search.text().split()
        if words:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(words[0])

    def visible_sections(self) -> list[str]:
        return [
            str(self.contents.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.contents.count())
            if not self.contents.item(r).isHidden()
        ]

    # --- PDF -----------------------------------------------------------------------------

    def default_file_name(self) -> str:
        return _("CoopDesk-user-guide.pdf")

    @Slot()
    def save_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF…"), self.default_file_name(), _("PDF documents (*.pdf)")
        )
        if path:
            target = Path(path)
            self.write_pdf(
                target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf")
            )

    def write_pdf(self, target: Path) -> None:
        lang = self.lang()

        def work() -> Path:
            target.write_bytes(guide.guide_pdf(lang))
            return target

        self.ctx.tasks.run(
            work,
            on_done=lambda done: self.status.setText(_("Saved {file}").format(file=done)),
            progress_label=_("Preparing the guide…"),
            changes=None,
        )


def open_guide(parent: Any, area_key: str) -> GuideWindow:
    """Show the guide window of the main window (one per window) at the section of an area."""
    window = parent.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(parent.ctx, parent)
    window.show()
    window.show_area(area_key)
    window.raise_()
    window.activateWindow()
    return window
