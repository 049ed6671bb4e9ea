"""The person index: search, add a person, the child's record, chronology and access log."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts import access
from frontdoor.accounts.access import AUDITORS, FRONT_DOOR, STAFF, AuthenticatedRequest, allow
from frontdoor.accounts.models import Role
from frontdoor.audit.log import record_list_view, record_view
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.lib.forms import submit
from frontdoor.people import access as people_access
from frontdoor.people import actions, hooks
from frontdoor.people.display import (
    age_text,
    current_postcode,
    disability_labels,
    nhs_number_text,
)
from frontdoor.people.forms import ChronologyFilterForm, PersonForm, SearchForm
from frontdoor.people.matching import Candidate, find_candidates, search_people
from frontdoor.people.models import Person
from frontdoor.people.record import record_context

CHRONOLOGY_LIMIT = 500
POSSIBLE_DUPLICATE = 0.5


def _person_or_404(request: AuthenticatedRequest, person_id: int) -> Person:
    return get_object_or_404(people_access.visible_to(request.user), pk=person_id)


@allow(STAFF)
@require_GET
def search(request: AuthenticatedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results: list[Candidate] = []
    searched = form.is_bound and form.is_valid() and form.has_search()
    if searched:
        data = form.cleaned_data
        results = search_people(
            people_access.visible_to(request.user),
            data["q"],
            date_of_birth=data["date_of_birth"],
            postcode=data["postcode"],
        )
        _log_results(request, results, "Shown in person search results")
    return render(
        request,
        "people/search.html",
        {
            "form": form,
            "results": results,
            "searched": searched,
            "age_text": age_text,
            "current_postcode": current_postcode,
            "can_add": access.works_at_front_door(request.user),
            "can_break_glass": access.can_break_glass(request.user),
        },
        status=400 if form.errors else 200,
    )


@allow(STAFF)
@require_GET
def search_json(request: AuthenticatedRequest) -> HttpResponse:
    """The same search as the page, as JSON, for staff signed in to Front Door."""
    form = SearchForm(request.GET or None)
    if not (form.is_bound and form.is_valid() and form.has_search()):
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse(
            {"errors": errors or {"q": ["Enter something to search for."]}}, status=400
        )
    data = form.cleaned_data
    results = search_people(
        people_access.visible_to(request.user),
        data["q"],
        date_of_birth=data["date_of_birth"],
        postcode=data["postcode"],
    )
    _log_results(request, results, "Shown in person search results (search.json)")
    return JsonResponse({"results": [_result(c) for c in results]})


def _log_results(request: AuthenticatedRequest, found: list[Candidate], summary: str) -> None:
    """Each result names a child (name, date of birth, postcode): an access-log read each."""
    record_list_view(request.user, ((c.person, c.person.pk, None) for c in found), summary=summary)


def _result(candidate: Candidate) -> dict[str, Any]:
    person = candidate.person
    born = person.date_of_birth
    return {
        "id": person.pk,
        "url": reverse("people:person", args=[person.pk]),
        "name": person.full_name,
        "kind": person.kind,
        "date_of_birth": born.isoformat() if born else None,
        "postcode": current_postcode(person),
        "score": candidate.score,
        "is_likely_match": candidate.is_likely_match,
        "reasons": candidate.reasons,
        "differences": candidate.differences,
    }


def _possible_duplicates(request: AuthenticatedRequest, form: PersonForm) -> list[Candidate]:
    data = form.cleaned_data
    found = find_candidates(
        data["given_name"],
        data["family_name"],
        data["date_of_birth"],
        data["postcode"],
        data["nhs_number"],
        people=people_access.visible_to(request.user),
        limit=5,
    )
    possible = [c for c in found if c.score >= POSSIBLE_DUPLICATE]
    _log_results(request, possible, "Shown as a possible duplicate when adding a person")
    return possible


@allow(FRONT_DOOR)
@require_http_methods(["GET", "POST"])
def new_person(request: AuthenticatedRequest) -> HttpResponse:
    form = PersonForm(request.POST or None)
    possible: list[Candidate] = []
    if request.method == "POST" and form.is_valid() and not form.cleaned_data["confirm_new"]:
        possible = _possible_duplicates(request, form)
    added = (
        request.method == "POST"
        and not possible
        and submit(
            form,
            lambda data: actions.create_person(
                request.user, **form.person_fields(), **form.address_fields()
            ),
        )
    )
    if added:
        messages.success(request, f"{added.result.full_name} has been added.")
        return redirect("people:person", person_id=added.result.pk)
    return render(
        request,
        "people/new.html",
        {
            "form": form,
            "possible": possible,
            "age_text": age_text,
        },
        status=400 if form.errors else 200,
    )


@allow(STAFF)
@require_GET
def person_record(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = _person_or_404(request, person_id)
    if person.merged_into_id:  # a tombstone: the history is on the surviving record
        survivor = _person_or_404(request, person.merged_into_id)
        messages.success(request, f"Record {person.pk} was merged into this record.")
        return redirect("people:person", person_id=survivor.pk)
    record_view(request.user, person, person_id=person.pk, summary="Viewed record")
    context: dict[str, Any] = record_context(request.user, person)
    context.update(
        {
            "person": person,
            "age_text": age_text,
            "nhs_number_text": nhs_number_text,
            "disability_labels": disability_labels,
            "can_read_access_log": access.can_read_access_logs(request.user),
        }
    )
    return render(request, "people/person.html", context)


@allow(STAFF)
@require_GET
def chronology(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = _person_or_404(request, person_id)
    record_view(request.user, person, person_id=person.pk, summary="Viewed chronology")
    form = ChronologyFilterForm(request.GET or None)
    # An event naming another person shows only if the user may open that person's record.
    named_visible = Q(about__isnull=True) | Q(about__in=people_access.visible_to(request.user))
    events = person.events.filter(named_visible).select_related("actor", "contact")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        if data["since"]:
            events = events.filter(occurred_at__date__gte=data["since"])
        if data["until"]:
            events = events.filter(occurred_at__date__lte=data["until"])
    shown = list(events[:CHRONOLOGY_LIMIT])
    linkable = hooks.linkable(request.user, "contact", (e.contact_id for e in shown))
    return render(
        request,
        "people/chronology.html",
        {
            "person": person,
            "events": shown,
            "form": form,
            "linkable": linkable,
            "limit": CHRONOLOGY_LIMIT,
            "filtered": form.is_bound,
        },
        status=400 if form.errors else 200,
    )


@allow(AUDITORS)
@require_GET
def access_log(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = _person_or_404(request, person_id)
    record_view(request.user, person, person_id=person.pk, summary="Viewed access log")
    # Audit rows are never rewritten, so those of records merged into this one keep their id.
    merged = list(Person.objects.filter(merged_into=person).values_list("pk", flat=True))
    events = AuditEvent.objects.filter(person_id__in=[person.pk, *merged]).select_related("user")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    roles = dict(Role.choices)
    return render(
        request,
        "people/access_log.html",
        {
            "person": person,
            "page": page,
            "roles": roles,
        },
    )
