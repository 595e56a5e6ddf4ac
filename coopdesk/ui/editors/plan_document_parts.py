"""The parts of a plan that make its document: the issuer's header and signature, the Căn cứ
lines, and the texts of its sections.

An issuing line left empty prints the default of the kind of body that issues the plan (a
People's Committee signs "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"); each empty field shows that
default greyed, from what "Issued by" says. The Căn cứ lines are citations (kind of document,
number, date, issuer, title: `domain.citations`), kept in the plan as one JSON value.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from coopdesk.domain import citations, issuers
from coopdesk.domain.validation import Problem
from coopdesk.i18n import N_, _
from coopdesk.ui.editors.fields import ChoiceField, DateField, Form, NoteField, TextField
from coopdesk.ui.editors.plan_parts import PartsTab

ISSUING_KEYS = (
    "issuer_header",
    "parent_body",
    "symbol",
    "place",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
)
TEXT_KEYS = (
    "opening", "purpose", "requirements", "general_goal", "specific_goals", "heading_groups",
    "target_groups", "timing", "heading_tasks", "tasks", "heading_own", "budget_text",
    "reporting", "closing",
)  # fmt: skip


def _tall(field: NoteField, height: int = 110) -> NoteField:
    field.edit.setFixedHeight(height)
    return field


class IssuingTab(QWidget):
    """The plan's header and signature, each line over the default of its kind of body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.form = Form(
            [
                TextField("issuer_header", N_("Issuing body (as headed)")),
                TextField("parent_body", N_("Body above the issuer")),
                TextField("symbol", N_("Document symbol")),
                TextField("place", N_("Place (in the date line)")),
                _tall(NoteField("signer_authority", N_("Signing on behalf of")), 52),
                TextField("signer_title", N_("Signer's title")),
                TextField("signer_name", N_("Signer's name")),
                _tall(NoteField("recipients", N_("Recipients (one per line)")), 130),
            ]
        )
        layout.addWidget(self.form)
        layout.addStretch(1)

    def translate_ui(self) -> None:
        self.hint.setText(
            _(
                "A line left empty prints what a plan of its issuer prints: a People's "
                "Committee's plan is headed, numbered and signed as the committee (shown "
                "greyed). Write a line to print it instead."
            )
        )

    def show_defaults(self, issuer: str, remembered: dict[str, str] | None = None) -> None:
        """Grey each empty line with what a plan of `issuer` prints in its place: the line
        the unit's last plan of that issuer said (`remembered`), else its kind's."""
        kind = issuers.kind_of(issuer) if issuer.strip() else "hoi"
        place = issuers.place_of(issuer)
        block = issuers.defaults(kind, place)
        shown = {
            "issuer_header": block.issuer,
            "parent_body": block.parent_body,
            "symbol": block.symbol,
            "place": issuers.place_name(place),
            "signer_authority": block.signer_authority,
            "signer_title": block.signer_title,
            "recipients": "\n".join(block.recipients),
        }
        names = {"issuer": "issuer_header"}  # Issuing field → this form's field
        shown |= {names.get(k, k): v for k, v in (remembered or {}).items() if v}
        for key, text in shown.items():
            widget = self.form.fields[key].widget
            widget.setPlaceholderText(text)  # type: ignore[attr-defined]


class ContentsTab(QScrollArea):
    """The texts of the plan's sections, in the order the document prints them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.form = Form(
            [
                _tall(NoteField("opening", N_("Opening sentence")), 64),
                _tall(NoteField("purpose", N_("Purpose"))),
                _tall(NoteField("requirements", N_("Requirements"))),
                _tall(NoteField("general_goal", N_("General goal"))),
                _tall(NoteField("specific_goals", N_("Specific goals (empty: from the targets)"))),
                TextField("heading_groups", N_("Heading: target groups and timing")),
                _tall(NoteField("target_groups", N_("Target groups"))),
                _tall(NoteField("timing", N_("Timing and phases (empty: from the period)")), 64),
                TextField("heading_tasks", N_("Heading: tasks and solutions")),
                _tall(NoteField("tasks", N_("Tasks and solutions")), 200),
                TextField("heading_own", N_("Heading: activities at the issuer's own level")),
                _tall(NoteField("budget_text", N_("Budget"))),
                _tall(NoteField("reporting", N_("Reporting"))),
                _tall(NoteField("closing", N_("Closing paragraph (empty: “Trên đây là …”)")), 64),
            ]
        )
        layout.addWidget(self.form)
        self.setWidget(inner)

    def translate_ui(self) -> None:
        self.hint.setText(
            _(
                "Each line is a paragraph; a line starting with “- ” is a bullet, “1. ” an "
                "item, “a) ” a point. A heading left empty prints the usual one; a part with "
                "nothing in it is left out."
            )
        )


def verb_choices() -> list[tuple[str, str]]:
    return [(key, _(english)) for key, (_vi, english) in citations.VERBS.items()]


def kind_choices() -> list[tuple[str, str]]:
    return [(key, _(english)) for key, (_vi, english) in citations.KINDS.items()]


class BasesTab(PartsTab):
    """The Căn cứ lines: the documents the plan is based on, one a row."""

    COLUMNS = (N_("Document"), N_("Number"), N_("Date"), N_("Issued by"))
    KEYS = citations.KEYS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ChoiceField("verb", N_("Line starts with"), verb_choices, translate=False),
                ChoiceField("kind", N_("Kind of document"), kind_choices, translate=False),
                TextField("number", N_("Number"), placeholder=N_("e.g. 2229/KH-UBND")),
                DateField("date", N_("Date")),
                TextField("issuer", N_("Issued by")),
                NoteField("title", N_("Title (as the line continues)")),
            ],
            parent,
        )
        self.form.fields["title"].widget.setMaximumHeight(70)
        # a plan entered here already (this unit's or the one above): its number, date,
        # issuer and title fill the form, so the same document is cited the same way
        self.source = QComboBox()
        self.sources: list[tuple[str, dict[str, Any]]] = []
        self.source.activated.connect(self._take_source)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.source)

    def set_sources(self, sources: list[tuple[str, dict[str, Any]]]) -> None:
        self.sources = sources
        self._fill_sources()

    def _fill_sources(self) -> None:
        self.source.clear()
        self.source.addItem(_("Cite a plan entered here…"), None)
        for n, (label, _row) in enumerate(self.sources):
            self.source.addItem(label, n)
        self.source.setVisible(bool(self.sources))

    def _take_source(self, index: int) -> None:
        n = self.source.itemData(index)
        if n is not None:
            self.start_new()
            self.form.load(dict(self.sources[n][1]))
        self.source.setCurrentIndex(0)

    def translate_ui(self) -> None:
        super().translate_ui()
        self._fill_sources()

    def defaults(self) -> dict[str, Any]:
        return {"verb": "pursuant", "kind": "KH", "number": "", "date": None, "issuer": ""}

    def check(self, values: dict[str, Any]) -> list[Problem]:
        return [
            Problem(where.split(".", 1)[-1], _(message))
            for where, message in citations.problems_of([_stored(values)])
        ]

    def cells(self, row: dict[str, Any]) -> list[str]:
        kind = row.get("kind") or ""
        return [
            _(citations.KINDS.get(kind, (kind, kind))[1]),
            row.get("number") or "",
            citations.short_date(row["date"]) if row.get("date") else "",
            row.get("issuer") or "",
        ]

    def set_json(self, text: str) -> None:
        try:
            rows = citations.parse(text or "")
        except citations.BadCitations:
            rows = []
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("date"), str) and row["date"]:
                with contextlib.suppress(ValueError):  # else shown as stored, the check names it
                    row["date"] = dt.date.fromisoformat(row["date"])
        self.set_rows([r for r in rows if isinstance(r, dict)])

    def as_json(self) -> str:
        return citations.dump([{k: r.get(k) for k in self.KEYS} for r in self.rows])


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    date = values.get("date")
    return {**values, "date": date.isoformat() if isinstance(date, dt.date) else date}
