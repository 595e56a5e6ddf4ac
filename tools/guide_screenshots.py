"""Make the user guide's screenshots again: `python tools/guide_screenshots.py [--lang vi en]`.

Builds the commune demo and the province demo in a temporary folder, opens the main window
offscreen at 1366×768, visits every area and saves one PNG per area and language into
resources/guide/img/ (`vi-cooperatives.png`, `en-province-overview.png`…), plus the first-run
wizard. Run it after a screen changes; the guide's text names the files it shows.
PNGs are reduced to 256 colours so that the whole set stays small.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COOPDESK_DOCUMENT_FONT", "bundled")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
IMG = ROOT / "resources" / "guide" / "img"
SIZE = (1366, 768)
PROVINCE_AREAS = ("overview", "bundles", "reporting")  # the province office's own pages


def make_demo(folder: Path, scale: str) -> None:
    from coopdesk import demo
    from coopdesk.db.engine import open_database
    from coopdesk.services import units

    engine = open_database(folder)
    units.ensure_catalogues(engine)
    demo.generate(engine, scale, seed=demo.DEFAULT_SEED, unit_code=None)
    engine.dispose()


def open_window(folder: Path):
    from coopdesk.app import load_installation
    from coopdesk.db.engine import open_database
    from coopdesk.ui.context import AppContext
    from coopdesk.ui.main_window import MainWindow
    from coopdesk.ui.tasks import InlineTaskRunner

    engine = open_database(folder)
    ctx = AppContext(engine, folder, load_installation(engine), InlineTaskRunner(), demo=True)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    return window


def save(widget, name: str) -> Path:
    from PIL import Image
    from PySide6.QtWidgets import QApplication

    for _round in range(3):
        QApplication.processEvents()
    path = IMG / f"{name}.png"
    widget.grab().save(str(path))
    with Image.open(path) as img:
        small = img.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    return path


def shoot_areas(window, lang: str, prefix: str, keys: tuple[str, ...]) -> list[Path]:
    out = []
    for key in keys:
        page = window.show_area(key)
        page.refresh()
        out.append(save(window, f"{lang}-{prefix}{key}"))
    return out


EDITORS = (  # (area, editor module:class, tab shown, picture name, list filter ticked first)
    ("cooperatives", "cooperative:CooperativeDialog", 2, "editor-cooperative-board", ""),
    ("cooperatives", "cooperative:CooperativeDialog", 3, "editor-cooperative-years", ""),
    ("people", "person:PersonDialog", 4, "editor-person-sensitive", "women managers"),
    ("trainings", "training:TrainingDialog", 1, "editor-training-participants", ""),
)


def shoot_editors(window, lang: str) -> list[Path]:
    """The first record of a list opened in its editor, on the tab the guide talks about."""
    import importlib

    from PySide6.QtWidgets import QPushButton, QTabWidget

    from coopdesk.i18n import _
    from coopdesk.ui.models import ID_ROLE

    out = []
    for key, target, tab, name, ticked in EDITORS:
        page = window.show_area(key)
        if ticked:
            page.managers_filter.setChecked(True)
            page.gender_filter.set_code("F")
            page.apply_filters()
        record_id = page.model.data(page.model.index(0, 0), ID_ROLE)
        module, _sep, cls_name = target.partition(":")
        cls = getattr(importlib.import_module(f"coopdesk.ui.editors.{module}"), cls_name)
        dialog = cls(window.ctx, record_id, window)
        tabs = dialog.findChild(QTabWidget)
        tabs.setCurrentIndex(tab)
        show_sensitive = [
            b for b in dialog.findChildren(QPushButton) if b.text() == _("Show sensitive data")
        ]
        for button in show_sensitive:
            button.click()
        dialog.show()
        out.append(save(dialog, f"{lang}-{name}"))
        dialog.dirty = False
        dialog.close()
        if ticked:
            page.managers_filter.setChecked(False)
            page.gender_filter.set_code(None)
            page.apply_filters()
    return out


def shoot_report(window, lang: str) -> Path:
    """The Reports page with the annual report previewed."""
    import time

    from PySide6.QtWidgets import QApplication

    page = window.show_area("reports")
    page.generate()
    for _tick in range(30):  # the preview draws its pages on a thread of its own
        QApplication.processEvents()
        time.sleep(0.1)
    return save(window, f"{lang}-reports-preview")


def shoot_wizard(ctx, lang: str) -> list[Path]:
    from coopdesk.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(ctx)
    wizard.show()
    out = [save(wizard, f"{lang}-wizard-welcome")]
    wizard.next()
    wizard.unit_page.search.setText("tan phong")
    wizard.unit_page.apply_search()
    out.append(save(wizard, f"{lang}-wizard-unit"))
    wizard.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", nargs="+", default=["vi", "en"], choices=["vi", "en"])
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from coopdesk import i18n
    from coopdesk.app import setup_application
    from coopdesk.ui.pages import AREAS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_application(app)
    IMG.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        commune, province = Path(tmp, "commune"), Path(tmp, "province")
        make_demo(commune, "commune")
        make_demo(province, "province")
        commune_keys = tuple(a.key for a in AREAS if not getattr(a, "aggregator_only", False))
        windows = [
            (open_window(commune), "", commune_keys),
            (open_window(province), "province-", PROVINCE_AREAS),
        ]
        for lang in args.lang:
            i18n.set_language(lang)
            for window, prefix, keys in windows:
                saved += shoot_areas(window, lang, prefix, keys)
            saved += shoot_editors(windows[0][0], lang)
            saved.append(shoot_report(windows[0][0], lang))
            saved += shoot_wizard(windows[0][0].ctx, lang)
        for window, _prefix, _keys in windows:
            window.close()
            window.ctx.engine.dispose()
    total = sum(p.stat().st_size for p in saved)
    print(f"{len(saved)} screenshots in {IMG}, {total / 1_000_000:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
