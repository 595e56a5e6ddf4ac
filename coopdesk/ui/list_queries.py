"""The list filters' SQL conditions live in `coopdesk.services.list_filters` (the printed
lists use them too); the list pages import them from here."""

from coopdesk.services.list_filters import (  # noqa: F401
    PROGRAMME_START,
    founded_under_programme,
    majority_female_workers,
    manages_somewhere,
    officer_trained,
    participants_count,
    trained,
    women_in_management,
    year_between,
)
