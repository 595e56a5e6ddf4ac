"""The People page answers a search and a jump to the end without blocking the event loop.

The database is made slow on purpose: every count and every page read waits on `gate` in the
worker thread until the test opens it, while the test goes on typing into the window."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from coopdesk.services import lists
from coopdesk.ui import models
from coopdesk.ui.context import AppContext
from coopdesk.ui.tasks import TaskRunner
from tests.ui.conftest import add_people

GIVEN = ["Ánh", "Bình", "Dung", "Hoà", "Lan", "Mai", "Nga", "Thảo", "Vân"]


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    gate = threading.Event()
    gate.set()

    def slow(fn: Any) -> Any:
        @functools.wraps(fn)  # the same signature: the task runner offers no progress to it
        def waiting(*args: Any, **kwargs: Any) -> Any:
            assert gate.wait(30), "the test never opened the gate"
            return fn(*args, **kwargs)

        return waiting

    monkeypatch.setattr(lists.ListQuery, "count_upto", slow(lists.ListQuery.count_upto))
    monkeypatch.setattr(lists.ListQuery, "count", slow(lists.ListQuery.count))
    monkeypatch.setattr(models, "page", slow(models.page))
    yield gate
    gate.set()  # let any worker still waiting finish


@pytest.fixture
def threaded(ctx: AppContext) -> Iterator[AppContext]:
    """The same database and installation, with tasks on worker threads as in the app."""
    runner = TaskRunner()
    context = AppContext(ctx.engine, ctx.data_dir, ctx.installation, runner)
    yield context
    runner.pool.waitForDone(30_000)


def _people(n: int) -> list[tuple[str, str, str, str]]:
    return [("Nguyễn", "Thị", f"{GIVEN[i % len(GIVEN)]} {i:04d}", "F") for i in range(n)]


def test_search_and_jump_to_the_end_leave_the_window_answering(
    qtbot, threaded: AppContext, gate: threading.Event
) -> None:
    from coopdesk.ui.people_page import PeoplePage

    add_people(threaded.engine, _people(450))
    page = PeoplePage(threaded)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 450, timeout=10_000)

    gate.clear()  # the database stops answering
    page.search.setText("hoa")
    page.apply_filters()
    qtbot.keyClicks(page.search, " 00")  # typing still reaches the window
    assert page.search.text() == "hoa 00"
    assert page.count_label.text() == "Đang đếm…"
    page.search_timer.stop()
    gate.set()
    qtbot.waitUntil(lambda: page.model.rowCount() == 50, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) is not None, timeout=10_000)
    assert page.model.data(page.model.index(0, 0)) == "Nguyễn Thị Hoà 0003"

    page.search.clear()
    page.apply_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 450, timeout=10_000)
    gate.clear()
    page.table.scrollToBottom()  # the last rows' block is asked for, and waits
    qtbot.keyClicks(page.search, "x")
    assert page.search.text() == "x"
    assert page.model.data(page.model.index(449, 0)) is None  # not there yet: empty cells
    page.search_timer.stop()
    gate.set()
    last = "Nguyễn Thị Vân 0449"
    qtbot.waitUntil(lambda: page.model.data(page.model.index(449, 0)) == last, timeout=10_000)
