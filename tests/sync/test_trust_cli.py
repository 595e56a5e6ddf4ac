"""`coopdesk identity | registration | trust | quarantine` on real data folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopdesk.cli import main
from coopdesk.sync import trust

UNIT_NAME = "Phường Tân Phong"  # unit 03408 of the shipped catalogue


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folders(tmp_path: Path, capsys) -> tuple[Path, Path, Path]:
    trust.forget_unlocked()
    password = tmp_path / "password.txt"
    password.write_text("mật khẩu dài\n", encoding="utf-8")
    made = []
    for name, unit, role in (("tan-phong", "3408", "commune"), ("lai-chau", "12", "aggregator")):
        data_dir = tmp_path / name
        code, _out, err = run(capsys, "init", "--data-dir", str(data_dir), "--unit", unit,
                              "--role", role, "--officer", "Lò Thị Mai")  # fmt: skip
        assert (code, err) == (0, "")
        made.append(data_dir)
    return made[0], made[1], password


def test_identity_registration_trust_and_revoke(folders, capsys, tmp_path: Path) -> None:
    commune, province, password = folders
    code, out, err = run(capsys, "identity", "--data-dir", str(commune),
                         "--password-file", str(password), "--json")  # fmt: skip
    assert code == 0, err
    made = json.loads(out)
    assert len(made["recovery_code"].split("-")) == 8
    code, out, _err = run(capsys, "identity", "--data-dir", str(commune))
    assert made["fingerprint"] in out and "khôi phục" not in out  # shown once only

    reg = tmp_path / "tan-phong.reg"
    code, out, err = run(capsys, "registration", "export", "--data-dir", str(commune),
                         "--out", str(reg))  # fmt: skip
    assert code == 0 and made["fingerprint"] in out, err

    code, _out, err = run(capsys, "registration", "import", "--data-dir", str(province),
                          str(reg), "--fingerprint", "0000 0000 0000 0000 0000")  # fmt: skip
    assert code == 2 and "không khớp" in err
    code, out, _err = run(capsys, "trust", "list", "--data-dir", str(province), "--json")
    assert json.loads(out) == []

    code, out, err = run(capsys, "registration", "import", "--data-dir", str(province),
                         str(reg), "--fingerprint", made["fingerprint"])  # fmt: skip
    assert code == 0, err
    assert out.startswith(f"{UNIT_NAME} (Lò Thị Mai) đã được tin cậy"), out
    code, out, _err = run(capsys, "trust", "list", "--data-dir", str(province), "--json")
    listed = json.loads(out)
    assert [(p["unit"], p["unit_name"], p["officer"], p["fingerprint"], p["status"])
            for p in listed] == [
        ("03408", UNIT_NAME, "Lò Thị Mai", made["fingerprint"], "trusted")
    ]  # fmt: skip
    code, out, _err = run(capsys, "trust", "list", "--data-dir", str(province))
    assert f"{UNIT_NAME} (03408)  Lò Thị Mai  {made['fingerprint']}  từ " in out
    assert out.rstrip().endswith("tin cậy")
    code, out, err = run(capsys, "trust", "revoke", "--data-dir", str(province),
                         made["fingerprint"])  # fmt: skip
    assert code == 0, err
    assert out.startswith(f"Khóa của {UNIT_NAME} (Lò Thị Mai) đã bị thu hồi"), out
    code, out, _err = run(capsys, "trust", "list", "--data-dir", str(province), "--json")
    assert json.loads(out)[0]["status"] == "revoked"
    code, out, _err = run(capsys, "quarantine", "list", "--data-dir", str(province), "--json")
    assert (code, json.loads(out)) == (0, [])


def test_a_registration_file_that_is_not_one(folders, capsys, tmp_path: Path) -> None:
    _commune, province, _password = folders
    junk = tmp_path / "junk.reg"
    junk.write_bytes(b"\x00" * 100)
    code, _out, err = run(capsys, "registration", "import", "--data-dir", str(province),
                          str(junk), "--fingerprint", "1")  # fmt: skip
    assert code == 2 and "không phải" in err


def test_keys_rotate_and_reidentify(folders, capsys, tmp_path: Path) -> None:
    commune, _province, password = folders
    code, out, err = run(capsys, "identity", "--data-dir", str(commune),
                         "--password-file", str(password), "--json")  # fmt: skip
    first = json.loads(out)["fingerprint"]
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("không phải mật khẩu\n", encoding="utf-8")
    code, _out, err = run(capsys, "keys", "rotate", "--data-dir", str(commune),
                          "--password-file", str(wrong))  # fmt: skip
    assert code == 2 and "không đúng" in err
    trust.forget_unlocked()
    code, out, err = run(capsys, "keys", "rotate", "--data-dir", str(commune),
                         "--password-file", str(password))  # fmt: skip
    assert code == 0, err
    assert "Đã tạo khoá mới. Dấu vân tay: " in out and first not in out
    assert "Mã khôi phục" in out
    code, out, err = run(capsys, "reidentify", "--data-dir", str(commune),
                         "--password-file", str(password), "--json")  # fmt: skip
    assert code == 0, err
    made = json.loads(out)
    code, out, _err = run(capsys, "identity", "--data-dir", str(commune))
    assert made["fingerprint"] in out and first not in out
