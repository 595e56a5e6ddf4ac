"""`coopdesk export-bundle | import-bundle | sync-status` end to end on real data folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import Cooperative, Target
from coopdesk.services import plans, records
from coopdesk.sync import trust
from tests.sync.helpers import Site
from tests.sync_keys import PASSWORD, cheap_kdf, register_folders

__all__ = ["cheap_kdf"]  # the fixture, used by `sites`


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def _init(capsys, tmp_path: Path, name: str, unit: str, role: str) -> Path:
    data_dir = tmp_path / name
    code, out, err = run(
        capsys, "init", "--data-dir", str(data_dir), "--unit", unit, "--role", role,
        "--officer", "Lò Thị Mai", "--password-file", str(_password_file(tmp_path)),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Dấu vân tay của máy này" in out and "Mã khôi phục" in out
    return data_dir


def _session(data_dir: Path):
    return session_scope(make_engine(paths.db_path(data_dir)))


def _dump(data_dir: Path) -> list[tuple]:
    site = Site.__new__(Site)
    site.engine = make_engine(paths.db_path(data_dir))
    try:
        return site.dump()
    finally:
        site.engine.dispose()


@pytest.fixture
def sites(tmp_path: Path, capsys, cheap_kdf) -> tuple[Path, Path, Path]:
    commune = _init(capsys, tmp_path, "tan-phong", "3408", "commune")
    province = _init(capsys, tmp_path, "lai-chau", "12", "aggregator")
    register_folders(commune, province)
    outbox = tmp_path / "usb"
    outbox.mkdir()
    with _session(commune) as s:
        records.create(s, Cooperative, {"name": "HTX Hoa Ban", "kind": "HTX"}, "Lò Thị Mai")
    return commune, province, outbox


def test_export_preview_import_status(sites, capsys) -> None:
    commune, province, usb = sites
    code, out, err = run(
        capsys,
        "export-bundle",
        "--data-dir",
        str(commune),
        "--to",
        "12",
        "--out",
        str(usb),
        "--json",
    )
    assert code == 0, err
    exported = json.loads(out)
    bundle = Path(exported["file"])
    # named for people, without diacritics: who sends it, to whom, which number
    assert bundle.name.startswith("Goi-du-lieu-Phuong-Tan-Phong-gui-Lai-Chau-so-01-")
    assert bundle.suffix == ".coopdesk"

    before = _dump(province)
    code, out, err = run(
        capsys, "import-bundle", "--data-dir", str(province), str(bundle), "--preview"
    )
    assert code == 0, err
    assert "Xem trước gói số 1 của Phường Tân Phong" in out
    assert "HTX Hoa Ban" in out
    assert _dump(province) == before

    code, out, err = run(
        capsys, "import-bundle", "--data-dir", str(province), str(bundle), "--json"
    )
    summary = json.loads(out)
    assert code == 0 and summary["applied"] and summary["new"] >= 1
    assert {"new", "updated", "unchanged", "conflicts", "refused", "message"} <= set(summary)
    with _session(province) as s:
        assert s.query(Cooperative).filter_by(name="HTX Hoa Ban").count() == 1

    code, out, err = run(capsys, "import-bundle", "--data-dir", str(province), str(bundle))
    assert code == 0 and "đã được nhập" in out

    code, out, err = run(capsys, "sync-status", "--data-dir", str(province), "--json")
    status = json.loads(out)
    tan_phong = next(u for u in status["units"] if u["unit"] == "03408")
    assert tan_phong["last_seq"] == 1 and tan_phong["missing"] == [] and tan_phong["reported"]
    assert any(not u["reported"] for u in status["units"])


def test_missing_bundle_number_is_reported(sites, capsys) -> None:
    commune, province, usb = sites
    for n in (1, 2, 3):
        out_file = usb / f"b{n}.coopdesk"
        assert (
            run(
                capsys,
                "export-bundle",
                "--data-dir",
                str(commune),
                "--to",
                "12",
                "--out",
                str(out_file),
            )[0]
            == 0
        )
    for n in (1, 3):
        assert (
            run(capsys, "import-bundle", "--data-dir", str(province), str(usb / f"b{n}.coopdesk"))[
                0
            ]
            == 0
        )
    code, out, _err = run(capsys, "sync-status", "--data-dir", str(province))
    assert code == 0
    assert "Chưa nhận được gói số 2 của Phường Tân Phong." in out


def test_refused_bundle_changes_nothing(sites, capsys) -> None:
    commune, province, usb = sites
    out_file = usb / "b.coopdesk"
    run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "12", "--out", str(out_file))
    data = out_file.read_bytes()
    out_file.write_bytes(data[: len(data) // 2])
    before = _dump(province)
    code, out, _err = run(
        capsys, "import-bundle", "--data-dir", str(province), str(out_file), "--json"
    )
    summary = json.loads(out)
    assert code == 2 and summary["refused_bundle"] and "bị hỏng" in summary["message"]
    assert _dump(province) == before
    code, _out, err = run(capsys, "import-bundle", "--data-dir", str(province), str(out_file))
    assert code == 2 and "xuất lại gói" in err


def test_targets_go_down_to_the_commune(sites, capsys) -> None:
    commune, province, usb = sites
    with _session(province) as s:
        plans.set_target(
            s, owner_unit="12", target_unit="03408", indicator_code="new_jobs_women",
            period="2026", value=14, actor="Tỉnh",
        )  # fmt: skip
    down = usb / "down.coopdesk"
    assert (
        run(
            capsys, "export-bundle", "--data-dir", str(province), "--to", "3408", "--out", str(down)
        )[0]
        == 0
    )
    code, _out, err = run(capsys, "import-bundle", "--data-dir", str(commune), str(down))
    assert code == 0, err
    with _session(commune) as s:
        target = s.query(Target).one()
        assert (target.target_unit_code, int(target.value)) == ("03408", 14)


def _indicator(capsys, data_dir: Path, code: str, unit: str) -> object:
    rc, out, err = run(
        capsys, "indicators", "--data-dir", str(data_dir), "--unit", unit, "--period", "2026",
        "--json",
    )  # fmt: skip
    assert rc == 0, err
    return next(i["value"] for i in json.loads(out)["indicators"] if i["code"] == code)


def test_province_indicators_include_merged_commune_data(sites, capsys) -> None:
    import datetime as dt

    from coopdesk.db.models import Activity

    commune, province, usb = sites
    with _session(commune) as s:
        records.create(
            s, Activity, {"kind": "communication", "channel": "meeting",
                          "title": "Hội nghị tuyên truyền Đề án 01",
                          "held_on": dt.date(2026, 5, 4), "reach_total": 120, "reach_women": 95},
            "Lò Thị Mai",
        )  # fmt: skip
    before = _indicator(capsys, province, "comm_events", "12")
    up = usb / "up.coopdesk"
    run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "12", "--out", str(up))
    assert run(capsys, "import-bundle", "--data-dir", str(province), str(up))[0] == 0
    after = _indicator(capsys, province, "comm_events", "12")
    assert (before or 0) + 1 == after
    assert _indicator(capsys, province, "comm_events", "3408") == 1


def test_import_then_undo_from_the_command_line(sites, capsys) -> None:
    commune, province, usb = sites
    up = usb / "up.coopdesk"
    run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "12", "--out", str(up))
    before = _dump(province)
    code, out, err = run(capsys, "import-bundle", "--data-dir", str(province), str(up))
    assert code == 0, err
    assert "Đã nhập gói số 1 của Phường Tân Phong (lần nhập 1)" in out
    code, out, err = run(capsys, "imports", "--data-dir", str(province))
    assert code == 0, err
    assert "Lần nhập 1: gói số 1 của Phường Tân Phong" in out and "Có thể hoàn tác." in out
    code, out, _err = run(capsys, "imports", "--data-dir", str(province), "--json")
    (listed,) = json.loads(out)
    assert (listed["id"], listed["seq"], listed["can_undo"]) == (1, 1, True)

    code, out, err = run(capsys, "undo-import", "--data-dir", str(province), "1")
    assert code == 0, err
    assert "Đã hoàn tác lần nhập 1" in out
    with _session(province) as s:
        assert s.query(Cooperative).count() == 0
    # trust_replicas: which keys the sender's database speaks with, learnt from its signed
    # bundle, stays known after the undo (like the trust list itself)
    bookkeeping = ("sync_imports", "sync_state", "audit_events", "trust_replicas")
    assert [r for r in _dump(province) if r[0] not in bookkeeping] == [
        r for r in before if r[0] not in bookkeeping
    ]

    code, out, _err = run(capsys, "imports", "--data-dir", str(province), "--json")
    assert json.loads(out)[0]["undone"] is True
    code, _out, err = run(capsys, "undo-import", "--data-dir", str(province), "1")
    assert code == 2 and "Lần nhập này đã được hoàn tác." in err


def test_locked_keys_open_with_the_password_file(sites, capsys, tmp_path: Path) -> None:
    commune, province, usb = sites
    trust.forget_unlocked()  # a new run: the keys are locked until the password is given
    up = usb / "up.coopdesk"
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("không phải mật khẩu\n", encoding="utf-8")
    code, _out, err = run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "12",
                          "--out", str(up), "--password-file", str(wrong))  # fmt: skip
    assert code == 2 and "không đúng" in err and not up.exists()
    password = str(_password_file(tmp_path))
    code, _out, err = run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "12",
                          "--out", str(up), "--password-file", password)  # fmt: skip
    assert code == 0, err
    code, _out, err = run(capsys, "import-bundle", "--data-dir", str(province), str(up),
                          "--password-file", password)  # fmt: skip
    assert code == 0, err


def test_export_to_a_computer_not_registered_says_how(sites, capsys) -> None:
    """A second computer of the commune was never registered here: nothing to seal to."""
    commune, _province, usb = sites
    code, _out, err = run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "3408",
                          "--out", str(usb))  # fmt: skip
    assert code == 2 and "chưa được đăng ký" in err and "registration import" in err
    assert list(usb.iterdir()) == []


def test_a_revoked_senders_bundle_is_kept_aside(sites, capsys) -> None:
    commune, province, usb = sites
    code, out, _err = run(capsys, "trust", "list", "--data-dir", str(province), "--json")
    (peer,) = json.loads(out)
    assert run(capsys, "trust", "revoke", "--data-dir", str(province), peer["key_id"])[0] == 0
    up = usb / "up.coopdesk"
    assert run(capsys, "export-bundle", "--data-dir", str(commune), "--to", "12",
               "--out", str(up))[0] == 0  # fmt: skip
    before = _dump(province)
    code, _out, err = run(capsys, "import-bundle", "--data-dir", str(province), str(up))
    assert code == 2 and "thu hồi" in err
    assert _dump(province) == before  # (the file kept aside is not data)
    code, out, _err = run(capsys, "quarantine", "list", "--data-dir", str(province), "--json")
    (kept,) = json.loads(out)
    assert (kept["file"], kept["reason"], kept["sender_unit"]) == (
        "up.coopdesk",
        "revoked",
        "03408",
    )
