"""Part II of the annual report, the results by task group, with the indicator registry's
numbers: each generated passage under its key, so the officer may reword any of them."""

from __future__ import annotations

from coopdesk.reports.annual_data import period_phrase, times, within_period
from coopdesk.reports.annual_writer import Writer
from coopdesk.reports.text import number, translate_in


def results(w: Writer) -> None:
    _communication(w)
    _consolidation(w)
    w.add(
        "3. "
        + translate_in(w.lang, "Supporting the founding of new cooperatives managed by women"),
        "item",
    )
    _founding(w)
    _training(w)
    _steering(w)
    _international(w)


def _communication(w: Writer) -> None:
    lang = w.lang
    w.add(
        "1. " + translate_in(lang, "Communication and awareness raising on the collective economy"),
        "item",
    )
    text = translate_in(
        lang,
        "{events} communication events were held, reaching {reach} participations, "
        "{women} of them by women.",
    ).format(events=w.n("comm_events"), reach=w.n("comm_reach"), women=w.n("comm_reach_women"))
    w.passage("results.communication", [text])


def _consolidation(w: Writer) -> None:
    lang = w.lang
    w.add(
        "2. " + translate_in(lang, "Consolidating and improving cooperatives managed by women"),
        "item",
    )
    text = translate_in(
        lang,
        "{pct} of the HTX and THT supported by the Union were consolidated; support was "
        "given {times}, "
        "{amount} đồng in total.",
    ).format(
        pct=w.n("coops_consolidated_pct"),
        times=w.times("support_count"),
        amount=w.n("support_amount"),
    )
    w.passage("results.consolidation", [text])
    w.dashes(
        "results.support_by_fund",
        [
            translate_in(lang, "{fund}: {times}, {amount} đồng").format(
                fund=fund, times=times(count, lang), amount=number(amount, lang)
            )
            for fund, count, amount in w.data.support_by_fund
        ],
    )


def _founding(w: Writer) -> None:
    """New cooperatives and jobs as they happened: no 'founded 0 HTX and 0 THT … creating
    18 jobs' when the jobs came from cooperatives already there."""
    lang = w.lang
    values = {
        "htx": w.n("new_htx_programme"),
        "tht": w.n("new_tht_programme"),
        "jobs": w.n("new_jobs_women"),
        "htx_w": w.n("female_workers_htx"),
        "tht_w": w.n("female_workers_tht"),
    }
    if values["htx"] == "0" and values["tht"] == "0":
        text = translate_in(
            lang,
            "No new HTX or THT was founded under the Project in this period; the cooperatives "
            "created {jobs} new jobs for women. Female workers: {htx_w} in HTX and {tht_w} in THT.",
        )
    else:  # the new ones named as they are ('1 HTX', '3 THT', '9 HTX và 39 THT')
        parts = [f"{values[k]} {k.upper()}" for k in ("htx", "tht") if values[k] != "0"]
        founded = parts[0]
        if len(parts) == 2:
            founded = translate_in(lang, "{htx} HTX and {tht} THT").format(**values)
        text = translate_in(
            lang,
            "{founded} were founded under the Project. The cooperatives created {jobs} new "
            "jobs for women. Female workers: {htx_w} in HTX and {tht_w} in THT.",
        ).replace("{founded}", founded)
    w.passage("results.founding", [text.format(**values)])


def _training(w: Writer) -> None:
    lang = w.lang
    w.add("4. " + translate_in(lang, "Improving the human resources of the cooperatives"), "item")
    text = translate_in(
        lang,
        "{courses} training courses were held for {people} people ({participations} "
        "participations); {trained} women HTX managers were trained {period}. Since the "
        "Project began, {pct} of all women HTX managers have been trained.",
    ).format(
        courses=w.n("training_courses"),
        people=w.n("people_trained"),
        participations=w.n("training_participations"),
        trained=w.n("women_managers_trained"),
        period=within_period(w.data, lang),
        pct=w.n("women_managers_trained_pct"),
    )
    w.passage("results.training", [text])


def _steering(w: Writer) -> None:
    lang = w.lang
    w.add("5. " + translate_in(lang, "Steering, inspection and budget"), "item")
    text = translate_in(
        lang,
        "Since the Project began, {trained} of the Union officers working on the "
        "collective economy have been trained and {upskilled} have had their skills "
        "upgraded. Budget {period}: {planned} đồng planned, {allocated} đồng allocated, "
        "{spent} đồng spent.",
    ).format(
        trained=w.n("officers_trained_pct"),
        upskilled=w.n("officers_upskilled_pct"),
        period=period_phrase(w.data, lang),
        planned=w.n("budget_planned"),
        allocated=w.n("budget_allocated"),
        spent=w.n("budget_spent"),
    )
    w.passage("results.steering", [text])
    w.dashes(
        "results.budget_by_source",
        [
            translate_in(
                lang, "{source}: planned {planned}, allocated {allocated}, spent {spent} đồng"
            ).format(
                source=source,
                planned=number(planned, lang),
                allocated=number(allocated, lang),
                spent=number(spent, lang),
            )
            for source, planned, allocated, spent in w.data.budget_by_source
        ],
    )


def _international(w: Writer) -> None:
    """Part 6: the officer's own paragraph when she wrote one (it was the first text that
    could replace a generated one), else the generated sentence or her wording of it."""
    if w.left_out("international"):
        return
    lang, spent = w.lang, w.data.international_spent
    w.add("6. " + translate_in(lang, "International cooperation"), "item")
    if w.written("international"):
        w.officer_text("international")
        return
    if spent:
        text = translate_in(
            lang, "{amount} đồng from international sources were spent in this period."
        ).format(amount=number(spent, lang))
    else:
        text = translate_in(lang, "No activity in this period.")
    w.passage("international", [text])
