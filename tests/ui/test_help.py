"""The user guide window: F1 and the Help menu open it at the section of the area on screen,
in the interface's language, with its screenshots; the search keeps the sections holding the
words; the whole guide is saved as PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from coopdesk import i18n
from coopdesk.services import guide
from coopdesk.ui.help import GuideWindow
from coopdesk.ui.pages import AREAS
from tests.ui.conftest import save_screenshot


def _guide(main_window) -> GuideWindow:
    window = main_window.findChild(GuideWindow)
    assert window is not None and window.isVisible(), "the guide did not open"
    return window


def test_every_area_of_the_main_window_has_a_section_in_both_languages() -> None:
    for spec in AREAS:
        key = guide.section_for_area(spec.key)
        assert key != guide.FIRST_SECTION, f"the guide has no section about {spec.key}"
        for lang in guide.LANGUAGES:
            assert guide.section_path(key, lang).exists(), f"{spec.key}: no {lang} text"


def test_f1_opens_the_guide_at_the_section_of_each_area(qtbot, main_window) -> None:
    for spec in AREAS:
        main_window.show_area(spec.key)
        qtbot.keyClick(main_window, Qt.Key.Key_F1)
        window = _guide(main_window)
        key = guide.section_for_area(spec.key)
        assert key != guide.FIRST_SECTION, f"no section of the guide explains {spec.key}"
        assert window.section_key == key
        shown_title = window.browser.document().toPlainText().splitlines()[0]
        assert shown_title == guide.title(key, "vi")
        assert window.contents.currentItem().text().endswith(guide.title(key, "vi"))
    assert len(main_window.findChildren(GuideWindow)) == 1  # one window, not one per F1


def test_the_help_menu_opens_the_guide_not_a_message_box(main_window) -> None:
    main_window.show_area("trainings")
    assert main_window.act_help.text() == "&Hướng dẫn sử dụng"
    assert main_window.act_help in main_window.help_menu.actions()
    main_window.act_help.trigger()
    window = _guide(main_window)
    assert window.windowTitle() == "Hướng dẫn sử dụng — CoopDesk"
    assert window.browser.document().toPlainText().startswith("Tập huấn")


def test_screenshots_in_the_text_are_loaded(qtbot, main_window) -> None:
    main_window.show_area("cooperatives")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    window = _guide(main_window)
    images = window.browser.document().toHtml().count("<img")
    assert images == guide.text("cooperatives", "vi").count("![")
    url = window.browser.document().baseUrl().resolved(QUrl("../img/vi-cooperatives.png"))
    picture = window.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, url)
    assert not picture.isNull()
    assert picture.width() <= window.browser.image_width


def test_clicking_the_contents_shows_that_section(qtbot, main_window) -> None:
    window = GuideWindow(main_window.ctx, main_window)
    qtbot.addWidget(window)
    window.show()
    row = [s.key for s in guide.sections()].index("bundles")
    window.contents.setCurrentRow(row)
    assert window.section_key == "bundles"
    assert window.browser.document().toPlainText().startswith("Gói dữ liệu")


def test_search_keeps_the_sections_holding_the_words(qtbot, main_window) -> None:
    window = GuideWindow(main_window.ctx, main_window)
    qtbot.addWidget(window)
    window.show()
    window.search.setText("xung dot")  # accents not needed
    visible = window.visible_sections()
    assert "bundles" in visible and "budget" not in visible
    assert window.section_key in visible
    assert window.browser.textCursor().selectedText() == "Xung"  # scrolled to the word
    window.search.setText("xung qwzx")
    assert window.visible_sections() == [] and window.no_match.isVisibleTo(window)
    window.search.clear()
    assert len(window.visible_sections()) == len(guide.sections())


def test_the_guide_follows_the_language(qtbot, main_window) -> None:
    main_window.show_area("budget")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    window = _guide(main_window)
    try:
        i18n.set_language("en")
        assert window.windowTitle() == "User guide — CoopDesk"
        assert window.browser.document().toPlainText().startswith(guide.title("budget", "en"))
        assert window.contents.item(0).text() == f"1. {guide.title('start', 'en')}"
    finally:
        i18n.set_language("vi")
    assert window.browser.document().toPlainText().startswith("Kinh phí")


def test_save_as_pdf_writes_the_whole_guide(qtbot, main_window, tmp_path) -> None:
    from tests.reports.pdf import page_texts

    window = GuideWindow(main_window.ctx, main_window)
    qtbot.addWidget(window)
    assert window.default_file_name() == "Huong-dan-su-dung-CoopDesk.pdf"
    target = tmp_path / "guide.pdf"
    window.write_pdf(target)
    text = "".join(page_texts(target.read_bytes()))
    assert "HƯỚNG DẪN SỬ DỤNG COOPDESK" in text
    assert str(target) in window.status.text()


def test_screenshots_of_the_guide_window(qtbot, main_window) -> None:
    saved = []
    main_window.show_area("cooperatives")
    for lang in ("vi", "en"):
        i18n.set_language(lang)
        qtbot.keyClick(main_window, Qt.Key.Key_F1)
        window = _guide(main_window)
        window.resize(1366, 768)
        window.show_area("cooperatives")
        QApplication.processEvents()
        window.browser.verticalScrollBar().setValue(window.browser.height() // 2)
        saved.append(save_screenshot(window, f"{lang}-user-guide"))
    i18n.set_language("vi")
    assert all(p.stat().st_size > 20_000 for p in saved)


def test_screenshots_follow_the_width_of_the_window(qtbot, main_window) -> None:
    from PySide6.QtGui import QTextImageFormat

    def widest_image(window: GuideWindow) -> float:
        doc = window.browser.document()
        widths = []
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    name = QTextImageFormat(fmt).name()
                    image = doc.resource(QTextDocument.ResourceType.ImageResource.value, name)
                    widths.append(image.width())
                it += 1
            block = block.next()
        return max(widths)

    main_window.show_area("cooperatives")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    window = _guide(main_window)
    window.resize(1366, 768)
    QApplication.processEvents()
    wide = widest_image(window)
    assert wide <= window.browser.viewport().width()
    window.resize(900, 700)
    QApplication.processEvents()
    narrow = widest_image(window)
    assert narrow < wide and narrow <= window.browser.viewport().width()


def test_each_screenshot_is_described_below_it(qtbot, main_window) -> None:
    main_window.show_area("people")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    text = _guide(main_window).browser.document().toPlainText()
    assert "Thẻ Dữ liệu nhạy cảm: ghi nhận sự đồng ý trước, rồi mới nhập thông tin" in text
