"""The strict reader and the canonical writer of bundle JSON."""

from __future__ import annotations

import pytest

from coopdesk.sync import canonical


def test_texts_are_written_in_nfc_and_keys_sorted() -> None:
    decomposed = "Nguyê\u0300n"  # e + circumflex, then a combining grave accent
    text = canonical.dumps({"b": [decomposed, 1, None, True], "a": {"k": decomposed}})
    assert text == '{"a":{"k":"Nguyền"},"b":["Nguyền",1,null,true]}'


def test_a_float_anywhere_is_refused_when_written() -> None:
    for value in (1.5, [1, 2.0], {"a": {"b": [0.1]}}):
        with pytest.raises(canonical.CanonicalError):
            canonical.dumps(value)


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    fits = "[" * canonical.MAX_DEPTH + "]" * canonical.MAX_DEPTH
    assert canonical.loads(fits) is not None
    for text in ("[" + fits + "]", '{"a":' * 17 + "1" + "}" * 17):
        with pytest.raises(canonical.CanonicalError, match="lồng nhau quá nhiều tầng"):
            canonical.loads(text)


def test_a_lone_surrogate_is_refused_in_values_and_keys_but_a_pair_is_text() -> None:
    for text in ('{"a":"x\\ud800"}', '{"\\udc00":1}', '["ok",["\\uDBFF"]]'):
        with pytest.raises(canonical.CanonicalError, match="ký tự không hợp lệ"):
            canonical.loads(text)
    assert canonical.loads('{"a":"\\ud83d\\ude00"}') == {"a": "\U0001f600"}
    assert canonical.loads('{"a":"\\\\ud800"}') == {"a": "\\ud800"}  # an escaped backslash


def test_a_column_said_to_write_as_read_gives_back_what_was_read() -> None:
    from sqlalchemy import Boolean, Integer, String, Text

    from coopdesk.sync import versions

    samples = {String: ["Nguyê\u0300n Thị", "", "HTX"], Text: ["Đề án 01"], Integer: [0, 7, -3],
               Boolean: [True, False]}  # fmt: skip
    checked = 0
    for table in versions.synced_tables():
        for column in table.columns:
            if not canonical.writes_as_read(column):
                continue
            kind = next(k for k in samples if isinstance(column.type, k))
            for value in samples[kind]:
                length = getattr(column.type, "length", None)
                if isinstance(value, str) and length is not None and len(value) > length:
                    continue
                read = canonical.reader(column)(value)
                assert canonical.writer(column)(read) == read
                checked += 1
    assert checked > 100


def test_a_record_s_fields_are_written_alike_by_both_writers() -> None:
    from coopdesk.db.models import Person
    from coopdesk.sync.records import data_to_values, values_data

    table = Person.__table__
    name = "Nguyê\u0300n Thị Hoa"
    required = {c.name: "x" for c in table.columns if not c.nullable and c.default is None}
    raw = {**required, "full_name": name, "given_name": "Hoa", "name_folded": "nguyen thi hoa",
           "unit_code": "03408", "birth_year": 1990, "created_at": "2026-01-02T03:04:05",
           "updated_at": "2026-01-02T03:04:05"}  # fmt: skip
    raw.pop("id", None), raw.pop("version", None)
    fields = values_data(table, data_to_values(table, raw))  # type: ignore[arg-type]
    assert canonical.dumps_fields(fields) == canonical.dumps(fields)
    assert "Nguyền Thị Hoa" in canonical.dumps_fields(fields)
