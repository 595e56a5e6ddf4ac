"""What an erased record is: a person's records in their blank form (DOMAIN.md §5, erasure).

An erased version wins over every other version at every site, so an incoming one is
accepted only on the kinds of record that can be erased (a person, her sensitive details,
her consents) and only with every personal field blank: an erasure flag cannot be used to
make any other record, or any other content, win forever.
"""

from __future__ import annotations

from typing import Any

from coopdesk.i18n import _

ERASED_NAME = "[đã xoá]"  # the name an erased person keeps (services.people shows it)

PERSON_BLANK: dict[str, Any] = {
    "family_name": "",
    "middle_name": "",
    "given_name": "",
    "full_name": "",
    "name_folded": "",
    "sort_key": "",
    "birth_year": None,
    "phone": "",
    "address": "",
    "notes": "",
    "redacted": True,
}
SENSITIVE_BLANK: dict[str, Any] = {
    "ethnicity_code": None,
    "disability": None,
    "poverty_status": None,
    "returnee": None,
    "trafficking_victim": None,
    "violence_victim": None,
    "unsafe_migrant": None,
    "laid_off_worker": None,
    "sealed": None,  # the same details sealed (services.sensitive_store)
}
CONSENT_BLANK: dict[str, Any] = {"purpose": "", "sealed": None}
_FORMS = {"people": PERSON_BLANK, "person_sensitive": SENSITIVE_BLANK, "consents": CONSENT_BLANK}
_NAMES = frozenset({"given_name", "full_name"})  # blank, or the name an erased person shows


def erased_form(table_name: str) -> dict[str, Any] | None:
    """The blank values of an erased record of `table_name`; None if it cannot be erased."""
    return _FORMS.get(table_name)


def erasure_problems(table_name: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, message) for an erased version that is not a blank record of an erasable kind."""
    form = erased_form(table_name)
    if form is None:
        return [("", _("only a person's records can be erased, not this kind of record"))]
    out = []
    for name, blank in form.items():
        value = data.get(name)
        allowed = (blank, ERASED_NAME) if name in _NAMES else (blank,)
        if value not in allowed:
            out.append((name, _("an erased record must not keep personal details")))
    if table_name != "people" and data.get("deleted_at") is None:
        out.append(("deleted_at", _("an erased record must be deleted")))
    return out
