"""The areas of the main window and the page each one shows.

Page contract (every area):
- a `QWidget` subclass `XxxPage(ctx: AppContext, parent=None)`, built in code;
- `translate_ui()`: sets every visible string through `_()`; the main window calls it after
  the language changes (and pages call it once at the end of `__init__`);
- `refresh()`: re-reads what the page shows; the main window calls it when the page is
  shown and after `ctx.data_changed` for the visible page (hidden pages refresh when shown).
Optional, called by the window's menus and shortcuts when the page has them:
`new_record()` (Ctrl+N), `focus_search()` (Ctrl+F), `save()` (Ctrl+S), `cancel()` (Esc),
`status_text() -> str` (shown in the status bar after refresh), `help_text() -> str` (F1).
Pages are created the first time their area is opened. A module that does not exist yet (or
fails to import) shows a placeholder page saying so, so areas can be built independently.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coopdesk.i18n import N_, _
from coopdesk.ui.context import AppContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Area:
    key: str
    label: str  # N_() msgid, translated where shown
    icon: str  # coopdesk.ui.icons name
    target: str  # "module:Class"


AREAS: tuple[Area, ...] = (
    Area("overview", N_("Overview"), "overview", "coopdesk.ui.dashboard:OverviewPage"),
    Area(
        "cooperatives",
        N_("Cooperatives & groups"),
        "cooperatives",
        "coopdesk.ui.cooperatives_page:CooperativesPage",
    ),
    Area("people", N_("People"), "people", "coopdesk.ui.people_page:PeoplePage"),
    Area("officers", N_("Hội officers"), "officers", "coopdesk.ui.officers_page:OfficersPage"),
    Area("trainings", N_("Trainings"), "trainings", "coopdesk.ui.trainings_page:TrainingsPage"),
    Area(
        "activities", N_("Activities"), "activities", "coopdesk.ui.activities_page:ActivitiesPage"
    ),
    Area("support", N_("Support"), "support", "coopdesk.ui.support_page:SupportPage"),
    Area("budget", N_("Budget"), "budget", "coopdesk.ui.budget_page:BudgetPage"),
    Area("plans", N_("Plans & targets"), "plans", "coopdesk.ui.plans_page:PlansPage"),
    Area("reports", N_("Reports"), "reports", "coopdesk.ui.reports_page:ReportsPage"),
    Area("bundles", N_("Bundles"), "bundles", "coopdesk.ui.bundles_page:BundlesPage"),
    Area("settings", N_("Settings"), "settings", "coopdesk.ui.settings_page:SettingsPage"),
)
AREA_KEYS = tuple(a.key for a in AREAS)


def area(key: str) -> Area:
    for a in AREAS:
        if a.key == key:
            return a
    raise KeyError(key)


class PlaceholderPage(QWidget):
    """Shown for an area whose module is not there yet."""

    def __init__(self, ctx: AppContext, label: str, reason: str = "", parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.label = label
        self.reason = reason
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.title.setText(_(self.label))
        self.body.setText(_("This part of CoopDesk is not available in this version yet."))

    def refresh(self) -> None:
        pass


def create_page(key: str, ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    """Import and build the page of an area, or a placeholder if its module is missing."""
    spec = area(key)
    module_name, _sep, class_name = spec.target.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return PlaceholderPage(ctx, spec.label, parent=parent)
        log.exception("cannot load the page %s", spec.target)
        return PlaceholderPage(ctx, spec.label, str(exc), parent=parent)
    except (ImportError, AttributeError) as exc:
        log.exception("cannot load the page %s", spec.target)
        return PlaceholderPage(ctx, spec.label, str(exc), parent=parent)
    return cls(ctx, parent)
