"""The areas of the main window and the page each one shows.

Page contract (every area):
- a `QWidget` subclass `XxxPage(ctx: AppContext, parent=None)`, built in code;
- `translate_ui()`: sets every visible string through `_()`; the main window calls it after
  the language changes (and pages call it once at the end of `__init__`);
- `refresh()`: re-reads what the page shows; the main window calls it when the page is
  shown and after `ctx.data_changed` for the visible page (hidden pages refresh when shown).
  A page with `refreshes_itself = True` refreshes itself after a change (the overview on
  `ctx.data_changed`, debounced, while visible; Settings after its own save): the main window
  then refreshes it only when it is shown.
Optional, called by the window's menus and shortcuts when the page has them:
`new_record()` (Ctrl+N), `focus_search()` (Ctrl+F), `save()` (Ctrl+S), `cancel()` (Esc),
`status_text() -> str` (shown in the status bar after refresh), `help_text() -> str` (F1).
Pages are created the first time their area is opened. A page whose module cannot be loaded
(a damaged installation) shows what went wrong and what to do, instead of closing the window;
a test opens every area and requires its real page.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
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
    aggregator_only: bool = False  # shown to a province or national office only


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
    Area(
        "reporting",
        N_("Who has reported"),
        "reporting",
        "coopdesk.ui.reporting_page:ReportingPage",
        aggregator_only=True,
    ),
    Area(
        "unit_changes",
        N_("Boundary changes"),
        "reporting",
        "coopdesk.ui.unit_changes_page:UnitChangesPage",
    ),
    Area("backups", N_("Backups"), "export", "coopdesk.ui.backups_page:BackupsPage"),
    Area("settings", N_("Settings"), "settings", "coopdesk.ui.settings_page:SettingsPage"),
)
AREA_KEYS = tuple(a.key for a in AREAS)


def area(key: str) -> Area:
    for a in AREAS:
        if a.key == key:
            return a
    raise KeyError(key)


class BrokenPage(QWidget):
    """Shown for an area whose page could not be loaded: says so, and what to do."""

    def __init__(
        self, ctx: AppContext, label: str, reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.label = label
        self.reason = reason
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.title.setText(_(self.label))
        self.body.setText(
            _(
                "This part of CoopDesk could not be loaded: the installation may be damaged. "
                "Your data is not affected. Install CoopDesk again from the original folder; "
                "if it happens again, send this message to whoever supports you: {reason}"
            ).format(reason=self.reason)
        )

    def refresh(self) -> None:
        """Nothing to re-read: the page shows only the error."""


def create_page(key: str, ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    """Import and build the page of an area; a page that cannot be loaded is explained."""
    spec = area(key)
    module_name, _sep, class_name = spec.target.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        log.exception("cannot load the page %s", spec.target)
        return BrokenPage(ctx, spec.label, f"{spec.target}: {exc}", parent=parent)
    return cls(ctx, parent)
