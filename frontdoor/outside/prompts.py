"""Prompts on the ROTH caseload and in the meeting pack: repeat missing (the configurable
trigger, default 3 episodes in 90 days) or a high screening prompts a strategy discussion
or a MACE referral. A prompt is for a person to act on, never an automatic decision
(domain.md §9)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from frontdoor.outside.codes import Level
from frontdoor.outside.models import MissingEpisode, Screening
from frontdoor.outside.rules import is_repeat_missing, repeat_missing_trigger


@dataclass(frozen=True)
class Prompt:
    person_id: int
    reasons: list[str]


def prompts_for(person_ids: Any, today: dt.date) -> dict[int, Prompt]:
    """The children of `person_ids` (ids or a values QuerySet) who meet a trigger, by id."""
    episodes, days = repeat_missing_trigger()
    since = today - dt.timedelta(days=days - 1)
    starts: dict[int, list[dt.date]] = defaultdict(list)
    for person_id, day in (
        MissingEpisode.objects.counted()
        .filter(person_id__in=person_ids, started_on__gte=since, started_on__lte=today)
        .values_list("person_id", "started_on")
    ):
        starts[person_id].append(day)
    reasons: dict[int, list[str]] = defaultdict(list)
    for person_id, days_missing in starts.items():
        if is_repeat_missing(days_missing, today):
            reasons[person_id].append(
                f"Missing {len(days_missing)} times in the last {days} days "
                f"(the trigger is {episodes})."
            )
    latest = Screening.objects.filter(
        person_id__in=person_ids, screened_on__lte=today
    ).latest_per_child()
    for screening in latest.filter(final_level=Level.HIGH):
        reasons[screening.person_id].append(
            f"{screening.get_kind_display()} screening is high ({screening.screened_on:%-d %B %Y})."
        )
    return {pid: Prompt(pid, found) for pid, found in reasons.items()}
