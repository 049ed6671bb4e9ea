"""The as-of date of an Annex A return and its look-backs (conventions in the package)."""

import datetime as dt
from dataclasses import dataclass

from frontdoor.lib.dates import period_of_months_ending, within_months_start


@dataclass(frozen=True)
class Window:
    """The as-of date, the first day of its 6-month look-back and of its 12-month counts."""

    as_of: dt.date
    start6: dt.date
    start12: dt.date

    @classmethod
    def ending(cls, as_of: dt.date) -> "Window":
        """The window as at `as_of`: the 6 months ending that day (a period: 31 March's
        begin on 1 October), and "the last 12 months" counted from the same date a year
        before, that day included (31 March's from 31 March)."""
        start6, _ = period_of_months_ending(as_of, 6)
        return cls(as_of, start6, within_months_start(as_of, 12))

    def upto(self, day: dt.date | None) -> dt.date | None:
        """`day` if it had happened by the as-of date, else None (blank)."""
        return day if day is not None and day <= self.as_of else None
