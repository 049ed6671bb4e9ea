"""The clocks `frontdoor tick` sweeps: every app registers its own here.

A clock is a `due_at` (or due date) on an app's records; its sweep finds the records past due
and not yet flagged, flags each (claiming it with a conditional update, so two ticks at once
flag it once), queues its notification through `notifications.actions.queue_notification`,
and returns how many it flagged. Apps register from their `AppConfig.ready()`:

    register_clock(Clock("mash:overdue-checks", "checks newly overdue", flag_overdue_checks))
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    """A sweep of one app's overdue items: `sweep(now)` returns how many it flagged."""

    key: str
    label: str  # "checks newly overdue": how `frontdoor tick` reports the count
    sweep: Callable[[dt.datetime], int]


_clocks: dict[str, Clock] = {}


def register_clock(clock: Clock) -> None:
    _clocks[clock.key] = clock


def registered_clocks() -> list[Clock]:
    """Every registered clock, in the order of their keys."""
    return [_clocks[key] for key in sorted(_clocks)]


def sweep_all(now: dt.datetime) -> list[tuple[Clock, int]]:
    """Run every clock's sweep; each flags and queues inside its own transactions."""
    return [(clock, clock.sweep(now)) for clock in registered_clocks()]
