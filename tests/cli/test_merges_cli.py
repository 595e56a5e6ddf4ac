"""`coopdesk merge person|cooperative KEEP OTHER [--preview]` and `coopdesk unmerge`: what the
merge dialog does, from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk.cli import main
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Person
from coopdesk.services import settings
from tests.services.duplicates.merge_data import OFFICER, two_coops, two_hoas


@pytest.fixture
def commune(engine: Engine, data_dir: Path) -> Path:
    with session_scope(engine) as s:
        settings.save_installation(
            s, settings.Installation(unit_code="03408", role="commune", officer=OFFICER)
        )
    return data_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_preview_then_merge_then_unmerge_a_person(capsys, commune: Path, engine) -> None:
    with session_scope(engine) as s:
        pair, _made = two_hoas(s)
    where = ("--data-dir", str(commune))
    code, out, err = run(capsys, "merge", "person", pair.kept, pair.other, "--preview", *where)
    assert (code, err) == (0, "")
    assert "Gộp vào: Nguyễn Thị Hoà, sinh năm 1985, HTX Lúa Bản Giang, Phường Tân Phong" in out
    assert "phone: '' | '0912 345 678'" in out
    assert "Học viên tập huấn: Nguyễn Thị Hoà – Quản trị HTX — bỏ qua: hồ sơ giữ lại đã có" in out
    assert "Học viên tập huấn: Nguyễn Thị Hoà – Kế toán HTX — chép sang hồ sơ giữ lại" in out
    assert "Không thay đổi gì (--preview)." in out
    with session_scope(engine) as s:
        assert s.get(Person, pair.other).deleted_at is None

    code, out, err = run(
        capsys, "merge", "person", pair.kept, pair.other, "--take", "phone", *where
    )
    assert (code, err) == (0, "")
    assert f"coopdesk unmerge person {pair.other}" in out
    with session_scope(engine) as s:
        assert s.get(Person, pair.other).deleted_at is not None
        assert s.get(Person, pair.kept).phone == "0912 345 678"

    code, out, err = run(capsys, "unmerge", "person", pair.other, *where)
    assert (code, err) == (0, "")
    with session_scope(engine) as s:
        assert s.get(Person, pair.other).deleted_at is None
        assert s.get(Person, pair.kept).phone == ""


def test_refusals_name_the_problem(capsys, commune: Path, engine) -> None:
    with session_scope(engine) as s:
        pair, _made = two_coops(s)
    where = ("--data-dir", str(commune))
    code, _out, err = run(capsys, "merge", "cooperative", pair.kept, pair.kept, *where)
    assert code == 2 and "chính nó" in err
    code, _out, err = run(capsys, "unmerge", "cooperative", pair.other, *where)
    assert code == 2 and pair.other in err
    code, _out, err = run(
        capsys, "merge", "cooperative", pair.kept, pair.other, "--take", "salary", *where
    )
    assert code == 2 and "salary" in err
