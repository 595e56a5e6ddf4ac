"""A screenshot of each main screen at 1366×768, in both languages, saved for people to look at
(test-artifacts/screenshots/, listed at the end of the run). Also checks no text is clipped in
the sidebar, the headers and the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from coopdesk import i18n
from coopdesk.ui.editors.cooperative import CooperativeDialog
from coopdesk.ui.editors.person import PersonDialog
from coopdesk.ui.editors.training import TrainingDialog
from coopdesk.ui.first_run import FirstRunWizard
from coopdesk.ui.pages import AREA_KEYS
from tests.ui.conftest import SCREENSHOTS, add_cooperatives, add_people, save_screenshot

SCREENS = (
    "cooperatives",
    "people",
    "officers",
    "trainings",
    "activities",
    "support",
    "budget",
    "plans",
    "bundles",
    "settings",
)


def _clipped(widget) -> list[str]:
    out = []
    for child in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if not child.isVisibleTo(widget) or not child.text() or child.width() <= 0:
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            continue
        needed = child.fontMetrics().horizontalAdvance(child.text().replace("&", ""))
        if needed > child.width() + 2 and child.sizeHint().width() > child.width() + 2:
            out.append(f"{type(child).__name__} {child.text()!r} {child.width()}<{needed}")
    return out


def test_screenshots_of_each_main_screen(qtbot, ctx, main_window, request) -> None:
    add_people(
        ctx.engine,
        [("Nguyễn", "Thị", "Hoà", "F"), ("Lò", "Thị", "Ánh", "F"), ("Trần", "Văn", "Bình", "M")],
    )
    add_cooperatives(
        ctx.engine,
        [("HTX", "HTX Nông nghiệp Tân Phong"), ("THT", "Tổ hợp tác dệt thổ cẩm San Thàng")],
    )
    main_window.resize(1366, 768)
    saved = []
    problems = []
    for lang in ("vi", "en"):
        i18n.set_language(lang)
        for key in SCREENS:
            page = main_window.show_area(key)
            page.refresh()
            QApplication.processEvents()  # let the layouts settle after a language switch
            saved.append(save_screenshot(main_window, f"{lang}-{key}"))
            problems += [f"{lang}/{key}: {p}" for p in _clipped(main_window)]
        metrics = main_window.sidebar.fontMetrics()
        for row in range(main_window.sidebar.count()):
            text = main_window.sidebar.item(row).text()
            if metrics.horizontalAdvance(text) > main_window.sidebar_text_room():
                problems.append(f"{lang}/sidebar: {text!r} is cut")
        for name, dialog in (
            ("cooperative", CooperativeDialog(ctx, None, main_window)),
            ("person", PersonDialog(ctx, None, main_window)),
            ("training", TrainingDialog(ctx, None, main_window)),
        ):
            qtbot.addWidget(dialog)
            dialog.show()
            QApplication.processEvents()
            saved.append(save_screenshot(dialog, f"{lang}-editor-{name}"))
            problems += [f"{lang}/{name}: {p}" for p in _clipped(dialog)]
            dialog.dirty = False
            dialog.close()
        wizard = FirstRunWizard(ctx)
        qtbot.addWidget(wizard)
        wizard.show()
        saved.append(save_screenshot(wizard, f"{lang}-wizard-welcome"))
        wizard.next()
        wizard.unit_page.search.setText("tan phong")
        wizard.unit_page.apply_search()
        QApplication.processEvents()
        saved.append(save_screenshot(wizard, f"{lang}-wizard-unit"))
        problems += [f"{lang}/wizard: {p}" for p in _clipped(wizard)]
        wizard.close()
    i18n.set_language("vi")
    assert len(saved) == 2 * (len(SCREENS) + 5)
    assert all(p.stat().st_size > 10_000 for p in saved)
    print(f"\nscreenshots: {SCREENSHOTS}")
    assert problems == [], "\n".join(problems)
    assert set(SCREENS) <= set(AREA_KEYS)
