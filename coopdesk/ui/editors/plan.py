"""A plan (kế hoạch) as real plans are written: its identity, its issuer's header and
signature, its Căn cứ lines, the texts of its sections, its targets and its assignments."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from coopdesk.domain.validation import Problem
from coopdesk.i18n import N_
from coopdesk.services import plans
from coopdesk.services.plan_document import citable_plans, remembered_lines
from coopdesk.services.registry import plans as registry_plans
from coopdesk.services.registry.drafts import Draft
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import DateField, Form, TextField
from coopdesk.ui.editors.plan_document_parts import BasesTab, ContentsTab, IssuingTab
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
        self.issuing = IssuingTab()
        self.add_form(self.issuing.form)
        self._add_tab(self.issuing, N_("Issuer and signature"))
        self.bases = BasesTab()
        self._add_tab(self.bases, N_("Legal bases"))
        self.contents = ContentsTab()
        self.texts = self.add_form(self.contents.form)
        self._add_tab(self.contents, N_("Contents"))
        self.targets = TargetsTab()
        self._add_tab(self.targets, N_("Targets"))
        self.assignments = AssignmentsTab()
        self._add_tab(self.assignments, N_("Assignments"))
        for tab in (self.bases, self.targets, self.assignments):
            tab.on_change = self.mark_dirty
        self._unit = self.ctx.unit_code  # the plan's own once loaded
        self.form.fields["issuer"].changed.connect(self._show_issuing_defaults)

    def _show_issuing_defaults(self) -> None:
        """Each empty issuing line greyed with what the plan will print in its place."""
        issuer = str(self.form.fields["issuer"].value() or "")
        remembered = self.ctx.read(remembered_lines, self._unit, issuer, self.record_id)
        self.issuing.show_defaults(issuer, remembered)

    def _add_tab(self, widget: QWidget, msgid: str) -> None:
        self.tabs.addTab(widget, "")
        self.set_tab_title(widget, msgid)

    def load(self) -> None:
        draft = self.read_draft()
        unit = draft.fields.get("unit_code") or self.ctx.unit_code
        self.targets.set_units(self.ctx.read(plans.target_units, unit))
        self._name = draft.fields.get("number") or (draft.fields.get("title") or "")[:40]
        for form in (self.form, self.issuing.form, self.texts):
            form.load(draft.fields)
        self._unit = unit
        self._show_issuing_defaults()
        self.bases.set_json(draft.fields.get("bases") or "")
        self.bases.set_sources(self.ctx.read(citable_plans, unit, self.record_id))
        self.targets.set_rows(draft.targets or [])
        self.assignments.set_rows(draft.assignments or [])

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        for tab in (self.issuing, self.contents, self.bases, self.targets, self.assignments):
            tab.translate_ui()

    def collect(self) -> dict[str, Any] | None:
        out: dict[str, Any] = {}
        ok = True
        for form in (self.form, self.issuing.form, self.texts):
            values, read = form.read()
            out.update(values)
            ok = ok and read
        out["bases"] = self.bases.as_json()
        return out if ok else None

    def prepare_save(self) -> bool:
        for tab in (self.bases, self.targets, self.assignments):
            # A row typed but not added yet is saved too, or its problem is shown and
            # nothing is saved: Save never drops what the officer typed.
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
        """While typing, the plan's own fields: a row of a tab is checked on Add."""
        return [p for p in problems if not p.field.startswith(_ROW_PARTS)]

    def show_problems(self, problems: list[Problem]) -> None:
        """A Căn cứ line's, target's or assignment's problem is shown with that row."""
        first = next((p for p in problems if p.is_error and p.field.startswith(_ROW_PARTS)), None)
        if first is not None:
            place = first.field.split(".", 1)[0]  # "targets[2]"
            tab = {"bases": self.bases, "targets": self.targets}.get(
                place[: place.index("[")], self.assignments
            )
            tab.select_row(int(place[place.index("[") + 1 : -1]))
            self.tabs.setCurrentWidget(tab)
            problems = [p for p in problems if "[" not in p.field or p.field.startswith(place)]
        super().show_problems(problems)


_ROW_PARTS = ("bases[", "targets[", "assignments[")
