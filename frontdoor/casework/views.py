"""Casework pages: a child's casework, a form per action, Signs of Safety maps, caseloads."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts.access import DECIDERS, STAFF, AuthenticatedRequest, allow
from frontdoor.accounts.models import Agency, User
from frontdoor.audit.log import record_view
from frontdoor.casework import access as casework_access
from frontdoor.casework.caseload import (
    care_record,
    caseload_clocks,
    episode_clocks,
    score_trend,
)
from frontdoor.casework.forms import MAP_TEXT, YES_NO, SafetyMapForm, ScoresForm
from frontdoor.casework.hooks import caseload_sections, casework_sections
from frontdoor.casework.models import CINEpisode, SafetyMap
from frontdoor.casework.safety import record_safety_map, record_scaling_scores
from frontdoor.casework.steps import STEPS, Step
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.forms import GovukDateField, limit_dates, submit
from frontdoor.people import access as people_access


def _episode_to_change_or_404(request: AuthenticatedRequest, episode_id: int) -> CINEpisode:
    """An episode this user may record on; 404 if they may not see it or not change it
    (not allocated, not in the team that holds it, not a manager)."""
    episode = get_object_or_404(casework_access.episodes_visible_to(request.user), pk=episode_id)
    if not casework_access.can_change(request.user, episode):
        raise Http404("Not allocated to you or your team")
    return episode


def field_layout(form: forms.Form) -> list[dict[str, Any]]:
    """How to render each field with the GOV.UK macros (templates/casework/_fields.html)."""
    layout = []
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(field, GovukDateField):
            kind = "date"
        elif isinstance(field, forms.BooleanField):
            kind = "checkbox"
        elif isinstance(widget, forms.CheckboxSelectMultiple):  # a subclass of RadioSelect
            kind = "checkboxes"
        elif isinstance(widget, forms.RadioSelect):
            kind = "yes_no" if list(field.choices) == YES_NO else "radios"  # type: ignore[attr-defined]
        elif isinstance(widget, forms.Select):
            kind = "select"
        elif isinstance(widget, forms.Textarea):
            kind = "textarea"
        elif isinstance(field, forms.IntegerField):
            kind = "score"
        else:
            kind = "input"
        layout.append({"name": name, "kind": kind, "label": field.label, "hint": field.help_text})
    return layout


def available_steps(user: User, episode: CINEpisode) -> list[tuple[Step, str]]:
    """The forms this user may open for this episode now, with their links."""
    return [
        (step, reverse(f"casework:{step.slug}", kwargs={"episode_id": episode.pk}))
        for step in STEPS
        if step.policy.admits(user)
        and casework_access.can_change(user, episode)
        and step.target(episode) is not None
    ]


@allow(STAFF)
@require_GET
def child_casework(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(people_access.visible_to(request.user), pk=person_id)
    record_view(request.user, person, person_id=person.pk, summary="Viewed casework")
    episodes = list(
        CINEpisode.objects.filter(person=person)
        .select_related("team", "allocated_worker")
        .order_by("closure_date", "-referral_date")  # the open one (no closure) first
    )
    episodes.sort(key=lambda e: (not e.is_open, -e.referral_date.toordinal()))
    context = {
        "person": person,
        "episodes": [
            {
                "episode": e,
                "clocks": episode_clocks(e) if e.is_open else [],
                "steps": available_steps(request.user, e),
                "can_change": casework_access.can_change(request.user, e),
            }
            for e in episodes
        ],
        "maps": SafetyMap.objects.for_person(person).select_related(
            "assessment", "initial_conference", "cp_review"
        ),
        "trend": score_trend(person),
        "today": timezone.localdate(),
        "sections": casework_sections(request.user, person),
        "care_record": care_record(person),
    }
    return render(request, "casework/child.html", context)


def _limit_dates(form: forms.Form, episode: CINEpisode) -> None:
    """Nothing on the child's casework before they were born or before the referral."""
    limit_dates(form, born=episode.person.date_of_birth, started=episode.referral_date)


def step_view(step: Step) -> Callable[..., HttpResponse]:
    """The page for one step: GET shows its form, POST calls its action."""

    @allow(step.policy)
    @require_http_methods(["GET", "POST"])
    def view(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
        episode = _episode_to_change_or_404(request, episode_id)
        target = step.target(episode)
        if target is None:
            raise Http404("Nothing to record this on")
        data = request.POST if request.method == "POST" else None
        form = step.form(data, initial=step.initial(episode))
        _limit_dates(form, episode)
        if request.method == "POST" and submit(
            form, lambda data: step.run(target, data, request.user)
        ):
            messages.success(request, step.done)
            return redirect("casework:child", person_id=episode.person_id)
        record_view(
            request.user,
            episode,
            person_id=episode.person_id,
            summary=f"Viewed casework form: {step.title}",
        )
        context = {"episode": episode, "person": episode.person, "step": step, "form": form}
        context["fields"] = field_layout(form)
        return render(request, "casework/step.html", context, status=400 if form.errors else 200)

    view.__name__ = step.slug.replace("-", "_")
    return view


def _occasions(episode: CINEpisode) -> list[tuple[str, str]]:
    found = [
        (f"assessment-{a.pk}", f"Assessment started {govuk_date(a.start_date)}")
        for a in episode.assessments.all()
    ]
    found += [
        (f"icpc-{c.pk}", f"Initial child protection conference on {govuk_date(c.held_on)}")
        for c in episode.initial_conferences.all()
    ]
    for plan in episode.cp_plans.all():
        found += [
            (f"review-{r.pk}", f"Child protection review conference on {govuk_date(r.held_on)}")
            for r in plan.reviews.all()
        ]
    return found


def _occasion(episode: CINEpisode, value: str) -> Any:
    kind, _, pk = value.partition("-")
    if kind == "assessment":
        return episode.assessments.get(pk=pk)
    if kind == "icpc":
        return episode.initial_conferences.get(pk=pk)
    return episode.cp_plans.get(reviews__pk=pk).reviews.get(pk=pk)


@allow(DECIDERS)
@require_http_methods(["GET", "POST"])
def new_safety_map(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
    episode = _episode_to_change_or_404(request, episode_id)
    occasions = _occasions(episode)
    agencies = list(Agency.objects.filter(is_active=True).order_by("name"))
    initial = {"occasion": occasions[-1][0] if occasions else None}
    data = request.POST if request.method == "POST" else None
    form = SafetyMapForm(data, occasions=occasions, agencies=agencies, initial=initial)
    _limit_dates(form, episode)
    recorded = request.method == "POST" and submit(
        form,
        lambda data: record_safety_map(
            _occasion(episode, data["occasion"]),
            mapped_on=data["mapped_on"],
            text=form.text(),
            scores=form.scores(),
            user=request.user,
        ),
    )
    if recorded:
        messages.success(request, "Signs of Safety map recorded.")
        return redirect("casework:safety-map", map_id=recorded.result.pk)
    record_view(
        request.user, episode, person_id=episode.person_id, summary="Viewed Signs of Safety form"
    )
    context = {
        "episode": episode,
        "person": episode.person,
        "form": form,
        "occasions": occasions,
        "text_fields": [name for name, _, _ in MAP_TEXT],
        "agencies": agencies,
    }
    return render(
        request, "casework/safety_map_form.html", context, status=400 if form.errors else 200
    )


def _map_or_404(request: AuthenticatedRequest, map_id: int) -> SafetyMap:
    maps = casework_access.safety_maps_visible_to(request.user).select_related(
        "episode__person", "assessment", "initial_conference", "cp_review", "recorded_by"
    )
    return get_object_or_404(maps, pk=map_id)


@allow(STAFF)
@require_GET
def safety_map(request: AuthenticatedRequest, map_id: int) -> HttpResponse:
    found = _map_or_404(request, map_id)
    person = found.episode.person
    record_view(request.user, found, person_id=person.pk, summary="Viewed Signs of Safety map")
    context = {
        "map": found,
        "person": person,
        "scores": found.scores.select_related("agency"),
        "trend": score_trend(person),
        "can_decide": casework_access.can_change(request.user, found.episode)
        and found.episode.is_open,
    }
    return render(request, "casework/safety_map.html", context)


@allow(DECIDERS)
@require_http_methods(["GET", "POST"])
def new_scores(request: AuthenticatedRequest, map_id: int) -> HttpResponse:
    found = _map_or_404(request, map_id)
    if not casework_access.can_change(request.user, found.episode):
        raise Http404("Not allocated to you or your team")
    agencies = list(Agency.objects.filter(is_active=True).order_by("name"))
    data = request.POST if request.method == "POST" else None
    form = ScoresForm(data, agencies=agencies)
    _limit_dates(form, found.episode)
    if request.method == "POST" and submit(
        form,
        lambda data: record_scaling_scores(
            found, scored_on=data["scored_on"], scores=form.scores(), user=request.user
        ),
    ):
        messages.success(request, "Scaling scores recorded.")
        return redirect("casework:safety-map", map_id=found.pk)
    person = found.episode.person
    record_view(request.user, found, person_id=person.pk, summary="Viewed scaling scores form")
    context = {"map": found, "person": person, "form": form, "agencies": agencies}
    return render(request, "casework/scores_form.html", context, status=400 if form.errors else 200)


@allow(DECIDERS)
@require_GET
def caseload(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    workers = casework_access.caseload_workers(user)
    episodes = casework_access.episodes_visible_to(request.user).filter(closure_date__isnull=True)
    chosen = request.GET.get("worker", "")
    if chosen == "team" and workers:
        episodes, heading = episodes.filter(team=user.team_id), f"{user.team}: team caseload"
        owner = None
    elif chosen and chosen != str(user.pk):
        worker = next((w for w in workers if str(w.pk) == chosen), None)
        if worker is None:
            raise Http404("Not a worker in your team")
        episodes, heading = episodes.for_worker(worker), f"Caseload of {worker.get_full_name()}"
        owner = worker
    else:
        episodes, heading = episodes.for_worker(user), "My caseload"
        owner = user
    shown = list(episodes.order_by("referral_date"))
    for episode in shown:
        record_view(user, episode, person_id=episode.person_id, summary="Viewed in a caseload")
    context = {
        "heading": heading,
        "episodes": shown,
        "clocks": caseload_clocks(shown),
        "today": timezone.localdate(),
        "workers": workers,
        "chosen": chosen,
        "sections": caseload_sections(user, owner) if owner else [],
    }
    return render(request, "casework/caseload.html", context)
