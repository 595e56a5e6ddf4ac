"""Qt's own strings in the officer's language: standard buttons (Có, Không, Huỷ, Bỏ thay đổi),
the file and print dialogs, the menus of text fields, the wizard's buttons.

Qt ships no Vietnamese catalogue of its own (there is no `qtbase_vi.qm`), so CoopDesk keeps
one: `translations/qt/qtbase_vi.ts`, in Qt Linguist's format (open it in Linguist to add a
string). It is compiled to `qtbase_vi.qm` with Qt's `lrelease` (from PySide6) by
`tools/i18n.py compile`, by `build.spec`, and here when a source checkout's copy is stale.

`install(app)` (once per application) puts in the catalogue for the current language and
follows `i18n.set_language`; Qt then re-translates open dialogs itself (LanguageChange).
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from coopdesk import i18n, paths

log = logging.getLogger(__name__)

CATALOGUES = {"vi": "qtbase_vi"}  # English is Qt's own language: no catalogue


def catalogue_dir() -> Path:
    return paths.translations_dir() / "qt"


def lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "lrelease"


def compile_catalogue(ts: Path, qm: Path) -> Path:
    """Compile a Linguist .ts file to the .qm Qt loads; raises on any lrelease error."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(lrelease()), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    return qm


def catalogue_file(lang: str) -> Path | None:
    """The compiled catalogue for `lang` (compiled first when the .ts is newer), or None."""
    name = CATALOGUES.get(lang)
    if name is None:
        return None
    qm = catalogue_dir() / f"{name}.qm"
    ts = qm.with_suffix(".ts")
    if not paths.is_frozen() and _stale(ts, qm):
        try:
            compile_catalogue(ts, qm)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile %s: %s", ts, exc)
    return qm if qm.exists() else None


def _stale(ts: Path, qm: Path) -> bool:
    return ts.exists() and (not qm.exists() or ts.stat().st_mtime > qm.stat().st_mtime)


class QtStrings:
    """Keeps Qt's translator in step with CoopDesk's language."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.translator: QTranslator | None = None
        self.apply(i18n.current_language())
        i18n.on_language_changed(self.apply)

    def apply(self, lang: str) -> None:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        qm = catalogue_file(lang)
        if qm is None:
            return
        translator = QTranslator(self.app)
        if translator.load(str(qm)):
            self.app.installTranslator(translator)
            self.translator = translator
        else:
            log.warning("Qt could not load %s", qm)


_installed: dict[int, QtStrings] = {}


def install(app: QCoreApplication) -> QtStrings:
    """Qt's strings follow CoopDesk's language in `app` from now on (idempotent)."""
    key = id(app)
    if key not in _installed:
        _installed[key] = QtStrings(app)
    return _installed[key]
