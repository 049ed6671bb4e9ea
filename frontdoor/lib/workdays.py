"""Working days and working hours for statutory clocks.

England and Wales bank holidays come from the `holidays` package (never a hand-written
list). Working hours are per council (settings.FRONTDOOR_WORKING_HOURS). All functions take
and return aware datetimes in any zone and compute in the council's local time.
"""

import datetime as dt
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def working_hours() -> tuple[dt.time, dt.time]:
    start, end = settings.FRONTDOOR_WORKING_HOURS
    return dt.time.fromisoformat(start), dt.time.fromisoformat(end)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after `day`."""
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The date `days` working days after `day` (day itself not counted)."""
    for _ in range(days):
        day = next_working_day(day)
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, timezone.get_default_timezone())


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time), timezone.get_default_timezone())


def is_within_working_hours(moment: dt.datetime) -> bool:
    local = _local(moment)
    start, end = working_hours()
    return is_working_day(local.date()) and start <= local.time() < end


def working_day_of_receipt(moment: dt.datetime) -> dt.date:
    """The working day a receipt counts against.

    Something received out of hours (evening, weekend, bank holiday) counts as received at
    the start of the next working day, so an out-of-hours contact is not overdue before
    the day team has seen it.
    """
    local = _local(moment)
    _, end = working_hours()
    day = local.date()
    if is_working_day(day) and local.time() < end:
        return day
    return next_working_day(day)


def end_of_next_working_day(received_at: dt.datetime) -> dt.datetime:
    """Close of business on the working day after the day of receipt.

    Working Together: the local authority decides the next steps within one working day of
    receiving a referral.
    """
    _, end = working_hours()
    return _at(next_working_day(working_day_of_receipt(received_at)), end)


def add_working_hours(start_at: dt.datetime, hours: float) -> dt.datetime:
    """The moment `hours` working hours after `start_at`, counting only working time."""
    day_start, day_end = working_hours()
    local = _local(start_at)
    remaining = dt.timedelta(hours=hours)
    cursor = local
    if not is_within_working_hours(cursor):
        cursor = _at(working_day_of_receipt(cursor), day_start)
        if cursor < local:  # received before opening on a working day
            cursor = _at(local.date(), day_start)
    while True:
        close = _at(cursor.date(), day_end)
        if cursor + remaining <= close:
            return cursor + remaining
        remaining -= close - cursor
        cursor = _at(next_working_day(cursor.date()), day_start)


# A date on a caseload within this many working days is shown as "due soon".
DUE_SOON_WORKING_DAYS = 5


def due_status(today: dt.date, due: dt.date) -> str:
    """How a caseload shows a due date: "overdue", "due soon" or "due"."""
    if today > due:
        return "overdue"
    if working_days_between(today, due) <= DUE_SOON_WORKING_DAYS:
        return "due soon"
    return "due"
