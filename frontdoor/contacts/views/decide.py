"""The queue, the contact (decision screen), triage, decision and authorisation."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from frontdoor.accounts import access
from frontdoor.accounts.access import (
    AUDITORS,
    DECIDERS,
    FRONT_DOOR,
    MANAGERS,
    PARTNERS,
    STAFF,
    AuthenticatedRequest,
    allow,
)
from frontdoor.audit.log import record_list_view, record_view
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.contacts import access as contact_access
from frontdoor.contacts import actions, hooks
from frontdoor.contacts import queue as queue_filters
from frontdoor.contacts.forms import (
    AddSubjectForm,
    AuthoriseForm,
    DecisionForm,
    HandoverItemForm,
    TriageForm,
)
from frontdoor.contacts.history import child_history
from frontdoor.contacts.models import Contact, ContactSubject, Decision, SubjectCandidate
from frontdoor.lib.forms import attempt, error_summary, submit
from frontdoor.lib.pages import paginate
from frontdoor.people import access as people_access


@allow(FRONT_DOOR)
@require_GET
def queue(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    waiting = contact_access.visible_to(request.user).awaiting_decision()
    filters = queue_filters.QueueFilters.from_query(request.GET)
    shown = queue_filters.apply(waiting, request.user, filters)
    page = paginate(request, shown.by_urgency().prefetch_related("subjects"))
    _log_listed(request, page.object_list, "Listed in the contacts queue")
    context = {
        "contacts": page.object_list,
        "page": page,
        "waiting": waiting.count(),
        "overdue": waiting.filter(decision_due_at__lt=now).count(),
        "filters": filters,
        "counts": queue_filters.counts(waiting, request.user, filters),
        "whose_options": queue_filters.WHOSE,
        "rag_options": queue_filters.RAGS,
        "now": now,
    }
    return render(request, "contacts/queue.html", context)


def _log_listed(request: AuthenticatedRequest, contacts: Any, summary: str) -> None:
    """A list that names each contact's children: one access-log read per child shown."""
    shown = []
    for contact in contacts:
        people = [
            s.person_id for s in contact.subjects.all() if s.role == ContactSubject.Role.CHILD
        ]
        shown += [(contact, person_id, contact.pk) for person_id in people or [None]]
    record_list_view(request.user, shown, summary=summary)


@allow(MANAGERS)
@require_GET
def authorisations(request: AuthenticatedRequest) -> HttpResponse:
    page = paginate(
        request,
        contact_access.decisions_awaiting_authorisation_for(request.user)
        .select_related("contact", "recorded_by")
        .order_by("contact__decision_due_at", "pk"),
    )
    context = {"decisions": page.object_list, "page": page, "now": timezone.now()}
    return render(request, "contacts/authorisations.html", context)


def _contact_or_404(request: AuthenticatedRequest, contact_id: int) -> Contact:
    return get_object_or_404(contact_access.visible_to(request.user), pk=contact_id)


def _log_contact_view(request: AuthenticatedRequest, contact: Contact) -> None:
    people: list[int | None] = [s.person_id for s in contact.subjects.all() if s.person_id]
    for person_id in people or [None]:
        record_view(
            request.user,
            contact,
            person_id=person_id,
            contact_id=contact.pk,
            summary=f"Viewed contact {contact.reference}",
        )


def _subject_candidates(request: AuthenticatedRequest, contact: Contact) -> dict[int, Any]:
    """The candidates found at intake for each unlinked subject, those the user may open."""
    found: dict[int, list[SubjectCandidate]] = {}
    kept = contact_access.candidates_visible_to(request.user).filter(
        subject__contact=contact, subject__person__isnull=True
    )
    for candidate in kept.order_by("subject", "rank"):
        found.setdefault(candidate.subject_id, []).append(candidate)
    return found


def _render_contact(request: AuthenticatedRequest, contact: Contact, **forms: Any) -> HttpResponse:
    _log_contact_view(request, contact)
    children = [s.person for s in contact.child_subjects().select_related("person") if s.person]
    context = {
        "contact": contact,
        "subjects": contact.subjects.select_related("person"),
        "candidates": _subject_candidates(request, contact),
        "histories": [(p, child_history(p, exclude=contact)) for p in children],
        "decisions": contact.decisions.select_related("recorded_by", "authorised_by"),
        "pending": contact.decisions.filter(status=Decision.Status.AWAITING_AUTHORISATION).first(),
        "triage_form": forms.get("triage_form")
        or TriageForm(initial={"rag": contact.rag, "level_of_need": contact.level_of_need_id}),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "authorise_form": forms.get("authorise_form") or AuthoriseForm(),
        "subject_form": forms.get("subject_form") or AddSubjectForm(),
        "handover_form": forms.get("handover_form") or HandoverItemForm(),
        "handover_items": contact.handover_items.select_related(
            "recorded_by", "accepted_by", "done_by"
        ),
        "can_decide": access.can_record_decisions(request.user),
        "can_handover": access.works_at_front_door(request.user),
        "can_authorise": access.can_authorise_decisions(request.user),
        "can_read_access_log": access.can_read_access_logs(request.user),
        "sections": hooks.contact_sections(request.user, contact),
        "now": timezone.now(),
    }
    context["errors"] = [e for f in forms.values() for e in error_summary(f)]
    status = 400 if context["errors"] else 200
    return render(request, "contacts/contact.html", context, status=status)


@allow(STAFF)
@require_GET
def contact_detail(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    return _render_contact(request, _contact_or_404(request, contact_id))


@allow(FRONT_DOOR)
@require_POST
def add_subject(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    form = AddSubjectForm(request.POST)
    if submit(form, lambda data: actions.add_subject(contact, form.to_input(), request.user)):
        return redirect("contacts:contact", contact_id=contact.pk)
    return _render_contact(request, contact, subject_form=form)


@allow(FRONT_DOOR)
@require_POST
def link_subject(request: AuthenticatedRequest, contact_id: int, subject_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    subject = get_object_or_404(ContactSubject, pk=subject_id, contact=contact)
    if request.POST.get("person") == "new":
        attempt(request, lambda: actions.create_person_for_subject(subject, request.user))
    else:
        person = get_object_or_404(
            people_access.visible_to(request.user), pk=request.POST.get("person") or 0
        )
        attempt(request, lambda: actions.link_subject(subject, person, request.user))
    return redirect("contacts:contact", contact_id=contact.pk)


@allow(FRONT_DOOR)
@require_POST
def match_subject(request: AuthenticatedRequest, contact_id: int, subject_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    subject = get_object_or_404(ContactSubject, pk=subject_id, contact=contact)
    attempt(request, lambda: actions.match_subject(subject, request.user), "Matches looked for.")
    return redirect("contacts:contact", contact_id=contact.pk)


@allow(DECIDERS)
@require_POST
def triage(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    form = TriageForm(request.POST)
    if submit(
        form,
        lambda data: actions.triage_contact(
            contact,
            request.user,
            rag=data["rag"],
            level_of_need=data["level_of_need"],
            note=data["note"],
        ),
    ):
        messages.success(request, "Triage recorded.")
        return redirect("contacts:contact", contact_id=contact.pk)
    return _render_contact(request, contact, triage_form=form)


@allow(DECIDERS)
@require_POST
def record_decision(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    form = DecisionForm(request.POST)
    if submit(form, lambda data: actions.record_decision(contact, request.user, form.to_input())):
        messages.success(request, "Decision recorded and sent to a manager to authorise.")
        return redirect("contacts:contact", contact_id=contact.pk)
    return _render_contact(request, contact, decision_form=form)


@allow(MANAGERS)
@require_POST
def authorise(request: AuthenticatedRequest, contact_id: int, decision_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    decision = get_object_or_404(Decision, pk=decision_id, contact=contact)
    form = AuthoriseForm(request.POST)
    if submit(
        form,
        lambda data: actions.authorise_decision(
            decision, request.user, agree=data["agree"] == "yes", comment=data["comment"]
        ),
    ):
        messages.success(request, "Authorisation recorded.")
        return redirect("contacts:contact", contact_id=contact.pk)
    return _render_contact(request, contact, authorise_form=form)


@allow(AUDITORS)
@require_GET
def contact_access_log(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    record_view(request.user, contact, contact_id=contact.pk, summary="Viewed access log")
    events = AuditEvent.objects.filter(contact_id=contact.pk).select_related("user")[:1000]
    return render(request, "contacts/access_log.html", {"contact": contact, "events": events})


@allow(PARTNERS)
@require_GET
def partner_contacts(request: AuthenticatedRequest) -> HttpResponse:
    page = paginate(
        request,
        contact_access.visible_to(request.user)
        .order_by("-received_at", "-pk")
        .prefetch_related("subjects"),
    )
    _log_listed(request, page.object_list, "Listed in the agency's contacts")
    return render(
        request, "contacts/partner_contacts.html", {"contacts": page.object_list, "page": page}
    )
