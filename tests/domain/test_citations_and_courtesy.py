"""How a plan cites a document and names the bodies it requests rather than assigns."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain import citations, issuers


def test_a_citation_reads_as_such_documents_write_it() -> None:
    decision = citations.Citation(
        "QĐ", "01/QĐ-TTg", dt.date(2023, 1, 3), "Thủ tướng Chính phủ", "phê duyệt Đề án 01;"
    )
    assert decision.text() == (
        "Căn cứ Quyết định số 01/QĐ-TTg ngày 03/01/2023 của Thủ tướng Chính phủ phê duyệt Đề án 01"
    )
    plan = citations.Citation("KH", "3608/KH-UBND", dt.date(2023, 8, 28), verb="implementing")
    assert plan.text() == "Thực hiện Kế hoạch số 3608/KH-UBND ngày 28/8/2023"
    assert plan.text("en") == "Implementing Plan No. 3608/KH-UBND of 28/8/2023"
    assert citations.Citation("KH", title="về Đề án 01").document() == "Kế hoạch về Đề án 01"


def test_citations_are_kept_as_rows_and_checked_by_field() -> None:
    rows = [{"kind": "KH", "number": "235/KH-ĐCT", "date": dt.date(2023, 3, 21)}]
    stored = citations.dump(rows)
    assert citations.parse(stored) == [{"kind": "KH", "number": "235/KH-ĐCT", "date": "2023-03-21"}]
    assert citations.from_rows(citations.parse(stored))[0].date == dt.date(2023, 3, 21)
    assert citations.dump([]) == "" and citations.parse("") == []
    with pytest.raises(citations.BadCitations) as bad:
        citations.from_rows([{"kind": "ZZ", "verb": "because", "date": "3/1/2023"}])
    fields = [field for field, _message in bad.value.problems]
    assert fields == ["bases[0].kind", "bases[0].verb", "bases[0].number", "bases[0].date"]


@pytest.mark.parametrize(
    ("body", "printed"),
    [
        (
            "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố",
            "Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố",
        ),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Đề nghị Ủy ban MTTQ Việt Nam tỉnh"),
        ("Hội Nông dân tỉnh", "Đề nghị Hội Nông dân tỉnh"),
        ("Đề nghị Tỉnh Đoàn", "Đề nghị Tỉnh Đoàn"),  # typed already: not twice
        ("Phòng Kinh tế thành phố", "Phòng Kinh tế thành phố"),  # a department: assigned
        ("Hội Liên hiệp Phụ nữ thành phố", "Hội Liên hiệp Phụ nữ thành phố"),  # the standing body
        ("UBND các xã, phường", "UBND các xã, phường"),
    ],
)
def test_a_plan_requests_the_front_and_assigns_its_departments(body: str, printed: str) -> None:
    assert issuers.courtesy(body) == printed


def test_a_document_of_another_kind_of_body_takes_that_kinds_lines() -> None:
    hoi = {
        "parent_body": "HỘI LHPN TỈNH LAI CHÂU",
        "issuer": "HỘI LHPN PHƯỜNG TÂN PHONG",
        "symbol": "HPN",
        "place": "Tân Phong",
        "signer_authority": "TM. BAN THƯỜNG VỤ",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Lò Thị Mai",
        "recipients": ["Lưu: VT"],
    }
    same = issuers.overridden(hoi, {"signer_name": "Tẩn Thị Mỷ"})
    assert same == {**hoi, "signer_name": "Tẩn Thị Mỷ"}
    ubnd = issuers.overridden(hoi, {"issuer": "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG"})
    assert (ubnd["symbol"], ubnd["parent_body"], ubnd["signer_name"]) == ("UBND", "", "")
    assert ubnd["signer_authority"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert ubnd["place"] == "Tân Phong"
