"""The period a KPI is measured over, and the arithmetic every KPI shares.

A period is inclusive of both dates; a record belongs to the period of its local date (a
moment, such as a decision, to the local day it happened on). Rates are percentages, or
per 10,000 children, rounded half up to one decimal place (DfE publication convention),
or None when the denominator is zero.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from frontdoor.kpis.models import PopulationEstimate
from frontdoor.lib.dates import local_day_bounds

Number = int | float | None


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def moments(self) -> tuple[dt.datetime, dt.datetime]:
        """Local midnight at the start of the first day and after the last day."""
        return local_day_bounds(self.first, self.last)


def _one_decimal(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent(part: int, whole: int) -> float | None:
    """`part` ÷ `whole` as a percentage to one decimal place (None when `whole` is 0)."""
    if not whole:
        return None
    return _one_decimal(Decimal(part * 100) / Decimal(whole))


def population(period: Period) -> int:
    """Children aged 0 to 17: the latest recorded estimate, else FRONTDOOR_CHILD_POPULATION."""
    estimate = PopulationEstimate.objects.for_period_ending(period.last)
    return estimate.children if estimate else int(settings.FRONTDOOR_CHILD_POPULATION)


def per_10000(count: int, period: Period) -> float | None:
    """`count` per 10,000 children aged 0 to 17 in the area, to one decimal place."""
    children = population(period)
    if not children:
        return None
    return _one_decimal(Decimal(count * 10_000) / Decimal(children))
