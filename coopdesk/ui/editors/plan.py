"""A plan (kế hoạch): its identity and texts, and the targets it sets."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem
from sqlalchemy import select

from coopdesk.db.models import Plan, Target
from coopdesk.domain.indicators import BY_CODE
from coopdesk.i18n import N_, _, format_number
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import DateField, Form, NoteField, TextField


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
        self.targets = QTableWidget(0, 3)
        self.targets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets.verticalHeader().setVisible(False)
        self.targets.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.targets, "")
        self.set_tab_title(self.targets, N_("Targets"))
        self.target_rows: list[tuple[str, str, Any, str]] = []

    def load(self) -> None:
        self._name = ""
        if self.record_id is None:
            return
        with self.ctx.session() as s:
            plan = s.get(Plan, self.record_id)
            assert plan is not None
            self._name = plan.number or plan.title[:40]
            values = {c.key: getattr(plan, c.key) for c in Plan.__table__.columns}
            self.target_rows = [
                (t.indicator_code, t.period, t.value, t.comparison)
                for t in s.scalars(
                    select(Target)
                    .where(Target.plan_id == plan.id, Target.deleted_at.is_(None))
                    .order_by(Target.indicator_code, Target.period)
                )
            ]
        self.form.load(values)
        self.texts.load(values)

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.targets.setHorizontalHeaderLabels([_("Indicator"), _("Period"), _("Target")])
        self.targets.setRowCount(len(self.target_rows))
        for n, (code, period, value, comparison) in enumerate(self.target_rows):
            indicator = BY_CODE.get(code)
            name = indicator.name() if indicator else code
            unit = indicator.unit if indicator else ""
            target = f"{'≥ ' if comparison == '>=' else ''}{format_number(value, 0 if value == int(value) else 1)} {unit}"
            for col, text in enumerate((name, period, target)):
                self.targets.setItem(n, col, QTableWidgetItem(text))

    def collect(self) -> dict[str, Any] | None:
        first, ok1 = self.form.read()
        second, ok2 = self.texts.read()
        return {**first, **second} if ok1 and ok2 else None
