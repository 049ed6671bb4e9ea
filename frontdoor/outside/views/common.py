"""What the ROTH pages share: finding a record the user may see (else 404), and showing a
form with the GOV.UK macros (casework's field layout)."""

from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from frontdoor.accounts.access import AuthenticatedRequest
from frontdoor.audit.log import record_view
from frontdoor.casework.views import field_layout
from frontdoor.outside import access as outside_access
from frontdoor.outside.models import MissingEpisode
from frontdoor.people.models import Person


def child_or_404(request: AuthenticatedRequest, person_id: int, summary: str) -> Person:
    """A child whose ROTH record the user may open; the read is logged."""
    person = get_object_or_404(
        outside_access.people_visible_to(request.user).filter(kind__in=["child", "unborn"]),
        pk=person_id,
    )
    record_view(request.user, person, person_id=person.pk, summary=summary)
    return person


def episode_or_404(request: AuthenticatedRequest, episode_id: int, summary: str) -> MissingEpisode:
    episode = get_object_or_404(outside_access.episodes_visible_to(request.user), pk=episode_id)
    record_view(request.user, episode, person_id=episode.person_id, summary=summary)
    return episode


def form_page(
    request: AuthenticatedRequest,
    form: forms.Form,
    *,
    title: str,
    caption: str,
    back: tuple[str, str],
    button: str | None = None,
    intro: str = "",
) -> HttpResponse:
    """A page with one form: heading, the fields in order, one button."""
    context: dict[str, Any] = {
        "form": form,
        "fields": field_layout(form),
        "title": title,
        "caption": caption,
        "back": back,
        "button": button or title,
        "intro": intro,
    }
    return render(request, "outside/form.html", context, status=400 if form.errors else 200)
