"""A plan (kế hoạch): its identity and texts, and the targets it sets."""

from __future__ import annotations

from typing import Any

from coopdesk.domain.validation import Problem
from coopdesk.i18n import N_
from coopdesk.services import plans
from coopdesk.services.registry import plans as registry_plans
from coopdesk.services.registry.drafts import Draft
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import DateField, Form, NoteField, TextField
from coopdesk.ui.editors.plan_parts import AssignmentsTab, TargetsTab


class PlanDialog(RecordDialog):
    AREA = registry_plans.AREA
    TITLE_NEW = N_("New plan")
    TITLE_EDIT = N_("Plan: {name}")

    def build(self) -> None:
        self.form = self.add_form(
            Form(
                [
                    TextField("title", N_("Title"), required=True),
                    TextField("issuer", N_("Issued by"), required=True),
                    TextField("number", N_("Number")),
                    DateField("issued_on", N_("Issued on")),
                    DateField("period_start", N_("From"), required=True),
                    DateField("period_end", N_("Until"), required=True),
                ]
            ),
            N_("Details"),
        )
        self.texts = self.add_form(
            Form(
                [
                    NoteField("purpose", N_("Purpose")),
                    NoteField("general_goal", N_("General goal")),
                    NoteField("target_groups", N_("Target groups")),
                    NoteField("tasks", N_("Tasks and solutions")),
                    NoteField("budget_text", N_("Budget")),
                    NoteField("reporting", N_("Reporting")),
                ]
            ),
            N_("Contents"),
        )
        self.targets = TargetsTab()
        self.tabs.addTab(self.targets, "")
        self.set_tab_title(self.targets, N_("Targets"))
        self.assignments = AssignmentsTab()
        self.tabs.addTab(self.assignments, "")
        self.set_tab_title(self.assignments, N_("Assignments"))
        for tab in (self.targets, self.assignments):
            tab.on_change = self.mark_dirty

    def load(self) -> None:
        draft = self.read_draft()
        unit = draft.fields.get("unit_code") or self.ctx.unit_code
        self.targets.set_units(self.ctx.read(plans.target_units, unit))
        self._name = draft.fields.get("number") or (draft.fields.get("title") or "")[:40]
        self.form.load(draft.fields)
        self.texts.load(draft.fields)
        self.targets.set_rows(draft.targets or [])
        self.assignments.set_rows(draft.assignments or [])

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.targets.translate_ui()
        self.assignments.translate_ui()

    def collect(self) -> dict[str, Any] | None:
        first, ok1 = self.form.read()
        second, ok2 = self.texts.read()
        return {**first, **second} if ok1 and ok2 else None

    def prepare_save(self) -> bool:
        for tab in (self.targets, self.assignments):
            # A target or assignment typed but not added yet is saved too, or its problem
            # is shown and nothing is saved: Save never drops what the officer typed.
            if tab.pending() and not tab.apply():
                self.tabs.setCurrentWidget(tab)
                return False
        return True

    def make_draft(self, data: dict[str, Any]) -> Draft:
        return registry_plans.PlanDraft(
            id=self.record_id,
            fields=self.own_fields(data),
            targets=self.targets.draft_rows(),
            assignments=self.assignments.draft_rows(),
        )

    def live_problems(self, problems: list[Problem]) -> list[Problem]:
        """While typing, the plan's own fields: a target or assignment is checked on Add."""
        return [p for p in problems if not p.field.startswith(("targets[", "assignments["))]

    def show_problems(self, problems: list[Problem]) -> None:
        """A target's or assignment's problem is shown with that row in its tab's form."""
        first = next((p for p in problems if p.is_error and "[" in p.field), None)
        if first is not None:
            place = first.field.split(".", 1)[0]  # "targets[2]"
            tab = self.targets if place.startswith("targets[") else self.assignments
            tab.select_row(int(place[place.index("[") + 1 : -1]))
            problems = [p for p in problems if "[" not in p.field or p.field.startswith(place)]
        super().show_problems(problems)
