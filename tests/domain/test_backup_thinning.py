"""The thinning rule for backups (domain.backup_thinning), held over many random folders and
over a year of days simulated one by one."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from coopdesk.domain import backup_thinning as rule
from coopdesk.domain.backup_thinning import Backup

TODAY = dt.date(2026, 12, 2)

backup_lists = st.lists(
    st.tuples(
        st.integers(min_value=-2, max_value=800),  # age in days (negative: the clock was wrong)
        st.integers(min_value=0, max_value=86_399),  # second of the day
        st.sampled_from(rule.REASONS),
    ),
    max_size=60,
)


def _backups(rows: list[tuple[int, int, str]]) -> list[Backup]:
    out = []
    for n, (age, second, reason) in enumerate(rows):
        made = dt.datetime.combine(TODAY - dt.timedelta(days=age), dt.time()) + dt.timedelta(
            seconds=second
        )
        out.append(Backup(f"b{n}", made, reason))
    return out


def _age(b: Backup) -> int:
    return (TODAY - b.made_at.date()).days


@settings(max_examples=150, deadline=None)
@given(backup_lists, st.data())
def test_what_is_never_deleted(rows, data) -> None:
    backups = _backups(rows)
    newest_good = data.draw(st.sampled_from([None, *[b.name for b in backups]]))
    doomed = set(rule.to_delete(backups, TODAY, newest_good))
    for b in backups:
        if b.reason == rule.BY_HAND or b.name == newest_good or _age(b) < rule.KEEP_ALL_DAYS:
            assert b.name not in doomed


@settings(max_examples=150, deadline=None)
@given(backup_lists)
def test_what_is_left_is_one_a_week_then_one_a_month_then_nothing(rows) -> None:
    backups = _backups(rows)
    doomed = set(rule.to_delete(backups, TODAY, None))
    left = [b for b in backups if b.name not in doomed and b.reason != rule.BY_HAND]
    weeks = [b.made_at.isocalendar()[:2] for b in left if 7 <= _age(b) < 31]
    months = [(b.made_at.year, b.made_at.month) for b in left if 31 <= _age(b) < 365]
    assert len(weeks) == len(set(weeks))
    assert len(months) == len(set(months))
    assert not [b for b in left if _age(b) >= 365]
    # and every week and month that had a backup still has one (the oldest)
    for b in backups:
        if b.reason != rule.BY_HAND and 7 <= _age(b) < 31:
            assert b.made_at.isocalendar()[:2] in weeks
        if b.reason != rule.BY_HAND and 31 <= _age(b) < 365:
            assert (b.made_at.year, b.made_at.month) in months


@settings(max_examples=100, deadline=None)
@given(backup_lists)
def test_thinning_twice_deletes_nothing_more(rows) -> None:
    backups = _backups(rows)
    doomed = set(rule.to_delete(backups, TODAY, None))
    left = [b for b in backups if b.name not in doomed]
    assert rule.to_delete(left, TODAY, None) == []


def test_a_year_and_more_of_daily_starts_keeps_every_period_covered_and_the_folder_small() -> None:
    """One daily backup a day, thinned each day as the app does: every day of the last week,
    every week of the last month and every month of the last year keeps a backup."""
    folder: list[Backup] = []
    start = dt.date(2026, 1, 1)
    for n in range(420):
        day = start + dt.timedelta(days=n)
        folder.append(Backup(f"daily-{day}", dt.datetime.combine(day, dt.time(8)), rule.DAILY))
        doomed = set(rule.to_delete(folder, day, folder[-1].name))
        folder = [b for b in folder if b.name not in doomed]
        assert len(folder) <= 7 + 5 + 13
        kept = {b.made_at.date() for b in folder}
        ages = {(day - d).days: d for d in (start + dt.timedelta(days=k) for k in range(n + 1))}
        for age, d in ages.items():
            if age < 7:
                assert d in kept
            elif age < 31:
                assert any(k.isocalendar()[:2] == d.isocalendar()[:2] for k in kept), (day, d)
            elif age < 365 - 6:  # a month's backup may be its last Sunday, up to 6 days early
                assert any((k.year, k.month) == (d.year, d.month) for k in kept), (day, d)
            elif age >= 365:
                assert d not in kept
