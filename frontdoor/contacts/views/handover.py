"""The morning handover: out-of-hours actions waiting for the day team to accept them."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from frontdoor.accounts.access import FRONT_DOOR, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.contacts import access as contact_access
from frontdoor.contacts import handover
from frontdoor.contacts.forms import HandoverItemForm
from frontdoor.contacts.models import ContactSubject
from frontdoor.contacts.views.decide import _render_contact
from frontdoor.lib.errors import ActionError
from frontdoor.lib.forms import attempt, submit


def _render_list(request: AuthenticatedRequest, errors: list[dict[str, str]]) -> HttpResponse:
    children = Prefetch(
        "contact__subjects",
        queryset=ContactSubject.objects.children(),
        to_attr="children",
    )
    items = list(
        contact_access.handover_items_visible_to(request.user)
        .awaiting_acceptance()
        .select_related("contact", "recorded_by")
        .prefetch_related(children)[:500]
    )
    # The list names children: log who looked, once per contact shown.
    for contact in {item.contact for item in items}:
        record_view(
            request.user,
            contact,
            contact_id=contact.pk,
            summary=f"Viewed morning handover for {contact.reference}",
        )
    context = {"items": items, "errors": errors}
    return render(request, "contacts/handover.html", context, status=400 if errors else 200)


@allow(FRONT_DOOR)
@require_GET
def morning_handover(request: AuthenticatedRequest) -> HttpResponse:
    return _render_list(request, [])


@allow(FRONT_DOOR)
@require_POST
def accept(request: AuthenticatedRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(contact_access.handover_items_visible_to(request.user), pk=item_id)
    back_to_contact = request.POST.get("from") == "contact"
    try:
        handover.accept_handover_item(item, request.user)
    except ActionError as error:
        if back_to_contact:
            messages.error(request, error.message)
            return redirect("contacts:contact", contact_id=item.contact_id)
        return _render_list(request, [{"text": error.message, "href": f"#item-{item.pk}"}])
    messages.success(request, f"You accepted the handover on {item.contact.reference}.")
    if back_to_contact:
        return redirect("contacts:contact", contact_id=item.contact_id)
    return redirect("contacts:handover")


@allow(FRONT_DOOR)
@require_POST
def done(request: AuthenticatedRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(contact_access.handover_items_visible_to(request.user), pk=item_id)
    attempt(
        request,
        lambda: handover.complete_handover_item(item, request.user),
        "Handover action marked done.",
    )
    return redirect("contacts:contact", contact_id=item.contact_id)


@allow(FRONT_DOOR)
@require_POST
def add_item(request: AuthenticatedRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(contact_access.visible_to(request.user), pk=contact_id)
    form = HandoverItemForm(request.POST)
    if submit(form, lambda data: handover.add_handover_item(contact, request.user, **data)):
        messages.success(request, "Handover action added.")
        return redirect("contacts:contact", contact_id=contact.pk)
    return _render_contact(request, contact, handover_form=form)
