"""A form for each piece of early-help work: what it needs, its form, the action it calls.

Each page is the same: the family must be visible and workable for the user (else 404),
GET shows the form, POST calls the action; a refusal reaches the GOV.UK error summary and
nothing is written.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from frontdoor.accounts import access
from frontdoor.accounts.access import EARLY_HELP, AuthenticatedRequest, allow
from frontdoor.casework.views import field_layout
from frontdoor.earlyhelp import actions
from frontdoor.earlyhelp import forms as f
from frontdoor.earlyhelp.access import can_work_on
from frontdoor.earlyhelp.models import Episode, Member
from frontdoor.earlyhelp.pages import episode_or_404, log_family_view
from frontdoor.lib.forms import limit_dates, submit
from frontdoor.people.models import Relationship

Data = Any


def siblings(episode: Episode) -> list[Any]:
    """Brothers and sisters of the family's children (person index) not in early help."""
    children = episode.children()
    found = (
        Relationship.objects.filter(person__in=children, kind=Relationship.Kind.SIBLING)
        .exclude(other__in=children)
        .exclude(other__in=Member.objects.currently_open().values("person_id"))
        .select_related("other")
    )
    return list({r.other.pk: r.other for r in found}.values())


@dataclass(frozen=True)
class Work:
    slug: str
    title: str
    available: Callable[[Episode], bool]
    form: Callable[[Episode, Data], forms.Form]
    run: Callable[[Episode, Any, Any], Any]
    done: str
    may: Callable[[Any], bool] = lambda user: True


def _open(e: Episode) -> bool:
    return e.is_open


def _no_assessment_in_progress(e: Episode) -> bool:
    return e.is_open and not e.assessments.still_open().exists()


def _assessment_in_progress(e: Episode) -> bool:
    return e.is_open and e.assessments.still_open().exists()


def _complete(e: Episode, form: Any, user: Any) -> Any:
    assessment = e.assessments.still_open().get()
    return actions.complete_assessment(assessment, form.to_input(), user=user)


def _meeting(e: Episode, form: Any, user: Any) -> Any:
    d = form.cleaned_data
    return actions.record_taf_meeting(
        e,
        held_on=d["held_on"],
        agencies=list(d["agencies"]),
        family_attended=d["family_attended"],
        child_attended=d["child_attended"],
        notes=d["notes"],
        scores=form.scores(),
        user=user,
    )


def _close(e: Episode, form: Any, user: Any) -> Any:
    d = form.cleaned_data
    return actions.close_episode(
        e,
        closure_date=d["closure_date"],
        reason=d["reason"],
        results=form.results(),
        achieved=list(d["achieved"]),
        note=d["note"],
        user=user,
    )


def _open_outcomes(e: Episode) -> list[Any]:
    return list(e.outcomes.still_open())


WORK: list[Work] = [
    Work(
        "allocate",
        "Choose the lead professional",
        _open,
        lambda e, data: f.AllocateForm(data, initial={"lead": e.lead_professional_id}),
        lambda e, form, u: actions.allocate_lead_professional(
            e, lead=form.cleaned_data["lead"], user=u
        ),
        "Lead professional chosen.",
        may=access.can_allocate_early_help,
    ),
    Work(
        "add-child",
        "Add a brother or sister",
        lambda e: e.is_open and bool(siblings(e)),
        lambda e, data: f.AddChildForm(data, siblings=siblings(e)),
        lambda e, form, u: actions.add_children(
            e, form.chosen(), on=form.cleaned_data["on"], user=u
        ),
        "Child added to the family's early help.",
    ),
    Work(
        "start-assessment",
        "Start the Family Strengths and Needs assessment",
        _no_assessment_in_progress,
        lambda e, data: f.StartAssessmentForm(data),
        lambda e, form, u: actions.start_assessment(
            e, started_on=form.cleaned_data["started_on"], user=u
        ),
        "Assessment started.",
    ),
    Work(
        "complete-assessment",
        "Complete the Family Strengths and Needs assessment",
        _assessment_in_progress,
        lambda e, data: f.CompleteAssessmentForm(data, children=e.children()),
        _complete,
        "Assessment completed.",
    ),
    Work(
        "taf-member",
        "Add someone to the team around the family",
        _open,
        lambda e, data: f.TafMemberForm(data),
        lambda e, form, u: actions.add_taf_member(
            e, member=form.cleaned_data["member"], on=form.cleaned_data["on"], user=u
        ),
        "Added to the team around the family.",
    ),
    Work(
        "plan",
        "Add outcomes to the family plan",
        _open,
        lambda e, data: f.PlanForm(data),
        lambda e, form, u: actions.add_plan_outcomes(
            e, form.outcomes(), on=form.cleaned_data["on"], user=u
        ),
        "Family plan updated.",
    ),
    Work(
        "taf-meeting",
        "Record a team around the family meeting or review",
        _open,
        lambda e, data: f.TafMeetingForm(data, outcomes=_open_outcomes(e)),
        _meeting,
        "Meeting recorded.",
    ),
    Work(
        "step-up",
        "Ask for children's social care (step up)",
        lambda e: e.is_open and not e.step_decisions.awaiting().exists(),
        lambda e, data: f.StepUpForm(data, children=e.children()),
        lambda e, form, u: actions.request_step_up(
            e,
            children=form.chosen(),
            worries=form.cleaned_data["worries"],
            tried=form.cleaned_data["tried"],
            user=u,
        ),
        "Sent to the front door. A team manager will decide, and the family gets a letter.",
    ),
    Work(
        "close",
        "Close the family's early help",
        _open,
        lambda e, data: f.CloseForm(data, outcomes=_open_outcomes(e)),
        _close,
        "Early help closed.",
    ),
]
WORK_BY_SLUG = {w.slug: w for w in WORK}


def available_work(user: Any, episode: Episode) -> list[Work]:
    """The forms `user` may open for this family now."""
    if not access.can_use_early_help(user) or not can_work_on(user, episode):
        return []
    return [w for w in WORK if w.may(user) and w.available(episode)]


def work_view(work: Work) -> Callable[..., HttpResponse]:
    """The page for one piece of work: GET shows its form, POST calls its action."""

    @allow(EARLY_HELP)
    @require_http_methods(["GET", "POST"])
    def view(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
        episode = episode_or_404(request, episode_id)
        if not (can_work_on(request.user, episode) and work.may(request.user)):
            raise Http404("Not yours to record")
        if not work.available(episode):
            raise Http404("Nothing to record this on")
        data = request.POST if request.method == "POST" else None
        form = limit_dates(work.form(episode, data), started=episode.start_date)
        if request.method == "POST" and submit(
            form, lambda _data: work.run(episode, form, request.user)
        ):
            messages.success(request, work.done)
            return redirect("earlyhelp:episode", episode_id=episode.pk)
        log_family_view(request, episode, f"Viewed early-help form: {work.title}")
        context = {"episode": episode, "work": work, "form": form, "fields": field_layout(form)}
        return render(request, "earlyhelp/work.html", context, status=400 if form.errors else 200)

    view.__name__ = work.slug.replace("-", "_")
    return view
