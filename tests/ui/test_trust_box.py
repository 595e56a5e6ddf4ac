"""The Bundles page's keys box: an officer with no command line makes this computer's keys,
saves its registration file for the province, and trusts the province's file once the
fingerprint read over the phone matches (the same steps as `coopdesk identity` and
`coopdesk registration`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from coopdesk.services import trust as trust_service
from coopdesk.sync import trust
from coopdesk.ui.context import AppContext
from coopdesk.ui.trust_box import TrustBox
from tests.sync_keys import cheap_kdf  # noqa: F401  (a fixture)
from tests.ui.conftest import save_screenshot


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the message boxes said (information and warnings)."""
    out: list[str] = []

    def record(_parent: Any, _title: str, text: str, *_a: Any) -> None:
        out.append(text)

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return out


def _typed(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
    queue = list(answers)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (queue.pop(0), True))


@pytest.mark.usefixtures("cheap_kdf")
def test_an_officer_makes_the_keys_saves_her_file_and_trusts_the_province(
    qtbot, ctx: AppContext, said: list[str], monkeypatch: pytest.MonkeyPatch,
    make_site: Any, tmp_path: Path,
) -> None:  # fmt: skip
    box = TrustBox(ctx)
    qtbot.addWidget(box)
    box.resize(720, 160)
    box.show()
    assert box.fingerprint.text() == "Chưa có khoá"
    assert box.make_button.isVisible() and not box.save_button.isEnabled()

    _typed(monkeypatch, ["mật khẩu một", "mật khẩu hai"])
    box.make_keys()
    assert said.pop() == "Hai mật khẩu không giống nhau. Chưa tạo gì."
    assert ctx.read(trust_service.identity) is None

    _typed(monkeypatch, ["mật khẩu của xã", "mật khẩu của xã"])
    box.make_keys()
    info = ctx.read(trust_service.identity)
    assert info is not None
    assert "Mã khôi phục" in said[-1] or "mã khôi phục" in said[-1]
    assert info.fingerprint in said.pop()
    assert box.fingerprint.text() == f"Dấu vân tay: {info.fingerprint}"
    qtbot.wait(50)  # the layout follows the new texts
    save_screenshot(box, "trust-box-vi")

    mine = tmp_path / "tan-phong.registration"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(mine), ""))
    box.save_registration()
    assert mine.stat().st_size > 0 and info.fingerprint in said.pop()

    province = make_site("lai-chau", "12", trusted=False)
    with province.session() as s:
        theirs = tmp_path / "lai-chau.registration"
        theirs.write_bytes(trust.registration(s, "12", "Nguyễn Thị Hoà", "CoopDesk test"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(theirs), ""))
    _typed(monkeypatch, ["1111 2222 3333 4444 5555"])
    box.trust_sender()
    refused = said.pop()
    assert "vân tay" in refused  # a fingerprint that does not match is named
    assert ctx.read(trust_service.trust_list) == []
    _typed(monkeypatch, [province.keys.fingerprint])
    box.trust_sender()
    assert "Nguyễn Thị Hoà (Lai Châu) đã được tin cậy" in said.pop()  # the unit's name
    assert [p["unit"] for p in ctx.read(trust_service.trust_list)] == ["12"]
