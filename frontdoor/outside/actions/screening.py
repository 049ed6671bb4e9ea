"""Exploitation screening: the rules give a level with the indicators that produced it; a
named person may judge otherwise, with a reason (domain.md §6, §9: a named human decides)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import age_on
from frontdoor.lib.errors import ActionError
from frontdoor.outside.actions.bookkeeping import actor, log
from frontdoor.outside.codes import INDICATOR_NAMES, ExploitationType, Level, Rating
from frontdoor.outside.models import Screening
from frontdoor.outside.rules import screening_level
from frontdoor.people.models import Person


def record_screening(
    person: Person,
    *,
    kind: str,
    screened_on: dt.date,
    ratings: dict[str, str],
    user: Any,
    is_disclosure: bool = False,
    judged_level: str = "",
    judgement_reason: str = "",
    review_on: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Screening:
    """Screen a child for CSE or CCE and record the level, its reasons and any judgement."""
    now = at or timezone.now()
    if not person.is_child:
        raise ActionError("Only a child is screened.", field="person")
    if kind not in ExploitationType.values:
        raise ActionError("Choose CSE or CCE.", field="kind")
    if screened_on > timezone.localdate(now):
        raise ActionError("The screening date cannot be in the future.", field="screened_on")
    unknown = [code for code in ratings if code not in INDICATOR_NAMES]
    if unknown or any(value not in Rating.values for value in ratings.values()):
        raise ActionError("Rate each indicator: not present, low, medium or high.", field="ratings")
    if judged_level and judged_level not in Level.values:
        raise ActionError("Choose the level you judge.", field="judged_level")
    age = age_on(person.date_of_birth, screened_on) if person.date_of_birth else None
    result = screening_level(ratings, is_disclosure=is_disclosure, age=age)
    if judged_level == result.level:
        judged_level = ""
    if judged_level and not judgement_reason.strip():
        raise ActionError(
            "Say why your judgement differs from the level the screening gives.",
            field="judgement_reason",
        )
    if review_on is not None and review_on < screened_on:
        raise ActionError("The review date cannot be before the screening.", field="review_on")
    final = judged_level or result.level
    with transaction.atomic():
        screening = Screening.objects.create(
            person=person,
            kind=kind,
            screened_on=screened_on,
            ratings=ratings,
            is_disclosure=is_disclosure,
            age_at_screening=age,
            level=result.level,
            is_significant=result.is_significant,
            reasons=result.reasons,
            judged_level=judged_level,
            judgement_reason=judgement_reason if judged_level else "",
            final_level=final,
            review_on=review_on,
            screened_by=actor(user),
            created_at=now,
        )
        summary = (
            f"{ExploitationType(kind).label.split(' (')[0]} screening: {Level(final).label.lower()}"
        )
        if judged_level:
            summary += f" (screening gave {Level(result.level).label.lower()})"
        log(
            user,
            screening,
            person,
            Kind.SCREENING,
            summary,
            at or timezone.make_aware(dt.datetime.combine(screened_on, dt.time(12))),
            created=True,
        )
    return screening
