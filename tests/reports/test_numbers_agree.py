"""Sentences of the annual report that say what happened, with the figures they stand beside."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from coopdesk.reports import annual
from coopdesk.reports.common import Issuing, Numbering
from coopdesk.reports.model import Paragraph


def _body(**kw: object) -> str:
    jobs = annual.Figure("new_jobs_women", "Việc làm mới", "người", 3, Decimal(18))
    data = annual.AnnualData(
        unit_name="Tỉnh Lai Châu",
        issuer_prose="Hội LHPN tỉnh Lai Châu",
        period_key="2026",
        period_kind="year",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        period_year=2026,
        **({"figures": {"new_jobs_women": jobs}} | kw),  # type: ignore[arg-type]
    )
    issuing = Issuing("", "HỘI LHPN TỈNH LAI CHÂU", "HPN", "Lai Châu", "", "", "CHỦ TỊCH")
    doc = annual.build_annual(data, issuing, Numbering("BC", None, dt.date(2026, 11, 5)))
    return " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))


def test_no_founding_is_said_as_such_beside_the_jobs_created() -> None:
    body = _body()
    assert "thành lập mới 0 HTX" not in body
    assert "Trong kỳ chưa thành lập mới HTX, THT theo Đề án" in body
    assert "tạo việc làm mới cho 18 lao động nữ" in body


def test_no_activity_is_never_printed_beside_international_money_spent() -> None:
    assert "Trong kỳ chưa phát sinh hoạt động." in _body()
    body = _body(international_spent=21_000_000)
    assert "chưa phát sinh hoạt động" not in body
    assert "Trong kỳ đã sử dụng 21.000.000 đồng từ nguồn kinh phí quốc tế." in body


def test_new_cooperatives_are_named_as_they_are() -> None:
    def founded(htx: int, tht: int) -> str:
        figures = {
            code: annual.Figure(code, code, "HTX", 3, Decimal(value))
            for code, value in (("new_htx_programme", htx), ("new_tht_programme", tht))
        }
        return _body(figures=figures | {"new_jobs_women": _jobs()})

    assert "thành lập mới 3 THT theo Đề án. Các HTX, THT đã tạo việc làm mới cho 18" in founded(
        0, 3
    )
    assert "thành lập mới 0 HTX" not in founded(0, 3)
    assert "thành lập mới 1 HTX theo Đề án." in founded(1, 0)
    assert "thành lập mới 2 HTX và 3 THT theo Đề án." in founded(2, 3)


def _jobs() -> annual.Figure:
    return annual.Figure("new_jobs_women", "Việc làm mới", "người", 3, Decimal(18))
