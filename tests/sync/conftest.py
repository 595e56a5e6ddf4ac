from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sync.helpers import Site


@pytest.fixture
def make_site(template_data_dir: Path, tmp_path: Path) -> Iterator[Callable[[str, str], Site]]:
    sites: list[Site] = []

    def make(name: str, unit: str) -> Site:
        site = Site(template_data_dir, tmp_path, name, unit)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.engine.dispose()
