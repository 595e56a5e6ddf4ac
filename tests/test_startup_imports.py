"""What a start pays for (issue 16, start-up): `coopdesk --help`, a read command such as
`coopdesk indicators` and the window's start import only what they use: no ReportLab, openpyxl,
python-docx, Alembic, the document services or the bundle importer. Each runs in its own
process, as a person starts it, and lists what got imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coopdesk.cli import main
from coopdesk.security import passwords
from coopdesk.services import accounts

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "reportlab",
    "openpyxl",
    "docx",
    "alembic",
    "mako",
    "pygments",
    "coopdesk.services.documents",
    "coopdesk.sync.importer",
    "coopdesk.sync.exporter",
)

RUN_AND_LIST = """
import json, sys
from coopdesk.cli import main
code = main(sys.argv[2:])
heavy = json.loads(sys.argv[1])
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m in heavy
      or m.split(".")[0] in heavy), "sqlalchemy": "sqlalchemy" in sys.modules}))
"""

# The window's start as `coopdesk --data-dir D` makes it; the first turn of the event loop
# (COOPDESK_SMOKE_QUIT_MS=0) lists the windows shown and the modules imported.
GUI_AND_LIST = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
heavy = json.loads(sys.argv[1])
seen = {}
def look():
    seen["windows"] = sorted(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible())
    seen["loaded"] = sorted(m for m in sys.modules if m in heavy or m.split(".")[0] in heavy)
QTimer.singleShot(0, look)
from coopdesk.cli import main
code = main(["--data-dir", sys.argv[2]])
print(json.dumps({"code": code, **seen}))
"""


def _run(script: str, *argv: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COOPDESK_SMOKE_QUIT_MS": "0"}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(HEAVY), *argv],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def commune(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data_dir = tmp_path / "tan-phong"
    code = main(
        ["init", "--data-dir", str(data_dir), "--unit", "3408", "--role", "commune",
         "--officer", "Lò Thị Mai"]
    )  # fmt: skip
    capsys.readouterr()
    assert code == 0
    return data_dir


HELP_AND_LIST = """
import sys
from coopdesk.cli import main
try:
    main(["--help"])
except SystemExit:  # argparse ends --help so
    pass
print(sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "cryptography")
      or m in ("coopdesk.db.models", "coopdesk.reports.model")))
"""


@pytest.fixture
def with_accounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setattr(accounts, "KDF_PARAMS", passwords.KdfParams(64, 1, 1))  # quick
    data_dir, password = tmp_path / "lai-chau", tmp_path / "admin.txt"
    password.write_text("mat-khau-dai-du-2026\n", encoding="utf-8")
    code = main(
        ["init", "--data-dir", str(data_dir), "--unit", "12", "--role", "aggregator",
         "--officer", "Lò Thị Mai", "--password-file", str(password), "--admin", "mai"]
    )  # fmt: skip
    capsys.readouterr()
    assert code == 0
    return data_dir


def test_help_lists_every_command_without_the_database_layer() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HELP_AND_LIST], capture_output=True, text=True, cwd=ROOT,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    *help_lines, loaded = done.stdout.strip().splitlines()
    assert loaded == "[]"
    text = "\n".join(help_lines)
    for command in ("init", "indicators", "report", "export-bundle", "users", "backups"):
        assert command in text


def test_indicators_from_the_command_line_import_no_documents_nor_bundles(
    commune: Path,
) -> None:
    out = _run(RUN_AND_LIST, "indicators", "--data-dir", str(commune), "--period", "2025")
    assert out["code"] == 0
    assert out["loaded"] == []
    assert out["sqlalchemy"] is True  # it did read the database


def test_the_window_starts_without_documents_bundles_or_migrations(commune: Path) -> None:
    out = _run(GUI_AND_LIST, str(commune))
    assert out["code"] == 0
    assert out["windows"] == ["MainWindow"]
    assert out["loaded"] == []


def test_the_login_at_start_needs_no_bundles_either(with_accounts: Path) -> None:
    out = _run(GUI_AND_LIST, str(with_accounts))
    assert out["windows"] == ["LoginDialog"]
    assert out["loaded"] == []
