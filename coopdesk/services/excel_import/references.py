"""Records a spreadsheet names by what an officer can type or pick: a cooperative by its name
or tax code, a person by her name (and birth year). Each is found among the installation's
unit's records; a value that matches nothing, or several, is a problem of its cell.

    column = cooperative_column(session)      # a drop-down of the unit's cooperatives
    column.read("HTX Chè Tân Phong")          # → its id; ValueError naming what to write
    People(session).find("Nguyễn Thị Hoa", 1985)   # → ids of the people it may be
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Officer, Person, Role
from coopdesk.excel import values as read
from coopdesk.excel.columns import Column
from coopdesk.i18n import N_, _, fold
from coopdesk.services.settings import get_installation


def _unit(session: Session) -> str | None:
    installation = get_installation(session)
    return installation.unit_code if installation is not None else None


def _reader(ids: dict[str, set[str]], what: str, hint: str) -> Any:
    """A reader of a readable value (folded) → the one id it names."""

    def read_one(value: Any) -> str | None:
        text = read.as_text(value)
        if not text:
            return None
        found = ids.get(fold(text), set())
        if not found:
            message = _("there is no {what} “{value}” here: choose one from the list")
            raise ValueError(message.format(what=_(what), value=text))
        if len(found) > 1:
            raise ValueError(
                _("“{value}” may be {count} different records: {hint}").format(
                    value=text, count=len(found), hint=_(hint)
                )
            )
        return next(iter(found))

    return read_one


def cooperative_column(
    session: Session, key: str = "cooperative_id", header: str = N_("Cooperative"), **kw: Any
) -> Column:
    """A column naming one of the unit's cooperatives by name or tax code (a drop-down of
    their names; "name (MST …)" where two share a name)."""
    rows = session.execute(
        select(Cooperative.id, Cooperative.name, Cooperative.registration_no)
        .where(Cooperative.deleted_at.is_(None), Cooperative.unit_code == _unit(session))
        .order_by(Cooperative.sort_key, Cooperative.id)
    ).all()
    names: dict[str, int] = defaultdict(int)
    for _id, name, _no in rows:
        names[fold(name)] += 1
    ids: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for rid, name, number in rows:
        label = name if names[fold(name)] == 1 or not number else f"{name} (MST {number})"
        labels[rid] = label
        for text in (name, label, number):
            if text:
                ids[fold(text)].add(rid)
    reader = _reader(ids, N_("cooperative"), N_("write its tax code (MST)"))
    aliases = kw.pop("aliases", ("HTX", "Hợp tác xã", "Tên HTX", "HTX/THT", "MST"))
    return Column(key, header, reader, aliases, tuple(labels.values()), width=32, **kw)


def person_column(
    session: Session, key: str = "person_id", header: str = N_("Person"), **kw: Any
) -> Column:
    """A column naming one of the unit's people by "name (birth year)" (a drop-down) or by
    her name alone when no one else here has it."""
    rows = session.execute(
        select(Person.id, Person.full_name, Person.birth_year)
        .where(
            Person.deleted_at.is_(None),
            Person.redacted.is_(False),
            Person.unit_code == _unit(session),
        )
        .order_by(Person.sort_key, Person.birth_year, Person.id)
    ).all()
    ids: dict[str, set[str]] = defaultdict(set)
    labels = []
    for rid, name, year in rows:
        label = f"{name} ({year})" if year else name
        labels.append(label)
        ids[fold(name)].add(rid)
        ids[fold(label)].add(rid)
    reader = _reader(ids, N_("person"), N_("choose her from the list (name and birth year)"))
    aliases = kw.pop("aliases", ("Người nhận", "Họ tên", "Họ và tên"))
    return Column(key, header, reader, aliases, tuple(dict.fromkeys(labels)), width=30, **kw)


class People:
    """The unit's people a row names by name, birth year and cooperative."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.unit = _unit(session)

    def find(
        self, name: str, birth_year: int | None = None, cooperative_id: str | None = None
    ) -> list[str]:
        """The ids of the people the row may be: same folded name, the same birth year (or
        none known), and, among several, those with a role in the cooperative."""
        rows = self.session.execute(
            select(Person.id, Person.birth_year).where(
                Person.name_folded == fold(name),
                Person.deleted_at.is_(None),
                Person.redacted.is_(False),
                Person.unit_code == self.unit,
            )
        ).all()
        if birth_year is not None:
            rows = [r for r in rows if r[1] in (birth_year, None)]
            exact = [r for r in rows if r[1] == birth_year]
            rows = exact or rows
        ids = sorted(r[0] for r in rows)
        if len(ids) > 1 and cooperative_id:
            there = set(
                self.session.scalars(
                    select(Role.person_id).where(
                        Role.cooperative_id == cooperative_id,
                        Role.person_id.in_(ids),
                        Role.deleted_at.is_(None),
                    )
                )
            )
            ids = [i for i in ids if i in there] or ids
        return ids

    def officer_of(self, person_id: str | None) -> str | None:
        """The id of the person's officer record here, if she is one."""
        if not person_id:
            return None
        return self.session.scalars(
            select(Officer.id)
            .where(Officer.person_id == person_id, Officer.deleted_at.is_(None))
            .order_by(Officer.created_at, Officer.id)
            .limit(1)
        ).first()


def several_people(name: str, count: int) -> str:
    return _(
        "{count} people here are named “{name}”: write her birth year (or her cooperative)"
    ).format(count=count, name=name)
