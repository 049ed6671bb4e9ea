"""Child protection: s47 outcome, initial conference, CP plan, reviews, core group, visits.

Working Together 2023: ICPC within 15 working days of the strategy discussion (or the last
one if several); core group within 10 working days of the ICPC; first review conference
within 3 months, then at most every 6 months. DfE CIN census rules: an ICPC is not held at a
weekend; a CP plan starts on a conference date; CP plans never overlap; a CIN plan is not
concurrent with a CP plan; a review is after the plan's start; a plan does not start and end
on the same day.
"""

import datetime as dt
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from frontdoor.casework.clocks import core_group_due, cp_review_due, icpc_due
from frontdoor.casework.codes import CategoryOfAbuse, CPPlanEndReason
from frontdoor.casework.models import (
    CINEpisode,
    CINPlan,
    CoreGroupMeeting,
    CPPlan,
    CPReview,
    InitialConference,
    S47Enquiry,
    StatutoryVisit,
)
from frontdoor.casework.rules import (
    actor,
    check_choice,
    check_not_before,
    check_within_episode,
    check_working_day,
    locked,
    log,
    record_under_plan,
)
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError

CATEGORY_MESSAGE = "Choose a category of abuse (neglect, physical, emotional, sexual or multiple)."


def record_further_strategy_discussion(
    enquiry: S47Enquiry, *, held_on: dt.date, user: Any, at: dt.datetime | None = None
) -> S47Enquiry:
    """A further strategy discussion during the enquiry: the ICPC clock runs from the last one."""
    check_not_before(
        held_on,
        enquiry.icpc_clock_start,
        f"A further strategy discussion cannot be before {govuk_date(enquiry.icpc_clock_start)}.",
        "held_on",
    )
    if enquiry.has_icpc():
        raise ActionError("The initial conference has been held; the ICPC clock has stopped.")
    with transaction.atomic():
        episode = locked(enquiry.episode)
        check_within_episode(episode, held_on, "The strategy discussion", "held_on")
        enquiry.last_strategy_discussion_on = held_on
        enquiry.icpc_due_date = icpc_due(held_on)
        enquiry.save(update_fields=["last_strategy_discussion_on", "icpc_due_date"])
        log(
            user,
            enquiry,
            episode,
            Kind.STRATEGY,
            "Further strategy discussion during the section 47 enquiry",
            held_on,
            detail=f"Initial conference now due by {govuk_date(enquiry.icpc_due_date)}.",
            at=at,
        )
    return enquiry


def record_s47_outcome(
    enquiry: S47Enquiry,
    *,
    completed_on: dt.date,
    is_substantiated: bool,
    is_icpc_required: bool,
    user: Any,
    at: dt.datetime | None = None,
) -> S47Enquiry:
    """Record the outcome of a section 47 enquiry: substantiated or not, ICPC needed or not."""
    if enquiry.has_outcome():
        raise ActionError("The outcome of this section 47 enquiry has already been recorded.")
    check_not_before(
        completed_on,
        enquiry.start_date,
        f"The enquiry cannot end before it started on {govuk_date(enquiry.start_date)}.",
        "completed_on",
    )
    if not is_icpc_required and enquiry.has_icpc():
        raise ActionError("An initial conference has already been held for this enquiry.")
    with transaction.atomic():
        episode = locked(enquiry.episode)
        check_within_episode(episode, completed_on, "The enquiry's outcome", "completed_on")
        enquiry.outcome_recorded_on = completed_on
        enquiry.is_substantiated = is_substantiated
        enquiry.is_icpc_required = is_icpc_required
        enquiry.save(update_fields=["outcome_recorded_on", "is_substantiated", "is_icpc_required"])
        found = "substantiated" if is_substantiated else "not substantiated"
        icpc = "initial conference needed" if is_icpc_required else "no initial conference"
        log(
            user,
            enquiry,
            episode,
            Kind.S47,
            f"Section 47 enquiry completed: concerns {found}, {icpc}",
            completed_on,
            at=at,
        )
    return enquiry


def record_initial_conference(
    enquiry: S47Enquiry,
    *,
    held_on: dt.date,
    is_plan_required: bool,
    user: Any,
    at: dt.datetime | None = None,
) -> InitialConference:
    """Record the initial child protection conference and whether it decided on a plan."""
    if enquiry.is_icpc_required is False:
        raise ActionError(
            "The section 47 enquiry decided that no initial conference was needed.",
            field="held_on",
        )
    check_working_day(held_on, "An initial child protection conference", "held_on")
    check_not_before(
        held_on,
        enquiry.start_date,
        f"The conference cannot be before the section 47 enquiry started on "
        f"{govuk_date(enquiry.start_date)}.",
        "held_on",
    )
    with transaction.atomic():
        episode = locked(enquiry.episode)
        check_within_episode(episode, held_on, "The conference", "held_on")
        if InitialConference.objects.filter(enquiry=enquiry).exists():
            raise ActionError("An initial conference has already been recorded for this enquiry.")
        conference = InitialConference.objects.create(
            enquiry=enquiry,
            episode=episode,
            held_on=held_on,
            is_plan_required=is_plan_required,
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        timing = (
            "within 15 working days"
            if conference.is_within_timescale()
            else f"after its target of {govuk_date(enquiry.icpc_due_date)}"  # type: ignore[arg-type]
        )
        outcome = "child protection plan" if is_plan_required else "no plan"
        log(
            user,
            conference,
            episode,
            Kind.S47,
            f"Initial child protection conference: {outcome}",
            held_on,
            created=True,
            detail=f"Held {timing} of the strategy discussion.",
            at=at,
        )
    return conference


def _conference_dates(episode: CINEpisode) -> set[dt.date]:
    initial = episode.initial_conferences.filter(is_plan_required=True).values_list(
        "held_on", flat=True
    )
    reviews = CPReview.objects.filter(plan__episode=episode).values_list("held_on", flat=True)
    return set(initial) | set(reviews)


def _check_no_overlap(episode: CINEpisode, start_date: dt.date) -> None:
    person = episode.person
    overlapping = models.Q(end_date__isnull=True) | models.Q(end_date__gt=start_date)
    if CPPlan.objects.filter(overlapping, episode__person=person).exists():
        raise ActionError(f"{person.full_name} is already on a child protection plan.")
    cin_plan = CINPlan.objects.filter(overlapping, episode__person=person).first()
    if cin_plan is not None:
        raise ActionError(
            f"{person.full_name} has a child in need plan from "
            f"{govuk_date(cin_plan.start_date)}. A child in need plan cannot run at the same "
            "time as a child protection plan: end it first.",
            field="start_date",
        )


def start_cp_plan(
    episode: CINEpisode,
    *,
    start_date: dt.date,
    category: str,
    user: Any,
    at: dt.datetime | None = None,
) -> CPPlan:
    """Start a child protection plan on the date of the conference that decided it."""
    check_choice(category, CategoryOfAbuse, CATEGORY_MESSAGE, "category")
    with transaction.atomic():
        episode = locked(episode)
        check_within_episode(episode, start_date, "The child protection plan", "start_date")
        if start_date not in _conference_dates(episode):
            raise ActionError(
                "A child protection plan starts on the date of the conference that decided "
                f"it, and no such conference was held on {govuk_date(start_date)}.",
                field="start_date",
            )
        _check_no_overlap(episode, start_date)
        plan = CPPlan.objects.create(
            episode=episode,
            initial_conference=episode.initial_conferences.filter(held_on=start_date).first(),
            start_date=start_date,
            initial_category=category,
            latest_category=category,
            previous_plans=CPPlan.objects.filter(
                episode__person=episode.person, start_date__lt=start_date
            ).count(),
            core_group_due_date=core_group_due(start_date),
            review_due_date=cp_review_due(start_date, None),
            started_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            plan,
            episode,
            Kind.PLAN,
            f"Child protection plan started: {CategoryOfAbuse(category).label}",
            start_date,
            created=True,
            detail=(
                f"Core group due by {govuk_date(plan.core_group_due_date)}; first review "
                f"conference due by {govuk_date(plan.review_due_date)}."
            ),
            at=at,
        )
    return plan


def _check_plan_open(plan: CPPlan) -> None:
    if not plan.is_open():
        raise ActionError(f"This plan ended on {govuk_date(plan.end_date)}.")  # type: ignore[arg-type]


def change_category_of_abuse(
    plan: CPPlan, *, category: str, user: Any, on: dt.date | None = None
) -> CPPlan:
    """Change the latest category of abuse (the initial category never changes)."""
    check_choice(category, CategoryOfAbuse, CATEGORY_MESSAGE, "category")
    _check_plan_open(plan)
    with transaction.atomic():
        plan.latest_category = category
        plan.save(update_fields=["latest_category"])
        log(
            user,
            plan,
            plan.episode,
            Kind.PLAN,
            f"Category of abuse now {CategoryOfAbuse(category).label}",
            on or timezone.localdate(),
        )
    return plan


def record_cp_review(
    plan: CPPlan,
    *,
    held_on: dt.date,
    user: Any,
    category: str | None = None,
    is_plan_continued: bool = True,
    end_reason: str = "",
    at: dt.datetime | None = None,
) -> CPReview:
    """Record a review conference; if it ends the plan, say why (`end_reason`)."""
    _check_plan_open(plan)
    if category is not None:
        check_choice(category, CategoryOfAbuse, CATEGORY_MESSAGE, "category")
    if not is_plan_continued:
        check_choice(end_reason, CPPlanEndReason, "Choose why the plan is ending.", "end_reason")
    if held_on <= plan.start_date:
        raise ActionError(
            f"A review conference must be after the plan started on {govuk_date(plan.start_date)}.",
            field="held_on",
        )
    last = plan.last_review_on()
    if last is not None and held_on <= last:
        raise ActionError(
            f"A review conference must be after the last review on {govuk_date(last)}.",
            field="held_on",
        )
    with transaction.atomic():
        episode = locked(plan.episode)
        check_within_episode(episode, held_on, "The review conference", "held_on")
        review = CPReview.objects.create(
            plan=plan,
            held_on=held_on,
            is_plan_continued=is_plan_continued,
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        plan.review_due_date = cp_review_due(plan.start_date, held_on)
        fields = ["review_due_date"]
        if category is not None:
            plan.latest_category = category
            fields.append("latest_category")
        if not is_plan_continued:
            plan.end_date, plan.end_reason = held_on, end_reason
            fields += ["end_date", "end_reason"]
        plan.save(update_fields=fields)
        outcome = (
            f"plan continues; next review due by {govuk_date(plan.review_due_date)}"
            if is_plan_continued
            else f"plan ended ({CPPlanEndReason(end_reason).label})"
        )
        log(
            user,
            review,
            episode,
            Kind.PLAN,
            f"Child protection review conference: {outcome}",
            held_on,
            created=True,
            at=at,
        )
    return review


def record_core_group_meeting(
    plan: CPPlan, *, held_on: dt.date, user: Any, at: dt.datetime | None = None
) -> CoreGroupMeeting:
    """Record a core group meeting (the first is due within 10 working days of the ICPC)."""
    _check_plan_open(plan)
    meeting: CoreGroupMeeting = record_under_plan(
        plan,
        CoreGroupMeeting,
        on=held_on,
        field="held_on",
        too_early="A core group cannot meet before the plan started on {start}.",
        what="The core group meeting",
        summary="Core group meeting",
        user=user,
        at=at,
    )
    return meeting


def record_statutory_visit(
    plan: CPPlan,
    *,
    visited_on: dt.date,
    is_seen_alone: bool,
    user: Any,
    at: dt.datetime | None = None,
) -> StatutoryVisit:
    """Record a statutory visit to a child on a plan, and whether they were seen alone."""
    _check_plan_open(plan)
    alone = "seen alone" if is_seen_alone else "not seen alone"
    visit: StatutoryVisit = record_under_plan(
        plan,
        StatutoryVisit,
        on=visited_on,
        field="visited_on",
        too_early="A visit under the plan cannot be before it started on {start}.",
        what="The visit",
        summary=f"Statutory visit: child {alone}",
        user=user,
        at=at,
        is_seen_alone=is_seen_alone,
    )
    return visit


def end_cp_plan(
    plan: CPPlan, *, end_date: dt.date, reason: str, user: Any, at: dt.datetime | None = None
) -> CPPlan:
    """End a child protection plan with its reason."""
    _check_plan_open(plan)
    check_choice(reason, CPPlanEndReason, "Choose why the plan is ending.", "reason")
    check_not_before(
        end_date,
        plan.start_date,
        f"The plan cannot end before it started on {govuk_date(plan.start_date)}.",
        "end_date",
    )
    if end_date == plan.start_date:
        raise ActionError("A child protection plan cannot end on the day it started.", "end_date")
    with transaction.atomic():
        episode = locked(plan.episode)
        check_within_episode(episode, end_date, "The end of the plan", "end_date")
        updated = CPPlan.objects.filter(pk=plan.pk, end_date__isnull=True).update(
            end_date=end_date, end_reason=reason
        )
        if not updated:
            raise ActionError("This plan has already ended.")
        plan.end_date, plan.end_reason = end_date, reason
        log(
            user,
            plan,
            episode,
            Kind.PLAN,
            f"Child protection plan ended: {CPPlanEndReason(reason).label}",
            end_date,
            at=at,
        )
    return plan
