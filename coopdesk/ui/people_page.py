"""People: women managers, members, beneficiaries (sorted by given name, Vietnamese order)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.domain.accounts import Permission
from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.roles import may

SENSITIVE_KEYS = ("ethnicity", "poverty", "disability")


class PeoplePage(ListPage):
    TITLE = N_("People")
    KIND = "people"
    ENTITY = "people"
    MERGE = "people"
    SEARCH_HINT = N_("Search by name or phone (accents not needed)…")

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.gender_filter = self.add_choice(bar, "gender", N_("Women and men"))
        self.training_filter = self.add_choice(bar, "trained", N_("Trained or not"))
        self.managers_filter = self.add_check(bar, "managers", N_("Managers only"))
        self.show_sensitive = self.add_option(N_("Show sensitive data"))
        self.show_sensitive.toggled.connect(self._toggle_sensitive)
        self.show_sensitive.setVisible(may(self.ctx, Permission.SEE_SENSITIVE))  # not a viewer

    def _toggle_sensitive(self, on: bool) -> None:
        for key in SENSITIVE_KEYS:
            self.table.setColumnHidden(self.model.column_index(key), not on)

    def count_text(self, n: int) -> str:
        return ngettext("{n} person", "{n} people", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.person import PersonDialog

        self.edit(PersonDialog(self.ctx, record_id, self))
