"""Early help's clocks: the team around the family reviews the plan every few weeks.

[L] North Somerset's practice standards (000_…txt, standard 5: plans reviewed within the set
timescales); the interval is FRONTDOOR_EARLY_HELP_REVIEW_WEEKS (default 6), kept per episode.
"""

import datetime as dt
from dataclasses import dataclass

from frontdoor.earlyhelp.models import Episode
from frontdoor.lib.workdays import due_status


@dataclass(frozen=True)
class Clock:
    episode: Episode
    what: str
    due: dt.date

    def status(self, today: dt.date) -> str:
        return due_status(today, self.due)


def review_due(episode: Episode) -> dt.date:
    """The next team around the family meeting: `review_weeks` after the last one (or after
    the start, for the first)."""
    last = max((m.held_on for m in episode.meetings.all()), default=episode.start_date)
    return last + dt.timedelta(weeks=episode.review_weeks)


def episode_clocks(episode: Episode) -> list[Clock]:
    if not episode.is_open:
        return []
    found = [
        Clock(
            episode,
            "Team around the family review"
            if episode.meetings.exists()
            else "First team around the family meeting",
            review_due(episode),
        )
    ]
    return found
