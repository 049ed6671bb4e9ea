"""Subject access requests and the retention review: the information governance pages."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts.access import INFORMATION_GOVERNANCE, AuthenticatedRequest, allow
from frontdoor.audit.log import record_list_view, record_view
from frontdoor.lib.forms import attempt, submit
from frontdoor.people.models import Person
from frontdoor.records import actions, disclosure, holds, retention
from frontdoor.records.forms import (
    ApprovalForm,
    DecisionForm,
    HoldForm,
    ReasonForm,
    RecordHoldForm,
    RequestForm,
)
from frontdoor.records.models import LegalHold, SarItem, SubjectAccessRequest

NO_SUCH_PERSON = "There is no record with that number."


def _person(person_id: int) -> Person:
    person = Person.objects.filter(pk=person_id, merged_into__isnull=True).first()
    if person is None or retention.is_destroyed(person.pk):
        raise Http404("Not found")
    return person


@allow(INFORMATION_GOVERNANCE)
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    requests = list(SubjectAccessRequest.objects.select_related("person")[:200])
    record_list_view(
        request.user,
        [(r.person, r.person_id, None) for r in requests],
        summary="Listed in the subject access requests",
    )
    return render(
        request, "records/index.html", {"requests": requests, "today": timezone.localdate()}
    )


@allow(INFORMATION_GOVERNANCE)
@require_http_methods(["GET", "POST"])
def new_request(request: AuthenticatedRequest) -> HttpResponse:
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(
            pk=form.cleaned_data["record"], merged_into__isnull=True
        ).first()
        if person is None or retention.is_destroyed(person.pk):
            form.add_error("record", NO_SUCH_PERSON)
        elif logged := submit(
            form,
            lambda data: actions.log_request(
                person,
                requester=data["requester"],
                requester_name=data["requester_name"],
                received_on=data["received_on"],
                user=request.user,
            ),
        ):
            messages.success(request, "Subject access request logged.")
            return redirect("records:request", request_id=logged.result.pk)
    return render(
        request, "records/new_request.html", {"form": form}, status=400 if form.errors else 200
    )


def _request(request_id: int) -> SubjectAccessRequest:
    return get_object_or_404(SubjectAccessRequest.objects.select_related("person"), pk=request_id)


@allow(INFORMATION_GOVERNANCE)
@require_GET
def request_page(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    sar = _request(request_id)
    record_view(request.user, sar, person_id=sar.person_id, summary="Subject access request")
    items = list(sar.items.all())
    return render(
        request,
        "records/request.html",
        {
            "sar": sar,
            "items": items,
            "flagged": [i for i in items if i.is_flagged],
            "waiting": actions.undecided(sar),
            "today": timezone.localdate(),
            "competent": actions.may_ask_for_themself(sar, timezone.localdate()),
        },
    )


@allow(INFORMATION_GOVERNANCE)
@require_POST
def gather(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    sar = _request(request_id)
    attempt(request, lambda: actions.gather_for(sar, user=request.user), "Records gathered.")
    return redirect("records:request", request_id=sar.pk)


@allow(INFORMATION_GOVERNANCE)
@require_POST
def redact_rest(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    sar = _request(request_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: actions.redact_undecided(
                sar, reason=form.cleaned_data["reason"], user=request.user
            ),
            "The remaining entries naming a third party will be redacted.",
        )
    else:
        messages.error(request, "Enter the reason for redacting the remaining entries.")
    return redirect("records:request", request_id=sar.pk)


@allow(INFORMATION_GOVERNANCE)
@require_http_methods(["GET", "POST"])
def extend(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    sar = _request(request_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and submit(
        form, lambda data: actions.extend(sar, reason=data["reason"], user=request.user)
    ):
        messages.success(request, "The request has two more months.")
        return redirect("records:request", request_id=sar.pk)
    return render(
        request,
        "records/extend.html",
        {"sar": sar, "form": form},
        status=400 if form.errors else 200,
    )


@allow(INFORMATION_GOVERNANCE)
@require_http_methods(["GET", "POST"])
def item(request: AuthenticatedRequest, request_id: int, item_id: int) -> HttpResponse:
    sar = _request(request_id)
    entry = get_object_or_404(SarItem, pk=item_id, request=sar)
    initial = {"decision": entry.decision, "reason": entry.reason} if entry.decided_at else None
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and submit(
        form,
        lambda data: actions.decide(
            entry, decision=data["decision"], reason=data["reason"], user=request.user
        ),
    ):
        messages.success(request, f"Entry {entry.position}: {entry.get_decision_display()}.")
        return redirect("records:request", request_id=sar.pk)
    record_view(
        request.user, sar, person_id=sar.person_id, summary=f"Subject access entry {entry.position}"
    )
    return render(
        request,
        "records/item.html",
        {"sar": sar, "entry": entry, "form": form},
        status=400 if form.errors else 200,
    )


@allow(INFORMATION_GOVERNANCE)
@require_POST
def pdf(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    sar = _request(request_id)
    if not attempt(request, lambda: actions.complete(sar, user=request.user)):
        return redirect("records:request", request_id=sar.pk)
    built = disclosure.build(sar)
    html = render_to_string("records/disclosure_pdf.html", {"d": built}, request=request)
    response = HttpResponse(
        disclosure.render_pdf(html, request.build_absolute_uri("/")), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="subject-access-{sar.pk}.pdf"'
    return response


@allow(INFORMATION_GOVERNANCE)
@require_GET
def retention_review(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    due = retention.due(today)
    record_list_view(
        request.user,
        [(r.person, r.person.pk, None) for r in due],
        summary="Listed in the retention review",
    )
    holds_in_place = list(LegalHold.objects.filter(lifted_at__isnull=True).select_related("person"))
    record_list_view(
        request.user,
        [(h.person, h.person_id, None) for h in holds_in_place],
        summary="Listed under legal holds",
    )
    return render(
        request,
        "records/retention.html",
        {"due": due, "holds": holds_in_place, "today": today},
    )


@allow(INFORMATION_GOVERNANCE)
@require_http_methods(["GET", "POST"])
def hold(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = _person(person_id)
    form = HoldForm(request.POST or None)
    if request.method == "POST" and submit(
        form, lambda data: holds.place_hold(person, reason=data["reason"], user=request.user)
    ):
        messages.success(request, "Legal hold placed: nothing about this person will be destroyed.")
        return redirect("records:retention")
    record_view(request.user, person, person_id=person.pk, summary="Legal hold form")
    return render(
        request,
        "records/hold.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )


@allow(INFORMATION_GOVERNANCE)
@require_http_methods(["GET", "POST"])
def new_hold(request: AuthenticatedRequest) -> HttpResponse:
    """A hold on any record by its number (an inquiry names records not yet due)."""
    form = RecordHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(
            pk=form.cleaned_data["record"], merged_into__isnull=True
        ).first()
        if person is None or retention.is_destroyed(person.pk):
            form.add_error("record", NO_SUCH_PERSON)
        elif submit(
            form, lambda data: holds.place_hold(person, reason=data["reason"], user=request.user)
        ):
            messages.success(
                request, "Legal hold placed: nothing about this person will be destroyed."
            )
            return redirect("records:retention")
    return render(
        request, "records/new_hold.html", {"form": form}, status=400 if form.errors else 200
    )


@allow(INFORMATION_GOVERNANCE)
@require_http_methods(["GET", "POST"])
def lift_hold(request: AuthenticatedRequest, hold_id: int) -> HttpResponse:
    hold = get_object_or_404(
        LegalHold.objects.select_related("person"), pk=hold_id, lifted_at__isnull=True
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and submit(
        form, lambda data: holds.lift_hold(hold, reason=data["reason"], user=request.user)
    ):
        messages.success(
            request, "Legal hold lifted: the record follows the retention schedule again."
        )
        return redirect("records:retention")
    record_view(request.user, hold.person, person_id=hold.person_id, summary="Legal hold")
    return render(
        request,
        "records/lift_hold.html",
        {"hold": hold, "form": form},
        status=400 if form.errors else 200,
    )


@allow(INFORMATION_GOVERNANCE)
@require_POST
def approve(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = _person(person_id)
    form = ApprovalForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: holds.approve(person, user=request.user, note=form.cleaned_data["note"]),
            "Destruction approved. It is carried out by `frontdoor retention destroy`.",
        )
    return redirect("records:retention")
