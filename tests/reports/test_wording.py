"""The officer's own wording in place of a generated sentence (issue 15 item 3): printed in its
place in the PDF and the .docx, kept with the draft, issued and reprinted as written, and
flagged when the generated sentence behind it changed since she wrote it."""

from __future__ import annotations

import datetime as dt
import io
import json

import docx
import pytest
from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report, Training
from coopdesk.services import documents
from tests.reports.fixtures import COMMUNE, populate
from tests.reports.pdf import page_texts

WRITTEN = dict.fromkeys(documents.WRITTEN_ONLY, "Đã viết.")
TRAINING = "Hội đã mở ba lớp tập huấn, chị em Bản Hon tham gia đông đủ; ỷ ỏ ữ ợ ặ ẫ."
FUNDS = "Nguồn Quỹ hỗ trợ phụ nữ phát triển:\n- cho vay 2 lượt;\n- hỗ trợ 1 tổ hợp tác."


@pytest.fixture
def db(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        populate(session)
    return engine


def _form(**kw) -> documents.DraftForm:  # type: ignore[no-untyped-def]
    return documents.DraftForm(
        template="annual",
        unit_code=COMMUNE,
        period="2026",
        date=dt.date(2026, 11, 5),
        paragraphs=dict(WRITTEN),
        **kw,
    )


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.split()) for page in page_texts(pdf))


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _generated(session, key: str) -> str:  # type: ignore[no-untyped-def]
    lines = {line.key: line for line in documents.wording_of(session, _form())}
    return lines[key].generated


def test_every_generated_sentence_has_a_key_in_document_order(db: Engine) -> None:
    with session_scope(db) as s:
        lines = documents.wording_of(s, _form())
    keys = [line.key for line in lines]
    assert keys[:2] == ["bases", "opening"] and keys[-1] == "closing"
    assert {"situation.cooperatives", "results.training", "international"} <= set(keys)
    assert keys == [k for k in documents.WORDING_KEYS if k in keys]  # the documented order
    training = next(line for line in lines if line.key == "results.training")
    assert "lớp tập huấn" in training.generated and training.written is None


def test_wording_replaces_the_sentence_in_pdf_and_docx_and_is_kept_with_the_draft(
    db: Engine,
) -> None:
    with session_scope(db) as s:
        generated = _generated(s, "results.training")
        funds = _generated(s, "results.support_by_fund")
        closing = _generated(s, "closing")
        wording = {
            "results.training": documents.Reworded(TRAINING, generated),
            "results.support_by_fund": documents.Reworded(FUNDS, funds),
            "closing": documents.Reworded(closing, closing),  # as generated: nothing kept
        }
        draft = documents.save_draft(s, _form(wording=wording), actor="Lò Thị Ỏn")
    with session_scope(db) as s:
        stored = json.loads(s.get(Report, draft.id).settings)["wording"]
        assert set(stored) == {"results.training", "results.support_by_fund"}
        again = documents.get_draft(s, draft.id)  # reopened: her wording, and its basis
        assert again.form.wording["results.training"] == documents.Reworded(TRAINING, generated)
        rendered = documents.render(s, draft.id)
        pdf, word = _pdf_text(rendered.pdf), _docx_text(rendered.docx())
    for text in (pdf, word):
        assert "Hội đã mở ba lớp tập huấn" in text and "ỷ ỏ ữ ợ ặ ẫ" in text
        assert generated.split(";")[0] not in text  # the generated sentence is gone
        assert "cho vay 2 lượt" in text and funds not in text
    styles = {getattr(b, "text", ""): getattr(b, "style", "") for b in rendered.document.blocks}
    assert styles["- cho vay 2 lượt;"] == "dash"  # her '- …' lines print as a list
    assert styles["Nguồn Quỹ hỗ trợ phụ nữ phát triển:"] == "body"


def test_issued_report_keeps_the_wording_in_its_files_and_its_re_issue(db: Engine) -> None:
    with session_scope(db) as s:
        generated = _generated(s, "results.training")
        form = _form(wording={"results.training": documents.Reworded(TRAINING, generated)})
        issued = documents.issue_draft(s, form, actor="cb", issued_on=dt.date(2026, 11, 6))
    with session_scope(db) as s:
        pdf = documents.issued_file(s, issued.draft.id, "pdf")
        word = documents.issued_file(s, issued.draft.id, "docx")
        assert pdf == issued.official.pdf  # reprinted byte for byte, her wording in it
        assert "Hội đã mở ba lớp tập huấn" in _pdf_text(pdf)
        assert "Hội đã mở ba lớp tập huấn" in _docx_text(word)
        copy = documents.reissue(s, issued.draft.id, actor="cb")
        assert copy.form.wording["results.training"].text == TRAINING


def test_a_changed_figure_flags_the_wording_written_before_it(db: Engine) -> None:
    with session_scope(db) as s:
        generated = _generated(s, "results.training")
        form = _form(wording={"results.training": documents.Reworded(TRAINING, generated)})
        draft = documents.save_draft(s, form, actor="cb")
        lines = documents.wording_of(s, draft.form)
        assert not any(line.stale for line in lines)
        training = s.query(Training).first()
        training.deleted_at = dt.datetime.now(dt.UTC)  # a course less: another number
        s.flush()
        lines = {line.key: line for line in documents.wording_of(s, draft.form)}
    assert lines["results.training"].stale
    assert lines["results.training"].generated != generated
    assert lines["results.training"].written == TRAINING  # her text is kept as she wrote it
    assert not lines["results.communication"].stale  # not reworded: nothing to flag


def test_unknown_wording_key_is_refused_naming_the_valid_ones(db: Engine) -> None:
    with session_scope(db) as s, pytest.raises(documents.ReportError) as refused:
        documents.save_draft(
            s, _form(wording={"results.tranning": documents.Reworded("x")}), actor="cb"
        )
    message = str(refused.value)
    assert "results.tranning" in message and "results.training" in message


def test_paragraph_file_wording_is_checked() -> None:
    read = documents.read_paragraphs
    given = read(json.dumps({"wording": {"opening": "Kính gửi …"}}).encode())
    assert given.wording == {"opening": documents.Reworded("Kính gửi …")}
    with_basis = {"text": "Mới.", "based_on": "Cũ.", "lang": "vi"}
    assert read(json.dumps({"wording": {"closing": with_basis}}).encode()).wording == {
        "closing": documents.Reworded("Mới.", "Cũ.")
    }
    for bad, named in (
        ({"wording": {"nope": "x"}}, "“nope”"),
        ({"wording": ["opening"]}, "wording"),
        ({"wording": {"opening": 3}}, "“opening”"),
        ({"wording": {"opening": {"text": "x", "extra": 1}}}, "“opening”"),
        ({"wording": {"opening": "x" * 20_001}}, "20000"),
    ):
        with pytest.raises(documents.ReportError) as refused:
            read(json.dumps(bad).encode())
        assert named in str(refused.value)
