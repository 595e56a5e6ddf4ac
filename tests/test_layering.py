"""The import contracts of DESIGN.md §2: ui → services → (sync, reports, db) → domain.

Each contract reads every module of a package (coopdesk/ui, coopdesk/db, …) with `ast` and
lists the imports it may not have: plain and relative imports, imports inside functions and
under `if TYPE_CHECKING:` alike (a lazy or type-only import is still a dependency). The one
exception: ui may import sqlalchemy under `if TYPE_CHECKING:`, for type hints.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coopdesk"
QT = ("PySide6", "shiboken6")


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str  # absolute dotted name, relative imports resolved

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line} imports {self.module}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module of `from … import`, relative levels taken from the file's package."""
    if node.level == 0:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(path: Path, source: str | None = None) -> Iterator[Import]:
    """Every module a file imports (`source` read as if it were that file); `from a import b`
    counts as a.b where b is one of our modules (`from coopdesk import db`), else as a."""
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(path, node)
            submodules = [
                f"{module}.{a.name}" for a in node.names if _is_ours(f"{module}.{a.name}")
            ]
            for name in submodules or [module]:
                yield Import(path, node.lineno, name)


def _is_ours(module: str) -> bool:
    """A module or package of this repository (ROOT/coopdesk/…)."""
    where = ROOT.joinpath(*module.split("."))
    return where.with_suffix(".py").is_file() or (where / "__init__.py").is_file()


def _within(module: str, targets: tuple[str, ...]) -> bool:
    return any(module == t or module.startswith(t + ".") for t in targets)


def offending_imports(
    packages: tuple[str, ...], forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()
) -> list[str]:
    """Imports of `forbidden` modules (with forbidden=("coopdesk",): any of ours) but not of
    `allowed` ones, made by a file under one of `packages` (paths below coopdesk/) from
    outside that package."""
    found: set[str] = set()
    for package in packages:
        root = PACKAGE / package
        files = [root] if root.suffix == ".py" else sorted(root.rglob("*.py"))
        itself = ("coopdesk." + package.removesuffix(".py").replace("/", "."),)
        for path in files:
            for imp in imports_of(path):
                if (
                    _within(imp.module, forbidden)
                    and not _within(imp.module, allowed)
                    and not _within(imp.module, itself)
                ):
                    found.add(str(imp))
    return sorted(found)


def _layer_message(rule: str, offenders: list[str], source: str = "DESIGN.md §2") -> str:
    return f"{rule} ({source}); offending imports:\n" + "\n".join(offenders)


def _below_ui() -> tuple[str, ...]:
    tops = [p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    return tuple(sorted(p for p in tops if p not in ("ui", "app.py")))


def test_nothing_below_ui_imports_qt() -> None:
    offenders = offending_imports(_below_ui(), QT)
    assert offenders == [], _layer_message(
        "Only coopdesk/ui and coopdesk/app.py may import PySide6/shiboken6", offenders
    )


def test_ui_imports_no_db() -> None:
    offenders = offending_imports(("ui", "app.py"), ("coopdesk.db",))
    assert offenders == [], _layer_message(
        "coopdesk/ui calls services and reads domain, never coopdesk.db", offenders
    )


def _type_checking_lines(tree: ast.AST) -> set[int]:
    """Lines inside `if TYPE_CHECKING:` (or `if typing.TYPE_CHECKING:`) blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for stmt in node.body:
                lines.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return lines


def test_ui_builds_no_sql() -> None:
    """sqlalchemy in ui only for type hints (`if TYPE_CHECKING:`), never to build a query."""
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        hints = _type_checking_lines(ast.parse(path.read_text(encoding="utf-8")))
        offenders += [
            str(imp)
            for imp in imports_of(path)
            if imp.module.split(".")[0] == "sqlalchemy" and imp.line not in hints
        ]
    assert offenders == [], _layer_message(
        "coopdesk/ui builds no SQL: sqlalchemy only under `if TYPE_CHECKING:`", offenders
    )


def test_the_type_checking_exception_is_only_for_type_checking() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from sqlalchemy.orm import Session\n"
        "from sqlalchemy import select\n"
    )
    assert _type_checking_lines(ast.parse(source)) == {3}


def test_domain_imports_nothing_of_ours_but_i18n() -> None:
    offenders = offending_imports(("domain",), ("coopdesk",), allowed=("coopdesk.i18n",))
    assert offenders == [], _layer_message(
        "coopdesk/domain holds pure rules: it imports nothing of CoopDesk but coopdesk.i18n",
        offenders,
    )


def test_db_imports_neither_sync_nor_services() -> None:
    forbidden = ("coopdesk.sync", "coopdesk.services", "coopdesk.reports", "coopdesk.ui")
    offenders = offending_imports(("db",), forbidden)
    assert offenders == [], _layer_message(
        "coopdesk/db sits on domain alone: no sync, services, reports or ui", offenders
    )


def test_reports_import_no_db() -> None:
    forbidden = ("coopdesk.db", "coopdesk.services", "coopdesk.ui", "coopdesk.cli")
    offenders = offending_imports(("reports",), forbidden)
    assert offenders == [], _layer_message(
        "coopdesk/reports lays out what services hand it: no db, services, ui or cli", offenders
    )


def test_excel_imports_no_db() -> None:
    """coopdesk/excel reads and writes spreadsheets for services, like reports (issue 14)."""
    forbidden = ("coopdesk.db", "coopdesk.services", "coopdesk.ui", "coopdesk.cli")
    offenders = offending_imports(("excel",), forbidden)
    assert offenders == [], _layer_message(
        "coopdesk/excel reads and lays out spreadsheets: no db, services, ui or cli", offenders
    )


def test_sync_imports_no_services_or_ui() -> None:
    forbidden = ("coopdesk.services", "coopdesk.ui", "coopdesk.cli")
    offenders = offending_imports(("sync",), forbidden)
    assert offenders == [], _layer_message(
        "coopdesk/sync sits below services: no services, ui or cli", offenders
    )


def test_services_import_no_ui() -> None:
    offenders = offending_imports(("services",), ("coopdesk.ui", "coopdesk.cli", "coopdesk.app"))
    assert offenders == [], _layer_message(
        "coopdesk/services is called by the GUI and the CLI, never the other way", offenders
    )


def test_migrations_import_no_live_code() -> None:
    offenders = offending_imports(("db/migrations/versions",), ("coopdesk",))
    assert offenders == [], _layer_message(
        "A migration writes out the SQL and data it needs as of its revision, so later "
        "changes to live code cannot change what it does",
        offenders,
        "issue 11, item 7",
    )


def test_the_contracts_see_imports_of_every_form() -> None:
    """Absolute, relative (from . / from .. / from ..x), inside a function, type-only; a name
    imported from a module is the module."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import models\n"
        "from ..sync import versions\n"
        "from .. import services\n"
        "if TYPE_CHECKING:\n"
        "    import coopdesk.ui.context\n"
        "def f():\n"
        "    from coopdesk.reports import lists\n"
        "from coopdesk import i18n\n"
        "from coopdesk.domain.periods import Period\n"
    )
    found = {imp.module for imp in imports_of(PACKAGE / "db" / "engine.py", source)}
    assert {
        "coopdesk.db.models",
        "coopdesk.sync.versions",
        "coopdesk.services",
        "coopdesk.ui.context",
        "coopdesk.reports.lists",
        "coopdesk.i18n",
        "coopdesk.domain.periods",
    } <= found
    assert "coopdesk" not in found and "coopdesk.domain.periods.Period" not in found


def test_cli_runs_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from coopdesk.cli import build_parser; build_parser().parse_args(['units', '--help'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "usage: coopdesk units" in result.stdout, result.stderr
