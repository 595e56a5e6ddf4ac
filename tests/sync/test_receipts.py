"""Signed receipts (issue 12 item 9): the province's next bundle says which of the commune's
bundles it merged and when, signed with the bundle; the commune sees per bundle 'received and
merged by the province on …' (services, `coopdesk receipts`, the Bundles page)."""

from __future__ import annotations

from coopdesk.cli import main
from coopdesk.db import models as m
from coopdesk.services import trust as trust_service
from coopdesk.ui.trust_page import SentBundlesBox
from tests.sync.forge import split
from tests.sync.helpers import COMMUNE_A, NOW, PROVINCE, coop
from tests.ui.conftest import save_screenshot
from tests.ui.test_trust_page import site_ctx, table_rows

MERGED = "nhận và nhập vào lúc " + NOW.strftime("%d/%m/%Y %H:%M")


def receipts(site) -> list[str]:
    with site.session() as s:
        return [
            f"{b['seq']}: {trust_service.receipt_text(b)}" for b in trust_service.sent_bundles(s)
        ]


def test_the_commune_sees_which_bundles_the_province_merged(make_site, qtbot, capsys) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    assert p.receive(a.export(PROVINCE)).applied
    a.add(m.Cooperative, **coop("HTX Thứ Hai"))
    a.export(PROVINCE)  # bundle 2: not received by the province yet
    assert receipts(a) == ["2: Lai Châu chưa xác nhận đã nhận", "1: Lai Châu chưa xác nhận đã nhận"]

    assert a.receive(p.export(COMMUNE_A)).applied  # carries the province's signed receipts
    assert receipts(a) == [
        "2: Lai Châu chưa xác nhận đã nhận",
        f"1: Lai Châu đã {MERGED}",
    ]

    assert main(["receipts", "--data-dir", str(a.dir)]) == 0
    out = capsys.readouterr().out
    assert f"Gói số 1 gửi Lai Châu  {NOW:%Y-%m-%d}: Lai Châu đã {MERGED}" in out

    box = SentBundlesBox(site_ctx(a, "commune"))
    qtbot.addWidget(box)
    box.resize(900, 200)
    box.show()
    assert table_rows(box.table) == [
        ["Lai Châu (12)", "2", NOW.strftime("%d/%m/%Y"), "Lai Châu chưa xác nhận đã nhận"],
        ["Lai Châu (12)", "1", NOW.strftime("%d/%m/%Y"), f"Lai Châu đã {MERGED}"],
    ]
    save_screenshot(box, "bundles-sent-receipts")


def test_a_receipt_counts_only_in_a_bundle_that_merges(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    assert p.receive(a.export(PROVINCE)).applied
    down = p.export(COMMUNE_A)
    assert not a.preview(down).refused  # a preview takes nothing
    header, body = split(down)
    assert [r["seq"] for r in body["receipts"]] == [1]
    edited = bytearray(down)
    edited[len(down) // 2] ^= 1  # changed after the province signed it
    assert a.receive(bytes(edited)).refused
    assert receipts(a) == ["1: Lai Châu chưa xác nhận đã nhận"]
    assert a.receive(down).applied and receipts(a) == [f"1: Lai Châu đã {MERGED}"]
    assert header["sender"]["unit"] == PROVINCE
