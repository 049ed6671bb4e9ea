"""The contacts queue's filters: whose contacts (everyone's, mine, my team's), RAG, overdue and
awaiting authorisation, each offered with the number of contacts it would show.

"Mine" is a contact the user recorded, triaged or recommended a decision on; "my team" is one
that anyone in their team did. The filters combine (all must hold); the order stays urgency.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone

from frontdoor.contacts.models import Contact, ContactQuerySet, Rag

WHOSE = [("all", "Everyone's"), ("mine", "Mine"), ("team", "My team's")]
RAGS = [(Rag.RED, "Red"), (Rag.AMBER, "Amber"), (Rag.GREEN, "Green"), ("none", "Not yet rated")]


@dataclass(frozen=True)
class QueueFilters:
    whose: str = "all"
    rags: tuple[str, ...] = ()
    overdue: bool = False
    awaiting_authorisation: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> "QueueFilters":
        """The filters in the page's address; anything unknown is ignored, never an error."""
        whose = query.get("whose", "all")
        rags = tuple(r for r in query.getlist("rag") if r in dict(RAGS))
        return cls(
            whose=whose if whose in dict(WHOSE) else "all",
            rags=rags,
            overdue=query.get("overdue") == "yes",
            awaiting_authorisation=query.get("authorisation") == "yes",
        )

    @property
    def any(self) -> bool:
        return self != QueueFilters()


def _by(user: Any, whose: str) -> Q:
    if whose == "mine":
        return Q(created_by=user) | Q(triaged_by=user) | Q(decisions__recorded_by=user)
    if whose == "team" and user.team_id:
        team = user.team_id
        return (
            Q(created_by__team=team)
            | Q(triaged_by__team=team)
            | Q(decisions__recorded_by__team=team)
        )
    if whose == "team":
        return Q(pk__in=[])  # no team, no team's contacts
    return Q()


def _rag(rags: tuple[str, ...]) -> Q:
    if not rags:
        return Q()
    chosen = Q(rag__in=[r for r in rags if r != "none"])
    return chosen | Q(rag="") if "none" in rags else chosen


def apply(waiting: ContactQuerySet, user: Any, filters: QueueFilters) -> ContactQuerySet:
    """The contacts awaiting decision that pass every chosen filter."""
    rows = waiting.filter(_by(user, filters.whose)).filter(_rag(filters.rags))
    if filters.overdue:
        rows = rows.filter(decision_due_at__lt=timezone.now())
    if filters.awaiting_authorisation:
        rows = rows.filter(status=Contact.Status.AWAITING_AUTHORISATION)
    return rows.distinct()


def counts(waiting: ContactQuerySet, user: Any, filters: QueueFilters) -> dict[str, int]:
    """How many contacts each option would show, the other chosen filters kept."""
    found = {}
    for value, _ in WHOSE:
        found[f"whose:{value}"] = apply(waiting, user, _with(filters, whose=value)).count()
    for value, _ in RAGS:
        found[f"rag:{value}"] = apply(waiting, user, _with(filters, rags=(value,))).count()
    found["overdue"] = apply(waiting, user, _with(filters, overdue=True)).count()
    found["authorisation"] = apply(
        waiting, user, _with(filters, awaiting_authorisation=True)
    ).count()
    return found


def _with(filters: QueueFilters, **change: Any) -> QueueFilters:
    values = {**filters.__dict__, **change}
    return QueueFilters(**values)
