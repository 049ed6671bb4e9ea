"""Calendar arithmetic every app shares: months and years, ages, look-back windows, and the
GOV.UK way of writing a date.

One convention, stated once: **"within N months before D" includes the same date N months
earlier.** A referral on 31 March 2025 is a re-referral if the previous one was on or after
31 March 2024 (DfE: "within 12 months of a previous referral", referral date to referral
date), and a count "in the last 12 months" as at 31 March 2025 counts from 31 March 2024.
A *period* of N months ending on D (a collection year, the six months Ofsted's Annex A looks
back over) starts the day after: the 12 months ending 31 March 2025 run from 1 April 2024.

Where a month is shorter (31 August minus 6 months; 29 February minus a year), the month's
last day stands in for the missing one.
"""

import calendar
import datetime as dt
from typing import Any

from django.utils import timezone

# GOV.UK style: "6 December 2026", "6 December 2026 14:05" (www.gov.uk/guidance/style-guide).
GOVUK_DATE = "%-d %B %Y"
GOVUK_DATETIME = "%-d %B %Y %H:%M"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (earlier when negative), or the month's
    last day if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    return add_months(day, -months)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same date `years` years later (earlier when negative); 28 February for 29th."""
    return add_months(day, 12 * years)


def birthday(born: dt.date, age: int) -> dt.date:
    """The day someone born on `born` is `age` (born on 29 February: 1 March in other years)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return dt.date(born.year + age, 3, 1)


def year_before(day: dt.date) -> dt.date:
    """The same date a year earlier (28 February for 29 February)."""
    return add_years(day, -1)


def within_months_start(day: dt.date, months: int) -> dt.date:
    """The first date "within `months` months before `day`": the same date that many months
    earlier, itself included (the module's one convention)."""
    return months_before(day, months)


def is_within_months(earlier: dt.date, later: dt.date, months: int) -> bool:
    """Whether `earlier` is on or before `later` and within `months` months before it."""
    return within_months_start(later, months) <= earlier <= later


def period_of_months_ending(last: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The `months` whole months ending on `last`, both days included (the 6 months ending
    31 March 2025 are 1 October 2024 to 31 March 2025)."""
    return months_before(last, months) + dt.timedelta(days=1), last


def age_on(born: dt.date, day: dt.date) -> int:
    """Age in whole years on `day` (a child born on 29 February turns a year older on
    1 March in a common year)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def months_of_age_on(born: dt.date, day: dt.date) -> int:
    """Age in whole calendar months on `day` (a baby's age: "14 months old")."""
    return (day.year - born.year) * 12 + day.month - born.month - (day.day < born.day)


def govuk_date(value: Any) -> str:
    """A date (or the local date of a moment) as GOV.UK writes it: "6 December 2026"."""
    return govuk_datetime(value, GOVUK_DATE)


def govuk_datetime(value: Any, fmt: str = GOVUK_DATETIME) -> str:
    """A moment in the council's local time, as GOV.UK writes it: "6 December 2026 14:05".

    Empty for None; a naive value or a plain date is written as it is."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = timezone.localtime(value)
    return str(value.strftime(fmt))


def local_day_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Local midnight at the start of `first` and after `last`: the moments between which
    something happened on those days, both included."""
    zone = timezone.get_default_timezone()
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    return timezone.make_aware(start, zone), timezone.make_aware(end, zone)
