"""A full disk while saving (simulated with PRAGMA max_page_count): a plain message, the record
as it was, what the officer typed still in the editor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import Engine, event, select

from coopdesk.db.models import Person
from coopdesk.i18n import set_language
from coopdesk.ui.editors import base
from coopdesk.ui.editors.person import PersonDialog
from tests.ui.conftest import add_people, save_screenshot

NOTES = "Tham gia tổ vay vốn, cần theo dõi thêm. " * 500  # more than a page holds


@contextmanager
def full_disk(engine: Engine) -> Iterator[None]:
    """Meanwhile the database file may not grow: SQLite answers SQLITE_FULL."""

    def limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    event.listen(engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(engine, "connect", limit)
        engine.dispose()


def test_a_full_disk_while_saving_keeps_the_record_and_the_typed_text(
    qtbot, ctx, monkeypatch
) -> None:
    add_people(ctx.engine, [("Tòng", "Thị", "Hương", "F")])
    with ctx.session() as s:
        person_id = s.scalars(select(Person.id)).one()
    shown: list[str] = []
    monkeypatch.setattr(base.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    for lang in ("vi", "en"):
        set_language(lang)
        dialog = PersonDialog(ctx, person_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.form.fields["full_name"].edit.setText("Tòng Thị Hường")
        dialog.form.fields["notes"].edit.setPlainText(NOTES)
        with full_disk(ctx.engine):
            dialog.save()
        assert dialog.isVisible() and not dialog.saved  # still open, with what was typed
        assert dialog.form.fields["full_name"].edit.text() == "Tòng Thị Hường"
        assert dialog.form.fields["notes"].edit.toPlainText() == NOTES
        with ctx.session() as s:
            person = s.get(Person, person_id)
            assert (person.full_name, person.notes) == ("Tòng Thị Hương", "")  # as before
        box = QMessageBox(QMessageBox.Icon.Warning, "CoopDesk", shown[-1], parent=dialog)
        box.show()  # what QMessageBox.warning showed, for the screenshot
        save_screenshot(box, f"full-disk-message-{lang}")
        box.close()
        dialog.dirty = False
        dialog.close()
    assert shown == [
        "Ổ đĩa đã đầy nên CoopDesk không lưu được. Không có gì bị thay đổi: việc đang lưu đã "
        "được huỷ trọn vẹn. Hãy giải phóng dung lượng ổ đĩa (dọn Thùng rác, chuyển các tệp "
        "lớn sang nơi khác) rồi thử lại.",
        "The disk is full, so CoopDesk could not save. Nothing was changed: what was being "
        "saved was cancelled whole. Free some space on the disk (empty the Recycle Bin, move "
        "big files elsewhere), then try again.",
    ]
