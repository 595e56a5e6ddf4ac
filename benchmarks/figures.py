"""The figures of `benchmarks/run.py`: each measures what CoopDesk does and a raw baseline of the
same work in the same run, on the same file, and returns a `Figure`.

Nothing here writes to the database it is given: figures that must change something (the
stored indicator values, for a cold start) work on `work_copy`, made once with SQLite's backup
API beside the output.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SEARCHES = ("nguyen thi hoa", "hoa", "lo thi", "tran van", "mai", "ha thi lan", "0912")


@dataclass
class Figure:
    name: str
    value: float  # seconds, or the unit in `unit`
    raw_name: str
    raw: float
    goal: str
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.raw if self.raw else float("inf")

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def median_time(
    fn: Callable[[], Any], repeat: int, before: Callable[[], Any] | None = None
) -> float:
    return statistics.median(timings(fn, repeat, before))


def timings(
    fn: Callable[[], Any], repeat: int, before: Callable[[], Any] | None = None
) -> list[float]:
    out = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def work_copy(db_file: Path, folder: Path) -> Path:
    """A copy of the database (SQLite backup API) in `folder`, made once per run."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / db_file.name
    if not target.exists():
        src = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    return target


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    """Run a command to its end; what it wrote on stderr. Bytecode is written (as installed
    CoopDesk has it compiled): with PYTHONDONTWRITEBYTECODE, every file edited since its last
    compile would be compiled again at each start."""
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        args, cwd=ROOT, env={**clean, **(env or {})}, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return done.stderr


# --- start-up ------------------------------------------------------------------------------

BARE_WINDOW = """
import sys, sqlalchemy, reportlab.platypus
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.show()
def shown():
    print("windows shown: QMainWindow", file=sys.stderr, flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


# `coopdesk --data-dir D` as a person starts it, up to the first turn of the event loop
# (COOPDESK_SMOKE_QUIT_MS=0); on a database with accounts the account given logs in where the
# login dialog would ask, so the figure reaches the main window (a demo: admin, coopdesk-demo).
# The login is put in place when the window is about to open, so that the start imports what
# it imports, in its order.
APP_START = """
import sys
from coopdesk import app
launch = app.launch
def launch_logged_in(args, tasks):
    from coopdesk.ui import login_dialog
    ask = login_dialog.log_in_at_start
    def log_in_at_start(ctx, parent=None):
        from coopdesk.services import accounts
        if ctx.read(accounts.has_accounts):
            ctx.read(accounts.login, sys.argv[2], sys.argv[3])
        return ask(ctx, parent)
    login_dialog.log_in_at_start = log_in_at_start
    return launch(args, tasks)
app.launch = launch_logged_in
from coopdesk.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _until_shown(args: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to its "windows shown" line (the first turn of the
    event loop with its windows up); what the process does after that (closing, waiting for
    its background tasks) is not counted. Raises when no main window was shown."""
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env={**clean, **env}, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    shown, said = None, []
    for line in proc.stderr:
        said.append(line)
        if shown is None and "windows shown:" in line and "Window" in line:
            shown = time.perf_counter() - start
    if proc.wait() != 0 or shown is None:
        raise RuntimeError(f"the main window did not open: {''.join(said)[-2000:]}")
    return shown


def startup(data_dir: Path, repeat: int, login: tuple[str, str]) -> Figure:
    gui = {"QT_QPA_PLATFORM": "offscreen", "COOPDESK_SMOKE_QUIT_MS": "0"}
    app_args = [PYTHON, "-c", APP_START, str(data_dir), *login]
    app = statistics.median(_until_shown(app_args, gui) for _ in range(repeat))
    bare_args = [PYTHON, "-c", BARE_WINDOW]
    bare = statistics.median(_until_shown(bare_args, gui) for _ in range(repeat))
    return Figure("start to main window", app, "imports + bare window", bare, "≤ 1.5×")


def cli_start(repeat: int) -> Figure:
    """What any command pays before its work: `coopdesk --help` builds every command's parser."""
    cli = median_time(lambda: _run([PYTHON, "-m", "coopdesk", "--help"]), repeat)
    bare = median_time(lambda: _run([PYTHON, "-c", "import argparse, sqlite3"]), repeat)
    return Figure("coopdesk --help", cli, "python, argparse, sqlite3", bare, "—",
                  note=f"beyond Python: {(cli - bare) * 1000:.0f} ms")  # fmt: skip


# --- search ---------------------------------------------------------------------------------


def _fts_terms(text: str) -> str:
    return " ".join(f'"{word}"*' for word in text.split())


def search(db_file: Path, engine: Any, unit: str, repeat: int) -> list[Figure]:
    from coopdesk.db.engine import session_scope
    from coopdesk.services import lists
    from coopdesk.services.lists.paging import page

    scope = lists.Scope(unit, subtree=True)

    def app_search(text: str) -> None:
        with session_scope(engine) as s:
            query = lists.query(s, "people", scope, {}, text)
            query.count_upto(s, 5001)
            page(s, query, 0, 50)

    raw = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)

    def raw_search(text: str) -> None:  # phone digits are words of the index too
        sql = "SELECT rowid FROM people_search WHERE people_search MATCH ? LIMIT 50"
        raw.execute(sql, (_fts_terms(text),)).fetchall()

    app_times, raw_times = [], []
    for text in SEARCHES:
        app_times += timings(lambda t=text: app_search(t), repeat)  # type: ignore[misc]
        raw_times += timings(lambda t=text: raw_search(t), repeat)  # type: ignore[misc]
    raw.close()
    p50, p95 = statistics.median(app_times), statistics.quantiles(app_times, n=20)[-1]
    raw50 = statistics.median(raw_times)
    note = f"p95 {p95 * 1000:.1f} ms over {len(SEARCHES)} searches × {repeat}"
    return [
        Figure("People search, p50", p50, "indexed prefix", raw50, "≤ 3×", note=note),
        Figure("People search, p95", p95, "goal", 0.020, "< 20 ms"),
    ]


# --- indicators -----------------------------------------------------------------------------

RAW_GROUP_BY = """
SELECT u.province_code, count(*), sum(p.gender = 'F')
FROM people p JOIN units u ON u.code = p.unit_code
WHERE p.deleted_at IS NULL GROUP BY u.province_code
"""


def indicators(copy: Path, province: str, year: str, repeat: int) -> list[Figure]:
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.services import indicators as ind

    engine = open_database(copy.parent, create=False)
    raw = sqlite3.connect(copy)

    def forget() -> None:
        with raw:
            raw.execute("DELETE FROM indicator_summaries")

    def overview(unit: str | None) -> None:
        with session_scope(engine) as s:
            ind.compute(s, unit, year)

    def chart() -> None:  # as the overview asks: the years after today are shown empty
        with session_scope(engine) as s:
            ind.compute_by_year(s, None, range(2023, 2031), until=dt.date.today())

    group_by = median_time(lambda: raw.execute(RAW_GROUP_BY).fetchall(), repeat)
    country = median_time(lambda: overview(None), repeat, forget)
    chart_cold = median_time(chart, max(1, repeat // 2), forget)
    overview(province)
    province_warm = median_time(lambda: overview(province), repeat)
    raw.close()
    engine.dispose()
    return [
        Figure("country indicators, cold", country, "one GROUP BY join", group_by, "< 1 s"),
        Figure("country chart 2023–2030, cold", chart_cold, "one GROUP BY join", group_by, "< 2 s",
               note=f"the years to {dt.date.today().year}, as the overview asks"),
        Figure(f"province {province} indicators, stored", province_warm, "one GROUP BY join",
               group_by, "< 100 ms"),
    ]  # fmt: skip


def province_cli(copy: Path, province: str, repeat: int) -> Figure:
    where = ["--data-dir", str(copy.parent)]
    cli = median_time(
        lambda: _run([PYTHON, "-m", "coopdesk", "indicators", *where, "--unit", province]),
        repeat,
    )
    bare = median_time(lambda: _run([PYTHON, "-m", "coopdesk", "--version"]), repeat)
    return Figure(
        f"province {province} indicators from the CLI", cli, "coopdesk --version", bare,
        "< 100 ms beyond start-up", note=f"beyond start-up: {(cli - bare) * 1000:.0f} ms",
    )  # fmt: skip


# --- the People page's memory ----------------------------------------------------------------

PEOPLE_PAGE = """
import sys
from PySide6.QtWidgets import QApplication
from coopdesk.app import load_installation
from coopdesk.services.database import open_database
from coopdesk.ui.context import AppContext
from coopdesk.ui.people_page import PeoplePage
from coopdesk.ui.tasks import TaskRunner
from pathlib import Path
app = QApplication([])
data_dir = Path(sys.argv[1])
engine = open_database(data_dir)
runner = TaskRunner()
ctx = AppContext(engine, data_dir, load_installation(engine), runner)
page = PeoplePage(ctx); page.resize(1200, 800); page.show(); page.refresh()
for _ in range(200):
    app.processEvents(); runner.pool.waitForDone(50)
page.table.scrollToBottom()
for _ in range(200):
    app.processEvents(); runner.pool.waitForDone(50)
# this process's own peak (VmHWM): ru_maxrss would report the parent's size at the fork
# (Linux keeps the larger of the two across exec), so a benchmark holding 500 MB would read 500
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(int(hwm.split()[1]) / 1024)
"""


def people_page_memory(data_dir: Path) -> Figure:
    done = subprocess.run(
        [PYTHON, "-c", PEOPLE_PAGE, str(data_dir)], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True,
    )  # fmt: skip
    peak = float(done.stdout.strip().splitlines()[-1])
    return Figure("GUI People page, peak memory", peak, "goal", 400.0, "≤ 400 MB", unit="MB")
