"""Missing episodes: reporting one, the child's return, and the return home interview."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts import access
from frontdoor.accounts.access import (
    MISSING_REPORTERS,
    RETURN_INTERVIEWERS,
    ROTH,
    SIGNED_IN,
    AuthenticatedRequest,
    allow,
)
from frontdoor.audit.log import record_view
from frontdoor.lib.forms import limit_dates, submit
from frontdoor.outside import access as outside_access
from frontdoor.outside import actions
from frontdoor.outside.clocks import hours_left
from frontdoor.outside.forms import AllocateForm, EpisodeForm, InterviewForm, ReturnForm, moment
from frontdoor.outside.models import NetworkLink
from frontdoor.outside.views.common import episode_or_404, form_page
from frontdoor.people import access as people_access
from frontdoor.people.models import Person


@allow(MISSING_REPORTERS)
@require_http_methods(["GET", "POST"])
def report_missing(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(people_access.visible_to(request.user).children(), pk=person_id)
    form = limit_dates(EpisodeForm(request.POST or None), born=person.date_of_birth)
    if request.method == "POST" and (
        submitted := submit(
            form,
            lambda data: actions.report_missing_episode(
                person,
                kind=data["kind"],
                missing_from=data["missing_from"],
                missing_since=moment(data["last_seen_on"], data["last_seen_at"]),  # type: ignore[arg-type]
                reported_at=timezone.now(),
                police_risk=data["police_risk"] or "",
                police_reference=data["police_reference"],
                circumstances=data["circumstances"],
                user=request.user,
            ),
        )
    ):
        messages.success(request, "Missing episode recorded.")
        if outside_access.can_record(request.user):
            return redirect("outside:episode", episode_id=submitted.result.pk)
        return redirect("casework:child", person_id=person.pk)
    record_view(
        request.user, person, person_id=person.pk, summary="Viewed report a missing episode"
    )
    return form_page(
        request,
        form,
        title="Record the child missing or away from placement",
        caption=person.full_name,
        button="Record the missing episode",
        back=(
            reverse("people:person", args=[person.pk]),
            f"Back to the record of {person.full_name}",
        ),
    )


@allow(SIGNED_IN)
@require_GET
def episode(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
    found = episode_or_404(request, episode_id, "Viewed a missing episode")
    interview = getattr(found, "interview", None)
    context = {
        "episode": found,
        "person": found.person,
        "interview": interview,
        "shows_interview": outside_access.sees_interview_content(request.user, found),
        "can_record": outside_access.can_record(request.user),
        "can_interview": outside_access.can_record_interview(request.user, found),
        "hours_left": hours_left(found.rhi_due_at, timezone.now()) if found.rhi_due_at else None,
        "links": NetworkLink.objects.filter(interview=interview).select_related("other", "entity")
        if interview
        else [],
    }
    return render(request, "outside/episode.html", context)


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def record_return(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
    found = episode_or_404(request, episode_id, "Viewed record the return")
    form = limit_dates(ReturnForm(request.POST or None), started=found.started_on)
    if request.method == "POST" and submit(
        form,
        lambda data: actions.record_return(
            found,
            returned_at=moment(data["returned_on"], data["returned_at"]),  # type: ignore[arg-type]
            found_by=data["found_by"],
            where_found=data["where_found"],
            found_with=data["found_with"],
            user=request.user,
        ),
    ):
        messages.success(
            request, "Return recorded. The 72-hour clock for the interview has started."
        )
        return redirect("outside:episode", episode_id=found.pk)
    return form_page(
        request,
        form,
        title="Record the child's return",
        caption=found.person.full_name,
        back=(reverse("outside:episode", args=[found.pk]), "Back to the missing episode"),
    )


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def allocate(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
    found = episode_or_404(request, episode_id, "Viewed allocate the interview")
    form = AllocateForm(
        request.POST or None, workers=access.return_interviewers().order_by("first_name")
    )
    if request.method == "POST" and submit(
        form,
        lambda data: actions.allocate_return_interview(
            found, worker=form.cleaned_data["worker"], user=request.user
        ),
    ):
        messages.success(request, "Return home interview allocated.")
        return redirect("outside:episode", episode_id=found.pk)
    return form_page(
        request,
        form,
        title="Allocate the return home interview",
        caption=found.person.full_name,
        back=(reverse("outside:episode", args=[found.pk]), "Back to the missing episode"),
        intro="The interviewer must be independent: not the child's allocated social worker.",
    )


def _known_adults(user: object) -> object:
    concern = NetworkLink.objects.filter(is_of_concern=True, other__isnull=False).values("other_id")
    return outside_access.people_visible_to(user).filter(pk__in=concern, kind=Person.Kind.ADULT)


@allow(RETURN_INTERVIEWERS)
@require_http_methods(["GET", "POST"])
def interview(request: AuthenticatedRequest, episode_id: int) -> HttpResponse:
    found = episode_or_404(request, episode_id, "Viewed the return home interview form")
    if not outside_access.can_record_interview(request.user, found):
        raise Http404("Not allocated to you")
    form = InterviewForm(request.POST or None, adults=_known_adults(request.user))
    limit_dates(form, started=found.started_on)
    if request.method == "POST" and submit(
        form,
        lambda data: actions.record_return_interview(
            found, interview_input(form, request.user), user=request.user
        ),
    ):
        messages.success(request, "Return home interview recorded.")
        return redirect("outside:episode", episode_id=found.pk)
    return form_page(
        request,
        form,
        title="Record the return home interview",
        caption=found.person.full_name,
        back=(reverse("outside:episode", args=[found.pk]), "Back to the missing episode"),
        intro="Offered within 72 hours of the return, by someone independent of the child's "
        "social worker.",
    )


def interview_input(form: InterviewForm, user: object) -> actions.InterviewInput:
    data = form.cleaned_data
    adults = [data["adult"]] if data["adult"] else []
    new = (
        [(data["adult_given_name"], data["adult_family_name"])] if data["adult_given_name"] else []
    )
    places = [(data["place_name"], data["place_postcode"])] if data["place_name"] else []
    return actions.InterviewInput(
        offered_at=moment(data["offered_on"], data["offered_at"]),  # type: ignore[arg-type]
        outcome=data["outcome"],
        interviewer=user,
        held_at=moment(data["held_on"], data["held_at"]),
        factors=list(data["factors"]),
        child_said=data["child_said"],
        where_went=data["where_went"],
        with_whom=data["with_whom"],
        actions_agreed=data["actions_agreed"],
        places=places,
        adults=adults,
        new_adults=new,
    )
