"""Write resources/licences/THIRD-PARTY-NOTICES.txt: every distribution the frozen CoopDesk
bundles (the runtime dependencies of pyproject.toml and theirs, as installed), with its
version, licence and the licence texts it ships, plus the Python runtime.

    .venv/bin/python tools/notices.py          # write the file
    .venv/bin/python tools/notices.py --check  # exit 1 if the file is not up to date

Run it after changing a dependency; tests/build/test_notices.py fails until the file matches.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "resources" / "licences" / "THIRD-PARTY-NOTICES.txt"
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
# Distributions that ship no licence text of their own: the standard text of their licence.
_STANDARD_TEXTS = {
    "pyside6": "/usr/share/common-licenses/LGPL-3",
    "pyside6-addons": "/usr/share/common-licenses/LGPL-3",
    "pyside6-essentials": "/usr/share/common-licenses/LGPL-3",
    "shiboken6": "/usr/share/common-licenses/LGPL-3",
}


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_requirements(dist: md.Distribution) -> list[str]:
    names = []
    for text in dist.requires or []:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        names.append(req.name)
    return names


def bundled() -> dict[str, md.Distribution]:
    """Distribution key → installed distribution, for everything the application needs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(d).name for d in project["dependencies"]]
    found: dict[str, md.Distribution] = {}
    while todo:
        name = todo.pop()
        if key(name) in found:
            continue
        dist = md.distribution(name)
        found[key(name)] = dist
        todo.extend(_runtime_requirements(dist))
    return dict(sorted(found.items()))


def licence(dist: md.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    text = (meta.get("License") or "").strip()
    short = text if text and "\n" not in text and len(text) < 80 else ""
    return "; ".join(x for x in [short, *classifiers] if x) or "see the licence text below"


def licence_texts(dist: md.Distribution) -> list[tuple[str, str]]:
    files = [
        f
        for f in dist.files or []
        if ".dist-info" in str(f) and _LICENCE_FILE.search(f.name) and f.name != "RECORD"
    ]
    texts = [(f.name, Path(str(dist.locate_file(f))).read_text("utf-8", "replace")) for f in files]
    standard = _STANDARD_TEXTS.get(key(dist.metadata["Name"]))
    if not texts and standard and Path(standard).exists():
        texts.append((Path(standard).name, Path(standard).read_text(encoding="utf-8")))
    return sorted(texts)


def render() -> str:
    dists = bundled()
    lines = [
        "CoopDesk — third-party software in this application",
        "",
        "CoopDesk itself is licensed under the Apache License 2.0 (LICENSE).",
        "The application bundles the Python runtime (Python Software Foundation License) and",
        "the distributions below. Qt, PySide6 and shiboken6 are used under the GNU LGPL 3.0;",
        "python-stdnum under the GNU LGPL 2.1 or later: it is shipped as plain .py files",
        "(stdnum/ beside the program) so that it can be replaced by a modified version.",
        "",
        "Summary (name, version, licence):",
        "",
    ]
    lines += [f"  {d.metadata['Name']} {d.version}: {licence(d)}" for d in dists.values()]
    for dist in dists.values():
        lines += [
            "",
            "=" * 78,
            f"{dist.metadata['Name']} {dist.version}",
            f"Licence: {licence(dist)}",
        ]
        home = dist.metadata.get("Home-page") or next(
            (u.split(", ", 1)[-1] for u in dist.metadata.get_all("Project-URL") or []), ""
        )
        if home:
            lines.append(f"Home: {home}")
        for name, text in licence_texts(dist):
            lines += ["", f"--- {name} ---", text.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run tools/notices.py")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(bundled())} distributions)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
