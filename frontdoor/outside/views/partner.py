"""What a partner agency sees: the missing episodes it reported, and the children whose
ROTH record was shared with it by a recorded decision."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import PARTNERS, AuthenticatedRequest, allow
from frontdoor.audit.log import record_view
from frontdoor.outside import access as outside_access


@allow(PARTNERS)
@require_GET
def partner_episodes(request: AuthenticatedRequest) -> HttpResponse:
    episodes = list(
        outside_access.episodes_visible_to(request.user).select_related("interview")[:300]
    )
    for episode in episodes:
        record_view(
            request.user,
            episode,
            person_id=episode.person_id,
            summary="Listed in the agency's missing episodes",
        )
    return render(request, "outside/partner.html", {"episodes": episodes})
