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

# The generated passages of the annual report, in document order: each may be replaced by the
# officer's own wording, kept with the report (the options' "wording"). A passage printed only
# when the report has it (no "Căn cứ" without a numbered plan, no list of funds without any).
WORDING_KEYS: dict[str, str] = {
    "bases": N_("Legal bases (“Pursuant to …”)"),
    "opening": N_("Opening sentence"),
    "situation.cooperatives": N_("General situation: cooperatives in the area"),
    "results.communication": N_("Results 1: communication"),
    "results.consolidation": N_("Results 2: cooperatives consolidated and support given"),
    "results.support_by_fund": N_("Results 2: support by fund"),
    "results.founding": N_("Results 3: new cooperatives and jobs"),
    "results.training": N_("Results 4: training"),
    "results.steering": N_("Results 5: officers trained and budget"),
    "results.budget_by_source": N_("Results 5: budget by source"),
    "international": N_("Results 6: international cooperation"),
    "closing": N_("Closing sentence"),
}
