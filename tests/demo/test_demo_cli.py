"""`coopdesk demo` end to end: a fresh data dir, a real SQLite file, what a user gets."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from stdnum.vn import mst

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import (
    Assignment,
    Base,
    Consent,
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Person,
    PersonSensitive,
    Plan,
    Role,
    Target,
    Unit,
)
from coopdesk.demo import DemoError, generate
from coopdesk.demo import accounts as demo_accounts
from coopdesk.domain import validation
from coopdesk.i18n import fold
from coopdesk.services import accounts, settings
from coopdesk.services.records.sealed import in_clear
from coopdesk.services.trust import DEMO_PASSWORD

LAI_CHAU = "12"
TAN_PHONG = "03408"


def _demo(data_dir: Path, *extra: str) -> int:
    return main(["demo", "--data-dir", str(data_dir), *extra])


def _engine(data_dir: Path) -> Engine:
    return make_engine(paths.db_path(data_dir))


def canonical_dump(engine: Engine) -> str:
    """Every record and setting, ordered by key, as one JSON text. Left out: the sync version
    of each row and the sync bookkeeping, which name this database's own random replica id
    (two databases must never share one), and the sealed sensitive details, sealed under each
    database's own random data key (tests/security/test_sealed_at_rest.py opens them)."""
    out: dict[str, list[list[str]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if "version" not in table.columns and table.name != "settings":
                continue
            columns = [c for c in table.columns if c.name not in ("version", "sealed")]
            rows = conn.execute(select(*columns).order_by(*table.primary_key.columns))
            out[table.name] = [[str(v) for v in row] for row in rows]
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def commune_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("commune") / "demo"
    assert _demo(data_dir) == 0
    return data_dir


@pytest.fixture(scope="module")
def province_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("province") / "demo"
    assert _demo(data_dir, "--scale", "province") == 0
    return data_dir


def test_commune_scale_fills_tan_phong(commune_dir: Path) -> None:
    engine = _engine(commune_dir)
    with session_scope(engine) as s:
        units = set(s.scalars(select(Cooperative.unit_code).distinct()))
        assert units == {TAN_PHONG}
        kinds = Counter(s.scalars(select(Cooperative.kind)))
        assert kinds["HTX"] >= 5 and kinds["THT"] >= 10
        people = s.execute(select(Person.full_name, Person.gender)).all()
        assert len(people) > 200
        assert sum(fold(name) != name.lower() for name, _ in people) > len(people) / 2
        assert any("ễ" in name or "ư" in name or "ơ" in name for name, _ in people)
        genders = Counter(g for _, g in people)
        assert genders["F"] > genders["M"] > 0
        assert s.scalar(select(func.count()).select_from(Officer)) >= 4
        assert s.scalar(select(func.count()).select_from(Participation)) > 50
        # Sensitive facts exist for a few people only, each with a recorded consent.
        sensitive = list(s.scalars(select(PersonSensitive.person_id)))
        assert 0 < len(sensitive) < len(people) / 10
        consented = set(s.scalars(select(Consent.person_id)))
        assert set(sensitive) <= consented
    engine.dispose()


def test_commune_scale_has_both_seed_plans(commune_dir: Path) -> None:
    engine = _engine(commune_dir)
    with session_scope(engine) as s:
        plans = {p.title: p for p in s.scalars(select(Plan))}
        city = next(p for t, p in plans.items() if "thành phố Lai Châu" in t)
        province = next(p for t, p in plans.items() if "năm 2024" in t)
        targets = {
            (t.target_unit_code, t.indicator_code, t.period): (t.comparison, t.value)
            for t in s.scalars(select(Target).where(Target.plan_id == city.id))
        }
        assert targets[(TAN_PHONG, "new_htx_programme", "phase1")] == (">=", 1)
        assert targets[(TAN_PHONG, "new_htx_programme", "all")] == (">=", 2)
        assert targets[(TAN_PHONG, "new_jobs_women", "phase1")] == ("about", 7)
        assert targets[(TAN_PHONG, "officers_upskilled_pct", "phase1")] == (">=", 80)
        assert targets[(TAN_PHONG, "officers_upskilled_pct", "phase2")] == (">=", 90)
        assert targets[(TAN_PHONG, "women_managers_trained_pct", "phase1")] == (">=", 100)
        province_targets = list(s.scalars(select(Target).where(Target.plan_id == province.id)))
        assert {t.target_unit_code for t in province_targets} == {LAI_CHAU}
        for plan in (city, province):
            tasks = list(s.scalars(select(Assignment).where(Assignment.plan_id == plan.id)))
            assert len(tasks) >= 5
            assert all(a.responsible_body and a.deadline for a in tasks)
        bodies = set(s.scalars(select(Assignment.responsible_body)))
        assert "Phòng Kinh tế thành phố" in bodies and "Hội LHPN tỉnh" in bodies
        # The plan's new HTX exist: founded with the Hội's support in 2024 and 2026.
        founded = s.scalars(
            select(Cooperative.founded_on).where(
                Cooperative.kind == "HTX", Cooperative.founded_with_hoi_support.is_(True)
            )
        )
        assert sorted(d.year for d in founded) == [2024, 2026]
    engine.dispose()


def test_commune_scale_figures_are_consistent(commune_dir: Path) -> None:
    engine = _engine(commune_dir)
    with session_scope(engine) as s:
        years = list(s.scalars(select(CooperativeYear)))
        assert {y.year for y in years} == {2023, 2024, 2025, 2026}
        for y in years:
            assert y.female_members is not None and y.members is not None
            assert y.female_members <= y.members
            assert y.female_workers is not None and y.workers is not None
            assert y.female_workers <= y.workers
        majority = [y.female_workers * 2 > y.workers for y in years if y.workers]
        assert 0.5 < sum(majority) / len(majority) < 1
        for no in s.scalars(select(Cooperative.registration_no).where(Cooperative.kind == "HTX")):
            assert mst.is_valid(no)
        managers = s.execute(
            select(Role.cooperative_id, Person.gender)
            .join(Person, Role.person_id == Person.id)
            .where(
                Role.role.in_(
                    [
                        "chair",
                        "board_member",
                        "director",
                        "supervisor_head",
                        "supervisor",
                        "controller",
                        "group_leader",
                    ]
                )
            )
        ).all()
        women_led = {c for c, g in managers if g == "F"}
        all_coops = set(s.scalars(select(Cooperative.id)))
        assert 0.6 < len(women_led) / len(all_coops) < 1
    engine.dispose()


def test_commune_scale_is_set_up_as_the_communes_installation(commune_dir: Path) -> None:
    engine = _engine(commune_dir)
    with session_scope(engine) as s:
        installation = settings.get_installation(s)
        assert installation is not None
        assert (installation.unit_code, installation.role) == (TAN_PHONG, "commune")
        assert installation.position == "Chủ tịch Hội LHPN phường Tân Phong"
        officer = s.scalar(select(Person).where(Person.full_name == installation.officer))
        assert officer is not None and officer.unit_code == TAN_PHONG
        documents = settings.get_document_settings(s, TAN_PHONG)
        assert documents.issuer == "HỘI LHPN PHƯỜNG TÂN PHONG"
        assert documents.signer_name == installation.officer
        assert documents.report_deadline == "15/11"
    engine.dispose()


def test_every_record_passes_the_domain_rules(province_dir: Path) -> None:
    errors = []
    engine = _engine(province_dir)
    with session_scope(engine) as s:  # the administrator opens the sealed sensitive details
        accounts.login(s, demo_accounts.ADMIN, DEMO_PASSWORD)
        for table in Base.metadata.sorted_tables:
            if table.name not in validation.TABLE_ENTITIES:
                continue
            for row in s.execute(select(table)).mappings():
                values = in_clear(s, table.name, dict(row))
                problems = validation.problems_for_table(table.name, values)
                errors += [(table.name, p.field, p.message) for p in problems if p.is_error]
    engine.dispose()
    assert errors == []


def test_province_scale_covers_every_commune_of_lai_chau(province_dir: Path) -> None:
    engine = _engine(province_dir)
    with session_scope(engine) as s:
        communes = set(
            s.scalars(select(Unit.code).where(Unit.parent_code == LAI_CHAU, Unit.legacy.is_(False)))
        )
        assert len(communes) == 38
        covered = set(s.scalars(select(Cooperative.unit_code).distinct()))
        assert covered == communes
        province_officers = s.scalar(
            select(func.count()).select_from(Officer).where(Officer.unit_code == LAI_CHAU)
        )
        assert province_officers >= 3
        assert s.scalar(select(func.count()).select_from(Person)) > 38 * 200
        assert s.scalar(select(func.count()).select_from(Plan)) >= 2
        installation = settings.get_installation(s)
        assert installation is not None
        assert (installation.unit_code, installation.role) == (LAI_CHAU, "aggregator")
        assert settings.get_document_settings(s, LAI_CHAU).report_deadline == "30/11"
    engine.dispose()


def test_a_commune_is_the_same_alone_or_with_its_province(
    commune_dir: Path, province_dir: Path
) -> None:
    def tan_phong(data_dir: Path) -> list[tuple[object, ...]]:
        engine = _engine(data_dir)
        with session_scope(engine) as s:
            people = s.execute(
                select(Person.full_name, Person.birth_year, Person.address)
                .where(Person.unit_code == TAN_PHONG)
                .order_by(Person.id)
            ).all()
            coops = s.execute(
                select(Cooperative.name, Cooperative.founded_on, Cooperative.ocop_stars)
                .where(Cooperative.unit_code == TAN_PHONG)
                .order_by(Cooperative.id)
            ).all()
        engine.dispose()
        return [tuple(r) for r in people + coops]

    assert tan_phong(commune_dir) == tan_phong(province_dir)


def test_same_seed_same_data_other_seed_other_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dumps = []
    for name, seed in (("a", "11"), ("b", "11"), ("c", "12")):
        assert _demo(tmp_path / name, "--seed", seed) == 0
        out = capsys.readouterr().out
        assert "Phường Tân Phong (03408)" in out and str(tmp_path / name) in out
        engine = _engine(tmp_path / name)
        dumps.append(hashlib.sha256(canonical_dump(engine).encode()).hexdigest())
        engine.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]


def test_refuses_a_data_dir_that_has_data(
    commune_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = _engine(commune_dir)
    before = canonical_dump(engine)
    engine.dispose()
    capsys.readouterr()
    assert _demo(commune_dir, "--seed", "99") == 2
    err = capsys.readouterr().err
    assert str(commune_dir) in err
    engine = _engine(commune_dir)
    assert canonical_dump(engine) == before
    engine.dispose()


def test_another_commune_gets_the_city_plan_targets(engine: Engine) -> None:
    """What the GUI calls: generate() on an empty database, with progress."""
    calls: list[tuple[int, int]] = []
    summary = generate(
        engine, "commune", seed=3, unit_code="00004", progress=lambda *a: calls.append(a)
    )
    assert calls == [(1, 1)]
    assert summary.unit_code == "00004" and summary.counts["cooperatives"] > 10
    with session_scope(engine) as s:
        assert set(s.scalars(select(Cooperative.unit_code).distinct())) == {"00004"}
        homes = set(s.scalars(select(Target.target_unit_code)))
        assert homes == {"00004", "01"}  # the commune, and its province (Hà Nội)
        people = list(s.scalars(select(Person.family_name)))
        assert "Giàng" not in people  # mountain names only where they are common


def test_refuses_a_database_set_up_for_real_work(engine: Engine) -> None:
    with session_scope(engine) as s:
        settings.save_installation(s, settings.Installation("03408", "commune", "Lò Thị Hoa"))
    with pytest.raises(DemoError):
        generate(engine, "commune")
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(Cooperative)) == 0


def test_unknown_unit_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(tmp_path / "x", "--unit", "99999") == 2
    assert "99999" in capsys.readouterr().err
    assert list((tmp_path / "x").glob("coopdesk.sqlite3*")) == []  # no empty database left
    assert _demo(tmp_path / "x", "--unit", "3408") == 0  # the officer simply tries again


def test_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(tmp_path / "j", "--json", "--seed", "5") == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["unit_code"] == TAN_PHONG and summary["scale"] == "commune"
    assert summary["cooperatives_by_kind"]["HTX"] >= 5
    assert summary["rows"]["plans"] == 2 and summary["file_bytes"] > 100_000


def test_cli_choices_match_the_generator() -> None:
    from coopdesk import demo
    from coopdesk.cli import demo as cli_demo

    assert (cli_demo.SCALES, cli_demo.DEFAULT_SEED) == (demo.SCALES, demo.DEFAULT_SEED)


def test_the_province_plan_is_the_same_record_in_commune_and_province_demos(
    commune_dir: Path, province_dir: Path
) -> None:
    """As if it had come down from the province: the same ids, fields and versions."""

    def province_records(data_dir: Path) -> list[tuple[object, ...]]:
        engine = _engine(data_dir)
        rows: list[tuple[object, ...]] = []
        with engine.connect() as conn:
            for model in (Plan, Target, Assignment):
                table = model.__table__
                query = select(table).where(table.c.unit_code == LAI_CHAU).order_by(table.c.id)
                rows += [tuple(r) for r in conn.execute(query)]
        engine.dispose()
        return rows

    held = province_records(commune_dir)
    assert len(held) == 1 + 2 + 9  # the plan, its targets and its assignments
    assert held == province_records(province_dir)
