"""Which audits and actions a user may open (ADR 0005, 0017).

QA leads (team managers, QA auditors) see every audit; an auditor sees the audits given to
them. An audit of a contact the user may not see (a child restricted to another team) is a
404 like the contact itself.
"""

from typing import Any

from django.db.models import Q

from frontdoor.accounts import access
from frontdoor.contacts import access as contact_access
from frontdoor.quality.models import Audit, AuditQuerySet, LearningAction


def audits_visible_to(user: Any) -> AuditQuerySet:
    if not access.can_audit_decisions(user):
        return Audit.objects.none()
    audits = Audit.objects.filter(contact__in=contact_access.visible_to(user))
    if access.can_lead_quality_assurance(user):
        return audits
    return audits.filter(auditor=user)


def actions_visible_to(user: Any) -> Any:
    """Learning actions: the owner's own, and every one for QA leads (of audits they may see)."""
    mine = Q(owner=user)
    if access.can_lead_quality_assurance(user):
        mine |= Q(audit__in=audits_visible_to(user))
    return LearningAction.objects.filter(mine).filter(
        audit__contact__in=contact_access.visible_to(user)
    )
