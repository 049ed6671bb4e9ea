"""A small fixed council for the SSDA903 tests, built through the casework actions.

Collection year 2025 (1 April 2024 to 31 March 2025):
- GL1, Mia (born July 2021): comes into care on 15 April 2024 (C1, U6); full care order in
  October (L); decision to place for adoption in November, placement order in December (L);
  matched in January and placed for adoption in February (P, A6). Reviews at PN0 (under 4).
  Her adoption order in June 2025 is after 31 March: she is still looked after in the return.
- GL2, Jayden (born February 2009): in care since September 2023 (V2, U6, private
  provider); moves to a children's home in June 2024 (P, CREQB); away from placement in July
  and missing in September; looked after for 12 months at 31 March, so in OC2.
- GL3, Ahmad (born May 2008): an unaccompanied asylum-seeking child, in care from 20 May
  2024 (V2, supported accommodation) until 28 February 2025 (E5).
- GL4, Chloe (born June 2007): left care at 16 in November 2023 after 2 years and 9 months;
  her 17th birthday in June 2024 puts her in OC3 (in touch, full-time education, semi-
  independent accommodation).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from frontdoor.accounts.models import Team
from frontdoor.casework import actions as casework
from frontdoor.casework import care_records
from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.outside import actions as outside
from frontdoor.people.actions import update_person
from frontdoor.people.models import Person
from frontdoor.returns.tests.conftest import at, refer

D = dt.date


@dataclass
class Council:
    mia: Person
    jayden: Person
    ahmad: Person
    chloe: Person


def _child(
    worker: Any,
    referred: D,
    given: str,
    family: str,
    born: D,
    sex: str,
    child_id: str,
    ethnicity: str,
) -> CINEpisode:
    subject = SubjectInput(
        role="child",
        given_name=given,
        family_name=family,
        date_of_birth=born,
        sex=sex,
        postcode="BS23 1UJ",
    )
    episode = refer(worker, referred, subject, "3A")
    update_person(episode.person, worker, la_child_id=child_id, ethnicity=ethnicity)
    casework.allocate_episode(
        episode, team=Team.objects.get(name="Front Door"), worker=worker, user=worker
    )
    casework.record_primary_need(episode, need="N1", user=worker)
    return episode


def _mia(worker: Any) -> Person:
    episode = _child(worker, D(2024, 4, 8), "Mia", "Taylor", D(2021, 7, 2), "F", "GL1", "WBRI")
    care = casework.start_looked_after_episode(
        episode,
        start_date=D(2024, 4, 15),
        legal_status="C1",
        placement_type="U6",
        placement_provider="PR1",
        placement_postcode="BS22 7XY",
        home_postcode="BS23 1UJ",
        user=worker,
    )
    care_records.record_previous_permanence(care, kind="Z1", user=worker)
    care_records.record_health_check(care, kind="health", done_on=D(2024, 5, 1), user=worker)
    care_records.record_care_review(care, held_on=D(2024, 5, 8), participation="PN0", user=worker)
    care_records.record_health_check(care, kind="dental", done_on=D(2024, 7, 10), user=worker)
    care_records.record_care_review(care, held_on=D(2024, 8, 5), participation="PN0", user=worker)
    care = casework.change_looked_after_episode(
        care, on=D(2024, 10, 14), legal_status="C2", user=worker
    )
    care_records.record_adoption_decision(care, decided_on=D(2024, 11, 4), user=worker)
    care = casework.change_looked_after_episode(
        care, on=D(2024, 12, 2), legal_status="E1", user=worker
    )
    care_records.record_adoption_match(
        care,
        matched_on=D(2025, 1, 13),
        is_adopted_by_foster_carers=False,
        number_of_adopters=2,
        adopters_sex="MF",
        adopters_legal_status="L11",
        user=worker,
    )
    care_records.record_care_review(care, held_on=D(2025, 1, 27), participation="PN0", user=worker)
    care = casework.change_looked_after_episode(
        care,
        on=D(2025, 2, 3),
        placement_type="A6",
        placement_provider="PR1",
        placement_postcode="BS48 1QT",
        reason_place_change="CARPL",
        user=worker,
    )
    # After 31 March 2025: not in the 2025 return.
    casework.end_looked_after_episode(care, end_date=D(2025, 6, 16), reason="E11", user=worker)
    return episode.person


def _jayden(worker: Any) -> Person:
    episode = _child(worker, D(2023, 8, 21), "Jayden", "Smith", D(2009, 2, 20), "M", "GL2", "BCRB")
    care = casework.start_looked_after_episode(
        episode,
        start_date=D(2023, 9, 1),
        legal_status="V2",
        placement_type="U6",
        placement_provider="PR4",
        placement_postcode="BS21 6RT",
        home_postcode="BS23 1UJ",
        user=worker,
    )
    care_records.record_previous_permanence(care, kind="Z1", user=worker)
    care_records.record_care_review(care, held_on=D(2024, 5, 20), participation="PN1", user=worker)
    care = casework.change_looked_after_episode(
        care,
        on=D(2024, 6, 10),
        placement_type="K2",
        placement_postcode="BS24 9AB",
        reason_place_change="CREQB",
        user=worker,
    )
    away = outside.report_missing_episode(
        episode.person,
        kind="away",
        missing_from="placement",
        missing_since=at(D(2024, 7, 1), 21),
        at=at(D(2024, 7, 1), 21),
        actor_label="test",
    )
    outside.record_return(
        away, returned_at=at(D(2024, 7, 2), 9), at=at(D(2024, 7, 2), 9), actor_label="test"
    )
    missing = outside.report_missing_episode(
        episode.person,
        kind="missing",
        missing_from="placement",
        missing_since=at(D(2024, 9, 5), 22),
        at=at(D(2024, 9, 5), 22),
        actor_label="test",
    )
    outside.record_return(
        missing, returned_at=at(D(2024, 9, 6), 8), at=at(D(2024, 9, 6), 8), actor_label="test"
    )
    care_records.record_health_check(care, kind="health", done_on=D(2024, 10, 1), user=worker)
    care_records.record_care_review(care, held_on=D(2024, 11, 18), participation="PN6", user=worker)
    care_records.record_care_outcomes(
        care,
        year_ending=D(2025, 3, 31),
        is_immunisations_up_to_date=True,
        has_substance_misuse=True,
        intervention_offered=True,
        intervention_received=False,
        sdq_score=17,
        user=worker,
    )
    return episode.person


def _ahmad(worker: Any) -> Person:
    episode = _child(worker, D(2024, 5, 17), "Ahmad", "Rahimi", D(2008, 5, 1), "M", "GL3", "OOTH")
    care = casework.start_looked_after_episode(
        episode,
        start_date=D(2024, 5, 20),
        legal_status="V2",
        placement_type="H5",
        placement_provider="PR5",
        placement_postcode="BS23 4LM",
        user=worker,
    )
    care_records.record_uasc_status(care, ceased_on=D(2026, 5, 1), user=worker)
    care_records.record_previous_permanence(care, kind="Z1", user=worker)
    care_records.record_care_review(care, held_on=D(2024, 6, 12), participation="PN1", user=worker)
    casework.end_looked_after_episode(care, end_date=D(2025, 2, 28), reason="E5", user=worker)
    return episode.person


def _chloe(worker: Any) -> Person:
    episode = _child(worker, D(2021, 2, 15), "Chloe", "Evans", D(2007, 6, 10), "F", "GL4", "WBRI")
    care = casework.start_looked_after_episode(
        episode,
        start_date=D(2021, 3, 1),
        legal_status="C2",
        placement_type="U4",
        placement_provider="PR1",
        placement_postcode="BS22 7XY",
        user=worker,
    )
    casework.end_looked_after_episode(care, end_date=D(2023, 11, 30), reason="E5", user=worker)
    care_records.record_care_leaver_contact(
        care,
        birthday=D(2024, 6, 10),
        in_touch="YES",
        activity="F2",
        accommodation="D1",
        user=worker,
    )
    return episode.person


def build_council(worker: Any) -> Council:
    return Council(_mia(worker), _jayden(worker), _ahmad(worker), _chloe(worker))
