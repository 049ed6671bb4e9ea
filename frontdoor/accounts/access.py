"""Who may see what. Every access decision in Front Door is made here.

- Route level: every view is wrapped by `public` or `allow(...)`; a meta-test fails if one
  is not. Anonymous users are sent to sign in; signed-in users without the role get 404.
- Record level: `visible_people()` and `visible_contacts()` are the querysets a user may
  read; views fetch through them, so a record someone may not see is a 404, not a 403.
"""

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from frontdoor.accounts.models import Role, User

if TYPE_CHECKING:
    from frontdoor.contacts.models import ContactQuerySet
    from frontdoor.mash.models import AgencyCheckQuerySet
    from frontdoor.people.models import PersonQuerySet

View = TypeVar("View", bound=Callable[..., HttpResponse])


class AuthenticatedRequest(HttpRequest):
    """The request a view wrapped by `allow()` receives: the user is signed in."""

    user: User


PARTNERS: frozenset[str] = frozenset({Role.MASH_PARTNER})
STAFF: frozenset[str] = frozenset(Role) - PARTNERS
FRONT_DOOR: frozenset[str] = frozenset(
    {Role.CONTACT_OFFICER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER}
)
DECIDERS: frozenset[str] = frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER})
MANAGERS: frozenset[str] = frozenset({Role.TEAM_MANAGER})
ANALYSTS: frozenset[str] = frozenset(
    {Role.ANALYST, Role.TEAM_MANAGER, Role.QA_AUDITOR, Role.ADMINISTRATOR}
)
AUDITORS: frozenset[str] = frozenset({Role.QA_AUDITOR, Role.ADMINISTRATOR})
ADMINISTRATORS: frozenset[str] = frozenset({Role.ADMINISTRATOR})
# Who keeps the person index whole: reviews possible duplicates, merges and unmerges records.
# A wrong merge hides one child's history inside another's, so it is a manager's decision.
RECORD_KEEPERS: frozenset[str] = frozenset({Role.TEAM_MANAGER, Role.ADMINISTRATOR})


def public(view: View) -> View:
    """Open to everyone, signed in or not (online forms, sign-in, health check)."""
    view.access_policy = "public"  # type: ignore[attr-defined]
    return view


def allow(roles: frozenset[str], name: str) -> Callable[[View], View]:
    """Signed-in users whose role is in `roles`; everyone else signed in gets 404."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("accounts:sign-in"))
            if request.user.role not in roles or not request.user.is_active:  # type: ignore[union-attr]
                raise Http404("Not found")
            return view(request, *args, **kwargs)

        wrapped.access_policy = name  # type: ignore[attr-defined]
        wrapped.access_roles = roles  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorate


def signed_in(view: View) -> View:
    """Any signed-in user, whatever their role."""
    return allow(frozenset(Role), "signed_in")(view)


def _restriction_filter(user: User, prefix: str = "") -> Q:
    if user.role == Role.ADMINISTRATOR:
        return Q()
    restricted = Q(**{f"{prefix}restricted_to_team__isnull": True})
    if user.team_id:
        restricted |= Q(**{f"{prefix}restricted_to_team": user.team_id})
    return restricted


def visible_people(user: User) -> "PersonQuerySet":
    """People whose record `user` may open.

    Partners see no child's record until information is shared with their agency through
    the MASH; staff see every record except those restricted to another team.
    """
    from frontdoor.people.models import Person

    if not user.is_authenticated or user.role in PARTNERS:
        return Person.objects.none()
    return Person.objects.filter(_restriction_filter(user))


def visible_contacts(user: User) -> "ContactQuerySet":
    """Contacts `user` may open: partners only their own agency's; staff all but restricted."""
    from frontdoor.contacts.models import Contact

    if not user.is_authenticated:
        return Contact.objects.none()
    if user.role in PARTNERS:
        if not user.agency_id:
            return Contact.objects.none()
        return visible_contacts_for_agency(user.agency_id)
    if user.role == Role.ADMINISTRATOR:
        return Contact.objects.all()
    hidden = Q(subjects__person__restricted_to_team__isnull=False)
    if user.team_id:
        hidden &= ~Q(subjects__person__restricted_to_team=user.team_id)
    return Contact.objects.exclude(hidden)


def visible_contacts_for_agency(agency: Any) -> "ContactQuerySet":
    """Contacts a partner system (API token) may read back: those its agency sent."""
    from frontdoor.contacts.models import Contact

    return Contact.objects.filter(referrer_agency=agency)


def checks_visible_to(user: User) -> "AgencyCheckQuerySet":
    """Checks `user` may open: a partner only their agency's; staff those of visible contacts."""
    from frontdoor.mash.models import AgencyCheck

    if not user.is_authenticated:
        return AgencyCheck.objects.none()
    if user.role in PARTNERS:
        if not user.agency_id:
            return AgencyCheck.objects.none()
        return checks_for_agency(user.agency_id)
    return AgencyCheck.objects.filter(enquiry__contact__in=visible_contacts(user))


def checks_for_agency(agency: Any) -> "AgencyCheckQuerySet":
    """Checks a partner agency (its staff, or its system through the API) was asked."""
    from frontdoor.mash.models import AgencyCheck

    return AgencyCheck.objects.filter(agency=agency)


def handover_items_visible_to(user: User) -> "Any":
    """Out-of-hours handover items: front-door staff, on contacts they may open."""
    from frontdoor.contacts.models import HandoverItem

    if not user.is_authenticated or user.role not in FRONT_DOOR:
        return HandoverItem.objects.none()
    return HandoverItem.objects.filter(contact__in=visible_contacts(user))


def enquiries_visible_to(user: User) -> "Any":
    """MASH enquiries (with every agency's answers): staff only, never partners."""
    from frontdoor.mash.models import MashEnquiry

    if not user.is_authenticated or user.role in PARTNERS:
        return MashEnquiry.objects.none()
    return MashEnquiry.objects.filter(contact__in=visible_contacts(user))


def strategy_discussions_visible_to(user: User) -> "Any":
    """Strategy discussions: staff, on contacts they may open; partners see none here."""
    from frontdoor.mash.models import StrategyDiscussion

    if not user.is_authenticated or user.role in PARTNERS:
        return StrategyDiscussion.objects.none()
    return StrategyDiscussion.objects.filter(contact__in=visible_contacts(user))


def strategy_invitations_visible_to(user: User) -> "Any":
    """A partner's own agency's invitations to strategy discussions (never another agency's)."""
    from frontdoor.mash.models import StrategyInvitation

    if not user.is_authenticated or user.role not in PARTNERS or not user.agency_id:
        return StrategyInvitation.objects.none()
    return StrategyInvitation.objects.filter(agency=user.agency_id)


def extension_requests_visible_to(user: User) -> "Any":
    """Partners' requests for more time, for staff deciding them (never other partners)."""
    from frontdoor.mash.models import ExtensionRequest

    return ExtensionRequest.objects.filter(check_request__enquiry__in=enquiries_visible_to(user))


def can_record_decision(user: User) -> bool:
    return user.role in DECIDERS


def can_authorise(user: User) -> bool:
    return user.role in MANAGERS


def can_read_access_log(user: User) -> bool:
    return user.role in AUDITORS


def landing_url(user: User) -> str:
    if user.role in PARTNERS:
        return reverse("mash:partner-checks")
    if user.role in FRONT_DOOR:
        return reverse("contacts:queue")
    if user.role == Role.ANALYST:
        return reverse("kpis:dashboard")
    return reverse("people:search")


def navigation(request: HttpRequest) -> list[dict[str, Any]]:
    """Service navigation items for the signed-in user's role."""
    user = request.user
    if not user.is_authenticated:
        return [{"href": reverse("accounts:sign-in"), "text": "Sign in"}]
    items: list[tuple[str, str]] = []
    if user.role in FRONT_DOOR:
        items += [
            ("contacts:queue", "Contacts"),
            ("contacts:new-contact", "New contact"),
            ("contacts:consultations", "Consultations"),
            ("mash:manager", "MASH enquiries"),
            ("mash:strategy-discussions", "Strategy discussions"),
            ("contacts:handover", "Morning handover"),
        ]
    if user.role in MANAGERS:
        items.append(("contacts:authorisations", "Authorise"))
    if user.role in DECIDERS:
        items.append(("casework:caseload", "My caseload"))
    if user.role in PARTNERS:
        items += [
            ("mash:partner-checks", "Checks for our agency"),
            ("mash:partner-strategy-discussions", "Strategy discussions"),
            ("contacts:partner-contacts", "Our agency's contacts"),
        ]
    if user.role in STAFF:
        items.append(("people:search", "Find a person"))
    if user.role in ANALYSTS:
        items.append(("kpis:dashboard", "Performance"))
        items.append(("returns:index", "Returns"))
    if user.role in RECORD_KEEPERS:
        items.append(("people:duplicates", "Possible duplicates"))
    if user.role in ADMINISTRATORS:
        items.append(("accounts:settings", "Settings"))
    items.append(("accounts:sign-out", "Sign out"))
    path = request.path
    hrefs = [reverse(name) for name, _ in items]
    # Only the closest match is current: /mash/strategy-discussions/ is not "MASH enquiries".
    current = max((h for h in hrefs if h != "/" and path.startswith(h)), key=len, default=None)
    return [
        {"href": href, "text": text, "active": href == current}
        for href, (_, text) in zip(hrefs, items, strict=True)
    ]
