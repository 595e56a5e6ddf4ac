"""Báo cáo kết quả thực hiện Đề án (a year, a phase, any period), from gathered figures.

The structure follows the local plans' six task groups (DOMAIN.md §3): the situation, results
by group with the numbers of the indicator registry, the officer's own assessment,
difficulties, next tasks and proposals, then the appendices (indicators against targets; for
an aggregating unit, the key indicators of each child unit, on landscape pages).

Every generated passage has a key (paragraph_keys.WORDING_KEYS); the officer's wording under
that key (`AnnualData.wording`) is printed in its place, and `Document.wording` lists what was
generated, so she can see each sentence and reword it. The parts: `annual_data` (what the
report is made from, how its period reads), `annual_writer` (blocks and keyed passages),
`annual_results` (part II), `annual_appendices`.
"""

from __future__ import annotations

from coopdesk.reports.annual_appendices import appendices
from coopdesk.reports.annual_data import AnnualData as AnnualData  # re-exported
from coopdesk.reports.annual_data import Figure as Figure
from coopdesk.reports.annual_data import next_period, period_phrase, subject
from coopdesk.reports.annual_data import phrase_for as phrase_for
from coopdesk.reports.annual_data import target_span as target_span
from coopdesk.reports.annual_results import results
from coopdesk.reports.annual_writer import Writer
from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import Document
from coopdesk.reports.paragraph_keys import PARAGRAPH_KEYS as PARAGRAPH_KEYS
from coopdesk.reports.paragraph_keys import WORDING_KEYS as WORDING_KEYS
from coopdesk.reports.paragraph_keys import WRITTEN_ONLY as WRITTEN_ONLY
from coopdesk.reports.text import number, translate_in

DOC_CODE = "BC"


def build_annual(
    data: AnnualData, issuing: Issuing, numbering: Numbering, lang: str = "vi"
) -> Document:
    w = Writer(data, lang)
    period = period_phrase(data, lang)
    bases = [translate_in(lang, "Pursuant to {basis};").format(basis=b) for b in data.bases]
    if bases:
        w.passage("bases", bases, "basis")
    opening = translate_in(
        lang, "{issuer} reports the results of implementing the Project {period} as follows:"
    ).format(issuer=data.issuer_prose, period=period)
    w.passage("opening", [opening])
    _situation(w)
    w.part(translate_in(lang, "RESULTS"))
    results(w)
    _officer_parts(w)
    closing = translate_in(
        lang,
        "Above is the report on the results of implementing the Project {period} of {issuer}./.",
    ).format(period=period, issuer=data.issuer_prose)
    w.passage("closing", [closing], "closing")
    header = make_header(issuing, numbering, lang)
    doc = Document(
        header=header,
        title=translate_in(lang, "REPORT"),
        subject=subject(data, lang),
        blocks=w.blocks,
        signature=make_signature(issuing, lang),
        lang=lang,
        subject_note=data.reissue_note,
        wording=w.wording,
    )
    doc.appendices = appendices(data, header.number_line(), numbering.date, lang)
    return doc


def _situation(w: Writer) -> None:
    """I: the cooperatives in the area, then the officer's own paragraph if she wrote one."""
    lang = w.lang
    htx_all, tht_all = w.data.cooperatives_active
    w.part(translate_in(lang, "GENERAL SITUATION"))
    text = translate_in(
        lang,
        "The area has {htx_all} cooperatives (HTX) and {tht_all} cooperative groups (THT) "
        "in operation; {htx} HTX and {tht} THT have women in management.",
    ).format(
        htx_all=number(htx_all, lang),
        tht_all=number(tht_all, lang),
        htx=w.n("htx_women_managed"),
        tht=w.n("tht_women_managed"),
    )
    w.passage("situation.cooperatives", [text])
    if w.written("situation"):
        w.officer_text("situation")


def _officer_parts(w: Writer) -> None:
    """III–V: the officer's assessment, next tasks and proposals; a part left out is not
    printed and the parts after it are numbered on."""
    lang = w.lang
    assessment = [k for k in ("strengths", "difficulties") if not w.left_out(k)]
    if assessment:
        w.part(translate_in(lang, "GENERAL ASSESSMENT"))
    for n, key in enumerate(assessment, start=1):
        w.add(f"{n}. " + translate_in(lang, PARAGRAPH_KEYS[key]), "item")
        w.officer_text(key)
    if not w.left_out("next_tasks"):
        w.part(translate_in(lang, "KEY TASKS") + f" {next_period(w.data, lang)}")
        w.officer_text("next_tasks")
    if not w.left_out("proposals"):
        w.part(translate_in(lang, "PROPOSALS AND RECOMMENDATIONS"))
        w.officer_text("proposals")
