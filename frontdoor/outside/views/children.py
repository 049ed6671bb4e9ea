"""A child's ROTH page, their screenings, their network (picture and table), links, a
referral to MACE and a decision to share their record with a partner agency."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts.access import ROTH, AuthenticatedRequest, allow
from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_view
from frontdoor.lib.forms import limit_dates, submit
from frontdoor.outside import access as outside_access
from frontdoor.outside import actions
from frontdoor.outside.codes import INDICATOR_DOMAINS, INDICATOR_NAMES, Rating
from frontdoor.outside.forms import LinkForm, ReferForm, ScreeningForm, ShareForm
from frontdoor.outside.models import ContextReferral, NetworkLink, SharingDecision
from frontdoor.outside.network import picture
from frontdoor.outside.prompts import prompts_for
from frontdoor.outside.views.common import child_or_404, form_page
from frontdoor.people.models import Person, PersonQuerySet


def network_people(user: Any, person: Person) -> PersonQuerySet:
    """Who a link can name: people already in the network (children and adults of concern)."""
    others = NetworkLink.objects.filter(other__isnull=False).values_list("other_id", flat=True)
    children = NetworkLink.objects.values_list("child_id", flat=True)
    return (
        outside_access.people_visible_to(user)
        .filter(pk__in={*others, *children})
        .exclude(pk=person.pk)
        .order_by("family_name", "given_name")
    )


def _back(person_id: int) -> tuple[str, str]:
    return reverse("outside:child", args=[person_id]), "Back to risk outside the home"


@allow(ROTH)
@require_GET
def child(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = child_or_404(request, person_id, "Viewed risk outside the home")
    user = request.user
    context = {
        "person": person,
        "episodes": outside_access.episodes_visible_to(user)
        .filter(person=person)
        .select_related("interview"),
        "screenings": outside_access.screenings_visible_to(user).filter(person=person),
        "links": outside_access.links_visible_to(user)
        .filter(child=person)
        .select_related("other", "entity"),
        "referrals": ContextReferral.objects.filter(person=person),
        "sharing": SharingDecision.objects.filter(person=person).select_related(
            "agency", "decided_by"
        ),
        "prompt": prompts_for([person.pk], timezone.localdate()).get(person.pk),
    }
    return render(request, "outside/child.html", context)


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def screen(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = child_or_404(request, person_id, "Viewed the exploitation screening form")
    form = limit_dates(ScreeningForm(request.POST or None), born=person.date_of_birth)
    if request.method == "POST" and (
        submitted := submit(
            form,
            lambda data: actions.record_screening(
                person,
                kind=data["kind"],
                screened_on=data["screened_on"],
                ratings=form.ratings(),
                is_disclosure=data["is_disclosure"],
                judged_level=data["judged_level"],
                judgement_reason=data["judgement_reason"],
                review_on=data["review_on"],
                user=request.user,
            ),
        )
    ):
        messages.success(request, "Screening recorded.")
        return redirect("outside:screening", screening_id=submitted.result.pk)
    return form_page(
        request,
        form,
        title="Screen for exploitation",
        caption=person.full_name,
        back=_back(person.pk),
        button="Record the screening",
        intro="Rate each indicator. The level follows the rules (a disclosure means high; aged 13 "
        "or under, any high indicator is significant); you may judge otherwise, with a reason.",
    )


@allow(ROTH)
@require_GET
def screening(request: AuthenticatedRequest, screening_id: int) -> HttpResponse:
    found = get_object_or_404(
        outside_access.screenings_visible_to(request.user).select_related("person", "screened_by"),
        pk=screening_id,
    )
    record_view(request.user, found, person_id=found.person_id, summary="Viewed a screening")
    rated = [
        (INDICATOR_DOMAINS[code], INDICATOR_NAMES[code], Rating(value).label)
        for code, value in found.ratings.items()
        if value != Rating.NONE
    ]
    return render(
        request,
        "outside/screening.html",
        {"screening": found, "person": found.person, "rated": rated},
    )


@allow(ROTH)
@require_GET
def network(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = child_or_404(request, person_id, "Viewed the child's network")
    svg, links = picture(person, outside_access.links_visible_to(request.user))
    return render(request, "outside/network.html", {"person": person, "svg": svg, "links": links})


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def add_link(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = child_or_404(request, person_id, "Viewed add a link")
    form = LinkForm(request.POST or None, people=network_people(request.user, person))
    limit_dates(form, born=person.date_of_birth)

    def link(data: dict[str, Any]) -> Any:
        entity = None
        if data["kind"]:
            entity = actions.find_or_add_entity(
                data["kind"], data["name"], data["postcode"], user=request.user
            )
        return actions.add_link(
            person,
            other=data["other"],
            entity=entity,
            relation=data["relation"],
            source=data["source"],
            seen_on=data["seen_on"],
            confidence=data["confidence"],
            is_of_concern=bool(data["other"]) and not data["other"].is_child,
            user=request.user,
        )

    if request.method == "POST" and submit(form, link):
        messages.success(request, "Link recorded.")
        return redirect("outside:network", person_id=person.pk)
    return form_page(
        request,
        form,
        title="Link the child to a person or a thing",
        caption=person.full_name,
        back=_back(person.pk),
        button="Record the link",
    )


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def refer(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = child_or_404(request, person_id, "Viewed refer to MACE")
    form = ReferForm(request.POST or None)
    if request.method == "POST" and submit(
        form,
        lambda data: actions.refer_to_mace(
            person=person, reason=form.cleaned_data["reason"], user=request.user
        ),
    ):
        messages.success(request, "Referred to the MACE panel.")
        return redirect("outside:child", person_id=person.pk)
    return form_page(
        request,
        form,
        title="Refer the child to the MACE panel",
        caption=person.full_name,
        back=_back(person.pk),
        button="Refer to MACE",
    )


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def share(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = child_or_404(request, person_id, "Viewed share with a partner")
    form = ShareForm(request.POST or None, agencies=Agency.objects.filter(is_active=True))
    if request.method == "POST" and submit(
        form,
        lambda data: actions.record_sharing_decision(
            person,
            agency=data["agency"],
            is_shared=data["is_shared"],
            reason=data["reason"],
            user=request.user,
        ),
    ):
        messages.success(request, "Sharing decision recorded.")
        return redirect("outside:child", person_id=person.pk)
    return form_page(
        request,
        form,
        title="Share this record with a partner agency",
        caption=person.full_name,
        back=_back(person.pk),
        button="Record the decision",
        intro="Record the decision and the reasons, whether or not you share.",
    )
