"""Long body names in Nơi nhận and the signature never break inside a joined name (issue 15
item 1): "thành phố", "THÀNH PHỐ", "thị xã" stay on one line in the PDF and in Word."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import docx
from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.services import documents
from tests.reports.fixtures import COMMUNE
from tests.reports.pdf import page_texts

# Prefixes of growing length: whatever the column's width, some line of these would end
# on "thành" if the name could break there.
RECIPIENTS = [
    "Ban Thường vụ Hội LHPN" + " x" * n + " thành phố Lai Châu và thị xã Mường Lay"
    for n in range(12)
]
AUTHORITY = "TM. ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU"


def _rendered(engine: Engine) -> documents.Rendered:
    form = documents.DraftForm(
        template="annual",
        unit_code=COMMUNE,
        period="2026",
        date=dt.date(2026, 11, 5),
        overrides={"recipients": RECIPIENTS, "signer_authority": AUTHORITY},
    )
    with session_scope(engine) as s:
        return documents.render_request(s, form.request("vi"))


def _broken_inside(lines: list[str]) -> list[str]:
    pattern = re.compile(r"(thành|thị)$", re.IGNORECASE)
    return [
        f"{a} / {b}"
        for a, b in itertools.pairwise(lines)
        if pattern.search(a.strip()) and re.match(r"(phố|xã)\b", b.strip(), re.IGNORECASE)
    ]


def test_recipients_and_signer_keep_thanh_pho_together(report_engine: Engine) -> None:
    rendered = _rendered(report_engine)
    text = "\n".join(page_texts(rendered.pdf))
    # the recipients column, read line by line (pdftotext -layout keeps columns side by side)
    lines = [re.split(r"\s{3,}", line.strip())[0] for line in text.splitlines() if line.strip()]
    assert any("Lai Châu" in line for line in lines)
    assert _broken_inside(lines) == []
    word = docx.Document(io.BytesIO(rendered.docx()))
    recipients = [p.text for t in word.tables for c in t._cells for p in c.paragraphs]
    assert any("thành\u00a0phố Lai Châu" in r for r in recipients)  # Word cannot break it
    assert any("THÀNH\u00a0PHỐ" in r for r in recipients)
