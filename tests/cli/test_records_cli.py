"""`coopdesk save | show | delete KIND`: what an officer does in an editor, from a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from coopdesk.cli import main
from coopdesk.db.engine import session_scope
from coopdesk.db.models import Cooperative, Participation, Person, Role, Target
from coopdesk.services import settings

OFFICER = "Lò Thị Mai"


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


def save(capsys, data_dir: Path, kind: str, record: dict, *extra: str) -> tuple[int, str, str]:
    path = data_dir / f"{kind}.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return run(capsys, *extra, "save", kind, "--json", str(path), "--data-dir", str(data_dir))


HTX = {
    "name": "HTX Chè Tân Phong",
    "kind": "HTX",
    "founded_on": "2024-03-01",
    "founded_with_hoi_support": True,
    "board": [
        {"full_name": "Nguyễn Thị Hoa", "gender": "F", "role": "chair", "start_on": "2024-03-01"},
        {"full_name": "Lò Văn Sáng", "gender": "M", "role": "director"},
    ],
    "years": [{"year": 2025, "members": 12, "official_members": 9, "workers": 10,
               "female_workers": 6}],
}  # fmt: skip


def test_register_an_htx_with_its_board_and_figures(capsys, commune: Path, engine) -> None:
    code, out, err = save(capsys, commune, "cooperatives", HTX)
    assert (code, err) == (0, "")
    saved = json.loads(out)
    assert saved["name"] == "HTX Chè Tân Phong" and saved["unit_code"] == "03408"
    assert sorted((r["full_name"], r["role"]) for r in saved["board"]) == [
        ("Lò Văn Sáng", "director"),
        ("Nguyễn Thị Hoa", "chair"),
    ]
    assert saved["years"][0]["female_workers"] == 6
    with session_scope(engine) as s:
        coop = s.get(Cooperative, saved["id"])
        assert coop.created_by == OFFICER
        roles = s.scalars(select(Role.role).where(Role.cooperative_id == coop.id)).all()
        assert sorted(roles) == ["chair", "director"]


def test_show_then_save_round_trips(capsys, commune: Path, engine) -> None:
    _code, out, _err = save(capsys, commune, "cooperatives", HTX)
    coop_id = json.loads(out)["id"]
    code, shown, _err = run(capsys, "show", "cooperatives", coop_id, "--json",
                            "--data-dir", str(commune))  # fmt: skip
    assert code == 0
    record = json.loads(shown)
    assert record == json.loads(out)
    record["phone"] = "0912 345 678"
    record["board"][1]["end_on"] = "2025-12-31"
    code, again, err = save(capsys, commune, "cooperatives", record)
    assert (code, err) == (0, "")
    changed = json.loads(again)
    assert changed["phone"] == "0912 345 678"
    assert [r["end_on"] for r in changed["board"]] == [None, "2025-12-31"]
    with session_scope(engine) as s:
        assert len(s.scalars(select(Person)).all()) == 2  # no one added twice
        assert len(s.scalars(select(Cooperative)).all()) == 1


def test_a_bad_file_is_refused_naming_the_field(capsys, commune: Path, engine) -> None:
    bad = {**HTX, "years": [{"year": 2025, "workers": 10, "female_workers": 12}]}
    code, out, err = save(capsys, commune, "cooperatives", bad)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == "Không lưu được bản ghi:"
    assert "years[2025].female_workers: Lao động nữ" in err
    code, _out, err = save(capsys, commune, "cooperatives", {**HTX, "founded_on": "1/3/2024"})
    assert code == 2
    assert "founded_on:" in err and "YYYY-MM-DD" in err
    code, _out, err = save(capsys, commune, "cooperatives", {"kind": "HTX"}, "--lang", "en")
    assert code == 2 and "  name: Name is required." in err
    with session_scope(engine) as s:
        assert s.scalars(select(Cooperative)).all() == []
        assert s.scalars(select(Person)).all() == []


def test_record_a_training_with_participants(capsys, commune: Path, engine) -> None:
    training = {
        "title": "Tập huấn quản trị HTX cho nữ cán bộ quản lý",
        "start_on": "2026-03-12",
        "participants": [
            {"full_name": "Nguyễn Thị Hoà", "gender": "F"},
            {"full_name": "Vàng Thị Sùng", "gender": "F", "completed": False},
        ],
    }
    code, out, err = save(capsys, commune, "trainings", training)
    assert (code, err) == (0, "")
    saved = json.loads(out)
    assert [(p["full_name"], p["completed"]) for p in saved["participants"]] == [
        ("Nguyễn Thị Hoà", True),
        ("Vàng Thị Sùng", False),
    ]
    with session_scope(engine) as s:
        assert len(s.scalars(select(Participation)).all()) == 2


def test_set_a_target_through_a_plan(capsys, commune: Path, engine) -> None:
    plan = {
        "title": "Kế hoạch thực hiện Đề án 01 năm 2026",
        "issuer": "Hội LHPN phường Tân Phong",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "targets": [{"indicator_code": "htx_women_managed", "period": "2026", "value": 3}],
        "assignments": [{"task": "Tuyên truyền Đề án 01", "responsible_body": "Ban Tuyên giáo"}],
    }
    code, out, err = save(capsys, commune, "plans", plan)
    assert (code, err) == (0, "")
    saved = json.loads(out)
    assert saved["targets"][0]["value"] == 3 and saved["targets"][0]["comparison"] == ">="
    assert saved["assignments"][0]["status"] == "open"
    saved["targets"][0]["value"] = 120
    saved["targets"][0]["indicator_code"] = "coops_consolidated_pct"
    code, _out, err = save(capsys, commune, "plans", saved)
    assert code == 2
    assert "targets[0].value: Chỉ tiêu tỷ lệ không thể vượt quá 100 %." in err
    with session_scope(engine) as s:
        targets = s.execute(select(Target.indicator_code, Target.value)).all()
    assert [(c, int(v)) for c, v in targets] == [("htx_women_managed", 3)]


def test_delete_and_unknown_ids(capsys, commune: Path) -> None:
    _code, out, _err = save(capsys, commune, "cooperatives", {"name": "HTX Rau", "kind": "HTX"})
    coop_id = json.loads(out)["id"]
    code, out, _err = run(capsys, "delete", "cooperatives", coop_id, "--data-dir", str(commune))
    assert code == 0 and coop_id in out
    code, _out, err = run(capsys, "show", "cooperatives", coop_id, "--data-dir", str(commune))
    assert code == 2 and "Không tìm thấy" in err
    code, _out, err = save(capsys, commune, "cooperatives", {"id": coop_id, "name": "HTX Rau"})
    assert code == 2 and err.splitlines()[1].startswith("  id: ")


def test_no_database(capsys, tmp_path: Path) -> None:
    code, _out, err = run(capsys, "show", "people", "x", "--data-dir", str(tmp_path))
    assert code == 2 and "coopdesk init" in err


def _every_kind(capsys, data_dir: Path) -> dict[str, dict]:
    """One record of every kind, as a file an officer might write."""
    _code, out, _err = save(capsys, data_dir, "cooperatives", HTX)
    coop_id = json.loads(out)["id"]
    return {
        "people": {
            "full_name": "Lường Thị Phượng",
            "birth_year": 1988,
            "consents": [{"category": "poverty", "purpose": "Xét chọn đối tượng vay vốn"}],
            "sensitive": {"poverty_status": "near_poor"},
            "roles": [{"cooperative_id": coop_id, "role": "accountant"}],
        },
        "officers": {"position": "Phó Chủ tịch Hội LHPN phường",
                     "person": {"full_name": "Đặng Thị Đào", "gender": "F"}},
        "activities": {"title": "Tuyên truyền Đề án 01", "kind": "communication",
                       "held_on": "2026-04-05", "reach_total": 1250, "reach_women": 900,
                       "cooperative_ids": [coop_id]},
        "support": {"kind": "loan", "fund": "womens_development_fund", "amount": 50000000,
                    "given_on": "2026-06-01", "cooperative_id": coop_id},
        "budget": {"year": 2026, "source": "state_budget", "planned": 120000000},
    }  # fmt: skip


def test_every_kind_saves_shows_and_saves_back_unchanged(capsys, commune: Path) -> None:
    for kind, record in _every_kind(capsys, commune).items():
        code, out, err = save(capsys, commune, kind, record)
        assert (code, err) == (0, ""), kind
        saved = json.loads(out)
        code, shown, _err = run(capsys, "show", kind, saved["id"], "--data-dir", str(commune))
        assert code == 0 and json.loads(shown) == saved, kind
        code, again, err = save(capsys, commune, kind, saved)
        assert (code, err) == (0, "") and json.loads(again) == saved, kind
        if kind == "people":  # shown only to someone who asks: reading them is logged
            assert "sensitive" not in saved and saved["consents"][0]["recorded_by"] == OFFICER


def test_an_unknown_id_is_said_in_vietnamese(capsys, commune: Path) -> None:
    code, _out, err = run(capsys, "show", "cooperatives", "nope", "--data-dir", str(commune))
    assert code == 2
    assert err.strip() == "coopdesk: Không tìm thấy Hợp tác xã nope (có thể đã bị xoá)."
