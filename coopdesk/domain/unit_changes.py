"""Boundary changes of communes (merge, rename, split): what a change record must hold, and the
rules that say where a record counts after a split and what a unit was called before a change.

A change row (`unit_changes`) holds its kind, its sources (the unit codes before), the unit
after (`target_code`, `target_name`; for a split, the default part) and `details`, canonical
JSON:

    {"names_before": {"03388": "Xã Đoàn Kết", …},             # every kind: names before it
     "parts": [{"code": "03409", "name": "Xã Nậm Loỏng"}, …],  # split: the units after
     "assign": {"<root record id>": "03409", …}}               # split: records not in the default

Records keep the unit they were entered under. From a split's effective date, a record of the
split commune counts under the part its *root* record was assigned to (`ROOTS`: a yearly
figure follows its cooperative, a participation its training, a consent its person); roots
not assigned count under the default part. The province assigns roots by address
(`part_by_address`: the villages of each part) and by hand for what no address divides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from coopdesk.domain.checks import Context, Problem
from coopdesk.i18n import _, fold

KINDS = ("merge", "rename", "split")
MAX_SOURCES = 50  # communes in one merge (the 2025 reform merged at most about ten)
MAX_PARTS = 20
MAX_ASSIGNED = 200_000  # root records listed in one split

# For each synced table whose rows an indicator counts: the columns naming the record a row
# follows when its commune is split (the first one set). Rows of tables not listed follow
# themselves ("id").
ROOTS: dict[str, tuple[str, ...]] = {
    "cooperative_years": ("cooperative_id",),
    "roles": ("cooperative_id",),
    "activity_cooperatives": ("activity_id",),
    "person_sensitive": ("person_id",),
    "consents": ("person_id",),
    "officers": ("person_id",),
    "participations": ("training_id",),
    "support": ("cooperative_id", "person_id", "id"),
}
# Tables whose records are divided by their address (the column holding it).
ADDRESSED: dict[str, str] = {
    "cooperatives": "address",
    "people": "address",
    "trainings": "location",
}
# Root tables that no address divides: the province chooses for each record.
UNADDRESSED = ("activities", "budgets")


def root_columns(table_name: str) -> tuple[str, ...]:
    return ROOTS.get(table_name, ("id",))


@dataclass(frozen=True)
class Part:
    code: str
    name: str
    villages: tuple[str, ...] = ()  # thôn, bản, tổ dân phố: how addresses are divided


@dataclass(frozen=True)
class Details:
    names_before: dict[str, str] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()
    assign: dict[str, str] = field(default_factory=dict)

    def dumps(self) -> str:
        body: dict[str, Any] = {"names_before": self.names_before}
        if self.parts:
            body["parts"] = [{"code": p.code, "name": p.name} for p in self.parts]
            body["assign"] = self.assign
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def is_unit_code(code: Any) -> bool:
    return isinstance(code, str) and len(code) == 5 and code.isascii() and code.isdigit()


def _name(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= 200


def _str_map(raw: Any, what: str, limit: int) -> dict[str, str]:
    if not isinstance(raw, dict) or len(raw) > limit:
        raise ValueError(what)
    if not all(isinstance(k, str) and len(k) <= 64 and isinstance(v, str) for k, v in raw.items()):
        raise ValueError(what)
    return dict(raw)


def parse_details(text: str | None) -> Details:
    """The details of a change row; ValueError (with a message) if they are not as above."""
    try:
        raw = json.loads(text or "{}")
    except (ValueError, RecursionError) as exc:
        raise ValueError(_("The change's details are not readable.")) from exc
    if not isinstance(raw, dict):
        raise ValueError(_("The change's details are not readable."))
    names = _str_map(
        raw.get("names_before", {}),
        _("The names before the change are not readable."),
        MAX_SOURCES + MAX_PARTS,
    )
    parts_raw = raw.get("parts", [])
    if not isinstance(parts_raw, list) or len(parts_raw) > MAX_PARTS:
        raise ValueError(_("The units after the split are not readable."))
    parts = []
    for item in parts_raw:
        if (
            not isinstance(item, dict)
            or not is_unit_code(item.get("code"))
            or not _name(item.get("name"))
        ):
            raise ValueError(_("The units after the split are not readable."))
        parts.append(Part(item["code"], item["name"]))
    assign = _str_map(
        raw.get("assign", {}),
        _("The records assigned in the split are not readable."),
        MAX_ASSIGNED,
    )
    if any(code not in {p.code for p in parts} for code in assign.values()):
        raise ValueError(_("A record is assigned to a unit that is not a part of the split."))
    return Details(names, tuple(parts), assign)


def _sources(text: Any) -> list[str] | None:
    try:
        sources = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(sources, list) or not 0 < len(sources) <= MAX_SOURCES:
        return None
    return sources if all(is_unit_code(c) for c in sources) else None


def validate_unit_change(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    """A change record as it arrives in a bundle or is recorded here."""
    out: list[Problem] = []
    kind = data.get("kind")
    if kind not in KINDS:
        out.append(Problem("kind", _("The kind of change must be a merge, a rename or a split.")))
    sources = _sources(data.get("sources"))
    if sources is None:
        out.append(Problem("sources", _("The communes before the change must be unit codes.")))
    if not is_unit_code(data.get("target_code")) or not _name(data.get("target_name")):
        out.append(Problem("target_code", _("The unit after the change needs a code and a name.")))
    try:
        details = parse_details(data.get("details"))
    except ValueError as exc:
        return [*out, Problem("details", str(exc))]
    if kind == "split" and (sources is None or len(sources) != 1 or len(details.parts) < 2):
        out.append(Problem("details", _("A split divides one commune into two or more.")))
    if kind == "split" and data.get("target_code") not in {p.code for p in details.parts}:
        out.append(
            Problem("target_code", _("The default unit of a split must be one of its parts."))
        )
    return out


def _words(text: str) -> str:
    """' ban na un xa doan ket ': folded, punctuation as spaces, one space between words."""
    return f" {' '.join(re.sub(r'[^0-9a-z]+', ' ', fold(text)).split())} "


def part_by_address(address: str, parts: Sequence[Part]) -> str | None:
    """The part whose village the address names, when exactly one part's does."""
    words = _words(address)
    found = {
        part.code
        for part in parts
        for village in part.villages
        if _words(village).strip() and _words(village) in words
    }
    return found.pop() if len(found) == 1 else None
