"""Editors of one form each: activity, support, budget line."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coopdesk.db.models import Activity, Budget, Cooperative, Person, Support
from coopdesk.i18n import N_
from coopdesk.ui import labels as L
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import (
    ChoiceField,
    DateField,
    Field,
    Form,
    NoteField,
    NumberField,
    TextField,
)
from coopdesk.ui.year_filter import year_choices


class FormDialog(RecordDialog):
    """A record edited in one form whose field keys are the model's columns."""

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def defaults(self) -> dict[str, Any]:
        return {}

    def build(self) -> None:
        self.form = self.add_form(Form(self.fields()), N_("Details"))
        self.setMinimumSize(640, 480)
        self.resize(720, 560)

    def load(self) -> None:
        if self.record_id is None:
            self.form.load(self.defaults())
            return
        with self.ctx.session() as s:
            obj = s.get(self.MODEL, self.record_id)
            assert obj is not None
            self.form.load({c.key: getattr(obj, c.key) for c in self.MODEL.__table__.columns})
            self._name = self.name_of(obj)

    def name_of(self, obj: Any) -> str:
        return str(getattr(obj, "title", "") or "")

    def record_name(self) -> str:
        return getattr(self, "_name", "")

    def collect(self) -> dict[str, Any] | None:
        values, ok = self.form.read()
        return values if ok else None


class ActivityDialog(FormDialog):
    MODEL = Activity
    TITLE_NEW = N_("New activity")
    TITLE_EDIT = N_("Activity: {name}")

    def fields(self) -> list[Field]:
        return [
            TextField("title", N_("Title"), required=True),
            ChoiceField("kind", N_("Kind"), list(L.ACTIVITY_KIND.items()), required=True),
            ChoiceField("channel", N_("Channel"), list(L.CHANNEL.items()), allow_none=True),
            DateField("held_on", N_("Date"), required=True),
            NumberField("reach_total", N_("Reach (lượt)")),
            NumberField("reach_women", N_("Of whom women")),
            NumberField("cost", N_("Cost (đồng)"), money=True),
            ChoiceField(
                "funding_source",
                N_("Funding source"),
                list(L.BUDGET_SOURCE.items()),
                allow_none=True,
            ),
            NoteField("notes", N_("Notes")),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"kind": "communication"}

    def build(self) -> None:
        from coopdesk.ui.editors.activity_coops import ActivityCooperatives

        super().build()
        self.cooperatives = ActivityCooperatives(self.ctx)
        self.tabs.addTab(self.cooperatives, "")
        self.set_tab_title(self.cooperatives, N_("Cooperatives"))
        self.cooperatives.list.itemChanged.connect(lambda _i: self.mark_dirty())

    def load(self) -> None:
        super().load()
        if self.record_id is not None:
            with self.ctx.session() as s:
                self.cooperatives.load(s, self.record_id)

    def translate_extra(self) -> None:
        self.cooperatives.translate_ui()

    def prepare_save(self) -> bool:
        self._chosen = self.cooperatives.chosen_ids()  # read on the GUI thread
        return True

    def save_work(self, session: Any, data: dict[str, Any]) -> Any:
        activity = super().save_work(session, data)
        self.cooperatives.save(
            session, activity.id, activity.unit_code, self._chosen, self.ctx.actor
        )
        return activity


def _recipients(ctx: Any, model: Any, name_column: Any) -> list[tuple[str, str]]:
    with ctx.session() as s:
        rows = s.execute(
            select(model.id, name_column)
            .where(model.deleted_at.is_(None), model.unit_code == ctx.unit_code)
            .order_by(model.sort_key)
            .limit(5000)
        )
        return [(i, n) for i, n in rows]


class SupportDialog(FormDialog):
    MODEL = Support
    TITLE_NEW = N_("New support record")
    TITLE_EDIT = N_("Support: {name}")

    def fields(self) -> list[Field]:
        return [
            ChoiceField("kind", N_("Kind"), list(L.SUPPORT_KIND.items()), required=True),
            ChoiceField("fund", N_("Fund"), list(L.FUND.items()), required=True),
            NumberField("amount", N_("Amount (đồng)"), money=True, required=True),
            DateField("given_on", N_("Date"), required=True),
            ChoiceField(
                "cooperative_id",
                N_("Cooperative"),
                lambda: _recipients(self.ctx, Cooperative, Cooperative.name),
                allow_none=True,
                translate=False,
            ),
            ChoiceField(
                "person_id",
                N_("Person"),
                lambda: _recipients(self.ctx, Person, Person.full_name),
                allow_none=True,
                translate=False,
            ),
            NoteField("description", N_("Description")),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"kind": "loan", "fund": "womens_development_fund"}

    def name_of(self, obj: Any) -> str:
        from coopdesk.i18n import format_date

        return format_date(obj.given_on)


class BudgetDialog(FormDialog):
    MODEL = Budget
    TITLE_NEW = N_("New budget line")
    TITLE_EDIT = N_("Budget line: {name}")

    def fields(self) -> list[Field]:
        return [
            ChoiceField("year", N_("Year"), year_choices(), required=True, translate=False),
            ChoiceField("source", N_("Source"), list(L.BUDGET_SOURCE.items()), required=True),
            NumberField("planned", N_("Planned (đồng)"), money=True),
            NumberField("allocated", N_("Allocated (đồng)"), money=True),
            NumberField("spent", N_("Spent (đồng)"), money=True),
        ]

    def defaults(self) -> dict[str, Any]:
        import datetime as dt

        return {"year": dt.date.today().year, "source": "state_budget"}

    def name_of(self, obj: Any) -> str:
        return f"{obj.year} – {L.label(L.BUDGET_SOURCE, obj.source)}"

    def collect(self) -> dict[str, Any] | None:
        values = super().collect()
        if values is not None:
            for key in ("planned", "allocated", "spent"):
                values[key] = values[key] or 0
        return values
