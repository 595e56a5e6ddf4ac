"""Only coopdesk/ui (and the GUI entry app.py) may import Qt (DESIGN.md §2)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "coopdesk"
ALLOWED = {PACKAGE / "app.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_below_ui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and path not in ALLOWED
        and {"PySide6", "shiboken6"} & _imports(path)
    ]
    assert offenders == []


def test_cli_runs_without_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from coopdesk.cli import build_parser; build_parser().parse_args(['units', '--help'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "usage: coopdesk units" in result.stdout, result.stderr
