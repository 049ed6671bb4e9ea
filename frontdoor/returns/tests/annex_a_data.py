"""A small fixed council for the Annex A tests, built only through the real actions.

Eight children (IDs GOLDA1 ... GOLDH8) whose histories touch every list as at
31 March 2025; golden/make_annex_a_golden.py states the rows they must produce.
"""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from frontdoor.accounts.models import Agency
from frontdoor.casework import actions as casework
from frontdoor.casework.models import CINEpisode, S47Enquiry
from frontdoor.contacts.actions import (
    authorise_decision,
    receive_contact,
    record_decision,
    triage_contact,
)
from frontdoor.contacts.inputs import ContactInput, DecisionInput, SubjectInput
from frontdoor.contacts.models import Contact
from frontdoor.mash.strategy import (
    SOCIAL_CARE,
    AttendanceInput,
    convene_strategy_discussion,
    record_strategy_discussion,
)
from frontdoor.outside import actions as outside
from frontdoor.people.actions import create_person
from frontdoor.people.models import Person
from frontdoor.test import make_persona

D = dt.date
LONDON = ZoneInfo("Europe/London")


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


class Council:
    """The people who do the work, and helpers that take a child down the pathway."""

    def __init__(self) -> None:
        self.worker = make_persona("social_worker")
        self.manager = make_persona("team_manager")

    def child(self, la_child_id: str, **fields: Any) -> Person:
        return create_person(self.worker, la_child_id=la_child_id, **fields)

    def contact(self, person: Person, day: dt.date, source: str) -> Contact:
        data = ContactInput(
            source=source,
            worry="A worry about the child.",
            consent="given",
            subjects=[SubjectInput(role="child", person_id=person.pk)],
        )
        return receive_contact(data, channel="phone", actor_label="test", received_at=at(day, 9))

    def refer(self, person: Person, day: dt.date, source: str, *, allocate: bool = True) -> Any:
        """A contact that day, decided and authorised as a referral: the episode it opened."""
        contact = self.contact(person, day, source)
        triage_contact(contact, self.worker, rag="amber", level_of_need=None, at=at(day, 10))
        decision = record_decision(
            contact,
            self.worker,
            DecisionInput(
                outcome="referral",
                rationale="Threshold for social care met.",
                worries="The worry.",
                working_well="School attendance.",
                needs_to_happen="An assessment.",
                scaling=4,
                child_views_sought=True,
            ),
            at=at(day, 11),
        )
        authorise_decision(decision, self.manager, agree=True, at=at(day, 12))
        episode = CINEpisode.objects.get(person=person, referral_date=day)
        return self.allocate(episode) if allocate else episode

    def allocate(self, episode: CINEpisode) -> CINEpisode:
        return casework.allocate_episode(
            episode, team=self.worker.team, worker=self.worker, user=self.manager
        )

    def s47(self, person: Person, day: dt.date, source: str) -> S47Enquiry:
        """A red contact that day, a strategy discussion, and the s47 enquiry it starts."""
        contact = self.contact(person, day, source)
        triage_contact(contact, self.worker, rag="red", level_of_need=None, at=at(day, 9))
        police, health = Agency.objects.get(slug="police"), Agency.objects.get(slug="health")
        discussion = convene_strategy_discussion(
            contact, self.worker, held_at=at(day, 11), agencies=[police, health], at=at(day, 9)
        )
        record_strategy_discussion(
            discussion,
            self.worker,
            attendance={
                SOCIAL_CARE: AttendanceInput("attended", "Sam Social Worker"),
                "police": AttendanceInput("attended", "DC Patel"),
                "health": AttendanceInput("attended", "Nurse Jones"),
            },
            information_shared="Police: two incidents.",
            outcome="s47",
            rationale="Reasonable cause to suspect significant harm.",
            chair_name="Tess Manager",
            at=at(day, 12),
        )
        enquiry = S47Enquiry.objects.get(strategy_discussion=discussion)
        self.allocate(enquiry.episode)
        return enquiry

    def assess(
        self,
        episode: CINEpisode,
        start: dt.date,
        authorised: dt.date | None,
        outcome: str,
        *,
        seen: dt.date | None = None,
        alone: bool = False,
        factors: tuple[str, ...] = ("21",),
    ) -> Any:
        user = self.worker
        assessment = casework.start_assessment(episode, start_date=start, user=user)
        if seen is not None:
            casework.record_child_seen(assessment, seen_on=seen, is_seen_alone=alone, user=user)
        if authorised is not None:
            casework.authorise_assessment(
                assessment,
                authorised_on=authorised,
                outcome=outcome,
                factors=list(factors),
                user=self.manager,
            )
        return assessment


def build_golden_council() -> Council:
    """The fixed dataset of the golden test (see the module docstring)."""
    council = Council()
    user = council.worker
    worker_actions = casework

    # A: referred and closed after assessment (RC8) last spring; referred again by the
    # police in November; assessed, seen alone, now on a child in need plan.
    a = council.child(
        "GOLDA1", sex="F", ethnicity="WBRI", date_of_birth=D(2015, 6, 10), disabilities=["NONE"]
    )
    first = council.refer(a, D(2024, 5, 10), "2A")
    council.assess(first, D(2024, 5, 13), D(2024, 6, 20), "nfa", seen=D(2024, 5, 15))
    worker_actions.close_cin_episode(first, closure_date=D(2024, 6, 21), reason="RC8", user=user)
    second = council.refer(a, D(2024, 11, 4), "6")
    council.assess(
        second,
        D(2024, 11, 5),
        D(2024, 12, 16),
        "cin_plan",
        seen=D(2024, 11, 6),
        alone=True,
        factors=("3B", "4B"),
    )
    worker_actions.start_cin_plan(second, start_date=D(2024, 12, 17), user=user)

    # B: A&E contact, strategy discussion, s47, ICPC, CP plan (neglect, later multiple)
    # with a review and two visits by 31 March, and one visit after it.
    b = council.child(
        "GOLDB2", sex="M", ethnicity="BCRB", date_of_birth=D(2012, 2, 29), disabilities=["AUT"]
    )
    enquiry = council.s47(b, D(2024, 10, 7), "3E")
    worker_actions.record_s47_outcome(
        enquiry,
        completed_on=D(2024, 10, 18),
        is_substantiated=True,
        is_icpc_required=True,
        user=user,
    )
    worker_actions.record_initial_conference(
        enquiry, held_on=D(2024, 10, 25), is_plan_required=True, user=user
    )
    plan = worker_actions.start_cp_plan(
        enquiry.episode, start_date=D(2024, 10, 25), category="NEG", user=user
    )
    worker_actions.record_statutory_visit(
        plan, visited_on=D(2024, 11, 8), is_seen_alone=False, user=user
    )
    worker_actions.record_cp_review(plan, held_on=D(2025, 1, 24), category="MUL", user=user)
    worker_actions.record_statutory_visit(
        plan, visited_on=D(2025, 3, 14), is_seen_alone=True, user=user
    )
    worker_actions.record_statutory_visit(
        plan, visited_on=D(2025, 4, 4), is_seen_alone=False, user=user
    )

    # C: came into care in May 2024 (s20), then an interim care order, then a move to a
    # children's home; missing twice and absent once since.
    c = council.child("GOLDC3", sex="F", date_of_birth=D(2009, 9, 30))
    episode_c = council.refer(c, D(2024, 4, 15), "1A")
    council.assess(episode_c, D(2024, 4, 16), D(2024, 5, 20), "looked_after", seen=D(2024, 4, 17))
    care = worker_actions.start_looked_after_episode(
        episode_c,
        start_date=D(2024, 5, 21),
        legal_status="V2",
        placement_type="U6",
        placement_postcode="BS23 1AA",
        category_of_need="N4",
        user=user,
    )
    care = worker_actions.change_looked_after_episode(
        care, on=D(2024, 8, 1), legal_status="C1", user=user
    )
    # Missing from placement (risk outside the home's missing episodes): an interview
    # offered and declined; then away from placement without authorisation.
    roth = make_persona("roth_worker")
    missing = outside.report_missing_episode(
        c, kind="missing", missing_from="placement", missing_since=at(D(2024, 9, 10)), user=user
    )
    missing = outside.record_return(missing, returned_at=at(D(2024, 9, 11)), user=user)
    outside.record_return_interview(
        missing,
        outside.InterviewInput(
            offered_at=at(D(2024, 9, 11), 15), outcome="declined", interviewer=roth
        ),
        user=roth,
    )
    outside.report_missing_episode(
        c, kind="away", missing_from="placement", missing_since=at(D(2024, 10, 15)), user=user
    )
    care = worker_actions.change_looked_after_episode(
        care, on=D(2024, 12, 2), placement_type="K2", placement_postcode="BS1 2BB", user=user
    )
    missing = outside.report_missing_episode(
        c, kind="missing", missing_from="placement", missing_since=at(D(2025, 2, 3)), user=user
    )
    missing = outside.record_return(missing, returned_at=at(D(2025, 2, 4)), user=user)
    outside.record_interview_offer(missing, offered_at=at(D(2025, 2, 4), 15), user=roth)

    # D: in care July to November 2024, home on a CIN plan, episode closed (RC7); referred
    # again in March 2025 and back in care: a second period within 12 months.
    d = council.child(
        "GOLDD4", sex="M", ethnicity="APKN", date_of_birth=D(2018, 1, 5), disabilities=["NONE"]
    )
    episode_d = council.refer(d, D(2024, 6, 3), "5A")
    council.assess(episode_d, D(2024, 6, 4), D(2024, 7, 1), "looked_after", seen=D(2024, 6, 5))
    care_d = worker_actions.start_looked_after_episode(
        episode_d,
        start_date=D(2024, 7, 2),
        legal_status="V2",
        placement_type="U4",
        placement_postcode="BS22 3CC",
        category_of_need="N1",
        user=user,
    )
    worker_actions.end_looked_after_episode(
        care_d, end_date=D(2024, 11, 15), reason="E4A", user=user
    )
    cin_plan = worker_actions.start_cin_plan(episode_d, start_date=D(2024, 11, 18), user=user)
    worker_actions.end_cin_plan(cin_plan, end_date=D(2025, 2, 28), user=user)
    worker_actions.close_cin_episode(episode_d, closure_date=D(2025, 3, 3), reason="RC7", user=user)
    again = council.refer(d, D(2025, 3, 10), "1C")
    worker_actions.start_looked_after_episode(
        again,
        start_date=D(2025, 3, 12),
        legal_status="V2",
        placement_type="U6",
        placement_postcode="BS22 3CC",
        category_of_need="N1",
        user=user,
    )

    # E: an unborn baby; a health visitor's contact, not (yet) a referral.
    e = council.child("GOLDE5", kind="unborn", expected_date_of_birth=D(2025, 5, 20))
    council.contact(e, D(2025, 2, 10), "3B")

    # F: an anonymous referral closed with no further action; never allocated.
    f = council.child(
        "GOLDF6", sex="F", ethnicity="MWBA", date_of_birth=D(2020, 12, 1), disabilities=["NONE"]
    )
    episode_f = council.refer(f, D(2025, 1, 13), "9", allocate=False)
    worker_actions.close_cin_episode(
        episode_f, closure_date=D(2025, 1, 20), reason="RC8", referral_nfa=True, user=user
    )

    # G: referred a week before 31 March; the assessment is open then (the child is seen and
    # it is authorised in April). A further contact on 1 April is after the lists end.
    g = council.child("GOLDG7", sex="M", ethnicity="WIRI", date_of_birth=D(2010, 3, 31))
    episode_g = council.refer(g, D(2025, 3, 24), "2B")
    council.assess(episode_g, D(2025, 3, 25), D(2025, 4, 10), "early_help", seen=D(2025, 4, 2))
    council.contact(g, D(2025, 4, 1), "2A")

    # H: police contact, strategy discussion, s47 not substantiated, no ICPC needed; closed.
    h = council.child(
        "GOLDH8",
        sex="F",
        ethnicity="WOTH",
        date_of_birth=D(2016, 8, 8),
        disabilities=["LD", "COMM"],
    )
    enquiry_h = council.s47(h, D(2024, 12, 2), "6")
    worker_actions.record_s47_outcome(
        enquiry_h,
        completed_on=D(2024, 12, 10),
        is_substantiated=False,
        is_icpc_required=False,
        user=user,
    )
    worker_actions.close_cin_episode(
        enquiry_h.episode, closure_date=D(2024, 12, 20), reason="RC7", user=user
    )
    return council
