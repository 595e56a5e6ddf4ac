"""The lists (danh sách) as rows: cooperatives with women in management, women managers and
their training, trainings, activities, support — for a unit's subtree and a period, filtered as
in the app. Who counts as a manager, which cooperative is alive, and every classification (and
badge) come from the rules' SQL twins (`coopdesk.services.rules`), as in the indicators, so a
list shows exactly the records behind the dashboard's numbers.

Where each part lives: `labels` (the words for codes), `filters` (what each list offers and
the line naming the filters in force), `conditions` (unit subtree, search, year), then one
module per list: `cooperatives`, `managers`, `events` (trainings, activities, support).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from coopdesk.domain.periods import Period
from coopdesk.reports.model import CellValue
from coopdesk.services.report_lists.cooperatives import cooperative_conditions, list_cooperatives
from coopdesk.services.report_lists.events import list_activities, list_support, list_trainings
from coopdesk.services.report_lists.filters import (
    LIST_FILTERS,
    LIST_OPTIONS,
    BadFilter,
    ListFilter,
    check_filter,
    sector_name,
)
from coopdesk.services.report_lists.labels import LABELS, label
from coopdesk.services.report_lists.managers import list_managers

__all__ = [
    "LABELS",
    "LIST_FILTERS",
    "LIST_GATHERERS",
    "LIST_OPTIONS",
    "BadFilter",
    "ListFilter",
    "check_filter",
    "cooperative_conditions",
    "label",
    "list_activities",
    "list_cooperatives",
    "list_managers",
    "list_support",
    "list_trainings",
    "sector_name",
]

LIST_GATHERERS: dict[
    str, Callable[[Session, str, Period, ListFilter, str], list[list[CellValue]]]
] = {
    "cooperatives": list_cooperatives,
    "managers": list_managers,
    "trainings": list_trainings,
    "activities": list_activities,
    "support": list_support,
}
