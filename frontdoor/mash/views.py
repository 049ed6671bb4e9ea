"""The partner portal: an agency's queue of checks, one check, its answer and more time."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from frontdoor.accounts.access import PARTNERS, AuthenticatedRequest, allow
from frontdoor.audit.log import record_list_view, record_view
from frontdoor.lib.forms import error_summary, submit
from frontdoor.lib.pages import paginate
from frontdoor.mash import access as mash_access
from frontdoor.mash import actions
from frontdoor.mash.disclosure import people_to_search
from frontdoor.mash.forms import AnswerForm, MoreTimeForm
from frontdoor.mash.models import AgencyCheck, CheckAnswer


@allow(PARTNERS)
@require_GET
def partner_checks(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    waiting = mash_access.checks_visible_to(request.user).still_open()
    page = paginate(
        request,
        waiting.by_time_left()
        .select_related("enquiry__contact")
        .prefetch_related("enquiry__contact__subjects"),
    )
    shown = []
    for check in page.object_list:
        contact = check.enquiry.contact
        people: list[int | None] = [s.person_id for s in contact.subjects.all() if s.person_id]
        shown += [(check, person_id, contact.pk) for person_id in people or [None]]
    record_list_view(request.user, shown, summary="Listed in the agency's MASH checks")
    context = {
        "checks": page.object_list,
        "page": page,
        "overdue": waiting.filter(due_at__lt=now).count(),
        "now": now,
    }
    return render(request, "mash/checks.html", context)


def _check_or_404(request: AuthenticatedRequest, check_id: int) -> AgencyCheck:
    return get_object_or_404(
        mash_access.checks_visible_to(request.user).select_related("agency", "enquiry__contact"),
        pk=check_id,
    )


def _render_check(request: AuthenticatedRequest, check: AgencyCheck, **forms: Any) -> HttpResponse:
    contact = check.enquiry.contact
    people = people_to_search(contact)
    person_ids: list[int | None] = [p.person_id for p in people if p.person_id]
    for person_id in person_ids or [None]:
        record_view(
            request.user,
            check,
            person_id=person_id,
            contact_id=contact.pk,
            summary=f"Viewed MASH check for {check.agency.name} ({contact.reference})",
        )
    answer = CheckAnswer.objects.filter(check_request=check).first()
    context = {
        "check": check,
        "contact": contact,
        "people": people,
        "answer": answer,
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "more_time_form": forms.get("more_time_form") or MoreTimeForm(),
        "pending_extension": check.extension_requests.filter(decision="pending").first(),
        "now": timezone.now(),
    }
    context["errors"] = [e for f in forms.values() for e in error_summary(f)]
    return render(request, "mash/check.html", context, status=400 if context["errors"] else 200)


@allow(PARTNERS)
@require_GET
def partner_check(request: AuthenticatedRequest, check_id: int) -> HttpResponse:
    return _render_check(request, _check_or_404(request, check_id))


@allow(PARTNERS)
@require_POST
def answer(request: AuthenticatedRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    form = AnswerForm(request.POST)
    if submit(
        form,
        lambda data: actions.answer_check(
            check,
            answered_by=request.user,
            answered_by_name=request.user.display_name,
            known=data["known"] == "yes",
            what_is_known=data["what_is_known"],
            risk_indicators=data["risk_indicators"],
            source_system=data["source_system"],
            source_date=data["source_date"],
            via=CheckAnswer.Via.PORTAL,
        ),
    ):
        messages.success(request, "Your answer has been sent to the MASH.")
        return redirect("mash:partner-checks")
    return _render_check(request, check, answer_form=form)


@allow(PARTNERS)
@require_POST
def more_time(request: AuthenticatedRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(request, check_id)
    form = MoreTimeForm(request.POST)
    if submit(form, lambda data: actions.request_more_time(check, request.user, data["reason"])):
        messages.success(request, "Your request for more time has been sent to the MASH.")
        return redirect("mash:partner-check", check_id=check.pk)
    return _render_check(request, check, more_time_form=form)
