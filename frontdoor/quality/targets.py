"""Named QuerySets a targeted (dip) sample is drawn from: the contacts decided in a month
that match a theme. Each reuses the definitions the rest of Front Door already has: the
decision clock (contacts.Contact.decision_due_at), the cumulative-concern rule
(contacts.history.child_history), referral dates and step-downs to early help (a CIN episode
closed RC9: casework.CINEpisode)."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import F

from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.codes import Outcome
from frontdoor.contacts.history import child_history
from frontdoor.contacts.models import Contact, ContactQuerySet
from frontdoor.lib.dates import local_day_bounds, within_months_start


def decided_in(first: dt.date, last: dt.date) -> ContactQuerySet:
    """Contacts whose decision took effect between the two local days (both included)."""
    return Contact.objects.decided_between(*local_day_bounds(first, last))


def _referrals_within_12_months_of(
    first: dt.date,
    last: dt.date,
    earlier: Callable[[set[int]], Iterable[tuple[int, dt.date]]],
    *,
    same_day: bool,
) -> ContactQuerySet:
    """Contacts decided in the period that opened a referral within 12 months after one of
    the child's `earlier(people)` (person, date) events (on the contact's day too when
    `same_day`)."""
    opened = decided_in(first, last).filter(outcome__in=Outcome.opening_episode())
    rows = opened.filter(subjects__person__isnull=False).values_list(
        "pk", "subjects__person", "received_date"
    )
    days: dict[int, list[dt.date]] = {}
    for person, day in earlier({person for _, person, _ in rows}):
        days.setdefault(person, []).append(day)
    matched = {
        pk
        for pk, person, received in rows
        if any(
            within_months_start(received, 12) <= day < received or (same_day and day == received)
            for day in days.get(person, [])
        )
    }
    return Contact.objects.filter(pk__in=matched)


def re_referrals(first: dt.date, last: dt.date) -> ContactQuerySet:
    """Contacts decided in the period that became a referral within 12 months of an
    earlier referral of the same child (DfE: referral date to referral date)."""

    def referred(people: set[int]) -> Iterable[tuple[int, dt.date]]:
        return CINEpisode.objects.filter(person__in=people).values_list("person", "referral_date")

    return _referrals_within_12_months_of(first, last, referred, same_day=False)


def step_downs_re_referred(first: dt.date, last: dt.date) -> ContactQuerySet:
    """Contacts decided in the period that became a referral within 12 months of the
    child's step-down to early help (an earlier CIN episode closed RC9 on or before the
    contact, 12 months back at most)."""

    def stepped_down(people: set[int]) -> Iterable[tuple[int, dt.date]]:
        closed = CINEpisode.objects.filter(
            person__in=people, reason_for_closure="RC9", closure_date__isnull=False
        )
        return ((p, day) for p, day in closed.values_list("person", "closure_date") if day)

    return _referrals_within_12_months_of(first, last, stepped_down, same_day=True)


def repeat_contacts_without_referral(first: dt.date, last: dt.date) -> ContactQuerySet:
    """Contacts decided in the period about a child the cumulative-concern rule flags:
    three or more contacts in 12 months that did not progress (settings)."""
    rows = decided_in(first, last).filter(subjects__person__isnull=False)
    matched = set()
    for contact in rows.distinct():
        for person in contact.linked_children():
            if child_history(person, as_of=contact.received_date).cumulative_concern:
                matched.add(contact.pk)
    return Contact.objects.filter(pk__in=matched)


def outside_the_clock(first: dt.date, last: dt.date) -> ContactQuerySet:
    """Contacts decided in the period after their decision was due (one working day)."""
    return decided_in(first, last).filter(decided_at__gt=F("decision_due_at"))


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    contacts: Callable[[dt.date, dt.date], ContactQuerySet]


TARGETS: dict[str, Target] = {
    target.key: target
    for target in [
        Target("re_referrals", "Re-referrals within 12 months", re_referrals),
        Target(
            "repeat_contacts",
            "Repeat contacts without a referral (cumulative concern)",
            repeat_contacts_without_referral,
        ),
        Target("outside_clock", "Decisions outside the one-working-day clock", outside_the_clock),
        Target(
            "step_downs_re_referred",
            "Step-downs to early help referred again within 12 months",
            step_downs_re_referred,
        ),
    ]
}
