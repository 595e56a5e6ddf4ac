"""The frozen application: build it with build.spec (PyInstaller) and run the smoke steps.

Run on its own: `.venv/bin/pytest -m build tests/build`. `make test` runs it too (PyInstaller
is in the dev extra). The folder in dist/coopdesk is reused when it is newer than every source
it is built from; otherwise it is rebuilt (about a minute on two idle cores). The steps live in
tests/build/smoke.py, which also runs on its own against a built folder (e.g. on Windows).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.build import smoke

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "coopdesk"
EXE = DIST / ("coopdesk.exe" if sys.platform == "win32" else "coopdesk")
BUILD_INFO = DIST / "build-info.json"  # written by build.spec as its very last act
BUILD_TIMEOUT = 30 * 60  # seconds; a build takes 1-3 minutes here
# What the frozen folder is made from: a change to any of these makes it stale.
SOURCES = ("build.spec", "pyproject.toml", "coopdesk", "resources", "translations")
IGNORED_SUFFIXES = {".pyc", ".pyo", ".mo", ".qm"}  # build output, not sources


def newest_source() -> tuple[float, Path]:
    newest = (0.0, ROOT)
    for name in SOURCES:
        top = ROOT / name
        for path in [top] if top.is_file() else top.rglob("*"):
            ignored = path.suffix in IGNORED_SUFFIXES or path.name.startswith(".")
            if ignored or "__pycache__" in path.parts:  # (translations/.lock: a tool's lock)
                continue
            if path.is_file():
                newest = max(newest, (path.stat().st_mtime, path))
    return newest


def is_current() -> bool:
    return (
        BUILD_INFO.is_file() and EXE.is_file() and BUILD_INFO.stat().st_mtime > newest_source()[0]
    )


@contextmanager
def build_lock() -> Iterator[None]:
    """One build at a time (two pytest runs, or `make dist` meanwhile, share dist/)."""
    lock_file = ROOT / "build" / "frozen-test.lock"
    lock_file.parent.mkdir(exist_ok=True)
    with lock_file.open("w") as fh:
        try:
            import fcntl
        except ImportError:  # Windows: no lock; do not build twice at once there
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build() -> None:
    log = ROOT / "build" / "pyinstaller.log"
    started = time.time()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "build.spec"]
    with log.open("w", encoding="utf-8") as out:
        try:
            result = subprocess.run(
                cmd,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=BUILD_TIMEOUT,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"PyInstaller did not finish within {BUILD_TIMEOUT // 60} min; see {log}")
    finished = BUILD_INFO.is_file() and BUILD_INFO.stat().st_mtime >= started - 1
    if result.returncode != 0 or not finished:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])
        pytest.fail(
            f"`{' '.join(cmd)}` failed (status {result.returncode}); full log: {log}\n{tail}"
        )


@pytest.fixture(scope="module")
def frozen_exe() -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (it comes with `pip install -e '.[dev]'`)")
    with build_lock():
        if not is_current():
            build()
    return EXE


def test_frozen_app_smoke(frozen_exe: Path) -> None:
    """Every smoke step passes against the built folder (see smoke.STEPS)."""
    # Not tmp_path: the steps take minutes, and another pytest run by the same user may prune
    # older pytest temp dirs meanwhile. Kept on failure for a look.
    work = Path(tempfile.mkdtemp(prefix="coopdesk-frozen-smoke-"))
    run = smoke.Smoke(exe=frozen_exe, work=work)
    try:
        smoke.run_steps(run, smoke.STEPS)
    except smoke.StepFailed as exc:
        log = "\n".join(run.log)
        pytest.fail(f"{exc}\n\ncommands run:\n{log}\n\nfiles kept in {work}", pytrace=False)
    shutil.rmtree(work, ignore_errors=True)
