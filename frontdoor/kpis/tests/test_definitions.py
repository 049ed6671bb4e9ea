import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.casework.models import CINEpisode
from frontdoor.contacts import actions
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.contacts.models import Contact, ContactSubject
from frontdoor.kpis import intake as kpi
from frontdoor.kpis.actions import record_population_estimate
from frontdoor.kpis.periods import Period
from frontdoor.people.actions import create_person
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2022, 4, 1), dt.date(2023, 3, 31))


def child(name: str = "Amelia"):
    return create_person(
        None, kind="child", given_name=name, family_name="Okafor", date_of_birth=dt.date(2015, 1, 1)
    )


def refer(person, day: dt.date) -> CINEpisode:
    """A closed episode (so the next one can open) referred on `day`."""
    return CINEpisode.objects.create(
        person=person,
        referral_date=day,
        referral_source="6",
        closure_date=day + dt.timedelta(days=30),
    )


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_three_referrals_200_days_apart_are_two_re_referrals():
    amelia = child()
    first = dt.date(2021, 6, 1)
    for offset in (0, 200, 400):
        refer(amelia, first + dt.timedelta(days=offset))
    everything = Period(dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    assert kpi.referrals(everything) == 3
    assert kpi.re_referrals(everything) == 2
    assert kpi.re_referral_rate(everything) == 66.7


def test_a_previous_referral_before_the_period_still_makes_a_re_referral():
    amelia = child()
    refer(amelia, dt.date(2022, 3, 1))
    refer(amelia, dt.date(2022, 9, 1))
    assert kpi.referrals(YEAR) == 1
    assert kpi.re_referrals(YEAR) == 1
    assert kpi.re_referral_rate(YEAR) == 100.0


def test_twelve_months_to_the_day_is_within_12_months_but_a_day_more_is_not():
    amelia, ben = child("Amelia"), child("Ben")
    refer(amelia, dt.date(2021, 10, 1))
    refer(amelia, dt.date(2022, 10, 1))
    refer(ben, dt.date(2021, 9, 30))
    refer(ben, dt.date(2022, 10, 1))
    assert kpi.re_referrals(YEAR) == 1


def test_referrals_of_different_children_are_not_re_referrals():
    refer(child("Amelia"), dt.date(2022, 5, 1))
    refer(child("Ben"), dt.date(2022, 6, 1))
    assert kpi.re_referrals(YEAR) == 0
    assert kpi.re_referral_rate(YEAR) == 0.0


def test_rates_are_none_when_there_is_nothing_to_divide_by():
    assert kpi.re_referral_rate(YEAR) is None
    assert kpi.contact_to_referral_rate(YEAR) is None
    assert kpi.decisions_within_one_working_day_rate(YEAR) is None


def test_contacts_are_counted_per_child_and_children_once_each():
    amelia, ben = child("Amelia"), child("Ben")
    two = make_contact(received_at=at(dt.date(2022, 5, 3)))
    actions.link_subject(two.child_subjects().get(), amelia, None)
    ben_subject = SubjectInput(
        role="child", given_name="Ben", family_name="Okafor", person_id=ben.pk
    )
    actions.add_subject(two, ben_subject, None)
    again = make_contact(received_at=at(dt.date(2022, 6, 3)))
    actions.link_subject(again.child_subjects().get(), amelia, None)
    make_contact(received_at=at(dt.date(2022, 7, 4)))  # a child not yet linked
    make_contact(received_at=at(dt.date(2023, 4, 1)))  # after the period
    assert ContactSubject.objects.filter(role="child").count() == 5
    assert kpi.contacts(YEAR) == 4
    assert kpi.contacts_children(YEAR) == 3


def test_domestic_abuse_contacts_are_counted_per_child():
    make_contact(received_at=at(dt.date(2022, 5, 3)), is_domestic_abuse=True)
    make_contact(received_at=at(dt.date(2022, 5, 4)))
    assert kpi.domestic_abuse_contacts(YEAR) == 1


def test_contact_to_referral_rate_and_rate_per_10000_use_the_same_referrals():
    for day in (3, 4, 5, 6):
        make_contact(received_at=at(dt.date(2022, 5, day)))
    refer(child(), dt.date(2022, 5, 6))
    record_population_estimate(None, as_of=dt.date(2022, 6, 30), children=20_000)
    assert kpi.contact_to_referral_rate(YEAR) == 25.0
    assert kpi.referral_rate_per_10000(YEAR) == 0.5


def test_population_falls_back_to_the_setting(settings):
    settings.FRONTDOOR_CHILD_POPULATION = 10_000
    refer(child(), dt.date(2022, 5, 6))
    assert kpi.referral_rate_per_10000(YEAR) == 1.0


def test_decided_within_one_working_day_compares_with_the_due_time():
    on_time = make_contact(received_at=at(dt.date(2022, 5, 3)))  # Tuesday: due Wed 17:00
    late = make_contact(received_at=at(dt.date(2022, 5, 4)))  # Wednesday: due Thu 17:00
    Contact.objects.filter(pk=on_time.pk).update(decided_at=at(dt.date(2022, 5, 4), 16))
    Contact.objects.filter(pk=late.pk).update(decided_at=at(dt.date(2022, 5, 6), 9))
    make_contact(received_at=at(dt.date(2022, 5, 5)))  # not decided: not counted
    assert kpi.decisions(YEAR) == 2
    assert kpi.decisions_within_one_working_day_rate(YEAR) == 50.0


def test_consultations_count_by_local_date_of_receipt(persona):
    worker = persona("social_worker")
    for day in (dt.date(2022, 3, 31), dt.date(2022, 4, 1), dt.date(2023, 3, 31)):
        actions.record_consultation(
            worker, received_at=at(day, 23), professional_name="Pat", summary="s", advice="a"
        )
    assert kpi.consultations(YEAR) == 2


def test_monthly_rows_cover_every_month_of_the_period():
    make_contact(received_at=at(dt.date(2022, 5, 3)))
    refer(child(), dt.date(2022, 5, 6))
    rows = kpi.monthly(YEAR)
    assert len(rows) == 12
    may = rows[1]
    assert (may["month"], may["contacts"], may["referrals"]) == (dt.date(2022, 5, 1), 1, 1)
    assert sum(r["contacts"] for r in rows) == kpi.contacts(YEAR)
