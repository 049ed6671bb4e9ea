"""Early-help pages: the caseload, a family's early help, a child's, and the family's letters.

The forms of each piece of work are in `work_views.py`.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from frontdoor.accounts import access
from frontdoor.accounts.access import EARLY_HELP, SIGNED_IN, STAFF, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.earlyhelp import access as earlyhelp_access
from frontdoor.earlyhelp.clocks import episode_clocks
from frontdoor.earlyhelp.letters import letter_for, render_pdf
from frontdoor.earlyhelp.models import StepDecision
from frontdoor.earlyhelp.pages import episode_or_404, log_family_view
from frontdoor.earlyhelp.work_views import available_work
from frontdoor.people import access as people_access


@allow(EARLY_HELP)
@require_GET
def caseload(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    visible = (
        earlyhelp_access.visible_to(user)
        .currently_open()
        .select_related("service", "lead_professional")
    )
    if access.is_partner(user):
        mine, heading = list(visible.order_by("start_date")), "Our families in early help"
    else:
        mine, heading = list(visible.led_by(user).order_by("start_date")), "My families"
    waiting = (
        list(visible.awaiting_allocation().order_by("start_date"))
        if access.can_allocate_early_help(user)
        else []
    )
    for episode in mine + waiting:
        log_family_view(request, episode, "Viewed in an early-help caseload")
    clocks = sorted((c for e in mine for c in episode_clocks(e)), key=lambda c: c.due)
    context = {
        "heading": heading,
        "episodes": mine,
        "waiting": waiting,
        "clocks": clocks,
        "today": timezone.localdate(),
    }
    return render(request, "earlyhelp/caseload.html", context)


@allow(SIGNED_IN)
@require_GET
def episode_detail(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
    episode = episode_or_404(request, episode_id)
    log_family_view(request, episode, "Viewed early help")

    context = {
        "episode": episode,
        "children": episode.children(),
        "links": earlyhelp_access.opens_child_records(request.user),
        "assessments": episode.assessments.select_related("level_of_need").prefetch_related(
            "needs__person", "child_views__person"
        ),
        "meetings": episode.meetings.prefetch_related("agencies", "scores"),
        "outcomes": episode.outcomes.all(),
        "members": episode.taf_members.select_related("user", "user__agency"),
        "steps": episode.step_decisions.select_related("decided_by", "requested_by"),
        "achieved": episode.achieved.all(),
        "clocks": episode_clocks(episode),
        "work": available_work(request.user, episode),
        "today": timezone.localdate(),
    }
    return render(request, "earlyhelp/episode.html", context)


@allow(STAFF)
@require_GET
def child_early_help(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(people_access.visible_to(request.user), pk=person_id)
    record_view(request.user, person, person_id=person.pk, summary="Viewed early help")
    episodes = earlyhelp_access.visible_to(request.user).filter(members__person=person).distinct()
    context = {
        "person": person,
        "episodes": episodes.select_related("service", "lead_professional"),
    }
    return render(request, "earlyhelp/child.html", context)


def _step_or_404(request: AuthenticatedRequest, step_id: int) -> StepDecision:
    steps = earlyhelp_access.step_decisions_visible_to(request.user).select_related(
        "episode__lead_professional", "decided_by"
    )
    step = get_object_or_404(steps, pk=step_id)
    if not step.is_decided:
        raise Http404("Not decided yet")
    for person in step.children.all():
        record_view(request.user, step, person_id=person.pk, summary="Viewed the family's letter")
    return step


@allow(SIGNED_IN)
@require_GET
def letter(request: AuthenticatedRequest, step_id: int) -> HttpResponse:
    step = _step_or_404(request, step_id)
    return render(request, "earlyhelp/letter.html", {"step": step, "letter": letter_for(step)})


@allow(SIGNED_IN)
@require_GET
def letter_pdf(request: AuthenticatedRequest, step_id: int) -> HttpResponse:
    step = _step_or_404(request, step_id)
    html = render_to_string(
        "earlyhelp/letter_pdf.html", {"step": step, "letter": letter_for(step)}, request=request
    )
    response = HttpResponse(
        render_pdf(html, request.build_absolute_uri("/")), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="letter-{step.pk}.pdf"'
    return response
