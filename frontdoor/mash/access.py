"""Which MASH enquiries, checks and strategy discussions a user may open (ADR 0005).

A partner sees only the checks and invitations of their own agency, never another agency's
answers; staff see the MASH work on the contacts they may open.
"""

from typing import Any

from frontdoor.accounts import access
from frontdoor.contacts import access as contact_access
from frontdoor.mash.models import AgencyCheck, AgencyCheckQuerySet, ExtensionRequest, MashEnquiry
from frontdoor.mash.strategy_models import StrategyDiscussion, StrategyInvitation


def checks_visible_to(user: Any) -> AgencyCheckQuerySet:
    """Checks `user` may open: a partner only their agency's; staff those of visible contacts."""
    if access.is_partner(user):
        if not user.agency_id:
            return AgencyCheck.objects.none()
        return checks_for_agency(user.agency_id)
    if not access.is_staff_member(user):
        return AgencyCheck.objects.none()
    return AgencyCheck.objects.filter(enquiry__contact__in=contact_access.visible_to(user))


def checks_for_agency(agency: Any) -> AgencyCheckQuerySet:
    """Checks a partner agency (its staff, or its system through the API) was asked."""
    return AgencyCheck.objects.filter(agency=agency)


def enquiries_visible_to(user: Any) -> Any:
    """MASH enquiries (with every agency's answers): staff only, never partners."""
    if not access.is_staff_member(user):
        return MashEnquiry.objects.none()
    return MashEnquiry.objects.filter(contact__in=contact_access.visible_to(user))


def strategy_discussions_visible_to(user: Any) -> Any:
    """Strategy discussions: staff, on contacts they may open; partners see none here."""
    if not access.is_staff_member(user):
        return StrategyDiscussion.objects.none()
    return StrategyDiscussion.objects.filter(contact__in=contact_access.visible_to(user))


def strategy_invitations_visible_to(user: Any) -> Any:
    """A partner's own agency's invitations to strategy discussions (never another agency's)."""
    if not access.is_partner(user) or not user.agency_id:
        return StrategyInvitation.objects.none()
    return StrategyInvitation.objects.filter(agency=user.agency_id)


def extension_requests_visible_to(user: Any) -> Any:
    """Partners' requests for more time, for staff deciding them (never other partners)."""
    return ExtensionRequest.objects.filter(check_request__enquiry__in=enquiries_visible_to(user))
