"""Staff deciding a partner's request for more time on a check."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from frontdoor.accounts.access import DECIDERS, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.lib.forms import error_summary, submit
from frontdoor.mash import access as mash_access
from frontdoor.mash import extensions
from frontdoor.mash.forms import ExtensionDecisionForm


@allow(DECIDERS)
@require_http_methods(["GET", "POST"])
def decide_extension(request: AuthenticatedRequest, extension_id: int) -> HttpResponse:
    extension = get_object_or_404(
        mash_access.extension_requests_visible_to(request.user).select_related(
            "check_request__agency", "check_request__enquiry__contact", "requested_by"
        ),
        pk=extension_id,
    )
    check = extension.check_request
    contact = check.enquiry.contact
    form = ExtensionDecisionForm(request.POST if request.method == "POST" else None)

    def decide(data: dict[str, Any]) -> Any:
        if data["decision"] == "grant":
            return extensions.grant_more_time(extension, request.user, new_due_at=data["new_due"])
        return extensions.refuse_more_time(extension, request.user, reason=data["reason"])

    if request.method == "POST" and submit(form, decide):
        messages.success(request, f"Request for more time from {check.agency.name} decided.")
        return redirect("mash:enquiry", enquiry_id=check.enquiry_id)
    record_view(
        request.user,
        extension,
        contact_id=contact.pk,
        summary=f"Viewed request for more time from {check.agency.name} ({contact.reference})",
    )
    context = {
        "extension": extension,
        "check": check,
        "contact": contact,
        "form": form,
        "now": timezone.now(),
        "errors": error_summary(form),
    }
    return render(request, "mash/extension.html", context, status=400 if form.errors else 200)
