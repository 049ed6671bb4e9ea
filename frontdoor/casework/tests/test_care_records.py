"""What SSDA903 needs about a looked-after child: each action writes one record with its
audit row and chronology event, and refuses what the return could not use (nothing written)."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    change_looked_after_episode,
    end_looked_after_episode,
    start_looked_after_episode,
)
from frontdoor.casework.care_records import (
    cease_adoption_plan,
    record_adoption_decision,
    record_adoption_match,
    record_care_leaver_contact,
    record_care_outcomes,
    record_care_review,
    record_health_check,
    record_previous_permanence,
    record_uasc_status,
)
from frontdoor.casework.caseload import episode_clocks
from frontdoor.casework.clocks import care_review_due
from frontdoor.casework.models import (
    AdoptionPlan,
    CareLeaverContact,
    CareOutcomes,
    CareReview,
    PreviousPermanence,
)
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind
from frontdoor.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def care(make_episode, worker):
    episode = make_episode(D(2024, 4, 1))
    Person.objects.filter(pk=episode.person_id).update(date_of_birth=D(2007, 6, 10))
    return start_looked_after_episode(
        episode,
        start_date=D(2024, 4, 8),
        legal_status="C1",
        placement_type="U6",
        placement_provider="PR1",
        user=worker,
    )


def test_a_review_is_recorded_with_its_audit_and_chronology(care, worker):
    review = record_care_review(care, held_on=D(2024, 5, 1), participation="PN1", user=worker)
    assert wrote_audit_and_chronology(review, Kind.PLAN, "Looked-after review held (PN1)")


def test_a_review_outside_care_or_without_a_code_is_refused(care, worker):
    error = refused(
        record_care_review, care, held_on=D(2024, 4, 1), participation="PN1", user=worker
    )
    assert "they were not on 1 April 2024" in error.message and error.field == "held_on"
    error = refused(
        record_care_review, care, held_on=D(2024, 5, 1), participation="PN9", user=worker
    )
    assert error.field == "participation"
    assert not CareReview.objects.exists()


def test_the_review_clock_runs_20_working_days_then_3_months_then_6(care, worker):
    assert care_review_due(D(2024, 4, 8), []) == D(2024, 5, 7)  # bank holiday 6 May
    assert care_review_due(D(2024, 4, 8), [D(2024, 5, 1)]) == D(2024, 8, 1)
    assert care_review_due(D(2024, 4, 8), [D(2024, 5, 1), D(2024, 7, 30)]) == D(2025, 1, 30)
    clocks = {c.what: c.due for c in episode_clocks(care.episode)}
    assert clocks["First looked-after review (20 working days)"] == D(2024, 5, 7)
    record_care_review(care, held_on=D(2024, 5, 1), participation="PN1", user=worker)
    clocks = {c.what: c.due for c in episode_clocks(care.episode)}
    assert clocks["Second looked-after review (3 months)"] == D(2024, 8, 1)


def test_health_checks_are_while_looked_after(care, worker):
    check = record_health_check(care, kind="dental", done_on=D(2024, 6, 1), user=worker)
    assert wrote_audit_and_chronology(check, Kind.RECORD, "Dental check done")
    assert refused(record_health_check, care, kind="eyes", done_on=D(2024, 6, 1), user=worker)


def test_outcomes_need_a_score_or_a_reason_and_are_replaced_when_recorded_again(care, worker):
    year = D(2025, 3, 31)
    args = {"year_ending": year, "is_immunisations_up_to_date": True, "user": worker}
    assert refused(record_care_outcomes, care, **args).field == "sdq_score"
    assert refused(record_care_outcomes, care, sdq_score=5, sdq_reason="SDQ4", **args)
    assert refused(record_care_outcomes, care, sdq_score=41, **args).field == "sdq_score"
    assert refused(record_care_outcomes, care, sdq_score=5, has_substance_misuse=True, **args)
    bad_day = {**args, "year_ending": D(2025, 3, 30)}
    assert refused(record_care_outcomes, care, sdq_score=5, **bad_day).field == "year_ending"
    record_care_outcomes(care, sdq_score=5, **args)
    record_care_outcomes(care, sdq_reason="SDQ2", **args)
    assert list(CareOutcomes.objects.values_list("sdq_score", "sdq_reason")) == [(None, "SDQ2")]


def test_adoption_decision_match_and_reversal(care, worker):
    record_adoption_decision(care, decided_on=D(2024, 6, 3), user=worker)
    assert (
        "already has a plan"
        in refused(record_adoption_decision, care, decided_on=D(2024, 6, 4), user=worker).message
    )
    match = {
        "is_adopted_by_foster_carers": False,
        "number_of_adopters": 1,
        "adopters_sex": "MF",
        "adopters_legal_status": "L0",
        "user": worker,
    }
    assert refused(record_adoption_match, care, matched_on=D(2024, 9, 2), **match).field == (
        "adopters_sex"
    )
    match["adopters_sex"] = "F1"
    assert refused(record_adoption_match, care, matched_on=D(2024, 6, 1), **match).field == (
        "matched_on"
    )
    plan = record_adoption_match(care, matched_on=D(2024, 9, 2), **match)
    assert (plan.matched_on, plan.adopters_sex) == (D(2024, 9, 2), "F1")
    cease_adoption_plan(care, ceased_on=D(2024, 10, 1), reason="RD1", user=worker)
    assert AdoptionPlan.objects.get().ceased_reason == "RD1"
    assert (
        "no plan"
        in refused(
            cease_adoption_plan, care, ceased_on=D(2024, 10, 2), reason="RD1", user=worker
        ).message
    )


def test_previous_permanence_is_kept_on_the_episode_that_started_the_period(care, worker):
    later = change_looked_after_episode(care, on=D(2024, 9, 1), legal_status="C2", user=worker)
    assert refused(
        record_previous_permanence, later, kind="Z1", la_code="802", user=worker
    ).field == ("la_code")
    assert refused(
        record_previous_permanence, later, kind="P2", la_code="80", user=worker
    ).field == ("la_code")
    record_previous_permanence(
        later, kind="P2", la_code="802", order_date=D(2019, 3, 1), user=worker
    )
    assert PreviousPermanence.objects.get().looked_after_episode == care


def test_uasc_status_ceases_after_birth(care, worker):
    assert refused(record_uasc_status, care, ceased_on=D(2000, 1, 1), user=worker)
    status = record_uasc_status(care, ceased_on=D(2025, 6, 10), user=worker)
    assert wrote_audit_and_chronology(status, Kind.RECORD, "Unaccompanied asylum-seeking")


def test_a_care_leaver_is_asked_about_a_17th_to_21st_birthday(care, worker):
    ended = end_looked_after_episode(care, end_date=D(2024, 5, 31), reason="E5", user=worker)
    contact = {"in_touch": "YES", "activity": "F2", "accommodation": "D1", "user": worker}
    assert refused(record_care_leaver_contact, ended, birthday=D(2024, 6, 11), **contact)
    assert (
        "17th to 21st"
        in refused(record_care_leaver_contact, ended, birthday=D(2023, 6, 10), **contact).message
    )
    assert refused(
        record_care_leaver_contact, ended, birthday=D(2024, 6, 10), in_touch="YES", user=worker
    ).field == ("activity")
    record_care_leaver_contact(ended, birthday=D(2024, 6, 10), **contact)
    assert CareLeaverContact.objects.get().accommodation == "D1"
