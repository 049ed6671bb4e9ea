"""Intake pages: the online request for support, staff entry, consultations."""

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts.access import FRONT_DOOR, AuthenticatedRequest, allow, public
from frontdoor.audit.middleware import client_ip
from frontdoor.contacts import actions, handover
from frontdoor.contacts.codes import Channel
from frontdoor.contacts.forms import ConsultationForm, OnlineContactForm, StaffContactForm
from frontdoor.contacts.models import Consultation, Contact
from frontdoor.lib.forms import submit
from frontdoor.lib.pages import paginate

KINDS = {"professional": True, "public": False}


@public
@require_GET
def request_support(request: HttpRequest) -> HttpResponse:
    return render(request, "contacts/request_support.html", {})


def _client_hash(request: HttpRequest) -> str:
    return hashlib.sha256(f"{client_ip(request)}{settings.SECRET_KEY}".encode()).hexdigest()


@public
@require_http_methods(["GET", "POST"])
def online_form(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    form = OnlineContactForm(request.POST or None, professional=KINDS[kind])
    if request.method == "POST":
        limit = settings.FRONTDOOR_PUBLIC_FORM_RATE_LIMIT
        if not actions.admit_online_submission(_client_hash(request), limit=limit):
            return render(request, "contacts/rate_limited.html", {}, status=429)
        if form.is_bot():  # look like success so the bot learns nothing
            request.session["submitted_reference"] = actions.new_reference()
            return redirect("contacts:submitted")
        channel = Channel.ONLINE_PROFESSIONAL if KINDS[kind] else Channel.ONLINE_PUBLIC
        received = submit(
            form,
            lambda data: actions.receive_contact(
                form.to_input(), channel=channel, actor_label=f"online form ({kind})"
            ),
        )
        if received:
            request.session["submitted_reference"] = received.result.reference
            return redirect("contacts:submitted")
    return render(request, "contacts/online_form.html", {"form": form, "kind": kind})


@public
@require_GET
def submitted(request: HttpRequest) -> HttpResponse:
    reference = request.session.get("submitted_reference")
    if not reference:
        return redirect("contacts:request-support")
    return render(request, "contacts/submitted.html", {"reference": reference})


@allow(FRONT_DOOR)
@require_http_methods(["GET", "POST"])
def new_contact(request: AuthenticatedRequest) -> HttpResponse:
    consultation = None
    if consultation_id := request.GET.get("consultation") or request.POST.get("consultation"):
        consultation = get_object_or_404(
            Consultation, pk=consultation_id, converted_contact__isnull=True
        )
    initial = {}
    if consultation:
        initial = {
            "referrer_name": consultation.professional_name,
            "referrer_role": consultation.professional_role,
            "referrer_organisation": consultation.organisation,
            "referrer_agency": consultation.agency_id,
            "worry": consultation.summary,
            "channel": Channel.PHONE,
        }
    form = StaffContactForm(request.POST or None, initial=initial)

    def receive(data: dict[str, Any]) -> Contact:
        if form.is_out_of_hours():
            return handover.receive_out_of_hours_contact(
                form.to_input(),
                form.handover_items(),
                actor=request.user,
                from_consultation=consultation,
            )
        return actions.receive_contact(
            form.to_input(),
            channel=data["channel"],
            actor=request.user,
            from_consultation=consultation,
        )

    if request.method == "POST" and (received := submit(form, receive)):
        messages.success(request, f"Contact {received.result.reference} recorded.")
        return redirect("contacts:contact", contact_id=received.result.pk)
    return render(
        request, "contacts/new_contact.html", {"form": form, "consultation": consultation}
    )


@allow(FRONT_DOOR)
@require_GET
def consultations(request: AuthenticatedRequest) -> HttpResponse:
    since = timezone.now() - dt.timedelta(days=30)
    page = paginate(request, Consultation.objects.select_related("agency", "converted_contact"))
    last_30_days = Consultation.objects.filter(received_at__gte=since).count()
    return render(
        request,
        "contacts/consultations.html",
        {"consultations": page.object_list, "page": page, "last_30_days": last_30_days},
    )


@allow(FRONT_DOOR)
@require_http_methods(["GET", "POST"])
def new_consultation(request: AuthenticatedRequest) -> HttpResponse:
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_consultation(request.user, **form.cleaned_data)
        messages.success(request, "Consultation recorded.")
        return redirect("contacts:consultations")
    return render(request, "contacts/new_consultation.html", {"form": form})
