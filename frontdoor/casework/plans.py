"""Child in need plans (section 17): start, reviews, end.

DfE CIN census: a CIN plan is not concurrent with a child protection plan. Dates run
[start, end): a CIN plan may end on the day a CP plan starts, and start on the day one ends.
"""

import datetime as dt
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from frontdoor.casework import hooks
from frontdoor.casework.models import CINEpisode, CINPlan, CINPlanReview, CPPlan
from frontdoor.casework.rules import (
    actor,
    check_not_before,
    check_within_episode,
    locked,
    log,
    moment,
    record_under_plan,
)
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError


def start_cin_plan(
    episode: CINEpisode, *, start_date: dt.date, user: Any, at: dt.datetime | None = None
) -> CINPlan:
    """Start a child in need plan."""
    with transaction.atomic():
        episode = locked(episode)
        person = episode.person
        check_within_episode(episode, start_date, "The child in need plan", "start_date")
        if episode.referral_nfa:
            raise ActionError("This referral was closed with no further action, so it has no plan.")
        overlapping = models.Q(end_date__isnull=True) | models.Q(end_date__gt=start_date)
        if CINPlan.objects.filter(overlapping, episode__person=person).exists():
            raise ActionError(f"{person.full_name} already has a child in need plan.")
        cp_plan = CPPlan.objects.filter(overlapping, episode__person=person).first()
        if cp_plan is not None:
            raise ActionError(
                f"{person.full_name} is on a child protection plan from "
                f"{govuk_date(cp_plan.start_date)}. A child in need plan cannot run at the same "
                "time as a child protection plan: end that plan first.",
                field="start_date",
            )
        plan = CINPlan.objects.create(
            episode=episode,
            start_date=start_date,
            started_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            plan,
            episode,
            Kind.PLAN,
            "Child in need plan started",
            start_date,
            created=True,
            at=at,
        )
    return plan


def _check_open(plan: CINPlan) -> None:
    if plan.end_date is not None:
        raise ActionError(f"This plan ended on {govuk_date(plan.end_date)}.")


def record_cin_plan_review(
    plan: CINPlan, *, held_on: dt.date, user: Any, at: dt.datetime | None = None
) -> CINPlanReview:
    """Record a review of a child in need plan."""
    _check_open(plan)
    review: CINPlanReview = record_under_plan(
        plan,
        CINPlanReview,
        on=held_on,
        field="held_on",
        too_early="A review cannot be before the plan started on {start}.",
        what="The review",
        summary="Child in need plan reviewed",
        user=user,
        at=at,
    )
    return review


def end_cin_plan(
    plan: CINPlan,
    *,
    end_date: dt.date,
    user: Any,
    at: dt.datetime | None = None,
    to_early_help: bool = False,
    note: str = "",
) -> CINPlan:
    """End a child in need plan; `to_early_help` steps the family down to early help in the
    same transaction (casework.hooks), with `note` as the reason the family's letter quotes."""
    _check_open(plan)
    check_not_before(
        end_date,
        plan.start_date,
        f"The plan cannot end before it started on {govuk_date(plan.start_date)}.",
        "end_date",
    )
    with transaction.atomic():
        episode = locked(plan.episode)
        check_within_episode(episode, end_date, "The end of the plan", "end_date")
        if not CINPlan.objects.filter(pk=plan.pk, end_date__isnull=True).update(end_date=end_date):
            raise ActionError("This plan has already ended.")
        plan.end_date = end_date
        summary = "Child in need plan ended" + (" to early help" if to_early_help else "")
        log(user, plan, episode, Kind.PLAN, summary, end_date, detail=note, at=at)
        hooks.plan_ended(
            plan, user=user, at=moment(end_date, at), note=note, to_early_help=to_early_help
        )
    return plan
