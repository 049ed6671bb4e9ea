"""When things happen: receipt times over the year and each contact's decision timeline.

All times are computed from the seeded generator and the working-day calendar
(frontdoor.lib.workdays), never from the clock.
"""

import bisect
import datetime as dt
import random
from dataclasses import dataclass
from itertools import accumulate

from django.utils import timezone

from frontdoor.lib.workdays import (
    add_working_hours,
    end_of_next_working_day,
    is_working_day,
    working_hours,
)


def local(day: dt.date, hour: int = 0, minute: int = 0) -> dt.datetime:
    naive = dt.datetime.combine(day, dt.time(hour, minute))
    return timezone.make_aware(naive, timezone.get_default_timezone())


def day_weight(day: dt.date) -> float:
    """Relative volume of contacts on `day`: fewer at weekends, in August and at Christmas."""
    weight = 1.0 if is_working_day(day) else 0.3
    if day.month == 8:
        weight *= 0.8
    if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1):
        weight *= 0.6
    return weight


class Calendar:
    """Draws receipt times within a date range, weighted by day."""

    def __init__(self, rng: random.Random, first: dt.date, last: dt.date) -> None:
        self.rng = rng
        self.days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        self.cumulative = list(accumulate(day_weight(d) for d in self.days))

    def weight(self, first: dt.date, last: dt.date) -> float:
        """The total day weight from `first` to `last` inclusive."""
        low = bisect.bisect_left(self.days, first)
        high = bisect.bisect_right(self.days, last)
        return self.cumulative[high - 1] - (self.cumulative[low - 1] if low else 0.0)

    def received_at(self, first: dt.date, last: dt.date) -> dt.datetime:
        """A receipt time on a day between `first` and `last` inclusive."""
        return self._at_share(first, last, self.rng.random())

    def spread(self, first: dt.date, last: dt.date, count: int) -> list[dt.datetime]:
        """`count` receipt times in order, one in each of `count` equal shares of the weight
        (stratified: month totals vary far less than with independent draws)."""
        return [self._at_share(first, last, (k + self.rng.random()) / count) for k in range(count)]

    def _at_share(self, first: dt.date, last: dt.date, share: float) -> dt.datetime:
        low = bisect.bisect_left(self.days, first)
        high = bisect.bisect_right(self.days, last)
        base = self.cumulative[low - 1] if low else 0.0
        point = base + share * (self.cumulative[high - 1] - base)
        day = self.days[min(bisect.bisect_left(self.cumulative, point, low, high), high - 1)]
        return self.time_on(day)

    def time_on(self, day: dt.date) -> dt.datetime:
        rng = self.rng
        if is_working_day(day) and rng.random() < 0.82:
            minute = rng.randint(9 * 60, 17 * 60 - 1)
        elif rng.random() < 0.75:  # evening or night
            minute = rng.choice([rng.randint(17 * 60, 24 * 60 - 1), rng.randint(0, 9 * 60 - 1)])
        else:
            minute = rng.randint(9 * 60, 17 * 60 - 1)
        return local(day, minute // 60, minute % 60)


@dataclass(frozen=True)
class Timeline:
    """Triage, decision (possibly returned once by a manager) and authorisation times."""

    triaged_at: dt.datetime
    recorded_at: dt.datetime
    authorised_at: dt.datetime
    returned_at: dt.datetime | None = None
    re_recorded_at: dt.datetime | None = None

    @property
    def decided_at(self) -> dt.datetime:
        return self.authorised_at


def _available_hours(received_at: dt.datetime) -> float:
    """Working hours from receipt until the decision is due (between 8 and 16)."""
    start = add_working_hours(received_at, 0)
    due = end_of_next_working_day(received_at)
    opening, close = working_hours()
    first_day_close = local(timezone.localtime(start).date(), close.hour, close.minute)
    due_day_open = local(timezone.localdate(due), opening.hour, opening.minute)
    span = (first_day_close - start) + (due - due_day_open)
    return span.total_seconds() / 3600


def timeline(
    rng: random.Random, received_at: dt.datetime, *, on_time: bool, urgent: bool, returned: bool
) -> Timeline:
    """When a contact is triaged, decided and authorised.

    On-time decisions are authorised by the end of the next working day after receipt
    (Working Together 2023: decide within one working day); late ones some hours after.
    """
    available = _available_hours(received_at)
    if urgent:
        hours = rng.uniform(0.25, 2.5)
    elif on_time:
        hours = 0.3 + (available - 0.4) * rng.random() ** 1.4
    else:
        hours = available + rng.uniform(0.25, 20.0)

    def at(share: float) -> dt.datetime:
        return add_working_hours(received_at, hours * share)

    triaged = at(rng.uniform(0.05, 0.3))
    if returned:
        return Timeline(triaged, at(0.45), at(1.0), returned_at=at(0.6), re_recorded_at=at(0.8))
    return Timeline(triaged, at(0.7), at(1.0))
