"""Demo databases made apart send each other sealed bundles: each demo installation has its
unit's demo keys under the demo password and trusts the units above and below it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopdesk.cli import main
from coopdesk.services.trust import DEMO_PASSWORD
from coopdesk.sync import trust


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_bundles_go_round(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commune, province = tmp_path / "tan-phong", tmp_path / "lai-chau"
    code, out, err = _run(capsys, "demo", "--data-dir", str(commune))
    assert code == 0 and DEMO_PASSWORD in out, err
    assert _run(capsys, "demo", "--data-dir", str(province), "--scale", "province")[0] == 0
    code, out, _err = _run(capsys, "trust", "list", "--data-dir", str(commune), "--json")
    assert [p["unit"] for p in json.loads(out)] == ["12"]

    trust.forget_unlocked()  # a later run: the keys open with the demo password
    password = tmp_path / "demo-password.txt"
    password.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    up, down = tmp_path / "up.coopdesk", tmp_path / "down.coopdesk"
    # up without a password (a demo's keys are known, they open by themselves), down with it
    for sender, to, out_file, recipient, extra in (
        (commune, "12", up, province, ()),
        (province, "3408", down, commune, ("--password-file", str(password))),
    ):
        code, _out, err = _run(capsys, "export-bundle", "--data-dir", str(sender), "--to", to,
                               "--out", str(out_file), *extra)  # fmt: skip
        assert code == 0, err
        code, out, err = _run(capsys, "import-bundle", "--data-dir", str(recipient),
                              str(out_file), "--json", *extra)  # fmt: skip
        report = json.loads(out)
        assert code == 0 and report["applied"], report["message"]
