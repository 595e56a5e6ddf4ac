"""Excel import at a commune's scale: preview and import a 20,000-row people sheet, against
reading the same sheet with openpyxl alone (the floor any import pays).

    .venv/bin/python benchmarks/excel_import.py [--rows 20000]

Prints the seconds of each step and their ratio to the plain openpyxl read.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import openpyxl
from sqlalchemy.orm import Session

from coopdesk import i18n
from coopdesk.db.engine import open_database, session_scope
from coopdesk.services import settings, units
from coopdesk.services.excel_import import apply, export, preview

FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò"]
GIVENS = ["Hoà", "Mai", "Lan", "Hương", "Phượng", "Thảo", "Yến", "Nga", "Hằng", "Dung"]
EXTRA = [
    "An", "Bình", "Chi", "Diệp", "Giang", "Hạnh", "Khánh", "Linh", "My", "Ngân",
    "Oanh", "Phúc", "Quyên", "Sen", "Trang", "Uyên", "Vân", "Xuân", "Ý", "Đào",
]  # fmt: skip


def _sheet(session: Session, path: Path, rows: int) -> Path:
    template = export.write_kind_template(session, "people", path.with_name("mau.xlsx"))
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    for n in range(rows):
        name = f"{FAMILIES[n % 10]} Thị {GIVENS[n // 10 % 10]} {GIVENS[n // 100 % 10]} {EXTRA[n // 1000 % 20]}"
        values = [name, "Nữ", 1960 + n % 40, f"09{n:08d}", "Tổ 3, Phường Tân Phong", None]
        for c, value in enumerate(values, start=1):
            sheet.cell(row=n + 2, column=c, value=value)
    book.save(path)
    return path


def _openpyxl_alone(path: Path) -> float:
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert count > 1
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    i18n.set_language("vi")
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(Path(folder))
        units.ensure_catalogues(engine)
        with session_scope(engine) as session:
            settings.save_installation(
                session,
                settings.Installation(unit_code="03408", role="commune", officer="Lò Thị Mai"),
            )
            path = _sheet(session, Path(folder) / "nguoi.xlsx", args.rows)
        base = _openpyxl_alone(path)
        with session_scope(engine) as session:
            start = time.perf_counter()
            found = preview.preview(session, path, "people")
            looked = time.perf_counter() - start
            start = time.perf_counter()
            result = apply.apply_import(session, found, "Lò Thị Mai")
            imported = time.perf_counter() - start
        engine.dispose()
    print(f"rows: {args.rows}, imported: {result.created}, counts: {found.counts()}")
    print(f"openpyxl read alone: {base:.2f} s")
    print(f"preview:            {looked:.2f} s  ({looked / base:.1f}× openpyxl)")
    print(f"import:             {imported:.2f} s  ({imported / base:.1f}× openpyxl)")
    print(
        f"preview + import:   {looked + imported:.2f} s  ({(looked + imported) / base:.1f}× openpyxl)"
    )


if __name__ == "__main__":
    main()
