"""Qt's own strings in Vietnamese (issue 17, item 5): the standard buttons of every question,
the menus of text fields, the file dialog, the wizard's buttons, and every editor walked in
Vietnamese with no text left as it is in English."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from coopdesk import i18n

S = QMessageBox.StandardButton


def _texts(root: QWidget) -> set[str]:
    """Every text a person can read in `root` and its children (menus excluded)."""
    found = {root.windowTitle()}
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QAbstractButton | QLabel):
            found.add(w.text())
        elif isinstance(w, QGroupBox):
            found.add(w.title())
        elif isinstance(w, QTabWidget):
            found.update(w.tabText(n) for n in range(w.count()))
        elif isinstance(w, QComboBox):
            found.update(w.itemText(n) for n in range(w.count()))
        elif isinstance(w, QLineEdit):
            found.add(w.placeholderText())
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            found.update(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            )
    return {" ".join(t.replace("&", "").split()) for t in found if t and t.strip()}


ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
# names, not words: the same in every language
NOT_ENGLISH = {"CoopDesk", "Zalo", "Facebook", "Agribank", "Excel", "PDF", "xlsx"}


def _english_left(vi: set[str], en: set[str]) -> set[str]:
    """Texts shown the same in both languages that are made of English words."""
    same = vi & en
    return {
        t
        for t in same
        if t.isascii()
        and not t.startswith(("/", "~"))  # a folder's path
        and {w for w in ENGLISH_WORD.findall(t)} - NOT_ENGLISH
        and not t.isupper()
    }


def _answer_next_question(texts: list[list[str]]) -> None:
    """Read the buttons of the question box that opens next, then close it."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            texts.append(sorted(b.text() for b in box.buttons()))
            box.reject()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def test_the_standard_buttons_of_every_question_are_vietnamese(qtbot, ctx, monkeypatch) -> None:
    from coopdesk.ui.editors.officer import OfficerDialog

    seen: list[list[str]] = []
    for buttons in (S.Discard | S.Cancel, S.Yes | S.No, S.Yes | S.Cancel, S.Close, S.Ok):
        _answer_next_question(seen)
        QMessageBox.question(None, "CoopDesk", "?", buttons)
    assert seen == [
        ["Bỏ thay đổi", "Huỷ"],
        ["&Có", "&Không"],
        ["&Có", "Huỷ"],
        ["Đóng"],
        ["Đồng ý"],
    ]
    # the editor's own "close without saving?" question, as the officer meets it
    monkeypatch.undo()  # the suite answers it silently elsewhere
    dialog = OfficerDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.fields["position"].edit, "Chu tich")
    asked: list[list[str]] = []
    _answer_next_question(asked)
    dialog.reject()
    assert asked == [["Bỏ thay đổi", "Huỷ"]]
    dialog.dirty = False  # nobody is there to answer at teardown


def test_questions_follow_a_language_switch(qtbot, ctx) -> None:
    def buttons() -> list[str]:
        box = QMessageBox(QMessageBox.Icon.Question, "CoopDesk", "?", S.Yes | S.No)
        qtbot.addWidget(box)
        return sorted(b.text() for b in box.buttons())

    assert buttons() == ["&Có", "&Không"]
    i18n.set_language("en")
    assert buttons() == ["&No", "&Yes"]
    i18n.set_language("vi")
    assert buttons() == ["&Có", "&Không"]


@pytest.mark.parametrize("make", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_the_menu_of_a_text_field_is_vietnamese(qtbot, ctx, make) -> None:
    field = make()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    items = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert items[:5] == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán"]
    assert "Chọn tất cả" in items


def _file_dialog_texts(qtbot, save: bool) -> set[str]:
    dialog = QFileDialog(None, "", "", i18n._("Excel files (*.xlsx)"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    dialog.close()
    return texts


@pytest.mark.parametrize("save", [True, False])
def test_the_file_dialog_is_vietnamese(qtbot, ctx, save) -> None:
    vi = _file_dialog_texts(qtbot, save)
    i18n.set_language("en")
    en = _file_dialog_texts(qtbot, save)
    i18n.set_language("vi")
    assert ("Lưu" if save else "Mở") in vi
    assert {"Tên tệp:", "Loại tệp:", "Tìm trong:"} <= vi
    assert _english_left(vi, en) == set()


def test_the_print_dialog_strings_are_in_the_catalogue(ctx) -> None:
    """The print dialog cannot open without a display; its strings are checked by lookup."""
    tr = QCoreApplication.translate
    assert tr("QPrintDialog", "&Print") == "&In"
    assert tr("QPageSetupWidget", "Portrait") == "Dọc"
    assert tr("QPrintSettingsOutput", "Copies:") == "Số bản:"
    assert tr("QPrintWidget", "Printer") == "Máy in"


def _editors():
    from coopdesk.ui.editors.cooperative import CooperativeDialog
    from coopdesk.ui.editors.officer import OfficerDialog
    from coopdesk.ui.editors.person import PersonDialog
    from coopdesk.ui.editors.plan import PlanDialog
    from coopdesk.ui.editors.simple import ActivityDialog, BudgetDialog, SupportDialog
    from coopdesk.ui.editors.training import TrainingDialog

    return [
        CooperativeDialog,
        PersonDialog,
        OfficerDialog,
        TrainingDialog,
        ActivityDialog,
        SupportDialog,
        BudgetDialog,
        PlanDialog,
    ]


def _editor_texts(qtbot, ctx, make) -> set[str]:
    dialog = make(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    texts: set[str] = set()
    for n in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(n)
        texts |= _texts(dialog)
    dialog.dirty = False
    dialog.close()
    return texts


def test_every_editor_walked_in_vietnamese_shows_no_english(qtbot, ctx) -> None:
    left = {}
    for make in _editors():
        vi = _editor_texts(qtbot, ctx, make)
        i18n.set_language("en")
        en = _editor_texts(qtbot, ctx, make)
        i18n.set_language("vi")
        assert vi != en, make.__name__
        if english := _english_left(vi, en):
            left[make.__name__] = sorted(english)
    assert left == {}


def test_every_editor_tab_label_has_room_for_its_text(qtbot, ctx) -> None:
    """Tab labels whole, marks below the line included ('Số liệu hằng năm', 'Lịch sử')."""
    cut = []
    for lang in ("vi", "en"):
        i18n.set_language(lang)
        for make in _editors():
            dialog = make(ctx, None)
            qtbot.addWidget(dialog)
            dialog.show()
            bar = dialog.tabs.tabBar()
            metrics = bar.fontMetrics()
            for n in range(bar.count()):
                text = bar.tabText(n).replace("&", "")
                room = bar.tabRect(n)
                drawn = metrics.boundingRect(text)
                if room.height() < drawn.height() + 4 or room.width() < drawn.width():
                    cut.append(f"{lang} {make.__name__}: {text!r} {room} < {drawn}")
            dialog.dirty = False
            dialog.close()
    i18n.set_language("vi")
    assert cut == []
