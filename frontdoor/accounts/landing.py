"""Where each user starts after signing in (and from the home page).

Pages are named by URL name only, so accounts imports no app to send people to them.
"""

from django.urls import reverse

from frontdoor.accounts import access
from frontdoor.accounts.models import User


def landing_url(user: User) -> str:
    """The first page a user sees after signing in."""
    if access.is_partner(user):
        return reverse("mash:partner-checks")
    if access.works_at_front_door(user):
        return reverse("contacts:queue")
    if access.is_performance_analyst(user):
        return reverse("kpis:dashboard")
    if access.works_on_risk_outside_home(user):  # the ROTH team (managers land above)
        return reverse("outside:caseload")
    if access.works_in_early_help(user):  # family support workers: their families
        return reverse("earlyhelp:caseload")
    if access.works_in_information_governance(user):
        return reverse("records:index")
    return reverse("people:search")
