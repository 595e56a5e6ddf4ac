"""Editors of one form each: activity, support, budget line."""

from __future__ import annotations

from typing import Any

from coopdesk.i18n import N_
from coopdesk.services.registry import activities, budget, lookups, support
from coopdesk.services.registry.drafts import Draft
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

    def build(self) -> None:
        self.form = self.add_form(Form(self.fields()), N_("Details"))
        self.setMinimumSize(640, 480)
        self.resize(720, 560)

    def load(self) -> None:
        self.draft = self.read_draft()
        self.form.load(self.draft.fields)
        if self.record_id is not None:
            self._name = self.name_of(self.draft.fields)

    def name_of(self, fields: dict[str, Any]) -> str:
        return str(fields.get("title") or "")

    def record_name(self) -> str:
        return getattr(self, "_name", "")

    def collect(self) -> dict[str, Any] | None:
        values, ok = self.form.read()
        return values if ok else None


class ActivityDialog(FormDialog):
    AREA = activities.AREA
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

    def build(self) -> None:
        from coopdesk.ui.editors.activity_coops import ActivityCooperatives

        super().build()
        self.cooperatives = ActivityCooperatives(self.ctx)
        self.tabs.addTab(self.cooperatives, "")
        self.set_tab_title(self.cooperatives, N_("Cooperatives"))
        self.cooperatives.list.itemChanged.connect(lambda _i: self.mark_dirty())

    def load(self) -> None:
        super().load()
        self.cooperatives.load(set(self.draft.cooperative_ids or []))

    def translate_extra(self) -> None:
        self.cooperatives.translate_ui()

    def make_draft(self, data: dict[str, Any]) -> Draft:
        return activities.ActivityDraft(
            id=self.record_id,
            fields=self.own_fields(data),
            cooperative_ids=sorted(self.cooperatives.chosen_ids()),
        )


class SupportDialog(FormDialog):
    AREA = support.AREA
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
                lambda: self.ctx.read(lookups.cooperative_choices, self.ctx.unit_code),
                allow_none=True,
                translate=False,
            ),
            ChoiceField(
                "person_id",
                N_("Person"),
                lambda: self.ctx.read(lookups.people_choices, self.ctx.unit_code),
                allow_none=True,
                translate=False,
            ),
            NoteField("description", N_("Description")),
        ]

    def name_of(self, fields: dict[str, Any]) -> str:
        from coopdesk.i18n import format_date

        return format_date(fields.get("given_on"))


class BudgetDialog(FormDialog):
    AREA = budget.AREA
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

    def name_of(self, fields: dict[str, Any]) -> str:
        return f"{fields.get('year')} – {L.label(L.BUDGET_SOURCE, fields.get('source'))}"
