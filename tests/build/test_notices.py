"""The notices file shipped with the application lists every distribution it bundles, with the
installed version and licence, and is what tools/notices.py writes today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("notices", ROOT / "tools" / "notices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["notices"] = module
    spec.loader.exec_module(module)
    return module


def test_every_bundled_distribution_is_listed_with_its_licence() -> None:
    notices = _tool()
    text = notices.OUTPUT.read_text(encoding="utf-8")
    dists = notices.bundled()
    assert {"pyside6", "shiboken6", "python-stdnum", "sqlalchemy", "reportlab"} <= set(dists)
    assert "vietnam-provinces" not in dists
    summary = text.split("\n\n=")[0]
    for dist in dists.values():
        line = f"  {dist.metadata['Name']} {dist.version}: {notices.licence(dist)}"
        assert line in summary.splitlines(), f"{line.strip()} is missing: run tools/notices.py"
    assert text == notices.render(), "the notices file is out of date: run tools/notices.py"


def test_lgpl_texts_are_included() -> None:
    text = (ROOT / "resources" / "licences" / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    assert text.count("GNU LESSER GENERAL PUBLIC LICENSE") >= 2
    assert "Apache License 2.0 (LICENSE)" in text
