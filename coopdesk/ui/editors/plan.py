"""A plan (kế hoạch): its identity and texts, and the targets it sets."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coopdesk.db.models import Plan
from coopdesk.i18n import N_
from coopdesk.services import plans
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import DateField, Form, NoteField, TextField
from coopdesk.ui.editors.plan_parts import AssignmentsTab, TargetsTab


class PlanDialog(RecordDialog):
    MODEL = Plan
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
        self._name = ""
        if self.record_id is None:
            with self.ctx.session() as s:
                self.targets.set_units(plans.target_units(s, self.ctx.unit_code))
            return
        with self.ctx.session() as s:
            plan = s.get(Plan, self.record_id)
            assert plan is not None
            self.targets.set_units(plans.target_units(s, plan.unit_code))
            self._name = plan.number or plan.title[:40]
            values = {c.key: getattr(plan, c.key) for c in Plan.__table__.columns}
            self.targets.load(s, plan.id)
            self.assignments.load(s, plan.id)
        self.form.load(values)
        self.texts.load(values)

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
        # the targets and assignments as they are now (read on the GUI thread)
        self._parts = [
            (tab, [dict(r) for r in tab.rows], list(tab.removed))
            for tab in (self.targets, self.assignments)
        ]
        return True

    def save_work(self, session: Session, data: dict[str, Any]) -> Any:
        plan = super().save_work(session, data)
        for tab, rows, removed in self._parts:
            tab.save(session, plan, rows, removed, self.ctx.actor)
        return plan
