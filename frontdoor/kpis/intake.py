"""Front-door intake KPIs (data-and-returns.md §1): contacts, referrals and re-referrals,
decisions and professionals' consultations.

A contact belongs to the period of its local date of receipt; a decision to the moment it
was authorised. Contacts are counted per child (Ofsted Annex A List 1: one row per child
per contact).
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, F
from django.db.models.functions import Coalesce, TruncMonth

from frontdoor.casework.models import CINEpisode, CINEpisodeQuerySet
from frontdoor.contacts.models import Consultation, Contact, ContactSubject, ContactSubjectQuerySet
from frontdoor.kpis.measures import Kpi
from frontdoor.kpis.periods import Period, per_10000, percent
from frontdoor.lib.dates import add_months, within_months_start


def _child_contacts(period: Period) -> ContactSubjectQuerySet:
    """One row per child per contact received in the period (Ofsted Annex A List 1)."""
    return ContactSubject.objects.children().received_between(period.first, period.last)


def _referrals(period: Period) -> CINEpisodeQuerySet:
    """CIN episodes whose referral date (CINreferralDate) is in the period."""
    return CINEpisode.objects.referred_between(period.first, period.last)


def contacts(period: Period) -> int:
    """Contacts received in the period, counted per child (Annex A: one row per child)."""
    return _child_contacts(period).count()


def contacts_children(period: Period) -> int:
    """Distinct children with a contact: linked records once (merged records counted as
    the surviving record), children not yet linked each once."""
    rows = _child_contacts(period)
    linked = (
        rows.filter(person__isnull=False)
        .annotate(child=Coalesce("person__merged_into_id", "person_id"))
        .values("child")
        .distinct()
        .count()
    )
    return linked + rows.filter(person__isnull=True).count()


def domestic_abuse_contacts(period: Period) -> int:
    """Contacts flagged as about domestic abuse, counted per child as `contacts`."""
    return _child_contacts(period).filter(contact__is_domestic_abuse=True).count()


def referrals(period: Period) -> int:
    """Referrals (DfE): CIN episodes opened with a referral date in the period.

    A contact about a child whose case is already open is passed to the allocated worker
    and opens no episode, so it is not a referral (DfE CIN census guidance).
    """
    return _referrals(period).count()


def re_referral_episodes(period: Period) -> CINEpisodeQuerySet:
    """Referrals in the period within 12 months of a previous referral of the same child.

    DfE: measured referral date to referral date (not from closure). "Within 12 months"
    includes a previous referral on the same date a year before (frontdoor.lib.dates).
    """
    key = Coalesce("person__merged_into_id", "person_id")
    current = list(
        _referrals(period).annotate(child=key).values_list("pk", "child", "referral_date")
    )
    history: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    earlier = CINEpisode.objects.annotate(child=key).filter(
        child__in=_referrals(period).annotate(child=key).values("child"),
        referral_date__gte=within_months_start(period.first, 12),
        referral_date__lte=period.last,
    )
    for pk, child, day in earlier.values_list("pk", "child", "referral_date"):
        history[child].append((day, pk))
    matched = [
        pk
        for pk, child, day in current
        if any(
            within_months_start(day, 12) <= other < day or (other == day and other_pk < pk)
            for other, other_pk in history[child]
        )
    ]
    return CINEpisode.objects.filter(pk__in=matched)


def re_referrals(period: Period) -> int:
    """Referrals in the period within 12 months of a previous referral of the same child
    (the episodes of `re_referral_episodes`)."""
    return re_referral_episodes(period).count()


def re_referral_rate(period: Period) -> float | None:
    """Re-referrals ÷ referrals, per cent (England 2023: 22.4%)."""
    return percent(re_referrals(period), referrals(period))


def contact_to_referral_rate(period: Period) -> float | None:
    """Referrals ÷ contacts (per child) in the period, per cent."""
    return percent(referrals(period), contacts(period))


def referral_rate_per_10000(period: Period) -> float | None:
    """Referrals ÷ children aged 0 to 17 x 10,000 (DfE CIN statistics)."""
    return per_10000(referrals(period), period)


def decisions(period: Period) -> int:
    """Contacts whose decision was authorised (took effect) in the period."""
    return Contact.objects.decided_between(*period.moments()).count()


def decisions_within_one_working_day_rate(period: Period) -> float | None:
    """Contacts decided in the period by the end of the next working day after receipt
    (their decision_due_at) ÷ contacts decided in the period, per cent.

    Working Together 2023: the local authority decides within one working day of receipt.
    """
    decided = Contact.objects.decided_between(*period.moments())
    return percent(decided.filter(decided_at__lte=F("decision_due_at")).count(), decided.count())


def consultations(period: Period) -> int:
    """Professionals' "no names" consultations received in the period."""
    return Consultation.objects.received_between(*period.moments()).count()


def monthly(period: Period) -> list[dict[str, Any]]:
    """Contacts (per child) and referrals in each calendar month of the period."""
    rows: dict[dt.date, dict[str, Any]] = {}
    month = period.first.replace(day=1)
    while month <= period.last:
        rows[month] = {"month": month, "contacts": 0, "referrals": 0}
        month = add_months(month, 1)
    counted: list[tuple[str, Any, str]] = [
        ("contacts", _child_contacts(period), "contact__received_date"),
        ("referrals", _referrals(period), "referral_date"),
    ]
    for name, queryset, field in counted:
        for when, total in (
            queryset.annotate(month=TruncMonth(field))
            .values("month")
            .annotate(total=Count("pk"))
            .values_list("month", "total")
        ):
            rows[_as_date(when).replace(day=1)][name] = total
    return list(rows.values())


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# The intake KPIs, in the order the registry shows them (frontdoor.kpis.registry).
KPIS: list[Kpi] = [
    # --- intake: contacts, referrals, decisions, consultations ---
    Kpi(
        "contacts",
        "Contacts",
        contacts,
        "Contacts received in the period, counted per child (one per child per contact).",
    ),
    Kpi(
        "contacts_children",
        "Children with a contact",
        contacts_children,
        "Distinct children named in those contacts.",
    ),
    Kpi(
        "domestic_abuse_contacts",
        "Domestic abuse contacts",
        domestic_abuse_contacts,
        "Contacts about domestic abuse, counted per child.",
    ),
    Kpi(
        "referrals",
        "Referrals",
        referrals,
        "Child in need episodes opened with a referral date in the period. A contact about a "
        "child whose case is already open is not a referral.",
    ),
    Kpi(
        "re_referrals",
        "Re-referrals",
        re_referrals,
        "Referrals within 12 months of a previous referral of the same child, referral date "
        "to referral date.",
    ),
    Kpi(
        "re_referral_rate",
        "Re-referral rate",
        re_referral_rate,
        "Re-referrals ÷ referrals, as a percentage.",
        "%",
    ),
    Kpi(
        "contact_to_referral_rate",
        "Contacts becoming referrals",
        contact_to_referral_rate,
        "Referrals ÷ contacts (per child), as a percentage.",
        "%",
    ),
    Kpi(
        "referral_rate_per_10000",
        "Referral rate per 10,000 children",
        referral_rate_per_10000,
        "Referrals ÷ children aged 0 to 17 in the area × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "decisions",
        "Contacts decided",
        decisions,
        "Contacts whose decision was authorised in the period.",
    ),
    Kpi(
        "decisions_within_one_working_day_rate",
        "Decided within 1 working day",
        decisions_within_one_working_day_rate,
        "Contacts decided by the end of the next working day after receipt ÷ contacts "
        "decided in the period, as a percentage.",
        "%",
    ),
    Kpi(
        "consultations",
        "Consultations",
        consultations,
        "Professionals' consultations without names, received in the period.",
    ),
]
