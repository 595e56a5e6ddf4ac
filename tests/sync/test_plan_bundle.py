"""A province's plan, written as real plans are (its Căn cứ lines, its own header, signer and
recipients, its own headings and activities), reaches its communes in a bundle whole, and
prints there as it does at the province; a bundle carrying a broken Căn cứ list is refused."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain import citations, validation
from coopdesk.services.documents import ReportRequest, render_request
from coopdesk.services.registry import plans as registry_plans
from tests.reports import seed_text
from tests.sync.helpers import COMMUNE_A, PROVINCE

BASES = [
    {"kind": "QĐ", "number": "01/QĐ-TTg", "date": dt.date(2023, 1, 3), "issuer": "Thủ tướng"},
    {
        "verb": "implementing",
        "kind": "KH",
        "number": "3608/KH-UBND",
        "date": dt.date(2023, 8, 28),
        "issuer": "Ủy ban nhân dân tỉnh",
    },
]
PLAN = {
    "unit_code": PROVINCE,
    "issuer": "UBND tỉnh Lai Châu",
    "title": "Kế hoạch thực hiện Đề án 01 trên địa bàn tỉnh năm 2024",
    "period_start": dt.date(2024, 1, 1),
    "period_end": dt.date(2024, 12, 31),
    "bases": citations.dump(BASES),
    "opening": "Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch năm 2024 như sau:",
    "specific_goals": "- Tư vấn, hỗ trợ thành lập mới 01 HTX.",
    "heading_tasks": "ĐỊNH HƯỚNG NỘI DUNG TRỌNG TÂM NĂM 2024",
    "tasks": "1. Tuyên truyền\nĐa dạng các hình thức tuyên truyền.",
    "heading_own": "CÁC HOẠT ĐỘNG CẤP TỈNH (Do Hội LHPN tỉnh chủ trì)",
    "closing": "Trên đây là Kế hoạch năm 2024./.",
    "signer_authority": "KT. CHỦ TỊCH",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Lê Thị Hồng",
    "recipients": "BĐH Dự án TW\nTW Hội LHPN VN\nLưu: VT, VXNV",
}
ASSIGNMENTS = [
    {"task": "Tham mưu UBND tỉnh thành lập Ban Chỉ đạo.", "responsible_body": "Hội LHPN tỉnh",
     "own_level": True, "deadline": dt.date(2024, 6, 30)},
    {"task": "Phối hợp tuyên truyền.", "responsible_body": "Ủy ban MTTQ Việt Nam tỉnh"},
    {"task": "Báo cáo kết quả về Hội LHPN tỉnh.", "responsible_body": "Các sở, ngành"},
]  # fmt: skip


def test_a_plan_with_its_new_parts_travels_whole_and_prints_the_same(make_site) -> None:
    commune = make_site("a", COMMUNE_A)
    province = make_site("p", PROVINCE)
    with province.session() as s:
        draft = registry_plans.PlanDraft(fields=dict(PLAN), targets=[], assignments=ASSIGNMENTS)
        plan_id = registry_plans.save_plan(s, draft, "tinh").id
    report = commune.receive(province.export(COMMUNE_A))
    assert not report.refused, report.message
    sent, got = province.visible(), commune.visible()
    assert got["plans"][plan_id] == sent["plans"][plan_id]
    received = [a for a in got["assignments"].values() if a["plan_id"] == plan_id]
    assert sorted((a["position"], a["own_level"]) for a in received) == [
        (1, True),
        (2, False),
        (3, False),
    ]
    texts = []
    for site in (province, commune):
        with site.session() as s:
            request = ReportRequest("plan", PROVINCE, plan_id=plan_id)
            texts.append(" ".join(seed_text.pdf_text(render_request(s, request).pdf).split()))
    assert texts[0] == texts[1]
    for line in (
        "Thực hiện Kế hoạch số 3608/KH-UBND ngày 28/8/2023 của Ủy ban nhân dân tỉnh.",
        "III. ĐỊNH HƯỚNG NỘI DUNG TRỌNG TÂM NĂM 2024",
        "IV. CÁC HOẠT ĐỘNG CẤP TỈNH (Do Hội LHPN tỉnh chủ trì)",
        "1. Tham mưu UBND tỉnh thành lập Ban Chỉ đạo.",
        "1. Đề nghị Ủy ban MTTQ Việt Nam tỉnh",
        "Lê Thị Hồng",
        "- Lưu: VT, VXNV.",
    ):
        assert line in texts[1], line


def test_a_broken_list_of_bases_is_named_on_import_and_on_save() -> None:
    broken = {**PLAN, "bases": '[{"kind": "XX", "date": "31/12/2024"}]'}
    problems = validation.problems_for_table("plans", broken)
    assert {p.field for p in problems} >= {"bases[0].kind", "bases[0].number", "bases[0].date"}
    assert validation.problems_for_table("plans", {**PLAN, "bases": "Căn cứ …"})[0].field == (
        "bases"
    )
