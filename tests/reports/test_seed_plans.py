"""The two seed plans, as the demo holds them, print as they were written: the People's
Committee's header, symbol, signature and recipients, and their text section by section."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from coopdesk import paths
from coopdesk.cli import main
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.db.models import Plan
from coopdesk.services.documents import Rendered, ReportRequest, render_request
from tests.reports import seed_text
from tests.reports.pdf import page_count, page_lines

TAN_PHONG, LAI_CHAU = "03408", "12"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("seed-plans") / "demo"
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    return data_dir


def printed(data_dir: Path, unit: str) -> Rendered:
    engine = make_engine(paths.db_path(data_dir))
    with session_scope(engine) as session:
        plan_id = session.scalars(select(Plan.id).where(Plan.unit_code == unit)).one()
        return render_request(session, ReportRequest("plan", unit, plan_id=plan_id))


def first_and_last(pdf: bytes) -> tuple[str, str]:
    return " ".join(page_lines(pdf, 1)), " ".join(page_lines(pdf, page_count(pdf)))


def assert_follows_the_seed(pdf: bytes, seed_name: str, parts: list[str]) -> None:
    got = seed_text.sections(seed_text.pdf_text(pdf))
    want = seed_text.sections(seed_text.seed(seed_name))
    assert [k for k in got if k.endswith(".heading")] == [f"{p}.heading" for p in parts]
    for part in parts:
        assert got[f"{part}.heading"] == want[f"{part}.heading"], part
    for key in ("bases", *parts, "closing"):
        likeness = seed_text.likeness(got[key], want[key])
        assert likeness >= 0.99, (key, likeness, got[key][:300], want[key][:300])


def test_the_city_plan_prints_as_the_peoples_committee_wrote_it(demo: Path) -> None:
    pdf = printed(demo, TAN_PHONG).pdf
    first, last = first_and_last(pdf)
    assert "ỦY BAN NHÂN DÂN" in first and "THÀNH PHỐ LAI CHÂU" in first
    assert "/KH-UBND" in first and "KH-HPN" not in first
    assert "KẾ HOẠCH Thực hiện Đề án “Hỗ trợ hợp tác xã" in first
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Sơn"):
        assert line in last, line
    for recipient in (
        "- Như trên;",
        "- Hội LHPN tỉnh Lai Châu;",
        "- Ủy ban MTTQVN và các Tổ chức CT-XH TP;",
        "- UBND các xã, phường;",
        "- Lưu: VT.",
    ):
        assert recipient in last, recipient
    assert "BAN THƯỜNG VỤ" not in last
    assert_follows_the_seed(pdf, seed_text.CITY, ["I", "II", "III", "IV", "V", "VI"])
    text = seed_text.pdf_text(pdf)
    # the phases of III.2 come from the plan's period, the courtesy from the body requested
    assert "2. Thời gian thực hiện: Đến năm 2030, trong đó chia thành 2 giai đoạn:" in text
    assert "- Giai đoạn 1: Đến hết năm 2025." in text
    assert "6. Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội" in text


def test_the_word_file_of_each_plan_follows_the_seed_too(demo: Path) -> None:
    import io

    import docx

    for unit, seed_name in ((TAN_PHONG, seed_text.CITY), (LAI_CHAU, seed_text.PROVINCE)):
        word = docx.Document(io.BytesIO(printed(demo, unit).docx()))
        text = "\n".join(p.text for p in word.paragraphs)
        got, want = seed_text.sections(text), seed_text.sections(seed_text.seed(seed_name))
        assert [k for k in got if k.endswith("heading")] == [
            k for k in want if k.endswith("heading")
        ]
        for key in want:
            assert seed_text.likeness(got[key], want[key]) >= 0.99, (unit, key)


def test_the_2024_provincial_plan_prints_as_the_peoples_committee_wrote_it(demo: Path) -> None:
    pdf = printed(demo, LAI_CHAU).pdf
    first, last = first_and_last(pdf)
    assert "ỦY BAN NHÂN DÂN" in first and "TỈNH LAI CHÂU" in first and "/KH-UBND" in first
    for line in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hồng"):
        assert line in last, line
    assert "TM. ỦY BAN NHÂN DÂN" not in last  # signed as the seed is: KT. CHỦ TỊCH alone
    for recipient in ("- BĐH Dự án TW;", "- VPUB: LĐ, KTTH;", "- Lưu: VT, VXNV. NVT."):
        assert recipient in last, recipient
    # no "Đối tượng" forced; its focus for 2024 is III and its own activities IV
    assert_follows_the_seed(pdf, seed_text.PROVINCE, ["I", "II", "III", "IV", "V", "VI"])
    assert "Đối tượng" not in seed_text.pdf_text(pdf)
