"""Smoke script for the frozen CoopDesk (the folder `make dist` builds).

Runs the built program the way an officer's laptop would, step by step, in fresh data dirs:

    python tests/build/smoke.py dist/coopdesk/coopdesk            # Linux
    py tests\\build\\smoke.py dist\\coopdesk\\coopdesk.exe          # Windows
    python tests/build/smoke.py dist/coopdesk/coopdesk --measure  # size and start times

Only the standard library is used, so any Python 3.11 can run it against a built folder.
tests/build/test_frozen.py builds the folder and runs `STEPS` under pytest.

Each step is a function `step_xxx(smoke: Smoke) -> None` that raises `StepFailed` with a
message saying what went wrong; steps share state through `smoke.state`. To check one more
thing, write a step and add it to `STEPS` (order matters: later steps use earlier results).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WINDOWS = sys.platform == "win32"
COMMAND_TIMEOUT = 300.0  # seconds for one command; a hang fails the step, not the suite
GUI_QUIT_MS = 1500  # COOPDESK_SMOKE_QUIT_MS: the GUI quits by itself after this long
COMMUNE = "03408"  # Phường Tân Phong (Lai Châu): the demo's commune
PROVINCE = "12"  # Lai Châu
OFFICER = "Nguyễn Thị Hoà"
# Letters that only survive if fonts, encodings and translations all work.
VIETNAMESE_SAMPLE = ("ệ", "ượ", "ạ", "Đ")


class StepFailed(AssertionError):
    """A smoke step failed; the message says which command and what it printed."""


@dataclass
class Smoke:
    exe: Path  # dist/coopdesk/coopdesk(.exe)
    work: Path  # scratch folder for data dirs and output files
    timeout: float = COMMAND_TIMEOUT
    state: dict[str, Any] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.exe.parent

    @property
    def internal(self) -> Path:
        """Where PyInstaller 6 puts everything but the executable."""
        return self.folder / "_internal"

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        # Keep the run away from the user's real data and settings.
        env["COOPDESK_DATA_DIR"] = str(self.work / "default-data-dir")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONIOENCODING"] = "utf-8"
        env.pop("COOPDESK_SMOKE_QUIT_MS", None)
        env.update(extra)
        return env

    def run(
        self,
        *args: str,
        expect: int | None = 0,
        timeout: float | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run the frozen program; fail the step on a wrong exit status or a timeout."""
        cmd = [str(self.exe), *args]
        shown = " ".join(_quote(a) for a in ["coopdesk", *args])
        started = time.perf_counter()
        try:
            result = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout or self.timeout,
                env=env or self.env(),
                cwd=self.work,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise StepFailed(
                f"`{shown}` did not finish within {exc.timeout:.0f} s (killed).\n"
                + _tails(_text(exc.stdout), _text(exc.stderr))
            ) from None
        elapsed = time.perf_counter() - started
        self.log.append(f"{elapsed:6.1f}s rc={result.returncode} {shown}")
        if expect is not None and result.returncode != expect:
            raise StepFailed(
                f"`{shown}` exited with status {result.returncode} (expected {expect}).\n"
                + _tails(result.stdout, result.stderr)
            )
        if "Traceback (most recent call last)" in result.stderr:
            raise StepFailed(f"`{shown}` printed a traceback.\n" + _tails("", result.stderr))
        return result

    def data_dir(self, name: str) -> Path:
        return self.work / name


def _quote(arg: str) -> str:
    return f'"{arg}"' if (" " in arg or not arg) else arg


def _text(data: str | bytes | None) -> str:
    if data is None:
        return ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def _tails(stdout: str, stderr: str, lines: int = 25) -> str:
    def tail(text: str) -> str:
        rows = text.rstrip().splitlines()[-lines:]
        return "\n".join("    " + r for r in rows) if rows else "    (nothing)"

    return f"  stdout (last lines):\n{tail(stdout)}\n  stderr (last lines):\n{tail(stderr)}"


# --- checks on the database a command left behind -------------------------------------------


def head_revision(migrations: Path) -> str:
    """The newest Alembic revision among the migration scripts (the one nobody revises)."""
    revisions: dict[str, object] = {}
    for script in (migrations / "versions").glob("*.py"):
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            target = value = None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(value)  # type: ignore[arg-type]
        if isinstance(values.get("revision"), str):
            revisions[str(values["revision"])] = values.get("down_revision")
    revised: set[str] = set()
    for down in revisions.values():
        revised.update([down] if isinstance(down, str) else list(down or ()))  # type: ignore[call-overload]
    heads = sorted(set(revisions) - revised)
    if len(heads) != 1:
        raise StepFailed(f"the bundled migrations in {migrations} have heads {heads}, not one")
    return heads[0]


def check_database(smoke: Smoke, data_dir: Path) -> sqlite3.Connection:
    """The database file exists in `data_dir` and its schema is at the bundled head."""
    db = data_dir / "coopdesk.sqlite3"
    if not db.is_file():
        found = sorted(p.name for p in data_dir.iterdir()) if data_dir.is_dir() else "no folder"
        raise StepFailed(f"no database at {db} (the data dir holds: {found})")
    conn = sqlite3.connect(db)
    try:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise StepFailed(f"{db}: no Alembic version ({exc}): migrations did not run") from None
    head = head_revision(smoke.internal / "coopdesk" / "db" / "migrations")
    if version != head:
        conn.close()
        raise StepFailed(f"{db} is at schema {version}, but the bundled head is {head}")
    return conn


def count_rows(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


# --- steps ----------------------------------------------------------------------------------


def step_bundle_contents(smoke: Smoke) -> None:
    """The folder holds what CoopDesk reads as files at run time, and not what it excludes."""
    root = smoke.internal
    wanted = {
        "compiled Vietnamese catalogue": "translations/vi/LC_MESSAGES/coopdesk.mo",
        "compiled English catalogue": "translations/en/LC_MESSAGES/coopdesk.mo",
        "Qt's own strings in Vietnamese": "translations/qt/qtbase_vi.qm",
        "user guide": "resources/guide/vi/*.md",
        "Alembic env.py": "coopdesk/db/migrations/env.py",
        "Alembic script template": "coopdesk/db/migrations/script.py.mako",
        "unit catalogue": "resources/units/units.json.gz",
        "third-party notices": "resources/licences/THIRD-PARTY-NOTICES.txt",
        "python-stdnum as plain source (LGPL, replaceable)": "stdnum/vn/mst.py",
        "document font": "resources/fonts/LiberationSerif-Regular.ttf",
        "package metadata (for --version)": "coopdesk-*.dist-info/METADATA",
    }
    missing = [
        f"{what} ({pattern})" for what, pattern in wanted.items() if not any(root.glob(pattern))
    ]
    if not list((root / "coopdesk" / "db" / "migrations" / "versions").glob("0*.py")):
        missing.append("migration scripts (coopdesk/db/migrations/versions/0*.py)")
    plugins = root / "PySide6" / ("plugins" if WINDOWS else "Qt/plugins")
    platform_plugins = ["qoffscreen", "qwindows"] if WINDOWS else ["qoffscreen", "qxcb"]
    for name in platform_plugins:
        if not any((plugins / "platforms").glob(f"*{name}.*")):
            missing.append(f"Qt platform plugin {name} (in {plugins / 'platforms'})")
    for kind, name in (
        ("imageformats", "qsvg"),
        ("imageformats", "qjpeg"),
        ("iconengines", "qsvgicon"),
    ):
        if not any((plugins / kind).glob(f"*{name}.*")):
            missing.append(f"Qt {kind} plugin {name}")
    if not (plugins / "printsupport").is_dir() and not WINDOWS:  # Windows prints without one
        missing.append("Qt printsupport plugins")
    source_resources = Path(__file__).resolve().parents[2] / "resources"  # when run from a clone
    for path in sorted(source_resources.rglob("*")) if source_resources.is_dir() else []:
        rel = path.relative_to(source_resources.parent)
        if path.is_file() and "__pycache__" not in rel.parts and not (root / rel).is_file():
            missing.append(f"{rel} (in the source tree, not in the bundle)")
    for module in build_info(smoke).get("qt_modules", []):  # the Qt modules the code imports
        name = module.removeprefix("PySide6.")
        if name != "PySide6" and not any((root / "PySide6").glob(f"{name}.*")):
            missing.append(f"Qt module {module} (the code imports it)")
    if missing:
        raise StepFailed("the built folder lacks:\n  " + "\n  ".join(missing))
    unwanted = [
        pattern
        for pattern in (
            "**/*Qt6WebEngine*",
            "**/*Qt6Quick*",
            "**/*Qt6Qml*",
            "**/*Qt63D*",
            "**/*Qt6Multimedia*",
            "**/*Qt6Designer*",
            "**/*Qt6Bluetooth*",
            "**/tkinter",
            "**/_tkinter*",
            "**/pytest",
            "**/_pytest",
            "**/hypothesis",
            "**/vietnam_provinces",  # GPL-3.0: CoopDesk ships its own unit catalogue
        )
        if any(root.glob(pattern))
    ]
    if unwanted:
        raise StepFailed(f"the built folder contains what build.spec excludes: {unwanted}")
    dangling = [
        str(p.relative_to(root)) for p in root.rglob("*") if p.is_symlink() and not p.exists()
    ]
    if dangling:
        raise StepFailed(f"dangling links in the built folder: {dangling[:10]}")


def step_qt_libraries_resolve(smoke: Smoke) -> None:
    """Every bundled Qt plugin and library finds the Qt libraries it links (Linux: ldd)."""
    if WINDOWS or not shutil.which("ldd"):
        smoke.log.append("(Qt library check skipped: needs ldd)")
        return
    problems = []
    for lib in sorted(smoke.internal.rglob("*.so*")):
        if lib.is_symlink() or not ("Qt" in lib.name or "plugins" in lib.parts):
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, timeout=60).stdout
        problems += [
            f"{lib.relative_to(smoke.internal)}: {line.strip()}"
            for line in out.splitlines()
            if "not found" in line and "Qt6" in line
        ]
    if problems:
        raise StepFailed("Qt libraries missing from the bundle:\n  " + "\n  ".join(problems))


def step_version(smoke: Smoke) -> None:
    """`coopdesk --version` names the version of the package it was built from."""
    out = smoke.run("--version").stdout.strip()
    info = build_info(smoke)
    if out != f"CoopDesk {info['version']}":
        raise StepFailed(f"--version printed {out!r}, expected 'CoopDesk {info['version']}'")


def build_info(smoke: Smoke) -> dict[str, Any]:
    info_file = smoke.folder / "build-info.json"
    if not info_file.is_file():
        raise StepFailed(
            f"{info_file} is missing: the build did not finish (build.spec writes it last)"
        )
    return dict(json.loads(info_file.read_text(encoding="utf-8")))


def step_help_lists_commands(smoke: Smoke) -> None:
    """`coopdesk --help` lists every command the source registered when it was built: each
    command module was bundled (they are imported by name, which PyInstaller cannot see)."""
    out = smoke.run("--help").stdout
    lacking = [name for name in build_info(smoke).get("commands", ["init"]) if name not in out]
    if lacking:
        raise StepFailed(f"--help does not list {lacking}:\n{out}")


def step_units_search(smoke: Smoke) -> None:
    """The unit catalogue (resources/units) is readable: a diacritic-free search."""
    data_dir = smoke.data_dir("units")
    out = smoke.run("units", "--data-dir", str(data_dir), "--search", "tan phong lai chau").stdout
    if COMMUNE not in out or "Tân Phong" not in out:
        raise StepFailed(f"`units --search` did not find {COMMUNE} Phường Tân Phong:\n{out}")


def _password_file(smoke: Smoke) -> str:
    path = smoke.work / "province-password.txt"
    if not path.exists():
        path.write_text("mật khẩu của tỉnh\n", encoding="utf-8")
    return str(path)


def step_init_province(smoke: Smoke) -> None:
    """`coopdesk init` creates the province office's database, migrated to the head, with its
    keys under the password given."""
    data_dir = smoke.data_dir("province")
    result = smoke.run(
        "init", "--data-dir", str(data_dir), "--unit", PROVINCE, "--role", "aggregator",
        "--officer", OFFICER, "--password-file", _password_file(smoke),
    )  # fmt: skip
    if "Mã khôi phục" not in result.stdout and "recovery code" not in result.stdout.lower():
        raise StepFailed(f"init printed no recovery code:\n{result.stdout[:1500]}")
    check_database(smoke, data_dir).close()
    smoke.state["province"] = data_dir


def _fingerprint(smoke: Smoke, data_dir: Path) -> str:
    result = smoke.run("identity", "--data-dir", str(data_dir), "--json")
    try:
        return str(json.loads(result.stdout)["fingerprint"])
    except (json.JSONDecodeError, KeyError):
        raise StepFailed(
            f"identity --json printed no fingerprint:\n{result.stdout[:800]}"
        ) from None


def step_register(smoke: Smoke) -> None:
    """The commune and the province exchange registration files and trust each other once
    the fingerprints (read over the phone) match."""
    files = {}
    for side in ("commune", "province"):
        files[side] = smoke.work / f"{side}.registration"
        smoke.run(
            "registration", "export", "--data-dir", str(smoke.state[side]),
            "--out", str(files[side]),
        )  # fmt: skip
    for sender, receiver in (("commune", "province"), ("province", "commune")):
        login = ["--password-file", _password_file(smoke)] if receiver == "province" else []
        smoke.run(
            "registration", "import", str(files[sender]),
            "--data-dir", str(smoke.state[receiver]),
            "--fingerprint", _fingerprint(smoke, smoke.state[sender]), *login,
        )  # fmt: skip


def step_demo(smoke: Smoke) -> None:
    """`coopdesk demo` fills a fresh commune data dir: database created, migrated, non-empty."""
    data_dir = smoke.data_dir("commune")
    smoke.run("demo", "--data-dir", str(data_dir), "--scale", "commune", "--seed", "1")
    conn = check_database(smoke, data_dir)
    try:
        counts = {t: count_rows(conn, t) for t in ("cooperatives", "people")}
    except sqlite3.Error as exc:
        raise StepFailed(f"demo database: {exc}") from None
    finally:
        conn.close()
    if not all(counts.values()):
        raise StepFailed(f"`coopdesk demo` left empty tables: {counts}")
    smoke.state["commune"] = data_dir


def step_annual_report(smoke: Smoke) -> None:
    """`coopdesk report annual` prints a PDF whose text is Vietnamese, with all diacritics."""
    data_dir = smoke.state["commune"]
    out = smoke.work / "bao-cao.pdf"
    smoke.run(
        "report",
        "annual",
        "--data-dir",
        str(data_dir),
        "--unit",
        COMMUNE,
        "--period",
        "2025",
        "--out",
        str(out),
    )
    if not out.is_file() or not out.read_bytes().startswith(b"%PDF"):
        raise StepFailed(f"no PDF at {out}")
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        smoke.log.append("(PDF text not checked: pdftotext is not installed)")
        return
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(out), "-"],
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout.decode("utf-8", "replace")
    lacking = [s for s in (*VIETNAMESE_SAMPLE, "BÁO CÁO") if s not in text]
    if lacking:
        raise StepFailed(f"the report's text lacks {lacking}; pdftotext gave:\n{text[:1500]}")


def step_export_bundle(smoke: Smoke) -> None:
    """`coopdesk export-bundle` writes the commune's bundle for the province."""
    out = smoke.work / "bundles"
    out.mkdir(exist_ok=True)
    target = out / "tan-phong.coopdesk"
    smoke.run(
        "export-bundle",
        "--data-dir",
        str(smoke.state["commune"]),
        "--to",
        PROVINCE,
        "--out",
        str(target),
    )
    made = [target] if target.is_file() else sorted(out.glob("*"))
    if not made or made[0].stat().st_size == 0:
        raise StepFailed(f"export-bundle wrote nothing under {out}")
    smoke.state["bundle"] = made[0]


def step_import_bundle(smoke: Smoke) -> None:
    """`coopdesk import-bundle` merges the commune's bundle into the province's database."""
    if "province" not in smoke.state:
        step_init_province(smoke)
    data_dir = smoke.state["province"]
    result = smoke.run(
        "import-bundle", "--data-dir", str(data_dir), str(smoke.state["bundle"]), "--json",
        "--password-file", _password_file(smoke),
    )  # fmt: skip
    try:
        summary = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise StepFailed(
            f"import-bundle --json did not print JSON:\n{result.stdout[:1500]}"
        ) from None
    if not summary.get("new"):
        raise StepFailed(f"import-bundle merged nothing new: {summary}")
    conn = check_database(smoke, data_dir)
    try:
        if count_rows(conn, "cooperatives") == 0:
            raise StepFailed("after import-bundle the province has no cooperatives")
    finally:
        conn.close()


def step_gui_offscreen(smoke: Smoke) -> None:
    """The GUI starts offscreen on the demo database, shows the main window and quits by
    itself (exit 0)."""
    data_dir = smoke.state.get("commune") or smoke.data_dir("gui")
    env = smoke.env(QT_QPA_PLATFORM="offscreen", COOPDESK_SMOKE_QUIT_MS=str(GUI_QUIT_MS))
    result = smoke.run("--data-dir", str(data_dir), env=env, timeout=120)
    bad = [
        line
        for line in result.stderr.splitlines()
        if "could not load the qt platform plugin" in line.lower()
        or "could not find the qt platform plugin" in line.lower()
    ]
    if bad:
        raise StepFailed("Qt could not load its platform plugin:\n" + "\n".join(bad))
    # app.py's hook names the windows that were up when it quit.
    shown = [line for line in result.stderr.splitlines() if "smoke-quit, windows shown:" in line]
    if not shown or "MainWindow" not in shown[-1]:
        raise StepFailed(
            "the main window was not shown before the GUI quit "
            f"({shown[-1] if shown else 'no smoke-quit line from app.py'}):\n"
            + _tails(result.stdout, result.stderr)
        )
    # The windowed Windows program has no console: its log file is where errors leave a trace.
    log_file = data_dir / "logs" / "coopdesk.log"
    if not log_file.is_file() or "starts on" not in log_file.read_text(encoding="utf-8"):
        raise StepFailed(f"the GUI wrote no start line to its log {log_file}")


# The steps the test runs, in order (later steps use what earlier ones made). A step for a
# command that has not landed yet goes to PENDING_STEPS (`smoke.py EXE --all` tries those too)
# and moves up once `coopdesk --help` lists the command.
STEPS: list[Callable[[Smoke], None]] = [
    step_bundle_contents,
    step_qt_libraries_resolve,
    step_version,
    step_help_lists_commands,
    step_units_search,
    step_init_province,
    step_demo,
    step_register,
    step_annual_report,
    step_export_bundle,
    step_import_bundle,
    step_gui_offscreen,
]
PENDING_STEPS: list[Callable[[Smoke], None]] = []


def run_steps(smoke: Smoke, steps: Sequence[Callable[[Smoke], None]]) -> None:
    for step in steps:
        started = time.perf_counter()
        try:
            step(smoke)
        except StepFailed as exc:
            raise StepFailed(f"smoke step {step.__name__} failed: {exc}") from None
        smoke.log.append(f"ok {step.__name__} ({time.perf_counter() - started:.1f} s)")


# --- measuring ------------------------------------------------------------------------------


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def measure(smoke: Smoke, runs: int = 5) -> dict[str, float]:
    """Median wall time of `--version` and of a GUI start that quits at once (offscreen)."""

    def median_time(*args: str, env: dict[str, str] | None = None) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            smoke.run(*args, env=env, timeout=120)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    result = {"size_mb": folder_size(smoke.folder) / 1e6, "version_s": median_time("--version")}
    data_dir = smoke.state.get("commune")
    if data_dir:
        env = smoke.env(COOPDESK_SMOKE_QUIT_MS="0")
        result["gui_start_quit_s"] = median_time("--data-dir", str(data_dir), env=env)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exe", type=Path, help="the built program, e.g. dist/coopdesk/coopdesk")
    parser.add_argument("--all", action="store_true", help="also run the pending steps")
    parser.add_argument("--measure", action="store_true", help="measure size and start time")
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="coopdesk-smoke-"))
    smoke = Smoke(exe=args.exe.resolve(), work=work)
    status = 0
    try:
        run_steps(smoke, STEPS + (PENDING_STEPS if args.all else []))
        if args.measure:
            for key, value in measure(smoke, args.runs).items():
                print(f"{key}: {value:.2f}")
    except StepFailed as exc:
        print("\n".join(smoke.log), flush=True)
        print(exc, file=sys.stderr)
        status = 1
    else:
        print("\n".join(smoke.log))
    finally:
        if args.keep:
            print(f"scratch folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
