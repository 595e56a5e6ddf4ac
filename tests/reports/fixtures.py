"""A small hand-made registry for document tests: Lai Châu, two communes, known figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy.orm import Session

from coopdesk.db.models import (
    Activity,
    Assignment,
    Budget,
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Plan,
    Role,
    Support,
    Target,
    Training,
    Unit,
)
from coopdesk.i18n import collation_key, fold, person_sort_key

PROVINCE, COMMUNE, OTHER = "12", "03408", "03405"
# Names with the rarer letters (ỷ ỏ ữ ợ ặ ẫ) the fonts must draw.
MANAGER = "Lò Thị Ỏn"
COOP = "Hợp tác xã Dệt thổ cẩm Bản Hon"
TRAINING = "Tập huấn quản trị HTX và thương mại điện tử"


def _unit(session: Session, code: str, name: str, level: str, parent: str | None) -> None:
    if session.get(Unit, code) is None:
        session.add(
            Unit(
                code=code,
                name=name,
                name_folded=fold(name),
                division_type=name.split(" ")[0].lower(),
                level=level,
                parent_code=parent,
                province_code=parent or code,
                sort_key=collation_key(name),
            )
        )
        session.flush()


def _person(session: Session, unit: str, family: str, middle: str, given: str, born: int) -> Person:
    full = " ".join(x for x in (family, middle, given) if x)
    p = Person(
        unit_code=unit,
        family_name=family,
        middle_name=middle,
        given_name=given,
        full_name=full,
        name_folded=fold(full),
        sort_key=person_sort_key(family, middle, given),
        gender="F",
        birth_year=born,
    )
    session.add(p)
    return p


def _coop(session: Session, unit: str, name: str, kind: str = "HTX", **kw: object) -> Cooperative:
    c = Cooperative(
        unit_code=unit,
        kind=kind,
        name=name,
        name_folded=fold(name),
        sort_key=collation_key(name),
        founded_on=kw.pop("founded_on", dt.date(2020, 3, 1)),
        **kw,
    )
    session.add(c)
    return c


def populate(session: Session) -> None:
    """Phường Tân Phong: 2 HTX + 1 THT (women manage 2 of them), a training, activities,
    support, budget, and a plan with targets and assignments; one HTX in the other commune."""
    _unit(session, PROVINCE, "Lai Châu", "province", None)
    _unit(session, COMMUNE, "Phường Tân Phong", "commune", PROVINCE)
    _unit(session, OTHER, "Xã Tả Lèng", "commune", PROVINCE)
    on = _person(session, COMMUNE, "Lò", "Thị", "Ỏn", 1985)
    mỷ = _person(session, COMMUNE, "Tẩn", "Thị", "Mỷ", 1990)
    hoa = _person(session, OTHER, "Nguyễn", "Thị", "Hoà", 1979)
    htx1 = _coop(session, COMMUNE, COOP, ocop_stars=4, ecommerce=True, hoi_supported=True)
    htx2 = _coop(session, COMMUNE, "Hợp tác xã Chè Sơn Bình", hoi_supported=True)
    tht = _coop(
        session,
        COMMUNE,
        "Tổ hợp tác Rau an toàn Tân Phong",
        "THT",
        founded_on=dt.date(2026, 4, 2),
        founded_with_hoi_support=True,
    )
    htx3 = _coop(session, OTHER, "Hợp tác xã Mây tre đan Tả Lèng")
    session.flush()
    for person, coop, role in (
        (on, htx1, "director"),
        (on, htx1, "chair"),
        (mỷ, tht, "group_leader"),
        (hoa, htx3, "chair"),
    ):
        session.add(
            Role(unit_code=coop.unit_code, person_id=person.id, cooperative_id=coop.id, role=role)
        )
    session.add(Role(unit_code=COMMUNE, person_id=mỷ.id, cooperative_id=htx2.id, role="member"))
    for coop, workers, female, cons in (
        (htx1, 20, 15, True),
        (htx2, 10, 3, False),
        (tht, 6, 5, False),
        (htx3, 8, 4, True),
    ):
        session.add(
            CooperativeYear(
                unit_code=coop.unit_code,
                cooperative_id=coop.id,
                year=2026,
                workers=workers,
                female_workers=female,
                new_jobs_women=2 if coop is tht else 0,
                consolidated=cons,
            )
        )
    course = Training(
        unit_code=COMMUNE,
        title=TRAINING,
        title_folded=fold(TRAINING),
        kind="short",
        audience="managers",
        start_on=dt.date(2026, 5, 12),
        end_on=dt.date(2026, 5, 13),
        location="Nhà văn hoá phường Tân Phong",
        cost=12_500_000,
    )
    session.add(course)
    session.flush()
    session.add(Participation(unit_code=COMMUNE, training_id=course.id, person_id=on.id))
    session.add(Participation(unit_code=COMMUNE, training_id=course.id, person_id=mỷ.id))
    for day, title, channel, reach, women in (
        (dt.date(2026, 3, 8), "Tuyên truyền Luật Hợp tác xã năm 2023", "meeting", 120, 95),
        (dt.date(2026, 6, 20), "Chuyên mục phát thanh về kinh tế tập thể", "radio", 1500, 800),
    ):
        session.add(
            Activity(
                unit_code=COMMUNE,
                kind="communication",
                channel=channel,
                title=title,
                title_folded=fold(title),
                held_on=day,
                reach_total=reach,
                reach_women=women,
                cost=1_000_000,
            )
        )
    session.add(
        Support(
            unit_code=COMMUNE,
            kind="loan",
            fund="womens_development_fund",
            amount=50_000_000,
            given_on=dt.date(2026, 7, 1),
            cooperative_id=htx1.id,
            description="Vay vốn mua máy dệt",
        )
    )
    session.add(
        Budget(
            unit_code=COMMUNE,
            year=2026,
            source="state_budget",
            planned=30_000_000,
            allocated=25_000_000,
            spent=20_500_000,
        )
    )
    plan = Plan(
        unit_code=COMMUNE,
        issuer="Hội LHPN phường Tân Phong",
        number="12/KH-HPN",
        issued_on=dt.date(2026, 1, 15),
        title="Thực hiện Đề án “Hỗ trợ hợp tác xã do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ đến năm 2030” trên địa bàn phường Tân Phong năm 2026",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2030, 12, 31),
        legal_bases="Căn cứ Quyết định số 01/QĐ-TTg ngày 03/01/2023 của Thủ tướng Chính phủ\nKế hoạch số 2229/KH-UBND ngày 16/6/2023 của UBND tỉnh Lai Châu",
        purpose="- Nâng cao nhận thức của hội viên, phụ nữ về phát triển kinh tế tập thể.\n- Phát huy vai trò của phụ nữ trong HTX.",
        requirements="- Bám sát mục tiêu của Đề án, đảm bảo hiệu quả, tiết kiệm.",
        general_goal="Phát triển, củng cố các HTX do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ.",
        target_groups="- HTX do phụ nữ tham gia quản lý; nữ quản lý HTX.\n- Hội viên, phụ nữ có nhu cầu tham gia phát triển KTTT.",
        tasks="1. Tuyên truyền, vận động\n- Đa dạng hình thức tuyên truyền trên Zalo, Facebook.\n2. Củng cố HTX\n- Tư vấn xây dựng phương án sản xuất kinh doanh.",
        budget_text="- Ngân sách nhà nước theo phân cấp; lồng ghép các chương trình MTQG.",
        reporting="Định kỳ báo cáo kết quả hằng năm trước ngày 15/11 về Hội LHPN tỉnh.",
    )
    session.add(plan)
    session.flush()
    for code, period, value in (
        ("new_htx_programme", "phase2", Decimal(2)),
        ("women_managers_trained_pct", "phase2", Decimal(100)),
        ("htx_women_managed", "2026", Decimal(2)),
        ("new_jobs_women", "2026", Decimal(7)),
    ):
        session.add(
            Target(
                unit_code=COMMUNE,
                plan_id=plan.id,
                target_unit_code=COMMUNE,
                indicator_code=code,
                period=period,
                value=value,
                comparison=">=",
            )
        )
    for task, body in (
        ("Chủ trì tổ chức tuyên truyền về Đề án", "Hội LHPN phường"),
        ("Cân đối, bố trí kinh phí thực hiện", "Bộ phận Tài chính - Kế hoạch"),
        ("Tổng hợp, báo cáo kết quả hằng năm", "Hội LHPN phường"),
    ):
        session.add(
            Assignment(
                unit_code=COMMUNE,
                plan_id=plan.id,
                task=task,
                responsible_body=body,
                deadline=dt.date(2026, 11, 15),
            )
        )
    session.flush()
    # who signs: a document naming nobody is not issued (services.documents.NoSigner)
    from coopdesk.services import settings

    for unit, signer in ((COMMUNE, "Lò Thị Mai"), (PROVINCE, "Nguyễn Thị Lan")):
        settings.save_document_settings(session, unit, {"signer_name": signer})
