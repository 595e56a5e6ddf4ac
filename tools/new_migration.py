"""Autogenerate an Alembic migration from the models: `python tools/new_migration.py "message"`.

Revision ids are sequential ("0002_…") so the history reads in order.
"""

import re
import sys
import tempfile
from pathlib import Path

from alembic import command

from coopdesk import paths
from coopdesk.db.engine import alembic_config, make_engine


def main() -> None:
    message = sys.argv[1]
    versions = paths.migrations_dir() / "versions"
    numbers = [int(p.name[:4]) for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py")]
    rev = f"{max(numbers, default=0) + 1:04d}_{re.sub(r'[^a-z0-9]+', '_', message.lower()).strip('_')}"
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "x.sqlite3")
        cfg = alembic_config(engine)
        cfg.set_main_option("file_template", "%%(rev)s")
        command.upgrade(cfg, "head")
        command.revision(cfg, message=message, autogenerate=True, rev_id=rev)
    print(f"wrote {rev}")


if __name__ == "__main__":
    main()
