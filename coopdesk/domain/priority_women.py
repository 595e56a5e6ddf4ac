"""Priority women (DOMAIN.md §2, §5): which groups a woman's sensitive details put her in, and
how many of them each unit reports upward, written once.

A commune holds the sensitive details of its women (with a consent in force for each: a
withdrawn consent clears the details it covered); the units above never receive them. They get
instead, per cooperative and group, how many priority women the commune counts
(`services.priority_women`), which is what their indicators on priority women add up.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from coopdesk.domain.checks import Problem, choice, not_negative, required
from coopdesk.i18n import N_, _

KINH = "01"  # the majority group in the ethnicity catalogue: every other code is a minority
MAX_WOMEN = 10_000_000  # a count per cooperative and group beyond this is a typing error

# group → its label, in the order reports list them
GROUPS: dict[str, str] = {
    "ethnic_minority": N_("Ethnic minority women"),
    "poor": N_("Women of poor households"),
    "near_poor": N_("Women of near-poor households"),
    "disability": N_("Women with disabilities"),
    "returnee": N_("Women returned from prison"),
    "trafficking_victim": N_("Victims of trafficking"),
    "violence_victim": N_("Victims of domestic violence or abuse"),
    "unsafe_migrant": N_("Unsafe migrant workers"),
    "laid_off_worker": N_("Laid-off industrial workers"),
}
_FLAGS = ("disability", "returnee", "trafficking_victim", "violence_victim", "unsafe_migrant",
          "laid_off_worker")  # fmt: skip


def groups_of(details: Mapping[str, Any]) -> list[str]:
    """The priority groups a woman's sensitive details (field → value) put her in."""
    found = []
    ethnicity = details.get("ethnicity_code")
    if ethnicity and ethnicity != KINH:
        found.append("ethnic_minority")
    if details.get("poverty_status") in ("poor", "near_poor"):
        found.append(str(details["poverty_status"]))
    found += [flag for flag in _FLAGS if details.get(flag)]
    return [g for g in GROUPS if g in found]


def count_id(unit_code: str, cooperative_id: str | None, group: str) -> str:
    """The id of a count: the same on every computer of the unit, so two laptops that count
    the same cooperative and group write one record, not two."""
    name = f"coopdesk:priority-women:{unit_code}:{cooperative_id or '-'}:{group}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def validate_count(data: Mapping[str, Any], _ctx: Any = None) -> list[Problem]:
    out = required(data, "group", _("Priority group"))
    out += choice(data, "group", _("Priority group"), GROUPS)
    women = data.get("women")
    if not isinstance(women, int) or isinstance(women, bool):
        return [*out, Problem("women", _("Number of women: give a whole number."))]
    out += not_negative(data, "women", _("Number of women"))
    if women > MAX_WOMEN:
        out.append(Problem("women", _("{n} women in one group is not a possible count.").format(
            n=women)))  # fmt: skip
    return out
