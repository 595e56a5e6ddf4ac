from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coopdesk.sync import trust
from tests.sync.helpers import Site

MakeSite = Callable[..., Site]


@pytest.fixture
def make_site(template_data_dir: Path, tmp_path: Path) -> Iterator[MakeSite]:
    """`make_site(name, unit, trusted=True)`: a new installation with its own keys, which
    (unless `trusted` is False) trusts every site made before and is trusted by them."""
    sites: list[Site] = []

    def make(name: str, unit: str, *, trusted: bool = True) -> Site:
        site = Site(template_data_dir, tmp_path, name, unit, trusted)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.engine.dispose()
    trust.forget_unlocked()
