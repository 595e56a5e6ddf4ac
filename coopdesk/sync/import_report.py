"""What an import did or would do, in words for the officer: outcomes, problems, refusals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coopdesk.i18n import _
from coopdesk.sync import bundle
from coopdesk.sync.describe import kind_label

OUTCOMES = ("new", "updated", "unchanged", "conflicts", "waiting", "refused")
SHOWN_PROBLEMS = 10


@dataclass
class Problem:
    position: int
    table: str
    label: str
    field: str
    message: str

    def text(self) -> str:
        where = (
            _("record {n} ({kind} “{label}”)").format(
                n=self.position + 1, kind=kind_label(self.table), label=self.label
            )
            if self.position >= 0
            else f"{kind_label(self.table)} “{self.label}”"
        )
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def problem_list(problems: list[Problem]) -> str:
    """The first problems as bullet lines, and how many more there are."""
    shown = "\n".join("• " + p.text() for p in problems[:SHOWN_PROBLEMS])
    more = len(problems) - SHOWN_PROBLEMS
    if more > 0:
        shown += "\n" + _("… and {n} more problems.").format(n=more)
    return shown


@dataclass
class Item:
    table: str
    record_id: str
    label: str
    outcome: str  # new | updated | unchanged | conflicts | waiting
    deleted: bool = False
    released: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "kind": kind_label(self.table),
            "id": self.record_id,
            "name": self.label,
            "outcome": self.outcome,
            "deleted": self.deleted,
        }


@dataclass
class ImportReport:
    file_name: str = ""
    bundle_id: str = ""
    sender_unit: str = ""
    sender_name: str = ""
    seq: int = 0
    created_at: str = ""
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    items: list[Item] = field(default_factory=list)
    refused: bool = False
    reason: str = ""  # broken | newer | too_large | not_bundle | unreadable | invalid | scope | …
    message: str = ""
    problems: list[Problem] = field(default_factory=list)
    already_imported: bool = False
    applied: bool = False
    import_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "bundle_id": self.bundle_id,
            "sender_unit": self.sender_unit,
            "sender_name": self.sender_name,
            "seq": self.seq,
            "created_at": self.created_at,
            **{k: self.counts.get(k, 0) for k in OUTCOMES},
            "refused_bundle": self.refused,
            "reason": self.reason,
            "message": self.message,
            "already_imported": self.already_imported,
            "applied": self.applied,
            "import_id": self.import_id,
            "problems": [p.text() for p in self.problems],
        }

    def summary(self) -> str:
        """One paragraph in the interface language saying what happened or would happen."""
        if self.refused or self.already_imported:
            return self.message
        c = self.counts
        return _(
            "{new} new, {updated} updated, {unchanged} unchanged or older, "
            "{conflicts} in conflict, {waiting} waiting for a record not received yet."
        ).format(**{k: c.get(k, 0) for k in OUTCOMES})

    def refuse(self, refusal: Refused, count: int) -> ImportReport:
        """Mark the bundle refused (nothing is written), `count` records with it."""
        self.refused, self.reason, self.message = True, refusal.reason, refusal.message
        self.problems = refusal.problems
        self.counts["refused"] = count
        return self


class Refused(Exception):
    def __init__(self, reason: str, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.problems = problems or []


def invalid(problems: list[Problem]) -> Refused:
    return Refused(
        "invalid",
        _(
            "This bundle contains invalid records, so it was refused and nothing was "
            "changed. Ask the sender to correct them and export again.\n{problems}"
        ).format(problems=problem_list(problems)),
        problems,
    )


def out_of_scope(problems: list[Problem]) -> Refused:
    return Refused(
        "scope",
        _(
            "This bundle contains records its sender may not change here, so it was "
            "refused and nothing was changed. Ask the sender to check the unit the "
            "bundle was made for.\n{problems}"
        ).format(problems=problem_list(problems)),
        problems,
    )


def duplicate(detail: str, problems: list[Problem] | None = None) -> Refused:
    return Refused(
        "duplicate",
        _(
            "This bundle holds a record that duplicates a different record here (the same "
            "cooperative and year, training and person, or unit, year and source), so it was "
            "refused and nothing was changed. Delete one of the two, then import again.\n{detail}"
        ).format(detail=detail),
        problems,
    )


def refusal_message(error: bundle.BundleError) -> str:
    match error.kind:
        case "newer":
            return _(
                "This bundle was made by a newer version of CoopDesk. "
                "Please update CoopDesk, then import it again."
            )
        case "too_large":
            return _(
                "This file is too large to be a CoopDesk bundle. "
                "Ask the sender to export it again, or check that you chose the right file."
            )
        case "not_bundle":
            return _("This file is not a CoopDesk bundle. Choose the .coopdesk file you received.")
        case "unreadable":
            return _("The file cannot be read ({detail}). Copy it again and retry.").format(
                detail=error.detail
            )
    message = _(
        "The bundle file is damaged or incomplete (it may have been cut off while copying). "
        "Ask the sender to export it again; nothing was changed."
    )
    part, _sep, what = error.detail.partition(": ")
    if part in ("header", "body") and what:  # the strict reader's own words (canonical)
        message += "\n• " + what
    return message
