"""Python's cycle collector paused while a bundle is read, planned and written.

An import of 50,000 records holds a few hundred thousand dicts at once; each allocation burst
starts a collection that walks all of them again (about a third of a province's import time,
measured by benchmarks/import_speed.py). Reference counting still frees what is not in a cycle;
the cycles made meanwhile are collected when the pause ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Collect no cycles inside the block (nested blocks: the outermost one resumes)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
