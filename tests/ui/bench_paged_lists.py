"""Measure the people list over 1,000,000 rows (not a test; run by hand, takes a few minutes
the first time to build the database):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.bench_paged_lists /tmp/bench-data

Prints the time of the first paint (count + first page), a jump to the end and to the
middle, a search as you type, and a sort on a column that has no list index.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
import uuid
from pathlib import Path

from PySide6.QtWidgets import QApplication

from coopdesk import paths
from coopdesk.db.engine import make_engine, open_database
from coopdesk.i18n import fold, person_sort_key

ROWS = 1_000_000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Lò", "Vàng", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Thị", "Văn", "Thị Thu", "Thị Ngọc", "Hữu"]
GIVEN = ["Hoa", "Mai", "Lan", "Hương", "Ánh", "Đào", "Bình", "Phượng", "Sùng", "Thảo", "Yến"]


def build(data_dir: Path) -> None:
    engine = open_database(data_dir)
    from coopdesk.services import units

    units.ensure_catalogues(engine)
    engine.dispose()
    rnd = random.Random(1)
    con = sqlite3.connect(paths.db_path(data_dir))
    sql = (
        "INSERT INTO people (id, unit_code, family_name, middle_name, given_name, full_name,"
        " name_folded, sort_key, gender, phone, address, notes, redacted, created_at,"
        " updated_at, created_by, updated_by) VALUES (?,?,?,?,?,?,?,?,?,'','','',0,"
        " '2026-01-01','2026-01-01','','')"
    )

    def rows():
        for _n in range(ROWS):
            f, m, g = rnd.choice(FAMILY), rnd.choice(MIDDLE), rnd.choice(GIVEN)
            full = f"{f} {m} {g}"
            key = person_sort_key(f, m, g)
            rid = str(uuid.UUID(int=rnd.getrandbits(128)))
            yield (rid, "03408", f, m, g, full, fold(full), key, "F")

    con.executemany(sql, rows())
    con.commit()
    con.close()


def main(data_dir: Path) -> None:
    app = QApplication([])
    if not paths.db_path(data_dir).exists():
        build(data_dir)
    from coopdesk.services.settings import Installation
    from coopdesk.ui.context import AppContext
    from coopdesk.ui.people_page import PeoplePage
    from coopdesk.ui.tasks import InlineTaskRunner

    engine = make_engine(paths.db_path(data_dir))
    installation = Installation("03408", "commune", "bench")
    ctx = AppContext(engine, data_dir, installation, InlineTaskRunner())
    page = PeoplePage(ctx)
    page.resize(1100, 700)
    page.show()

    def timed(label: str, action) -> None:
        start = time.perf_counter()
        action()
        app.processEvents()
        page.grab()
        print(f"{label}: {(time.perf_counter() - start) * 1000:.0f} ms")

    def search() -> None:
        page.search.setText("nguyen thi hoa")
        page.apply_filters()

    timed("first paint (count + first page)", page.refresh)
    timed("jump to the end", page.table.scrollToBottom)
    timed("jump to the middle", lambda: page.table.scrollTo(page.model.index(ROWS // 2, 0)))
    timed("search 'nguyen thi hoa'", search)
    timed(
        "sort the found rows by birth year",
        lambda: page.table.sortByColumn(2, page.table.horizontalHeader().sortIndicatorOrder()),
    )
    print("rows found:", page.model.rowCount())


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/coopdesk-bench"))
