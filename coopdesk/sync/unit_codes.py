"""Unit codes in bundles: every bundle says which catalogue its codes follow, and one made
under the catalogue before the official one is translated by the published map before it is
checked, so a record of Phường Kim Liên (00226 then, 00229 now) never lands under today's
00226 (Văn Miếu - Quốc Tử Giám). A bundle under a catalogue this CoopDesk does not know is
refused. A bundle without the field was made before catalogues had versions: the one before.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.db.models import Setting
from coopdesk.domain import unit_catalogue
from coopdesk.i18n import _
from coopdesk.sync import bundle
from coopdesk.sync.import_report import Refused

VERSION_KEY = "units.catalogue_version"  # a setting: the catalogue this database's codes follow
HEADER_FIELD = "catalogue"
_UNIT_FIELDS = ("unit_code", "target_unit_code")


@functools.cache
def catalogue() -> unit_catalogue.Catalogue:
    """CoopDesk's catalogue of current units (resources/units/units.json.gz)."""
    from coopdesk import paths

    path = paths.resources_dir() / "units" / "units.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return unit_catalogue.parse(json.load(fh))


def database_version(session: Session) -> str:
    """The catalogue version this database's unit codes follow."""
    row = session.get(Setting, VERSION_KEY)
    return str(json.loads(row.value)) if row is not None else catalogue().version


def _moved(value: Any, moves: Mapping[str, str]) -> Any:
    return moves.get(value, value) if isinstance(value, str) else value


def _translate_records(records: list[dict[str, Any]], moves: Mapping[str, str]) -> None:
    for record in records:
        data = record.get("d")
        if isinstance(data, dict):
            for name in _UNIT_FIELDS:
                if name in data:
                    data[name] = _moved(data[name], moves)


def _translate_knowledge(knowledge: Any, moves: Mapping[str, str]) -> Any:
    if not isinstance(knowledge, dict):
        return knowledge
    return {
        replica: (
            {_moved(u, moves): n for u, n in per_unit.items()}
            if isinstance(per_unit, dict)
            else per_unit
        )
        for replica, per_unit in knowledge.items()
    }


def translate(session: Session, b: bundle.Bundle) -> None:
    """Rewrite the bundle's unit codes (header, records, knowledge, replicas) into this
    database's catalogue, in place; Refused when its catalogue cannot be translated."""
    current = catalogue()
    mine = database_version(session)
    theirs = b.header.get(HEADER_FIELD, current.superseded_version)
    if theirs == mine:
        return
    if theirs != current.superseded_version or mine != current.version:
        raise Refused(
            "catalogue",
            _(
                "This bundle uses a unit catalogue this CoopDesk does not know ({version}), so "
                "its units could be taken for others. Nothing was changed: update CoopDesk, "
                "then import the bundle again."
            ).format(version=theirs),
        )
    moves = current.recoded
    for part in ("sender", "recipient"):
        section = b.header.get(part)
        if isinstance(section, dict):
            section["unit"] = _moved(section.get("unit"), moves)
    body = b.body
    _translate_records(body.get("records") or [], moves)
    for name in ("knowledge", "base"):
        body[name] = _translate_knowledge(body.get(name), moves)
    replicas = body.get("replicas")
    if isinstance(replicas, dict):
        for info in replicas.values():
            if isinstance(info, dict):
                info["unit"] = _moved(info.get("unit"), moves)
    b.header[HEADER_FIELD] = mine
