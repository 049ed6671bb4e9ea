"""The ROTH caseload: interviews due on their 72-hour clocks, children missing now, prompts
for a strategy discussion or MACE referral, screenings due for review. A family wellbeing
support worker sees the interviews allocated to them."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from frontdoor.accounts import access
from frontdoor.accounts.access import RETURN_INTERVIEWERS, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.outside import access as outside_access
from frontdoor.outside.clocks import hours_left
from frontdoor.outside.models import MissingEpisode, Screening
from frontdoor.outside.prompts import prompts_for
from frontdoor.people.models import Person


def allocated_name(episode: MissingEpisode) -> str:
    interview = getattr(episode, "interview", None)
    worker = interview.allocated_to if interview is not None else None
    return (worker.get_full_name() or worker.username) if worker else "Not allocated"


@allow(RETURN_INTERVIEWERS)
@require_GET
def caseload(request: AuthenticatedRequest) -> HttpResponse:
    user, now = request.user, timezone.now()
    today = timezone.localdate(now)
    episodes = outside_access.episodes_visible_to(user)
    due = list(
        episodes.interview_due()
        .select_related("interview__allocated_to")
        .order_by("rhi_due_at")[:200]
    )
    clocks = [(e, hours_left(e.rhi_due_at, now), allocated_name(e)) for e in due if e.rhi_due_at]
    missing_now = list(episodes.still_missing().order_by("missing_since")[:100])
    is_roth = access.works_on_risk_outside_home(user)
    prompts: list[tuple[Person, list[str]]] = []
    reviews: list[Screening] = []
    if is_roth:
        recent = episodes.filter(started_on__gte=today - dt.timedelta(days=90))
        screened = outside_access.screenings_visible_to(user).filter(final_level="high")
        ids = set(recent.values_list("person_id", flat=True))
        ids |= set(screened.values_list("person_id", flat=True))
        found = prompts_for(ids, today)
        people = Person.objects.in_bulk(list(found))
        prompts = [
            (people[pid], found[pid].reasons)
            for pid in sorted(found, key=lambda p: people[p].family_name)
        ]
        reviews = list(
            outside_access.screenings_visible_to(user)
            .latest_per_child()
            .filter(review_on__isnull=False, review_on__lte=today + dt.timedelta(days=14))
            .select_related("person")
            .order_by("review_on")[:100]
        )
    for person_id in {e.person_id for e in due + missing_now} | {p.pk for p, _ in prompts}:
        record_view(
            user, Person(pk=person_id), person_id=person_id, summary="Viewed in the ROTH caseload"
        )
    context = {
        "clocks": clocks,
        "missing_now": missing_now,
        "prompts": prompts,
        "reviews": reviews,
        "is_roth": is_roth,
        "now": now,
        "today": today,
    }
    return render(request, "outside/caseload.html", context)
