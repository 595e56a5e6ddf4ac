"""Opening a database whose schema is current reads its revision and imports no Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coopdesk.db.engine import HEAD_REVISION, head_revision

OPEN_AND_LIST_MODULES = """
import sys
from pathlib import Path
from coopdesk.db.engine import open_database
open_database(Path(sys.argv[1])).dispose()
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in ("alembic", "mako", "pygments"))))
"""


def test_the_head_revision_constant_is_the_newest_migration() -> None:
    assert head_revision() == HEAD_REVISION


def test_a_current_database_opens_without_importing_alembic(template_data_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(template_data_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == ""


def test_a_new_database_is_still_migrated_to_the_head(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(tmp_path / "new")],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert "alembic" in out.stdout.split(",")
