"""What every early-help page does first: find the family the user may see, log the read."""

from django.shortcuts import get_object_or_404

from frontdoor.accounts.access import AuthenticatedRequest
from frontdoor.audit.log import record_view
from frontdoor.earlyhelp import access as earlyhelp_access
from frontdoor.earlyhelp.models import Episode


def episode_or_404(request: AuthenticatedRequest, episode_id: int) -> Episode:
    """The episode if `request.user` may see it, else 404 (never named elsewhere)."""
    return get_object_or_404(earlyhelp_access.visible_to(request.user), pk=episode_id)


def log_family_view(request: AuthenticatedRequest, episode: Episode, summary: str) -> None:
    """One access-log row per child shown (every read of a child is logged)."""
    for person in episode.children():
        record_view(request.user, episode, person_id=person.pk, summary=summary)
