"""Translation catalogues, with Babel.

  python tools/i18n.py update          extract `_()`/`N_()` strings, update vi/en catalogues
                                       (English msgstr = msgid, filled automatically)
  python tools/i18n.py add FILE.json   add Vietnamese translations {msgid: msgstr, …}
  python tools/i18n.py missing         print msgids that have no Vietnamese translation yet
  python tools/i18n.py check           fail on a missing or fuzzy entry in either language,
                                       or on a `_()` string in the code that the catalogues lack
  python tools/i18n.py compile         write the .mo files, and the .qm of Qt's own strings
                                       from translations/qt/*.ts (build output, not committed)

Several people may run it at once: every write holds a lock on translations/.lock.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TR = ROOT / "translations"
LANGS = ("vi", "en")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "translate_in": (2,),
    "translate_plural_in": (2, 3),
}


def po_path(lang: str) -> Path:
    return TR / lang / "LC_MESSAGES" / "coopdesk.po"


@contextmanager
def locked():
    TR.mkdir(exist_ok=True)
    with (TR / ".lock").open("w") as fh:
        try:
            import fcntl
        except ImportError:  # Windows: lock the first byte (blocks, retrying, until free)
            import msvcrt

            while True:
                try:
                    msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def extract() -> Catalog:
    template = Catalog(project="CoopDesk", charset="utf-8")
    method_map = [("coopdesk/**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=KEYWORDS
    ):
        if filename.startswith("coopdesk/") or filename.startswith("coopdesk\\"):
            template.add(
                message, None, [(filename, lineno)], auto_comments=comments, context=context
            )
    return template


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as fh:
            return read_po(fh, locale=lang)
    return Catalog(locale=lang, project="CoopDesk", charset="utf-8")


def save(lang: str, catalog: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=True, no_location=True)


def update() -> None:
    template = extract()
    with (TR / "coopdesk.pot").open("wb") as fh:
        write_po(fh, template, width=100, sort_output=True, no_location=True)
    for lang in LANGS:
        catalog = load(lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if lang == "en":
            for msg in catalog:
                filled = all(msg.string) if isinstance(msg.string, tuple) else bool(msg.string)
                if msg.id and not filled:
                    msg.string = msg.id if isinstance(msg.id, str) else tuple(msg.id)
                msg.flags.discard("fuzzy")
        save(lang, catalog)


def _untranslated(catalog: Catalog) -> list[tuple[object, str]]:
    """(msgid, a readable label) of every entry with an empty or fuzzy translation."""
    out = []
    for msg in catalog:
        if not msg.id:
            continue
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        if not all(strings) or msg.fuzzy:
            out.append((msg.id, msg.id if isinstance(msg.id, str) else msg.id[0]))
    return out


def missing(lang: str = "vi") -> list[str]:
    return [label for _msg_id, label in _untranslated(load(lang))]


def add(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    catalog = load("vi")
    unknown = []
    for msgid, msgstr in data.items():
        msg = catalog.get(msgid)
        if msg is None:
            unknown.append(msgid)
            continue
        msg.string = msgstr
        msg.flags.discard("fuzzy")
    save("vi", catalog)
    if unknown:
        print("not in the catalogue (run `update` first?):", *unknown, sep="\n  ")


def check() -> int:
    problems = []
    extracted = {m.id for m in extract() if m.id}
    for lang in LANGS:
        catalog = load(lang)
        ids = {m.id for m in catalog if m.id}
        lacking = sorted(str(x) for x in extracted - ids)
        if lacking:
            problems.append(
                f"{lang}: {len(lacking)} strings not in the catalogue, e.g. {lacking[0]!r}"
            )
        # Only what the code uses counts: an entry left over from someone's uncommitted
        # work (the catalogue is shared) is dropped by the next `update`, not an error.
        bad = [label for msg_id, label in _untranslated(catalog) if msg_id in extracted]
        if bad:
            problems.append(f"{lang}: {len(bad)} untranslated or fuzzy, e.g. {bad[0]!r}")
    for p in problems:
        print("translations:", p, file=sys.stderr)
    if problems:
        print(
            "Run `python tools/i18n.py update`, then translate (tools/i18n.py add).",
            file=sys.stderr,
        )
    return 1 if problems else 0


def compile_all() -> None:
    for lang in LANGS:
        catalog = load(lang)
        with (po_path(lang).with_suffix(".mo")).open("wb") as fh:
            write_mo(fh, catalog)
    sys.path.insert(0, str(ROOT))
    from coopdesk.ui.qt_translations import compile_catalogue

    for ts in sorted((TR / "qt").glob("*.ts")):  # Qt's own strings (Linguist format)
        compile_catalogue(ts, ts.with_suffix(".qm"))


def main() -> int:
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "check":
        return check()
    with locked():
        if cmd == "update":
            update()
        elif cmd == "add":
            update()
            add(Path(sys.argv[2]))
        elif cmd == "missing":
            print("\n".join(missing(sys.argv[2] if len(sys.argv) > 2 else "vi")))
        elif cmd == "compile":
            compile_all()
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
