"""When an agency check is due: the council's RAG clock, or the agency's own override.

domain.md §5: MASH clocks need calendar-hour, working-hour and working-day modes and the
council's holiday calendar. Published examples time red checks in working hours from
receipt (Surrey: 4 working hours) and amber/green in working days (Oxfordshire: 1 and 3).
"""

import datetime as dt
from typing import Any

from django.utils import timezone

from frontdoor.lib.workdays import (
    add_working_days,
    add_working_hours,
    working_day_of_receipt,
    working_hours,
)
from frontdoor.mash.defaults import DEFAULT_CLOCK_RULES
from frontdoor.mash.models import CheckClockRule, ClockMode

Rules = dict[int | None, tuple[str, int]]


def clock_rules(rag: str) -> Rules:
    """Every (mode, amount) for `rag` in one query: by agency id, None for the default."""
    rules: Rules = {
        rule.agency_id: (rule.mode, rule.amount) for rule in CheckClockRule.objects.filter(rag=rag)
    }
    if None not in rules:
        for default_rag, mode, amount in DEFAULT_CLOCK_RULES:
            if default_rag == rag:
                rules[None] = (mode, amount)
    if None not in rules:
        raise ValueError(f"No clock rule for RAG {rag!r}")
    return rules


def clock_rule(rag: str, agency: Any = None, rules: Rules | None = None) -> tuple[str, int]:
    """The (mode, amount) for `rag`: the agency's override, else the council default."""
    rules = clock_rules(rag) if rules is None else rules
    return rules.get(getattr(agency, "pk", None)) or rules[None]


def close_of_business_after_working_days(received_at: dt.datetime, days: int) -> dt.datetime:
    """Close of business `days` working days after the working day of receipt.

    For one day this is `end_of_next_working_day`, the Working Together decision clock;
    something received out of hours counts from the next working day.
    """
    _, close = working_hours()
    day = add_working_days(working_day_of_receipt(received_at), days)
    return timezone.make_aware(dt.datetime.combine(day, close), timezone.get_default_timezone())


def due_at_by_rule(requested_at: dt.datetime, mode: str, amount: int) -> dt.datetime:
    if mode == ClockMode.WORKING_HOURS:
        return add_working_hours(requested_at, amount)
    if mode == ClockMode.WORKING_DAYS:
        return close_of_business_after_working_days(requested_at, amount)
    if mode == ClockMode.CALENDAR_HOURS:
        return requested_at + dt.timedelta(hours=amount)
    raise ValueError(f"Unknown clock mode {mode!r}")


def check_due_at(
    requested_at: dt.datetime, rag: str, agency: Any = None, rules: Rules | None = None
) -> dt.datetime:
    """When a check requested at `requested_at` for a contact rated `rag` must be answered.

    `rules`: the `clock_rules(rag)` already read, to ask for several agencies at once."""
    mode, amount = clock_rule(rag, agency, rules)
    return due_at_by_rule(requested_at, mode, amount)
