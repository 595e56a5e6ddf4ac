"""The forms' labels of stored codes and value formatters: they live in `coopdesk.domain.labels`
(the lists' definitions in `coopdesk.services.lists` and the command line use them too)."""

from __future__ import annotations

from coopdesk.domain.labels import (
    ACTIVITY_KIND,
    AUDIENCE,
    BUDGET_SOURCE,
    CHANNEL,
    FUND,
    GENDER,
    KIND,
    KIND_SHORT,
    MEMBER_KIND,
    POVERTY,
    ROLE,
    STATUS,
    SUPPORT_KIND,
    TRAINING_KIND,
    choices,
    fmt_bool,
    fmt_date,
    fmt_money,
    fmt_number,
    label,
)

__all__ = [
    "ACTIVITY_KIND",
    "AUDIENCE",
    "BUDGET_SOURCE",
    "CHANNEL",
    "FUND",
    "GENDER",
    "KIND",
    "KIND_SHORT",
    "MEMBER_KIND",
    "POVERTY",
    "ROLE",
    "STATUS",
    "SUPPORT_KIND",
    "TRAINING_KIND",
    "choices",
    "fmt_bool",
    "fmt_date",
    "fmt_money",
    "fmt_number",
    "label",
]
