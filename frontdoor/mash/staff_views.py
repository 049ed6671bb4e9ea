"""The MASH for front-door staff: open an enquiry, change the RAG, the decision screen and
the MASH manager's view of open enquiries."""

from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts import access
from frontdoor.accounts.access import DECIDERS, FRONT_DOOR, STAFF, AuthenticatedRequest, allow
from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_view
from frontdoor.contacts import access as contact_access
from frontdoor.contacts.models import Contact
from frontdoor.lib.forms import error_summary, submit
from frontdoor.mash import access as mash_access
from frontdoor.mash import actions
from frontdoor.mash.forms import EnquiryForm, RagForm, SharingForm, question_field
from frontdoor.mash.models import AgencyCheck, ExtensionRequest, MashEnquiry
from frontdoor.mash.screen import decision_screen, manager_rows


def _contact_or_404(request: AuthenticatedRequest, contact_id: int) -> Contact:
    return get_object_or_404(contact_access.visible_to(request.user), pk=contact_id)


def _log_view(request: AuthenticatedRequest, record: Any, contact: Contact, summary: str) -> None:
    """Every page that shows a child writes an access-log row for each person named."""
    people: list[int | None] = [s.person_id for s in contact.subjects.all() if s.person_id]
    for person_id in people or [None]:
        record_view(
            request.user, record, person_id=person_id, contact_id=contact.pk, summary=summary
        )


def _open_enquiry(contact: Contact) -> MashEnquiry | None:
    return contact.mash_enquiries.filter(status=MashEnquiry.Status.OPEN).first()


def _render_new_enquiry(
    request: AuthenticatedRequest, contact: Contact, form: EnquiryForm
) -> HttpResponse:
    _log_view(request, contact, contact, f"Viewed MASH enquiry form for {contact.reference}")
    context = {
        "contact": contact,
        "form": form,
        "agencies": [(a, question_field(a)) for a in form.agency_list],
        "open_enquiry": _open_enquiry(contact),
        "errors": error_summary(form),
    }
    return render(request, "mash/new_enquiry.html", context, status=400 if form.errors else 200)


@allow(DECIDERS)
@require_http_methods(["GET", "POST"])
def new_enquiry(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    agencies = list(Agency.objects.filter(is_active=True).order_by("name"))
    data = request.POST if request.method == "POST" else None
    form = EnquiryForm(data, agencies=agencies)
    opened = data is not None and submit(
        form, lambda data: actions.open_mash_enquiry(contact, request.user, form.checks())
    )
    if opened:
        messages.success(request, "MASH enquiry opened. The agencies have been asked.")
        return redirect("mash:enquiry", enquiry_id=opened.result.pk)
    return _render_new_enquiry(request, contact, form)


@allow(DECIDERS)
@require_http_methods(["GET", "POST"])
def change_rag(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = _contact_or_404(request, contact_id)
    form = RagForm(request.POST if request.method == "POST" else None)
    changed = request.method == "POST" and submit(
        form,
        lambda data: actions.recompute_open_clocks(
            contact, request.user, data["rag"], data["reason"]
        ),
    )
    if changed:
        messages.success(
            request, f"RAG rating changed. Open checks re-timed: {len(changed.result)}."
        )
        return redirect("mash:rag", contact_id=contact.pk)
    _log_view(request, contact, contact, f"Viewed RAG history of {contact.reference}")
    context = {
        "contact": contact,
        "form": form,
        "changes": contact.rag_changes.select_related("changed_by"),
        "open_checks": AgencyCheck.objects.still_open()
        .filter(enquiry__contact=contact)
        .select_related("agency"),
        "now": timezone.now(),
        "errors": error_summary(form),
    }
    return render(request, "mash/rag.html", context, status=400 if form.errors else 200)


def _enquiry_or_404(request: AuthenticatedRequest, enquiry_id: int) -> MashEnquiry:
    enquiries = mash_access.enquiries_visible_to(request.user).select_related(
        "contact", "opened_by"
    )
    return get_object_or_404(enquiries, pk=enquiry_id)


def _render_enquiry(
    request: AuthenticatedRequest, enquiry: MashEnquiry, form: SharingForm | None = None
) -> HttpResponse:
    contact = enquiry.contact
    _log_view(request, enquiry, contact, f"Viewed MASH enquiry on {contact.reference}")
    form = form or SharingForm()
    context = {
        **decision_screen(enquiry),
        "form": form,
        "can_decide": access.can_record_decisions(request.user),
        "now": timezone.now(),
        "errors": error_summary(form),
    }
    return render(request, "mash/enquiry.html", context, status=400 if form.errors else 200)


@allow(STAFF)
@require_GET
def enquiry(request: AuthenticatedRequest, enquiry_id: int) -> HttpResponse:
    return _render_enquiry(request, _enquiry_or_404(request, enquiry_id))


@allow(DECIDERS)
@require_POST
def record_sharing(request: AuthenticatedRequest, enquiry_id: int) -> HttpResponse:
    enquiry = _enquiry_or_404(request, enquiry_id)
    form = SharingForm(request.POST)
    if submit(form, lambda data: actions.record_information_sharing(enquiry, request.user, **data)):
        messages.success(request, "Information-sharing decision recorded.")
        return redirect("mash:enquiry", enquiry_id=enquiry.pk)
    return _render_enquiry(request, enquiry, form)


@allow(FRONT_DOOR)
@require_GET
def manager(request: AuthenticatedRequest) -> HttpResponse:
    enquiries = (
        mash_access.enquiries_visible_to(request.user)
        .filter(status=MashEnquiry.Status.OPEN)
        .select_related("contact")
        .prefetch_related(
            Prefetch("checks", queryset=AgencyCheck.objects.select_related("agency", "answer"))
        )[:500]
    )
    now = timezone.now()
    pending = (
        mash_access.extension_requests_visible_to(request.user)
        .filter(decision=ExtensionRequest.Decision.PENDING, check_request__status="open")
        .select_related("check_request__agency", "check_request__enquiry__contact")
        .order_by("check_request__due_at")
    )
    context = {
        "rows": manager_rows(enquiries, now),
        "now": now,
        "pending_extensions": pending,
        "can_decide": access.can_record_decisions(request.user),
    }
    return render(request, "mash/manager.html", context)
