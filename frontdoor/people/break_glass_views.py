"""Break-glass: open a record restricted to another team by saying why; auditors' report."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts.access import AUDITORS, BREAK_GLASS, AuthenticatedRequest, allow
from frontdoor.lib.forms import submit
from frontdoor.people import access as people_access
from frontdoor.people import actions
from frontdoor.people.models import BreakGlass, Person


class BreakGlassForm(forms.Form):
    record = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "Enter the record number.",
            "invalid": "The record number is a whole number, like 10234.",
            "min_value": "The record number is a whole number, like 10234.",
        },
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Say why you need this record now."},
    )


NO_SUCH_RECORD = "There is no restricted record with that number that you can open."


@allow(BREAK_GLASS)
@require_http_methods(["GET", "POST"])
def open_restricted(request: AuthenticatedRequest) -> HttpResponse:
    """A record restricted to another team is a 404 to everyone else; a worker who knows its
    number (told by that team, or on a police notification) and needs it now may open it by
    stating why. The reason is logged and the auditors see every opening."""
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(pk=form.cleaned_data["record"]).first()
        if (
            person is not None
            and people_access.visible_to(request.user).filter(pk=person.pk).exists()
        ):
            return redirect("people:person", person_id=person.pk)  # not restricted to them
        if person is None or not people_access.may_break_glass(request.user, person):
            form.add_error("record", NO_SUCH_RECORD)
        elif opened := submit(
            form, lambda data: actions.break_glass(person, request.user, data["reason"])
        ):
            messages.success(
                request,
                f"You have opened a restricted record until "
                f"{opened.result.expires_at:%H:%M}. Your reason and every page you read are "
                "logged and seen by auditors.",
            )
            return redirect("people:person", person_id=person.pk)
    return render(
        request, "people/break_glass.html", {"form": form}, status=400 if form.errors else 200
    )


@allow(AUDITORS)
@require_GET
def report(request: AuthenticatedRequest) -> HttpResponse:
    """Every break-glass opening, newest first: who, when, which record (by number only:
    the auditor may not be allowed to open it) and why."""
    openings = BreakGlass.objects.select_related("user", "person__restricted_to_team")
    page = Paginator(openings, 100).get_page(request.GET.get("page"))
    return render(request, "people/break_glass_report.html", {"page": page})
