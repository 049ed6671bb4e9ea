"""What the service navigation offers each user.

It sits above every app (like urls.py): it names their pages by URL name and asks
`accounts.access` who may open them, so no app needs to know another's pages.
"""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from frontdoor.accounts import access

Item = tuple[str, str, Any]  # (URL name, text, who sees the item)

# The top-level groups, in the order shown, each with its pages. A group shows as one item
# (linking to its first page the user may open) and, while one of its pages is open, as a
# row of links under the header: no role has more than seven top-level items.
GROUPS: list[tuple[str, list[Item]]] = [
    (
        "Front door",
        [
            ("contacts:queue", "Contacts", access.works_at_front_door),
            ("contacts:new-contact", "New contact", access.works_at_front_door),
            ("contacts:consultations", "Consultations", access.works_at_front_door),
            ("mash:manager", "MASH enquiries", access.works_at_front_door),
            ("mash:strategy-discussions", "Strategy discussions", access.works_at_front_door),
            ("contacts:handover", "Morning handover", access.works_at_front_door),
            ("contacts:authorisations", "Authorise", access.can_authorise_decisions),
        ],
    ),
    (
        "My caseload",
        [
            ("casework:caseload", "My caseload", access.can_record_decisions),
            ("quality:index", "Audits", access.can_audit_decisions),
        ],
    ),
    (
        "Missing and exploitation",
        [
            ("outside:caseload", "Missing and exploitation", access.works_on_risk_outside_home),
            ("outside:meetings", "Missing meetings", access.works_on_risk_outside_home),
            ("outside:overview", "People and places", access.works_on_risk_outside_home),
            ("outside:themes", "Missing themes", access.works_on_risk_outside_home),
        ],
    ),
    (
        "Return home interviews",
        [("outside:caseload", "Return home interviews", access.can_hold_return_interviews_only)],
    ),
    (
        "Our agency",
        [
            ("mash:partner-checks", "Checks for our agency", access.is_partner),
            ("mash:partner-strategy-discussions", "Strategy discussions", access.is_partner),
            ("contacts:partner-contacts", "Our agency's contacts", access.is_partner),
            ("outside:partner", "Missing episodes we reported", access.is_partner),
            ("kpis:partner-figures", "Our monthly figures", access.is_partner),
        ],
    ),
    ("Early help", [("earlyhelp:caseload", "Early help", access.can_use_early_help)]),
    (
        "People",
        [
            ("people:search", "Find a person", access.is_staff_member),
            ("people:duplicates", "Possible duplicates", access.can_keep_person_index),
            ("people:break-glass-report", "Break-glass openings", access.can_read_access_logs),
        ],
    ),
    (
        "Performance",
        [
            ("kpis:dashboard", "Performance", access.can_read_performance),
            ("kpis:dashboards", "Dashboards", access.can_read_performance),
            ("returns:index", "Returns", access.can_read_performance),
        ],
    ),
    (
        "Records",
        [
            ("records:index", "Subject access", access.works_in_information_governance),
            ("records:retention", "Retention", access.works_in_information_governance),
        ],
    ),
    ("Settings", [("accounts:settings", "Settings", access.can_administer)]),
]
MOST_TOP_LEVEL_ITEMS = 7  # sign out included


def _groups(user: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """The groups this user sees, each with the pages in it they may open (href, text)."""
    found = []
    for title, items in GROUPS:
        pages = [(reverse(name), text) for name, text, may in items if may(user)]
        if pages:
            found.append((title, pages))
    return found


def _current(path: str, hrefs: list[str]) -> str | None:
    # Only the closest match is current: /mash/strategy-discussions/ is not "MASH enquiries".
    return max((h for h in hrefs if h != "/" and path.startswith(h)), key=len, default=None)


def navigation(request: HttpRequest) -> list[dict[str, Any]]:
    """Service navigation items for the signed-in user's role: one per group."""
    user = request.user
    if not user.is_authenticated:
        return [{"href": reverse("accounts:sign-in"), "text": "Sign in"}]
    groups = _groups(user)
    current = _current(request.path, [href for _, pages in groups for href, _ in pages])
    items = [
        {
            # A group of one page is named after it ("Find a person" alone, not "People").
            "text": pages[0][1] if len(pages) == 1 else title,
            "href": pages[0][0],
            "active": any(href == current for href, _ in pages),
        }
        for title, pages in groups
    ]
    items.append({"href": reverse("accounts:sign-out"), "text": "Sign out", "active": False})
    return items


def sub_navigation(request: HttpRequest) -> dict[str, Any] | None:
    """The pages of the current group (when it has more than one), for the row under the
    header: {"label": group, "items": [{"href", "text", "active"}]}."""
    user = request.user
    if not user.is_authenticated:
        return None
    groups = _groups(user)
    current = _current(request.path, [href for _, pages in groups for href, _ in pages])
    for title, pages in groups:
        if len(pages) > 1 and any(href == current for href, _ in pages):
            return {
                "label": title,
                "items": [
                    {"href": href, "text": text, "active": href == current} for href, text in pages
                ],
            }
    return None
