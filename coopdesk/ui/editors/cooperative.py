"""The cooperative editor: identity, products, status and founding, board, yearly figures,
and the programme's badges computed live by coopdesk.domain.classification."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coopdesk.domain import classification
from coopdesk.domain.validation import Problem
from coopdesk.i18n import N_, _, current_language
from coopdesk.services.registry import cooperatives, lookups
from coopdesk.services.registry.drafts import Draft
from coopdesk.ui import labels as L
from coopdesk.ui.context import AppContext
from coopdesk.ui.editors.board import BoardEditor
from coopdesk.ui.editors.duplicate_dialog import GuardedRecordDialog
from coopdesk.ui.editors.fields import (
    CheckField,
    ChoiceField,
    DateField,
    Form,
    NoteField,
    StarsField,
    TextField,
)
from coopdesk.ui.editors.record_sheet import SheetButton
from coopdesk.ui.editors.years import YearsEditor

BADGES = (
    (
        "women_managed",
        N_("Women take part in management"),
        N_("A woman holds a management role today."),
    ),
    (
        "female_workers",
        N_("Creates jobs for women workers"),
        N_("More than half of the workers are women (latest year)."),
    ),
    (
        "programme",
        N_("Newly founded under the programme"),
        N_("Founded from 03/01/2023 with the Hội's support."),
    ),
)


class CooperativeDialog(GuardedRecordDialog):
    AREA = cooperatives.AREA
    TITLE_NEW = N_("New cooperative or group")
    TITLE_EDIT = N_("Cooperative: {name}")

    def __init__(self, ctx: AppContext, record_id: str | None, parent: QWidget | None = None):
        self._name = ""
        super().__init__(ctx, record_id, parent)

    def _sectors(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = self.ctx.read(lookups.sectors, current_language())
        return found

    def build(self) -> None:
        self._build_badges()
        self.identity = self._identity_form()
        self.products = self._products_form()
        self.add_form(self.identity, N_("Identity and registration"))
        self.add_form(self.products, N_("Products"))
        self._add_board_and_years()
        self.sheet_button = SheetButton(self, "coop-sheet", N_("Information sheet…"))
        for signal in (self.identity.changed, self.board.changed, self.years.changed):
            signal.connect(self.update_badges)

    def _build_badges(self) -> None:
        """A row of the programme's badges above the tabs, filled by `update_badges`."""
        badges = QHBoxLayout()
        self.badges: dict[str, QLabel] = {}
        for key, _text, _tip in BADGES:
            label = QLabel()
            self.badges[key] = label
            badges.addWidget(label)
        badges.addStretch(1)
        frame = self.layout()
        assert isinstance(frame, QVBoxLayout)
        frame.insertLayout(1, badges)

    def _identity_form(self) -> Form:
        """Name, kind, registration, contact, status and founding."""
        return Form(
            [
                TextField(
                    "name",
                    N_("Name"),
                    required=True,
                    placeholder=N_("e.g. HTX Nông nghiệp Tân Phong"),
                ),
                ChoiceField("kind", N_("Kind"), list(L.KIND.items()), required=True),
                TextField("registration_no", N_("Registration number (MST)")),
                DateField("registered_on", N_("Registered on")),
                ChoiceField(
                    "sector_code", N_("Sector"), self._sectors, allow_none=True, translate=False
                ),
                TextField("address", N_("Address")),
                TextField("phone", N_("Phone")),
                ChoiceField("status", N_("Status"), list(L.STATUS.items())),
                DateField("founded_on", N_("Founded on")),
                DateField("dissolved_on", N_("Dissolved on")),
                CheckField("founded_with_hoi_support", N_("Founded with the Hội's support")),
                CheckField("hoi_supported", N_("Supported by the Hội")),
            ]
        )

    def _products_form(self) -> Form:
        """What the cooperative makes and sells: OCOP, value chain, craft, tourism, online."""
        return Form(
            [
                NoteField("products", N_("Main products and services")),
                TextField("ocop_product", N_("OCOP product")),
                StarsField("ocop_stars", N_("OCOP stars")),
                CheckField("value_chain", N_("Part of a value chain")),
                CheckField("traditional_craft", N_("Traditional craft")),
                CheckField("community_tourism", N_("Community tourism")),
                CheckField("ecommerce", N_("Sells online (e-commerce)")),
                CheckField("trademark", N_("Has a trademark")),
                CheckField("traceability", N_("Product traceability")),
                TextField("growing_area_code", N_("Growing area code")),
                NoteField("notes", N_("Notes")),
            ]
        )

    def _add_board_and_years(self) -> None:
        """The board's and the yearly figures' tabs; a change in either marks the record dirty."""
        self.board = BoardEditor(self.ctx)
        self.board.changed.connect(self.mark_dirty)
        self.tabs.addTab(self.board, "")
        self.set_tab_title(self.board, N_("Management board"))
        self.years = YearsEditor()
        self.years.changed.connect(self.mark_dirty)
        self.tabs.addTab(self.years, "")
        self.set_tab_title(self.years, N_("Yearly figures"))

    def load(self) -> None:
        draft = self.read_draft()
        self._name = draft.fields.get("name") or ""
        self.identity.load(draft.fields)
        self.products.load(draft.fields)
        self.board.load(draft.board or [])
        self.years.load(draft.years or [])

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.sheet_button.refresh()
        self.board.translate_ui()
        self.years.translate_ui()
        self.update_badges()

    def collect(self) -> dict[str, Any] | None:
        first, ok1 = self.identity.read()
        second, ok2 = self.products.read()
        if not (ok1 and ok2):
            return None
        return {**first, **second}

    def prepare_save(self) -> bool:
        return self.years.keep_form()

    def make_draft(self, data: dict[str, Any]) -> Draft:
        return cooperatives.CooperativeDraft(
            id=self.record_id,
            fields=self.own_fields(data),
            board=self.board.draft_rows(),
            years=self.years.draft_rows(),
        )

    def live_problems(self, problems: list[Problem]) -> list[Problem]:
        """While typing, the figures' problems of the year on screen only."""
        shown = f"years[{self.years.year.value()}]."
        return [
            p for p in problems if not p.field.startswith("years[") or p.field.startswith(shown)
        ]

    def show_problems(self, problems: list[Problem]) -> None:
        """A year's problem is shown with that year's figures on screen."""
        for p in problems:
            if p.field.startswith("years[") and p.is_error:
                year = p.field[len("years[") : p.field.index("]")]
                if year.isdigit():
                    self.years.year.setValue(int(year))
                break
        super().show_problems(problems)

    # --- badges --------------------------------------------------------------------------

    def classification(self) -> dict[str, bool]:
        """The three badges for the values on screen (saved or not)."""
        values, _ok = self.identity.read()
        kind = values.get("kind") or "HTX"
        rows = self.board.live_rows()
        roles = [
            SimpleNamespace(
                role=r.role, person_id=str(n), start_on=r.start_on, end_on=r.end_on, deleted_at=None
            )
            for n, r in enumerate(rows)
        ]
        people = {str(n): SimpleNamespace(gender=r.gender) for n, r in enumerate(rows)}
        latest = self.years.latest()
        coop = SimpleNamespace(
            founded_on=values.get("founded_on"),
            founded_with_hoi_support=values.get("founded_with_hoi_support"),
        )
        return {
            "women_managed": classification.women_in_management(
                roles, people, dt.date.today(), kind
            ),
            "female_workers": bool(latest) and classification.majority_female_workers(latest),
            "programme": classification.founded_under_programme(coop),
        }

    def update_badges(self) -> None:
        state = self.classification()
        for key, text, tip in BADGES:
            label = self.badges[key]
            on = state[key]
            label.setObjectName("badgeOn" if on else "badgeOff")
            label.setText(("✓ " if on else "") + _(text))
            label.setToolTip(_(tip))
            # the style of the new name (its padding) must be in the size the layout gives,
            # or the badge that gains its "✓" is cut
            label.style().unpolish(label)
            label.style().polish(label)
            label.updateGeometry()

    def badge_texts(self) -> list[str]:
        """The badges that are on, as shown."""
        return [
            self.badges[k].text().removeprefix("✓ ")
            for k, on in self.classification().items()
            if on
        ]
