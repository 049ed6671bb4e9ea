"""Reads for the casework pages: each open episode's statutory clocks, and score trends.

Statutory clocks (Working Together 2023, domain.md §1) come from the stored due dates.
Two are local practice [L], kept here as settings-like constants: how often a child on a
child protection plan is visited, and how often a child in need plan is reviewed.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from frontdoor.casework.clocks import care_review_due
from frontdoor.casework.models import (
    AdoptionPlan,
    CareLeaverContact,
    CareOutcomes,
    CareReview,
    CINEpisode,
    HealthCheck,
    PreviousPermanence,
    ScalingScore,
    UascStatus,
)
from frontdoor.lib.dates import add_months
from frontdoor.lib.workdays import add_working_days, due_status
from frontdoor.people.models import Person

# [L] Many councils visit a child on a CP plan at least every 10 working days.
CP_VISIT_WORKING_DAYS = 10
# [L] A child in need plan is reviewed within 3 months of its start, then every 3 months.
CIN_PLAN_REVIEW_MONTHS = 3


@dataclass(frozen=True)
class Clock:
    episode: CINEpisode
    what: str
    due: dt.date

    def status(self, today: dt.date) -> str:
        return due_status(today, self.due)


def episode_clocks(episode: CINEpisode) -> list[Clock]:
    """Every running clock of an open episode, soonest first."""
    found: list[Clock] = []
    for assessment in episode.assessments.still_open():
        found.append(
            Clock(episode, "Assessment (45 working days from referral)", assessment.due_date)
        )
    for enquiry in episode.s47_enquiries.awaiting_icpc():
        if enquiry.icpc_due_date is not None:
            found.append(
                Clock(
                    episode,
                    "Initial child protection conference (15 working days)",
                    enquiry.icpc_due_date,
                )
            )
    for plan in episode.cp_plans.still_open():
        review = "First review conference" if plan.last_review_on() is None else "Review conference"
        found.append(Clock(episode, review, plan.review_due_date))
        if not plan.core_group_meetings.exists():
            found.append(
                Clock(episode, "First core group (10 working days)", plan.core_group_due_date)
            )
        last = plan.last_visit()
        since = last.visited_on if last else plan.start_date
        found.append(
            Clock(episode, "Statutory visit", add_working_days(since, CP_VISIT_WORKING_DAYS))
        )
    for cin_plan in episode.cin_plans.still_open():
        since = cin_plan.last_review_on() or cin_plan.start_date
        found.append(
            Clock(episode, "Child in need plan review", add_months(since, CIN_PLAN_REVIEW_MONTHS))
        )
    found.extend(_care_review_clock(episode))
    return sorted(found, key=lambda clock: clock.due)


def _care_review_clock(episode: CINEpisode) -> list[Clock]:
    """The next looked-after review: 20 working days, then 3 months, then 6 months."""
    care = episode.looked_after_episodes.filter(end_date__isnull=True).first()
    if care is None:
        return []
    started = (
        episode.looked_after_episodes.filter(is_new_period=True, start_date__lte=care.start_date)
        .order_by("-start_date")
        .values_list("start_date", flat=True)
        .first()
    ) or care.start_date
    reviews = list(
        CareReview.objects.filter(person_id=episode.person_id, held_on__gte=started).values_list(
            "held_on", flat=True
        )
    )
    what = ["First looked-after review (20 working days)", "Second looked-after review (3 months)"]
    label = what[len(reviews)] if len(reviews) < 2 else "Looked-after review (6 months)"
    return [Clock(episode, label, care_review_due(started, reviews))]


def caseload_clocks(episodes: list[CINEpisode]) -> list[Clock]:
    """The clocks of many episodes, next due first."""
    return sorted((c for e in episodes for c in episode_clocks(e)), key=lambda c: c.due)


@dataclass(frozen=True)
class Trend:
    """Scaling scores for one child: a row per date, a column per participant."""

    participants: list[str]
    rows: list[tuple[dt.date, list[int | None]]]

    def series(self) -> list[tuple[str, list[tuple[dt.date, int]]]]:
        return [
            (name, [(day, row[i]) for day, row in self.rows if row[i] is not None])  # type: ignore[misc]
            for i, name in enumerate(self.participants)
        ]


def score_trend(person: Person) -> Trend:
    """Every participant's scores over time for `person` (the latest on a date wins)."""
    scores = (
        ScalingScore.objects.filter(safety_map__episode__person=person)
        .select_related("agency")
        .order_by("scored_on", "created_at", "pk")
    )
    by_day: dict[dt.date, dict[str, int]] = {}
    names: list[str] = []
    for score in scores:
        name = score.participant_name()
        if name not in names:
            names.append(name)
        by_day.setdefault(score.scored_on, {})[name] = score.score
    fixed = [n for n in ("Family", "Social worker") if n in names]
    participants = fixed + sorted(n for n in names if n not in fixed)
    rows = [(day, [by_day[day].get(n) for n in participants]) for day in sorted(by_day)]
    return Trend(participants, rows)


@dataclass(frozen=True)
class CareRecord:
    """What the child's looked-after record holds beyond the episodes (SSDA903)."""

    reviews: list[Any]
    health_checks: list[Any]
    outcomes: list[Any]
    uasc: Any
    adoption_plans: list[Any]
    permanence: list[Any]
    leaver_contacts: list[Any]

    def __bool__(self) -> bool:
        return any(
            [
                self.reviews,
                self.health_checks,
                self.outcomes,
                self.uasc,
                self.adoption_plans,
                self.permanence,
                self.leaver_contacts,
            ]
        )


def care_record(person: Person) -> CareRecord:
    """The child's reviews, checks, outcomes, status, adoption and care leaver records."""
    return CareRecord(
        reviews=list(CareReview.objects.filter(person=person)),
        health_checks=list(HealthCheck.objects.filter(person=person)),
        outcomes=list(CareOutcomes.objects.filter(person=person)),
        uasc=UascStatus.objects.filter(person=person).first(),
        adoption_plans=list(AdoptionPlan.objects.filter(person=person)),
        permanence=list(
            PreviousPermanence.objects.filter(looked_after_episode__episode__person=person)
            .select_related("looked_after_episode")
            .order_by("-looked_after_episode__start_date")
        ),
        leaver_contacts=list(CareLeaverContact.objects.filter(person=person)),
    )
