"""Front-door KPIs (data-and-returns.md §1): each has exactly one implementation, here.

Dashboards, the `frontdoor kpis` command, returns, QA sampling and tests all call these.
A period is inclusive of both dates; a contact belongs to the period of its local date of
receipt. Rates are percentages rounded to one decimal place (DfE publication convention),
or None when the denominator is zero.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.models import Consultation, Contact, ContactSubject
from frontdoor.kpis.models import PopulationEstimate

Number = int | float | None


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def moments(self) -> tuple[dt.datetime, dt.datetime]:
        """Local midnight at the start of the first day and after the last day."""
        zone = timezone.get_default_timezone()
        start = dt.datetime.combine(self.first, dt.time())
        end = dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time())
        return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


def year_before(day: dt.date) -> dt.date:
    """The same date 12 months earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def percent(part: int, whole: int) -> float | None:
    if not whole:
        return None
    value = Decimal(part * 100) / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# --- named QuerySets ---------------------------------------------------------------------


def child_contact_rows(period: Period) -> QuerySet[ContactSubject]:
    """One row per child per contact received in the period (Ofsted Annex A List 1)."""
    return ContactSubject.objects.filter(
        role=ContactSubject.Role.CHILD,
        contact__received_date__gte=period.first,
        contact__received_date__lte=period.last,
    )


def referral_episodes(period: Period) -> QuerySet[CINEpisode]:
    """CIN episodes whose referral date (CINreferralDate) is in the period."""
    return CINEpisode.objects.referred_between(period.first, period.last)


def contacts_decided(period: Period) -> QuerySet[Contact]:
    start, end = period.moments()
    return Contact.objects.filter(decided_at__gte=start, decided_at__lt=end)


def consultations_received(period: Period) -> QuerySet[Consultation]:
    start, end = period.moments()
    return Consultation.objects.filter(received_at__gte=start, received_at__lt=end)


# --- KPIs --------------------------------------------------------------------------------


def contacts(period: Period) -> int:
    """Contacts received in the period, counted per child (Annex A: one row per child)."""
    return child_contact_rows(period).count()


def contacts_children(period: Period) -> int:
    """Distinct children with a contact: linked records once (merged records counted as
    the surviving record), children not yet linked each once."""
    rows = child_contact_rows(period)
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
    return child_contact_rows(period).filter(contact__is_domestic_abuse=True).count()


def referrals(period: Period) -> int:
    """Referrals (DfE): CIN episodes opened with a referral date in the period.

    A contact about a child whose case is already open is passed to the allocated worker
    and opens no episode, so it is not a referral (DfE CIN census guidance).
    """
    return referral_episodes(period).count()


def re_referrals(period: Period) -> int:
    """Referrals in the period within 12 months of a previous referral of the same child.

    DfE: measured referral date to referral date (not from closure). "Within 12 months"
    includes a previous referral on the same date a year before.
    """
    key = Coalesce("person__merged_into_id", "person_id")
    current = list(
        referral_episodes(period).annotate(child=key).values_list("pk", "child", "referral_date")
    )
    history: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    earlier = CINEpisode.objects.annotate(child=key).filter(
        child__in=referral_episodes(period).annotate(child=key).values("child"),
        referral_date__gte=year_before(period.first),
        referral_date__lte=period.last,
    )
    for pk, child, day in earlier.values_list("pk", "child", "referral_date"):
        history[child].append((day, pk))
    return sum(
        any(
            year_before(day) <= other < day or (other == day and other_pk < pk)
            for other, other_pk in history[child]
        )
        for pk, child, day in current
    )


def re_referral_rate(period: Period) -> float | None:
    """Re-referrals ÷ referrals, per cent (England 2023: 22.4%)."""
    return percent(re_referrals(period), referrals(period))


def contact_to_referral_rate(period: Period) -> float | None:
    """Referrals ÷ contacts (per child) in the period, per cent."""
    return percent(referrals(period), contacts(period))


def population(period: Period) -> int:
    """Children aged 0 to 17: the latest recorded estimate, else FRONTDOOR_CHILD_POPULATION."""
    estimate = PopulationEstimate.objects.for_period_ending(period.last)
    return estimate.children if estimate else int(settings.FRONTDOOR_CHILD_POPULATION)


def referral_rate_per_10000(period: Period) -> float | None:
    """Referrals ÷ children aged 0 to 17 x 10,000 (DfE CIN statistics)."""
    children = population(period)
    if not children:
        return None
    value = Decimal(referrals(period) * 10_000) / Decimal(children)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def decisions(period: Period) -> int:
    """Contacts whose decision was authorised (took effect) in the period."""
    return contacts_decided(period).count()


def decisions_within_one_working_day_rate(period: Period) -> float | None:
    """Contacts decided in the period by the end of the next working day after receipt
    (their decision_due_at) ÷ contacts decided in the period, per cent.

    Working Together 2023: the local authority decides within one working day of receipt.
    """
    decided = contacts_decided(period)
    return percent(decided.filter(decided_at__lte=F("decision_due_at")).count(), decided.count())


def consultations(period: Period) -> int:
    """Professionals' "no names" consultations received in the period."""
    return consultations_received(period).count()


def monthly(period: Period) -> list[dict[str, Any]]:
    """Contacts (per child) and referrals in each calendar month of the period."""
    rows: dict[dt.date, dict[str, Any]] = {}
    month = period.first.replace(day=1)
    while month <= period.last:
        rows[month] = {"month": month, "contacts": 0, "referrals": 0}
        month = (month + dt.timedelta(days=32)).replace(day=1)
    counted = [
        ("contacts", child_contact_rows(period), "contact__received_date"),
        ("referrals", referral_episodes(period), "referral_date"),
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


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    measure: Callable[[Period], Number]
    definition: str
    unit: str = ""  # "" (a count), "%" or "per 10,000"


KPIS: list[Kpi] = [
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


def measure_all(period: Period) -> dict[str, Any]:
    """Every KPI for the period, keyed as in KPIS (the JSON of `frontdoor kpis`)."""
    figures: dict[str, Any] = {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "population": population(period),
    }
    figures.update({kpi.key: kpi.measure(period) for kpi in KPIS})
    return figures
