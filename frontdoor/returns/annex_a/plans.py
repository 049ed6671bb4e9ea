"""Annex A Lists 6 (children in need) and 7 (child protection plans).

Definitions and conventions are in the package docstring (`frontdoor.returns.annex_a`).
"""

import datetime as dt
from typing import Any

from django.db.models import Max

from frontdoor.casework.models import (
    Assessment,
    CINEpisode,
    CINPlan,
    CPPlan,
    CPReview,
    LookedAfterEpisode,
    StatutoryVisit,
)
from frontdoor.returns.annex_a import codes
from frontdoor.returns.annex_a.columns import (
    allocation,
    child_and_disability,
    label,
    person_values,
    sort_key,
    worker_values,
)
from frontdoor.returns.annex_a.window import Window


def _latest_by(queryset: Any, key: str, day_field: str) -> dict[int, dt.date]:
    latest = queryset.values(key).annotate(day=Max(day_field)).order_by()
    return {row[key]: row["day"] for row in latest}


def _open_on(queryset: Any, day: dt.date) -> set[int]:
    return set(queryset.open_on(day).values_list("episode_id", flat=True))


def case_status(episode_id: int, closed: bool, open_work: dict[str, set[int]]) -> str:
    """Looked after > CP plan > CIN plan > open assessment > closed episode (domain.md §2.2)."""
    if closed:
        return codes.CLOSED_EPISODE
    for status in (codes.LOOKED_AFTER, codes.CP_PLAN, codes.CIN_PLAN):
        if episode_id in open_work[status]:
            return status
    return codes.OPEN_ASSESSMENT


def _last_seen(episodes: Any, as_of: dt.date) -> dict[int, dt.date]:
    """The latest date the child was seen: at assessment or on a statutory visit."""
    seen = _latest_by(
        Assessment.objects.filter(episode_id__in=episodes, child_seen_on__lte=as_of),
        "episode_id",
        "child_seen_on",
    )
    visited = _latest_by(
        StatutoryVisit.objects.filter(plan__episode_id__in=episodes, visited_on__lte=as_of),
        "plan__episode_id",
        "visited_on",
    )
    for episode_id, day in visited.items():
        seen[episode_id] = max(day, seen.get(episode_id, day))
    return seen


def list_6(window: Window) -> list[list[Any]]:
    """CIN episodes open at any time in the 6 months (NFA referrals left out)."""
    episodes = (
        CINEpisode.objects.active_between(window.start6, window.as_of)
        .filter(referral_nfa=False)
        .order_by()
    )
    ids = episodes.values("id")
    as_of = window.as_of
    open_work = {
        codes.LOOKED_AFTER: _open_on(LookedAfterEpisode.objects.filter(episode_id__in=ids), as_of),
        codes.CP_PLAN: _open_on(CPPlan.objects.filter(episode_id__in=ids), as_of),
        codes.CIN_PLAN: _open_on(CINPlan.objects.filter(episode_id__in=ids), as_of),
    }
    last_seen = _last_seen(ids, as_of)
    rows = []
    for episode in episodes.values(
        "id",
        "referral_date",
        "primary_need",
        "closure_date",
        "reason_for_closure",
        *person_values("person__"),
        *worker_values(""),
    ):
        closed = window.upto(episode["closure_date"])
        rows.append(
            [
                *child_and_disability(episode, "person__", as_of),
                episode["referral_date"],
                label(codes.PRIMARY_NEED, episode["primary_need"]),
                last_seen.get(episode["id"]),
                closed,
                label(codes.REASON_FOR_CLOSURE, episode["reason_for_closure"]) if closed else "",
                case_status(episode["id"], closed is not None, open_work),
                *allocation(episode, ""),
            ]
        )
    return sorted(rows, key=lambda row: sort_key(row, 6))


def _last_visits(plans: Any, as_of: dt.date) -> dict[int, tuple[dt.date, bool]]:
    visits = (
        StatutoryVisit.objects.filter(plan_id__in=plans, visited_on__lte=as_of)
        .order_by("plan_id", "visited_on", "id")
        .values_list("plan_id", "visited_on", "is_seen_alone")
    )
    return {plan_id: (day, alone) for plan_id, day, alone in visits}  # the last one wins


def list_7(window: Window) -> list[list[Any]]:
    """Child protection plans open on the as-of date or ended in the 6 months."""
    plans = CPPlan.objects.active_between(window.start6, window.as_of).order_by()
    ids = plans.values("id")
    last_visit = _last_visits(ids, window.as_of)
    last_review = _latest_by(
        CPReview.objects.filter(plan_id__in=ids, held_on__lte=window.as_of), "plan_id", "held_on"
    )
    rows = []
    for plan in plans.values(
        "id",
        "start_date",
        "initial_category",
        "latest_category",
        "end_date",
        "previous_plans",
        *person_values("episode__person__"),
        *worker_values("episode__"),
    ):
        visited, alone = last_visit.get(plan["id"], (None, None))
        rows.append(
            [
                *child_and_disability(plan, "episode__person__", window.as_of),
                plan["start_date"],
                label(codes.CATEGORY_OF_ABUSE, plan["initial_category"]),
                label(codes.CATEGORY_OF_ABUSE, plan["latest_category"]),
                visited,
                codes.yes_no(alone),
                last_review.get(plan["id"]),
                window.upto(plan["end_date"]),
                "",  # EPO or police powers: not recorded
                plan["previous_plans"],
                *allocation(plan, "episode__"),
            ]
        )
    return sorted(rows, key=lambda row: sort_key(row, 6))
