"""The History tab of a record changed by a bundle names the bundle and its sender."""

from __future__ import annotations

from coopdesk.db import models as m
from coopdesk.services import records, settings
from coopdesk.ui.context import AppContext
from coopdesk.ui.tasks import InlineTaskRunner
from tests.sync.helpers import COMMUNE_A, PROVINCE


def test_the_province_sees_which_bundle_changed_a_record(qtbot, qapp, make_site) -> None:
    from coopdesk.ui.editors.cooperative import CooperativeDialog

    commune, province = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with commune.session() as s:
        data = {"kind": "HTX", "name": "HTX Hoa Ban", "unit_code": COMMUNE_A}
        coop_id = records.create(s, m.Cooperative, data, "Lò Thị Mai").id
    assert province.receive(commune.export(PROVINCE)).applied
    with province.session() as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code=PROVINCE, role="aggregator", officer="Hà Thị Lan")
        )
    ctx = AppContext(province.engine, province.dir, installation, InlineTaskRunner())
    dialog = CooperativeDialog(ctx, coop_id)
    qtbot.addWidget(dialog)
    table = dialog.history.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert [(who, what) for _when, who, what, _changes in rows] == [
        ("Lò Thị Mai", "nhập từ gói số 1 của Phường Tân Phong")
    ]
    dialog.reject()  # finished: it stops listening for a language change (its site goes away)
