"""Rules and bookkeeping shared by the casework actions (DfE CIN census validation, domain.md).

Every casework action checks its dates here, so the messages read the same everywhere.
"""

import datetime as dt
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.models import CINEpisode
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError
from frontdoor.lib.workdays import is_bank_holiday


def check_within_episode(episode: CINEpisode, day: dt.date, what: str, field: str) -> None:
    """DfE: nothing before the referral date; no activity after the episode's closure."""
    if day < episode.referral_date:
        raise ActionError(
            f"{what} cannot be before the referral on {govuk_date(episode.referral_date)}.",
            field=field,
        )
    if episode.closure_date is not None and day > episode.closure_date:
        raise ActionError(
            f"{what} cannot be after the episode closed on {govuk_date(episode.closure_date)}.",
            field=field,
        )


def check_not_before(day: dt.date, earliest: dt.date, message: str, field: str) -> None:
    if day < earliest:
        raise ActionError(message, field=field)


def check_working_day(day: dt.date, what: str, field: str) -> None:
    """DfE census validation: an ICPC is not held at a weekend (nor on a bank holiday)."""
    if day.weekday() >= 5:
        raise ActionError(f"{what} cannot be on a {day:%A}. Choose a working day.", field=field)
    if is_bank_holiday(day):
        raise ActionError(
            f"{what} cannot be on a bank holiday ({govuk_date(day)}). Choose a working day.",
            field=field,
        )


def check_choice(value: str, choices: type[models.TextChoices], message: str, field: str) -> None:
    if value not in choices.values:
        raise ActionError(message, field=field)


def locked(episode: CINEpisode) -> CINEpisode:
    """Re-read the episode under a row lock, so two workers cannot break a rule together."""
    return CINEpisode.objects.select_for_update().select_related("person").get(pk=episode.pk)


def moment(day: dt.date, at: dt.datetime | None) -> dt.datetime:
    """When a dated event goes on the chronology: `at` if given, else midday that day."""
    return at or timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


def actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def log(
    user: Any,
    record: models.Model,
    episode: CINEpisode,
    kind: str,
    summary: str,
    day: dt.date,
    *,
    created: bool = False,
    detail: str = "",
    at: dt.datetime | None = None,
) -> None:
    """Write the audit row and the chronology event of one casework change."""
    action = AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE
    record_change(user, record, action, person_id=episode.person_id, summary=summary)
    add_event(episode.person, kind, summary, moment(day, at), detail=detail, actor=user)


def latest_activity(episode: CINEpisode) -> dt.date | None:
    """The latest dated activity recorded in an episode (closure may not come before it)."""
    Max = models.Max
    aggregates = [
        episode.assessments.aggregate(a=Max("start_date"), b=Max("authorised_on")),
        episode.s47_enquiries.aggregate(a=Max("start_date"), b=Max("outcome_recorded_on")),
        episode.initial_conferences.aggregate(a=Max("held_on")),
        episode.cp_plans.aggregate(a=Max("end_date"), b=Max("reviews__held_on")),
        episode.cin_plans.aggregate(a=Max("end_date")),
        episode.looked_after_episodes.aggregate(a=Max("end_date")),
    ]
    dates = [day for row in aggregates for day in row.values()]
    found = [d for d in dates if d is not None]
    return max(found) if found else None


def open_work(episode: CINEpisode) -> list[str]:
    """What is still open in an episode, in plain words (closing ends nothing silently)."""
    found = []
    for plan in episode.cp_plans.still_open():
        found.append(f"the child protection plan started on {govuk_date(plan.start_date)}")
    for cin_plan in episode.cin_plans.still_open():
        found.append(f"the child in need plan started on {govuk_date(cin_plan.start_date)}")
    for care in episode.looked_after_episodes.still_open():
        found.append(f"the looked-after episode started on {govuk_date(care.start_date)}")
    for assessment in episode.assessments.still_open():
        found.append(f"the assessment started on {govuk_date(assessment.start_date)}")
    return found


def recorded_work(episode: CINEpisode) -> list[str]:
    """Kinds of work recorded in an episode (DfE: an NFA referral carries none of these)."""
    kinds = [
        ("an assessment", episode.assessments),
        ("a section 47 enquiry", episode.s47_enquiries),
        ("a child in need plan", episode.cin_plans),
        ("a child protection plan", episode.cp_plans),
        ("a looked-after episode", episode.looked_after_episodes),
    ]
    return [name for name, related in kinds if related.exists()]


def work_beyond_assessment(episode: CINEpisode) -> list[str]:
    """Work that means the episode did not close "after assessment" (DfE rule 2990: an
    episode closed RC8 or RC9 has no section 47 enquiry, initial conference, child in need
    plan or child protection plan)."""
    kinds = [
        ("a section 47 enquiry", episode.s47_enquiries),
        ("an initial child protection conference", episode.initial_conferences),
        ("a child in need plan", episode.cin_plans),
        ("a child protection plan", episode.cp_plans),
    ]
    return [name for name, related in kinds if related.exists()]


def record_under_plan(
    plan: Any,
    model: type[models.Model],
    *,
    on: dt.date,
    field: str,
    too_early: str,
    what: str,
    summary: str,
    user: Any,
    at: dt.datetime | None,
    **values: Any,
) -> Any:
    """Record something that happened under an open plan on `on` (a review, a core group
    meeting, a visit): not before the plan started (`too_early`, with "{start}" for its date),
    within the episode (`what` names it), with its audit row and chronology event."""
    check_not_before(
        on, plan.start_date, too_early.format(start=govuk_date(plan.start_date)), field
    )
    with transaction.atomic():
        episode = locked(plan.episode)
        check_within_episode(episode, on, what, field)
        row = model.objects.create(  # type: ignore[attr-defined]
            plan=plan, recorded_by=actor(user), created_at=timezone.now(), **{field: on}, **values
        )
        log(user, row, episode, Kind.PLAN, summary, on, created=True, at=at)
    return row
