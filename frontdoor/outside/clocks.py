"""The return home interview clock: offered within 72 hours of the child's return (2014
statutory guidance on children who run away or go missing from home or care, domain.md §1).

Real hours, not working hours: a child back on Friday evening is owed an offer by Monday
evening, weekend or not.
"""

import datetime as dt

RHI_HOURS = 72


def interview_due_at(returned_at: dt.datetime) -> dt.datetime:
    """When the return home interview must have been offered by."""
    return returned_at + dt.timedelta(hours=RHI_HOURS)


def hours_left(due_at: dt.datetime, now: dt.datetime) -> float:
    """Hours until `due_at` (negative once it has passed), to one decimal place."""
    return round((due_at - now).total_seconds() / 3600, 1)
