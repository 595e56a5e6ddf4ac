"""The officer's own parts of the annual report, by key: what `coopdesk report --paragraphs`
and the Reports page name, in a module light enough for `coopdesk --help` (the document
itself is `coopdesk.reports.annual`)."""

from __future__ import annotations

from coopdesk.i18n import N_

# The officer's own text, stored with the report (Report.paragraphs), in document order.
PARAGRAPH_KEYS: dict[str, str] = {
    "situation": N_("General situation"),
    "international": N_("International cooperation"),
    "strengths": N_("Strengths"),
    "difficulties": N_("Difficulties, shortcomings and their causes"),
    "next_tasks": N_("Key tasks for the next period"),
    "proposals": N_("Proposals and recommendations"),
}
# Sections whose only text is the officer's: a document cannot be issued while one is empty,
# unless it is left out (its paragraph is None: neither heading nor text is printed).
WRITTEN_ONLY = ("strengths", "difficulties", "next_tasks", "proposals")
