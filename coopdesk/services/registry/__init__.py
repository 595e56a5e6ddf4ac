"""The registry's records, one module per area: what an editor or `coopdesk save` can change.

Each area module offers a Qt-free draft (the record's fields and its parts), `load_<area>`,
`check_<area>` and `save_<area>`; the GUI editors and the command line call the same functions.

KINDS names the kinds of record the command line knows (`coopdesk save|show|delete|list KIND`),
in the order the app's navigation shows them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coopdesk.services.registry.drafts import Area

KINDS: tuple[str, ...] = (
    "cooperatives",
    "people",
    "officers",
    "trainings",
    "activities",
    "support",
    "budget",
    "plans",
)


def area(kind: str) -> Area:
    """The area of a kind of record (its module is imported when first asked for)."""
    if kind not in KINDS:
        raise KeyError(kind)
    module = importlib.import_module(f"coopdesk.services.registry.{kind}")
    found: Area = module.AREA
    return found
