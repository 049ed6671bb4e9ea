"""The network overview (the ROTH team's questions of the map) and a place-level view:
every child linked to a place, and referring the place as a context (contextual
safeguarding)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts.access import ROTH, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.lib.forms import submit
from frontdoor.outside import access as outside_access
from frontdoor.outside import actions
from frontdoor.outside.forms import ReferForm
from frontdoor.outside.models import ContextReferral, Entity
from frontdoor.outside.network import (
    adults_linked_to_children,
    build_graph,
    children_linked_to,
    connected_groups,
    recurring_places,
)
from frontdoor.outside.views.common import form_page


@allow(ROTH)
@require_GET
def overview(request: AuthenticatedRequest) -> HttpResponse:
    links = outside_access.links_visible_to(request.user)
    graph = build_graph(links)
    adults = adults_linked_to_children(links)
    for adult, _ in adults:
        record_view(
            request.user, adult, person_id=adult.pk, summary="Listed in the network overview"
        )
    context = {
        "adults": adults,
        "groups": connected_groups(graph)[:20],
        "communities": connected_groups(graph, communities=True)[:20],
        "places": recurring_places(links),
        "contexts": ContextReferral.objects.filter(entity__isnull=False).select_related("entity")[
            :50
        ],
    }
    return render(request, "outside/overview.html", context)


def _place_or_404(entity_id: int) -> Entity:
    return get_object_or_404(Entity, pk=entity_id)


@allow(ROTH)
@require_GET
def place(request: AuthenticatedRequest, entity_id: int) -> HttpResponse:
    found = _place_or_404(entity_id)
    rows = children_linked_to(found, outside_access.links_visible_to(request.user))
    for row in rows:
        record_view(
            request.user,
            row["child"],
            person_id=row["child"].pk,
            summary=f"Listed as linked to {found}",
        )
    referrals = ContextReferral.objects.filter(entity=found)
    return render(
        request, "outside/place.html", {"place": found, "rows": rows, "referrals": referrals}
    )


@allow(ROTH)
@require_http_methods(["GET", "POST"])
def refer_place(request: AuthenticatedRequest, entity_id: int) -> HttpResponse:
    found = _place_or_404(entity_id)
    form = ReferForm(request.POST or None)
    if request.method == "POST" and submit(
        form,
        lambda data: actions.refer_to_mace(
            entity=found, reason=form.cleaned_data["reason"], user=request.user
        ),
    ):
        messages.success(request, "Context referred to the MACE panel.")
        return redirect("outside:place", entity_id=found.pk)
    return form_page(
        request,
        form,
        title="Refer this context to the MACE panel",
        caption=str(found),
        back=(reverse("outside:place", args=[found.pk]), "Back to the place"),
        button="Refer to MACE",
    )
