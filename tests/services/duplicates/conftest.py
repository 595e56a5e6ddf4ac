"""A session on a copy of the template database, set up for Phường Tân Phong (03408)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.services import settings

OFFICER = "Lò Thị Mai"


@pytest.fixture
def commune(engine: Engine) -> Engine:
    with session_scope(engine) as s:
        settings.save_installation(
            s, settings.Installation(unit_code="03408", role="commune", officer=OFFICER)
        )
    return engine


@pytest.fixture
def session(commune: Engine) -> Iterator[Session]:
    with session_scope(commune) as s:
        yield s
