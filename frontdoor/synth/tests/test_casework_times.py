"""When the synthetic casework happens relative to the end of the plan (`as_of`)."""

import datetime as dt

from frontdoor.synth.casework import CaseworkStory
from frontdoor.synth.timing import local


def story(as_of: dt.datetime) -> CaseworkStory:
    return CaseworkStory(1, staff=None, as_of=as_of)  # type: ignore[arg-type]


def test_work_dated_on_the_last_day_happens_by_the_end_even_early_in_the_morning():
    """demo-setup ends "now": an episode closing today must have its work done today, so
    nothing dated today is skipped (a skipped authorisation left an assessment open and the
    closure refused)."""
    end = local(dt.date(2026, 12, 2), 9, 5)
    times = [story(end)._at(dt.date(2026, 12, 2)) for _ in range(50)]
    assert all(t is not None and t <= end for t in times)
    assert end in times  # most of the working day is still to come at 9:05


def test_work_dated_after_the_last_day_has_not_happened():
    end = local(dt.date(2026, 12, 2), 16, 0)
    assert story(end)._at(dt.date(2026, 12, 3)) is None


def test_work_on_earlier_days_keeps_its_own_time():
    end = local(dt.date(2026, 12, 2), 9, 5)
    moment = story(end)._at(dt.date(2026, 12, 1), 10)
    assert moment is not None and moment.date() == dt.date(2026, 12, 1) and moment.hour == 10
