"""Automatic backups (issue 13 item 3): a daily one on start and one before each import,
thinned by the rule; each checked after writing, never written over another; a damaged one is
not good; a copy for a USB stick named for a person; a restore that shows what it brings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.db import models as m
from coopdesk.services import backups, records, settings, sync
from tests.sync.helpers import COMMUNE_A, PROVINCE

# backups of the SQLite file (the backup API, its check); a server's are its own (pg_dump)
pytestmark = pytest.mark.sqlite_only

DAY1 = dt.datetime(2026, 12, 1, 7, 55)


def _at(monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> None:
    monkeypatch.setattr(backups, "clock", lambda: when)


def _shown(data_dir: Path) -> list[tuple[str, str]]:
    return [(b.reason, f"{b.made_at:%Y-%m-%d %H:%M}") for b in backups.list_backups(data_dir)]


@pytest.fixture
def sites(make_site):
    commune, province = make_site("commune", COMMUNE_A), make_site("province", PROVINCE)
    for site, role in ((commune, "commune"), (province, "aggregator")):
        with site.session() as s:
            settings.save_installation(
                s, settings.Installation(unit_code=site.unit, role=role, officer="Lò Thị Mai")
            )
    return commune, province


def _add_cooperative(site, name: str) -> None:
    with site.session() as s:
        records.create(
            s, m.Cooperative, {"kind": "HTX", "name": name, "unit_code": site.unit}, "Mai"
        )


def test_three_days_of_starts_and_an_import_leave_what_the_rule_says(
    sites, tmp_path, monkeypatch
) -> None:
    commune, province = sites
    for n in range(3):
        day = DAY1 + dt.timedelta(days=n)
        _at(monkeypatch, day)
        assert backups.daily_backup(province.dir) is not None
        _at(monkeypatch, day + dt.timedelta(hours=3))
        assert backups.daily_backup(province.dir) is None  # started again the same day
    _add_cooperative(commune, "HTX Chè Shan Tuyết Tân Phong")
    bundle = tmp_path / "tan-phong.coopdesk"
    bundle.write_bytes(commune.export(PROVINCE))
    _at(monkeypatch, DAY1 + dt.timedelta(days=2, hours=4))
    with province.session() as s:
        assert sync.import_bundle(s, bundle).applied
    assert _shown(province.dir) == [
        ("import", "2026-12-03 11:55"),
        ("daily", "2026-12-03 07:55"),
        ("daily", "2026-12-02 07:55"),
        ("daily", "2026-12-01 07:55"),
    ]
    before_import = backups.list_backups(province.dir)[0]
    assert before_import.counts["cooperatives"] == 0  # the state just before the import
    assert before_import.unit_name == "Lai Châu"
    assert backups.reason_label(before_import.reason) == "Trước khi nhập gói"


def test_seven_weeks_of_daily_starts_are_thinned_to_days_weeks_and_months(
    sites, monkeypatch
) -> None:
    _commune, province = sites
    start = dt.datetime(2026, 10, 1, 8, 0)  # a Thursday
    _at(monkeypatch, start + dt.timedelta(days=1, hours=2))
    backups.create(province.dir)  # by hand: kept whatever its age
    for n in range(50):  # 1 October to 19 November
        _at(monkeypatch, start + dt.timedelta(days=n))
        backups.daily_backup(province.dir)
    days = [b.made_at.strftime("%d/%m") for b in backups.list_backups(province.dir)]
    assert days == [
        # today and the six days before: each day
        "19/11", "18/11", "17/11", "16/11", "15/11", "14/11", "13/11",
        # a week to a month old: the newest of each week (weeks end on Sunday)
        "12/11", "08/11", "01/11", "25/10",
        # a month to a year old: the newest of each month
        "18/10",
        # the one made by hand
        "02/10",
    ]  # fmt: skip


def test_a_backup_is_checked_and_never_written_over_another(data_dir, monkeypatch) -> None:
    _at(monkeypatch, DAY1)
    folder = paths.backups_dir(data_dir)
    folder.mkdir()
    stranger = folder / "by-hand-20261201-075500.sqlite3"
    stranger.write_bytes(b"the officer's own file")
    first = backups.create(data_dir)
    second = backups.create(data_dir)  # the same second
    assert (first.name, second.name) == (
        "by-hand-20261201-075500-2.sqlite3",
        "by-hand-20261201-075500-3.sqlite3",
    )
    assert stranger.read_bytes() == b"the officer's own file"
    assert backups.describe(first.path).counts == first.counts
    left = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".json"))
    assert left == sorted([stranger.name, first.name, second.name])  # nothing temporary


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096 * 3):
        data[offset : offset + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_a_damaged_database_gives_no_backup_and_a_damaged_backup_is_not_good(
    data_dir, monkeypatch
) -> None:
    _at(monkeypatch, DAY1)
    good = backups.create(data_dir, "daily")
    _at(monkeypatch, DAY1 + dt.timedelta(days=1))
    newer = backups.create(data_dir, "daily")
    _damage(newer.path)
    assert backups.latest_good(data_dir) == good
    with pytest.raises(backups.BackupError, match="hỏng"):
        backups.describe(newer.path)

    _damage(paths.db_path(data_dir))
    _at(monkeypatch, DAY1 + dt.timedelta(days=2))
    with pytest.raises(backups.BackupError, match="Không tạo được bản sao lưu"):
        backups.create(data_dir, "daily")
    assert [b.name for b in backups.list_backups(data_dir)] == [newer.name, good.name]
    assert not [p for p in paths.backups_dir(data_dir).iterdir() if p.name.startswith(".")]

    result = backups.restore_latest_good(data_dir)
    assert result.restored_from == good.path
    assert result.safety_copy is not None and result.safety_copy.name.startswith("damaged-")
    assert backups.describe(paths.db_path(data_dir)).unit_code == good.unit_code


def test_a_copy_for_a_usb_stick_is_named_for_a_person_and_restores(
    sites, tmp_path, monkeypatch
) -> None:
    commune, _province = sites
    _add_cooperative(commune, "HTX Chè Shan Tuyết Tân Phong")
    _at(monkeypatch, dt.datetime(2026, 12, 2, 16, 30))
    made = backups.create(commune.dir)
    usb = tmp_path / "USB"
    usb.mkdir()
    copy = backups.copy_to(made.path, usb)
    again = backups.copy_to(made.path, usb)
    assert (copy.name, again.name) == (
        "CoopDesk-Phuong-Tan-Phong-2026-12-02.backup",
        "CoopDesk-Phuong-Tan-Phong-2026-12-02-2.backup",
    )
    with pytest.raises(backups.BackupError, match="Không có thư mục"):
        backups.copy_to(made.path, tmp_path / "no-such-stick")

    _add_cooperative(commune, "HTX Dệt thổ cẩm Nà Khương")
    shown = backups.describe(copy)
    assert (shown.unit_name, shown.counts["cooperatives"]) == ("Phường Tân Phong", 1)
    assert shown.made_at.date() == dt.date(2026, 12, 2)  # the copy keeps the backup's time
    commune.engine.dispose()
    result = backups.restore(commune.dir, copy)
    assert backups.describe(paths.db_path(commune.dir)).counts["cooperatives"] == 1
    kept = backups.describe(result.safety_copy)
    assert (kept.reason, kept.counts["cooperatives"]) == ("restore", 2)


def test_a_migration_backup_without_a_manifest_is_listed_and_thinned(data_dir, monkeypatch) -> None:
    import shutil

    folder = paths.backups_dir(data_dir)
    folder.mkdir()
    old = folder / "before-migration-20251001-090000.sqlite3"
    shutil.copyfile(paths.db_path(data_dir), old)
    (listed,) = backups.list_backups(data_dir)
    assert (listed.reason, listed.made_at) == ("migration", dt.datetime(2025, 10, 1, 9, 0))
    assert backups.reason_label(listed.reason) == "Trước khi cập nhật CoopDesk"
    _at(monkeypatch, DAY1)
    backups.daily_backup(data_dir)
    assert [b.reason for b in backups.list_backups(data_dir)] == ["daily"]  # over a year old
