"""An import killed (SIGKILL) at any moment leaves the database before or after, intact."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.db import models as m
from coopdesk.sync import versions
from tests.sync.helpers import COMMUNE_A, PROVINCE, coop, person
from tests.sync_keys import PASSWORD

# an import killed while it writes the SQLite file (a server rolls a dead client's transaction
# back itself)
pytestmark = pytest.mark.sqlite_only

IMPORT = """
import datetime as dt, sys
from pathlib import Path
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.sync import importer, trust
engine = make_engine(Path(sys.argv[1]))
with session_scope(engine) as s:
    trust.unlock(s, sys.argv[4])
print("ready", flush=True)
with session_scope(engine) as s:
    report = importer.import_bundle(
        s, Path(sys.argv[2]), my_unit=sys.argv[3], apply=True, now=dt.datetime(2026, 11, 20, 9)
    )
    assert report.applied, report.message
print("done", flush=True)
"""


def _dump(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        out: list[tuple] = []
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for name in sorted(names):
            rows = [tuple(r) for r in conn.execute(f'SELECT * FROM "{name}"')]
            out.extend((name, *r) for r in sorted(rows, key=repr))
        return out
    finally:
        conn.close()


def _run(db: Path, bundle: Path, kill_after: float | None) -> bool:
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(db), str(bundle), PROVINCE, PASSWORD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(proc.pid, signal.SIGKILL)
    out, _err = proc.communicate(timeout=300)
    return "done" in out


@pytest.mark.slow
def test_import_killed_at_random_points(make_site, tmp_path: Path) -> None:
    a = make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    with a.session() as s:
        for i in range(300):
            c = m.Cooperative(id=m.new_id(), unit_code=COMMUNE_A, **coop(f"HTX {i}"))
            h = m.Person(id=m.new_id(), unit_code=COMMUNE_A, **person(f"Hoa {i}"))
            r = m.Role(unit_code=COMMUNE_A, person_id=h.id, cooperative_id=c.id, role="chair")
            s.add_all([c, h, r])
    bundle = tmp_path / "a.coopdesk"
    bundle.write_bytes(a.export(PROVINCE))
    with p.session() as s:
        versions.replica_id(s)  # the replica's ids exist before, so both runs share them
    p.engine.dispose()
    source = paths.db_path(p.dir)
    before = _dump(source)

    reference = tmp_path / "ref" / "db.sqlite3"
    reference.parent.mkdir()
    shutil.copy2(source, reference)
    started = time.monotonic()
    assert _run(reference, bundle, None)
    span = time.monotonic() - started
    after = _dump(reference)
    assert after != before

    rng = random.Random(7)
    outcomes = set()
    for n in range(5):
        work = tmp_path / f"kill{n}"
        work.mkdir()
        db = work / "db.sqlite3"
        shutil.copy2(source, db)
        finished = _run(db, bundle, rng.uniform(0.0, span))
        state = _dump(db)  # checks PRAGMA integrity_check too
        assert state in (before, after), f"half-applied import after kill {n}"
        outcomes.add("after" if state == after else "before")
        if finished:
            assert state == after
    assert outcomes  # at least one kill happened; which side depends on timing
