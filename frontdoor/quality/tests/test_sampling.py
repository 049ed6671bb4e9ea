import datetime as dt

import pytest

from frontdoor.casework.actions import close_cin_episode
from frontdoor.casework.models import CINEpisode
from frontdoor.quality.actions import draw_sample, set_programme
from frontdoor.quality.codes import Method
from frontdoor.quality.sampling import draw
from frontdoor.quality.targets import re_referrals, step_downs_re_referred
from frontdoor.quality.tests.conftest import decided

pytestmark = pytest.mark.django_db
MARCH = dt.date(2023, 3, 1)


@pytest.fixture
def month(worker, manager):
    """Twelve contacts decided in March 2023 by the social worker and the team manager."""
    return [decided(worker, manager, MARCH + dt.timedelta(days=i)) for i in range(12)]


def programme(manager, auditors, count=4, method=Method.RANDOM, **kw):
    from frontdoor.quality.models import AuditKind

    kind = AuditKind.objects.get(slug="front-door-decision")
    return set_programme(
        manager, month=MARCH, kind=kind, count=count, method=method, auditors=auditors, **kw
    )


def test_the_same_seed_draws_the_same_sample_and_the_seed_is_kept(month, manager, auditor):
    plan = programme(manager, [auditor])
    first = draw_sample(manager, plan, seed=20230301)
    again = draw_sample(manager, plan, seed=20230301)
    other = draw(plan, 7, [auditor.pk])
    picked = [a.contact_id for a in first.audits.order_by("pk")]
    assert picked == [a.contact_id for a in again.audits.order_by("pk")]
    assert first.seed == 20230301 and first.population == 12 and len(picked) == 4
    assert [pk for pk, _ in other.chosen] != picked  # another seed, another sample


def test_no_auditor_is_given_a_decision_they_took_part_in(month, manager, auditor, worker):
    # The social worker recorded every decision and the manager authorised them: only the
    # QA auditor may audit any of them.
    plan = programme(manager, [worker, manager, auditor], count=6)
    sample = draw_sample(manager, plan, seed=1)
    assert sample.audits.count() == 6
    assert set(sample.audits.values_list("auditor", flat=True)) == {auditor.pk}


def test_a_targeted_sample_contains_only_matching_contacts(worker, manager, auditor):
    # Amelia is referred in May 2022 and again in March 2023 (a re-referral); other
    # children's contacts in March are advice only, and one is a first referral.
    first = decided(worker, manager, dt.date(2022, 5, 3), "referral")
    person = first.child_subjects().get().person
    again = decided(worker, manager, MARCH + dt.timedelta(days=2), "referral", person=person)
    decided(worker, manager, MARCH + dt.timedelta(days=3), "referral")
    for i in range(5):
        decided(worker, manager, MARCH + dt.timedelta(days=5 + i))
    assert set(re_referrals(MARCH, dt.date(2023, 3, 31)).values_list("pk", flat=True)) == {again.pk}
    plan = programme(manager, [auditor], count=5, method=Method.TARGETED, target="re_referrals")
    sample = draw_sample(manager, plan, seed=99)
    assert list(sample.audits.values_list("contact", flat=True)) == [again.pk]
    assert sample.population == 1


def test_step_downs_re_referred_are_the_referrals_after_an_rc9_closure(worker, manager, auditor):
    # Amelia's first episode closed RC9 (stepped down to early help) in July 2022; Oliver's
    # closed RC7. Both are referred again in March 2023: only Amelia's is a step-down
    # re-referred.
    people = []
    for reason in ("RC9", "RC7"):
        first = decided(worker, manager, dt.date(2022, 5, 3), "referral")
        person = first.child_subjects().get().person
        episode = CINEpisode.objects.get(person=person)
        note = "Needs can be met with early help."
        close_cin_episode(
            episode, closure_date=dt.date(2022, 7, 1), reason=reason, user=manager, note=note
        )
        people.append(person)
    again = decided(worker, manager, MARCH + dt.timedelta(days=2), "referral", person=people[0])
    decided(worker, manager, MARCH + dt.timedelta(days=3), "referral", person=people[1])
    found = step_downs_re_referred(MARCH, dt.date(2023, 3, 31))
    assert set(found.values_list("pk", flat=True)) == {again.pk}
    plan = programme(
        manager, [auditor], count=3, method=Method.TARGETED, target="step_downs_re_referred"
    )
    sample = draw_sample(manager, plan, seed=11)
    assert list(sample.audits.values_list("contact", flat=True)) == [again.pk]


def test_a_stratified_sample_takes_each_group_in_proportion(worker, manager, auditor):
    for i in range(6):
        decided(worker, manager, MARCH + dt.timedelta(days=i), rag="green")
    for i in range(2):
        decided(worker, manager, MARCH + dt.timedelta(days=10 + i), rag="red")
    plan = programme(manager, [auditor], count=4, method=Method.STRATIFIED, stratum="rag")
    sample = draw_sample(manager, plan, seed=5)
    rags = sorted(sample.audits.values_list("contact__rag", flat=True))
    assert rags == ["green", "green", "green", "red"]
