"""What the service navigation offers each user.

It sits above every app (like urls.py): it names their pages by URL name and asks
`accounts.access` who may open them, so no app needs to know another's pages.
"""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from frontdoor.accounts import access

# (URL name, text, who sees the item), in the order shown.
ITEMS: list[tuple[str, str, Any]] = [
    ("contacts:queue", "Contacts", access.works_at_front_door),
    ("contacts:new-contact", "New contact", access.works_at_front_door),
    ("contacts:consultations", "Consultations", access.works_at_front_door),
    ("mash:manager", "MASH enquiries", access.works_at_front_door),
    ("mash:strategy-discussions", "Strategy discussions", access.works_at_front_door),
    ("contacts:handover", "Morning handover", access.works_at_front_door),
    ("contacts:authorisations", "Authorise", access.can_authorise_decisions),
    ("casework:caseload", "My caseload", access.can_record_decisions),
    ("outside:caseload", "Missing and exploitation", access.works_on_risk_outside_home),
    ("outside:caseload", "Return home interviews", access.can_hold_return_interviews_only),
    ("outside:meetings", "Missing meetings", access.works_on_risk_outside_home),
    ("outside:overview", "People and places", access.works_on_risk_outside_home),
    ("outside:themes", "Missing themes", access.works_on_risk_outside_home),
    ("outside:partner", "Missing episodes we reported", access.is_partner),
    ("earlyhelp:caseload", "Early help", access.can_use_early_help),
    ("mash:partner-checks", "Checks for our agency", access.is_partner),
    ("mash:partner-strategy-discussions", "Strategy discussions", access.is_partner),
    ("contacts:partner-contacts", "Our agency's contacts", access.is_partner),
    ("people:search", "Find a person", access.is_staff_member),
    ("kpis:dashboard", "Performance", access.can_read_performance),
    ("returns:index", "Returns", access.can_read_performance),
    ("people:duplicates", "Possible duplicates", access.can_keep_person_index),
    ("people:break-glass-report", "Break-glass openings", access.can_read_access_logs),
    ("accounts:settings", "Settings", access.can_administer),
]


def navigation(request: HttpRequest) -> list[dict[str, Any]]:
    """Service navigation items for the signed-in user's role."""
    user = request.user
    if not user.is_authenticated:
        return [{"href": reverse("accounts:sign-in"), "text": "Sign in"}]
    items = [(name, text) for name, text, may in ITEMS if may(user)]
    items.append(("accounts:sign-out", "Sign out"))
    path = request.path
    hrefs = [reverse(name) for name, _ in items]
    # Only the closest match is current: /mash/strategy-discussions/ is not "MASH enquiries".
    current = max((h for h in hrefs if h != "/" and path.startswith(h)), key=len, default=None)
    return [
        {"href": href, "text": text, "active": href == current}
        for href, (_, text) in zip(hrefs, items, strict=True)
    ]
