"""The province's own view of who has reported (issue 17, item 7)."""

from __future__ import annotations

import datetime as dt

from coopdesk.db.engine import session_scope
from coopdesk.services import settings
from coopdesk.ui.context import AppContext
from tests.services.test_reporting import UTC, _bundle, _issued
from tests.ui.conftest import save_screenshot


def _province_ctx(ctx: AppContext) -> AppContext:
    with session_scope(ctx.engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code="12", role="aggregator", officer="Lò Thị Mai")
        )
        _bundle(s, "03408", 3, dt.datetime(2026, 11, 14, 9, tzinfo=UTC))
        _issued(s, "03408", 2026, 7)
    return AppContext(ctx.engine, ctx.data_dir, installation, ctx.tasks)


def test_the_missing_communes_come_first_and_the_list_prints(qtbot, ctx, tmp_path) -> None:
    from coopdesk.ui.reporting_page import ReportingPage

    page = ReportingPage(_province_ctx(ctx))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.year.setValue(2026)
    page.refresh()  # as the main window does when the page is shown
    rows = page.row_texts()
    assert rows[0][1] == "Chưa gửi"
    assert rows[-1] == [
        "Phường Tân Phong",
        "Đúng hạn",
        "3",
        "14/11/2026",
        "16/11/2026",
        "07/BC-HPN",
        "10/11/2026",
        "1, 2",  # bundles 1 and 2 never arrived
    ]
    assert page.deadline.text() == "15/11"
    assert page.summary.text().startswith("Báo cáo năm 2026, hạn nộp 15/11/2026:")
    save_screenshot(page.window(), "reporting-vi")
    page.deadline.setText("31/02")
    page.save_deadline()
    assert "31/02" in page.deadline_error.text()
    assert "15/11" in page.deadline_error.text()  # says how to write it
    page.deadline.setText("10/11")
    page.save_deadline()
    assert page.deadline_error.text() == ""
    assert page.row_texts()[-1][1] == "Gửi muộn"  # made 14/11, after the new 10/11
    pdf = tmp_path / "list.pdf"
    page.save_to(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_page_in_english(qtbot, ctx) -> None:
    from coopdesk import i18n
    from coopdesk.ui.reporting_page import ReportingPage

    page = ReportingPage(_province_ctx(ctx))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.year.setValue(2026)
    page.refresh()  # as the main window does when the page is shown
    i18n.set_language("en")
    page.translate_ui()
    assert page.row_texts()[-1][1] == "On time"
    assert page.title.text() == "Who has reported"
    save_screenshot(page.window(), "reporting-en")
