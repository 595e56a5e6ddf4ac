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
