"""The weekly missing meeting and MACE: prepare the meeting, read its pack (page or tagged
PDF), record decisions and actions per child or per context."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts.access import ROTH, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.lib.errors import ActionError
from frontdoor.lib.forms import attempt, submit
from frontdoor.outside import access as outside_access
from frontdoor.outside import actions
from frontdoor.outside.forms import MeetingForm, NoteForm
from frontdoor.outside.models import Entity, Meeting, MeetingAction
from frontdoor.outside.pack import Pack, build_pack, render_pdf
from frontdoor.outside.views.common import form_page


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def meetings(request: AuthenticatedRequest) -> HttpResponse:
    form = MeetingForm(
        request.POST or None, initial={"kind": "weekly_missing", "held_on": timezone.localdate()}
    )
    if request.method == "POST" and (
        submitted := submit(
            form,
            lambda data: actions.prepare_meeting(
                form.cleaned_data["kind"], form.cleaned_data["held_on"], user=request.user
            ),
        )
    ):
        return redirect("outside:meeting", meeting_id=submitted.result.pk)
    held = Meeting.objects.all()[:30]
    return render(
        request,
        "outside/meetings.html",
        {"form": form, "meetings": held},
        status=400 if form.errors else 200,
    )


def _pack(request: AuthenticatedRequest, meeting_id: int) -> Pack:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    pack = build_pack(meeting, outside_access.people_visible_to(request.user))
    for item in pack.children:
        record_view(
            request.user, item.person, person_id=item.person.pk, summary="Listed in a meeting pack"
        )
    return pack


@allow(ROTH)
@require_GET
def meeting(request: AuthenticatedRequest, meeting_id: int) -> HttpResponse:
    pack = _pack(request, meeting_id)
    return render(
        request,
        "outside/meeting.html",
        {"pack": pack, "form": NoteForm(), "today": timezone.localdate()},
    )


@allow(ROTH)
@require_GET
def meeting_pdf(request: AuthenticatedRequest, meeting_id: int) -> HttpResponse:
    pack = _pack(request, meeting_id)
    html = render_to_string(
        "outside/pack_pdf.html", {"pack": pack, "today": timezone.localdate()}, request=request
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="meeting-pack-{pack.meeting.held_on}.pdf"'
    return response


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def note(request: AuthenticatedRequest, meeting_id: int) -> HttpResponse:
    """A decision about one child (?person=) or one context (?place=), with an action."""
    found = get_object_or_404(Meeting, pk=meeting_id)
    person_id = request.GET.get("person") or request.POST.get("person")
    place_id = request.GET.get("place") or request.POST.get("place")
    person = entity = None
    if person_id:
        person = get_object_or_404(outside_access.people_visible_to(request.user), pk=person_id)
        record_view(
            request.user, person, person_id=person.pk, summary="Viewed a meeting decision form"
        )
    elif place_id:
        entity = get_object_or_404(Entity, pk=place_id)
    else:
        raise Http404("No child or context")
    form = NoteForm(request.POST or None)

    def note(data: dict[str, Any]) -> Any:
        planned = [(data["action"], data["owner"], data["due_on"])] if data["action"] else []
        if data["action"] and data["due_on"] is None:
            raise ActionError("Give the date the action is due.", field="due_on")
        return actions.record_meeting_note(
            found,
            decision=data["decision"],
            person=person,
            entity=entity,
            actions=planned,
            user=request.user,
        )

    if request.method == "POST" and submit(form, note):
        messages.success(request, "Decision recorded.")
        return redirect("outside:meeting", meeting_id=found.pk)
    about = person.full_name if person else str(entity)
    return form_page(
        request,
        form,
        title="Record the meeting's decision",
        caption=about,
        back=(reverse("outside:meeting", args=[found.pk]), "Back to the meeting"),
    )


@allow(ROTH)
@require_POST
def action_done(request: AuthenticatedRequest, action_id: int) -> HttpResponse:
    found = get_object_or_404(MeetingAction.objects.select_related("note__meeting"), pk=action_id)
    attempt(
        request,
        lambda: actions.complete_meeting_action(
            found, done_on=timezone.localdate(), user=request.user
        ),
        "Action marked done.",
    )
    return redirect(request.POST.get("next") or reverse("outside:meetings"))
