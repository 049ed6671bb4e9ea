"""Store a plan through the same actions the front door uses.

Contacts are received, triaged, decided and authorised in date order with the planned
timestamps (the actions' `at` keyword), so a referral opens its CIN episode exactly as in
live use. After the referral, each episode's pathway is stored through the casework actions
(synth/casework.py) and closed with casework close_cin_episode, in date order.
"""

import datetime as dt
import heapq
import random
from collections.abc import Callable
from itertools import count
from typing import Any

from django.db import transaction

from frontdoor.accounts.models import Agency, User
from frontdoor.casework.actions import close_cin_episode
from frontdoor.casework.models import CINEpisode
from frontdoor.contacts import actions
from frontdoor.contacts.codes import Channel, Consent, ReferralSource
from frontdoor.contacts.inputs import ContactInput, DecisionInput, SubjectInput
from frontdoor.contacts.models import Contact, ContactSubject, LevelOfNeed, Outcome, Rag
from frontdoor.lib.workdays import is_within_working_hours
from frontdoor.synth import texts, unaccompanied
from frontdoor.synth.casework import CaseworkStory
from frontdoor.synth.earlyhelp import EarlyHelpStory
from frontdoor.synth.families import FamilyStore
from frontdoor.synth.mash import MashStory
from frontdoor.synth.meetings import HandoverStory, StrategyStory
from frontdoor.synth.plan import OTHER, PASSED, Episode, Plan, PlannedContact
from frontdoor.synth.population import SynthPerson
from frontdoor.synth.profile import SOURCE_AGENCY
from frontdoor.synth.staff import Staff

Say = Callable[[str], None]


class Executor:
    def __init__(
        self,
        plan: Plan,
        staff: Staff,
        seed: int,
        say: Say | None = None,
        advance: Callable[[int], object] | None = None,
    ) -> None:
        self.plan, self.staff = plan, staff
        self.rng = random.Random(f"{seed}-execute")
        self.say = say or (lambda _: None)
        self.advance = advance or (lambda _: None)  # told how many contacts were stored
        self.levels = {level.rank: level for level in LevelOfNeed.objects.all()}
        self.agencies = {agency.slug: agency.pk for agency in Agency.objects.all()}
        self.store = FamilyStore()
        # Each has its own random stream, so the plan's draws (and calibration) are unchanged.
        self.mash = MashStory(seed)
        self.handover = HandoverStory(seed, staff)
        self.strategy = StrategyStory(seed, staff)
        self.casework = CaseworkStory(seed, staff, plan.as_of)
        self.earlyhelp = EarlyHelpStory(plan, staff.early_help, staff.early_help_managers, seed)
        self._closures: list[tuple[dt.date, int, Episode]] = []
        self._seq = count()

    def run(self) -> None:
        """Everything in one transaction per month: all or nothing, and fast on SQLite."""
        by_month: dict[tuple[int, int], list[PlannedContact]] = {}
        for contact in self.plan.contacts:
            by_month.setdefault((contact.day.year, contact.day.month), []).append(contact)
        for (year, month), contacts in by_month.items():
            with transaction.atomic():
                for planned in contacts:
                    self._close_due(planned.day)
                    self.earlyhelp.run_due(planned.day)
                    self._contact(planned)
            self.say(f"  {year}-{month:02d}: {len(contacts)} contacts")
            self.advance(len(contacts))
        with transaction.atomic():
            self._close_due(self.plan.as_of.date() + dt.timedelta(days=1))
            self.earlyhelp.run_due(self.plan.as_of.date() + dt.timedelta(days=1))
            for when in self.plan.consultations:
                self._consultation(when)
            self._match_open_contacts()

    def _match_open_contacts(self) -> None:
        """The contacts still open at the end are matched against the index, as at intake
        (skipped while seeding: the generator links every child as it goes)."""
        worker = self.staff.social_workers[0]
        unlinked = ContactSubject.objects.filter(
            contact__status__in=Contact.Status.open_statuses(), person__isnull=True
        ).select_related("contact")
        for subject in unlinked:
            actions.match_subject(subject, worker)

    # --- contacts ------------------------------------------------------------------------

    def _contact(self, planned: PlannedContact) -> None:
        rng = self.rng
        officer = rng.choice(self.staff.contact_officers)
        new_children = [c for c in planned.children if c.person_id is None]
        channel, actor, label = self._channel(planned, officer)
        contact = actions.receive_contact(
            self._input(planned),
            channel=channel,
            actor=actor,
            actor_label=label,
            received_at=planned.received_at,
            from_consultation=self._converted(planned),
            match=False,  # the worker links each child straight away (below)
        )
        worker = rng.choice(self.staff.social_workers)
        self.store.ensure(planned.family, planned.children, worker, planned.day)
        if new_children:  # the worker finds or creates each child's record and links it
            unlinked = [s for s in contact.subjects.all() if s.is_child and s.person_id is None]
            for subject, child in zip(unlinked, new_children, strict=True):
                actions.link_subject(subject, self.store.person(child), worker)
        self.handover.received(contact, actor, self.plan.as_of)
        self._decide(contact, planned, worker, rng.choice([officer, worker]))

    def _decide(
        self, contact: Contact, planned: PlannedContact, worker: User, triager: User
    ) -> None:
        as_of, times = self.plan.as_of, planned.timeline
        if times.triaged_at > as_of:
            return
        rag, level = self._triage_values(planned)
        actions.triage_contact(
            contact, triager, rag=rag, level_of_need=self.levels[level], at=times.triaged_at
        )
        self.mash.triaged(contact, planned, worker, rag, min(times.authorised_at, as_of))
        managers = self.rng.sample(self.staff.managers, 2)
        if times.recorded_at > as_of:
            return
        if planned.returned and times.returned_at and times.re_recorded_at:
            first = self._decision_input(self._other_outcome(planned.outcome))
            decision = actions.record_decision(contact, worker, first, at=times.recorded_at)
            if times.returned_at > as_of:
                return
            actions.authorise_decision(
                decision,
                managers[1],
                agree=False,
                at=times.returned_at,
                comment="I do not agree: look again at the history and the child's lived "
                "experience before deciding.",
            )
            contact.refresh_from_db(fields=["status"])
            if times.re_recorded_at > as_of:
                return
            recorded_at = times.re_recorded_at
        else:
            recorded_at = times.recorded_at
        decision = actions.record_decision(
            contact, worker, self._decision_input(planned.outcome), at=recorded_at
        )
        if times.authorised_at > as_of:
            return
        actions.authorise_decision(decision, managers[0], agree=True, at=times.authorised_at)
        if planned.outcome == Outcome.EARLY_HELP:  # the decision opened early help
            self.earlyhelp.decided(contact)
        if planned.episode is not None:
            self._opened(planned.episode, contact)
        self.strategy.decided(contact, planned, as_of)
        if planned.episode is not None:  # the pathway after the referral (synth/pathway.py)
            self.casework.opened(planned.episode)

    def _input(self, planned: PlannedContact) -> ContactInput:
        rng, family = self.rng, planned.family
        subjects = [self._subject(child, planned) for child in planned.children]
        child = planned.children[0].given_name
        if family.adults:
            adult = family.adults[0]
            subjects.append(
                SubjectInput(
                    role="adult",
                    given_name=adult.given_name,
                    family_name=adult.family_name,
                    relationship_to_child=adult.relation.title(),
                )
            )
            worry = texts.worry(
                rng, planned.source, planned.domestic_abuse, child, adult.given_name
            )
        else:  # an unaccompanied child: no adult with them
            worry = unaccompanied.worry(rng, child)
        role, organisation = texts.referrer(planned.source, family.town)
        name = f"{rng.choice(texts.REFERRER_GIVEN)} {rng.choice(texts.REFERRER_FAMILY)}"
        consent, reason = self._consent(planned)
        return ContactInput(
            source=planned.source,
            worry=worry,
            consent=consent,
            consent_reason=reason,
            subjects=subjects,
            referrer_name="" if planned.source == ReferralSource.ANONYMOUS else name,
            referrer_role=role,
            referrer_organisation=organisation,
            referrer_agency_id=self.agencies.get(SOURCE_AGENCY.get(planned.source, "")),
            referrer_phone=f"01632 960{rng.randint(0, 999):03d}",
            immediate_danger=planned.immediate_danger,
            is_domestic_abuse=planned.domestic_abuse,
        )

    def _subject(self, child: SynthPerson, planned: PlannedContact) -> SubjectInput:
        known = child.person_id is not None
        return SubjectInput(
            role="child",
            given_name=child.given_name,
            family_name=child.family_name,
            date_of_birth=child.date_of_birth if known or self.rng.random() < 0.9 else None,
            sex=child.sex,
            nhs_number=child.nhs_number if known or self.rng.random() < 0.3 else "",
            address=planned.family.line1,
            postcode=planned.family.postcode,
            person_id=child.person_id,
        )

    def _consent(self, planned: PlannedContact) -> tuple[str, str]:
        if planned.domestic_abuse or planned.immediate_danger:
            return Consent.NOT_SOUGHT, "Seeking consent could place the child at risk of harm."
        choice = self.rng.choices(
            [Consent.GIVEN, Consent.SOUGHT, Consent.REFUSED, Consent.NOT_SOUGHT],
            weights=[65, 12, 5, 18],
        )[0]
        reason = "Referrer did not ask the family." if choice == Consent.NOT_SOUGHT else ""
        return choice, reason

    def _channel(
        self, planned: PlannedContact, officer: User
    ) -> tuple[str, User | None, str | None]:
        group = texts.SOURCE_GROUP.get(planned.source, "other")
        rng = self.rng
        if group == "police":
            channel = Channel.API if rng.random() < 0.6 else Channel.EMAIL
        elif group == "individual":
            channel = rng.choices(
                [Channel.PHONE, Channel.ONLINE_PUBLIC, Channel.IN_PERSON], weights=[70, 25, 5]
            )[0]
        else:
            channel = rng.choices(
                [Channel.ONLINE_PROFESSIONAL, Channel.PHONE, Channel.EMAIL], weights=[45, 35, 20]
            )[0]
        if channel in (Channel.PHONE, Channel.IN_PERSON) and not is_within_working_hours(
            planned.received_at
        ):
            channel = Channel.OUT_OF_HOURS
        if channel == Channel.API:
            return channel, None, "Avon and Somerset Police (system)"
        if channel in (Channel.ONLINE_PUBLIC, Channel.ONLINE_PROFESSIONAL):
            return channel, None, "online form"
        return channel, officer, None

    def _converted(self, planned: PlannedContact) -> Any:
        """A few professionals' consultations turn into contacts once names are given."""
        if planned.source not in SOURCE_AGENCY or self.rng.random() >= (
            self.plan.profile.from_consultation_share
        ):
            return None
        return self._consultation(planned.received_at - dt.timedelta(minutes=20))

    def _consultation(self, when: dt.datetime) -> Any:
        role, agency, summary = self.rng.choice(texts.CONSULTATIONS)
        return actions.record_consultation(
            self.rng.choice(self.staff.social_workers),
            received_at=when,
            professional_name=f"{self.rng.choice(['Pat', 'Robin', 'Jess', 'Dev'])} Morgan",
            professional_role=role,
            agency_id=self.agencies.get(agency),
            summary=summary,
            advice=texts.CONSULTATION_ADVICE,
        )

    # --- decisions -----------------------------------------------------------------------

    def _triage_values(self, planned: PlannedContact) -> tuple[str, int]:
        rng = self.rng
        if planned.immediate_danger:
            return Rag.RED, 4
        if planned.kind == PASSED:
            return rng.choices([Rag.RED, Rag.AMBER, Rag.GREEN], weights=[15, 60, 25])[0], 3
        if planned.kind != OTHER:
            return (Rag.RED if rng.random() < 0.35 else Rag.AMBER), (4 if rng.random() < 0.7 else 3)
        if planned.outcome == Outcome.EARLY_HELP:
            return (Rag.AMBER if rng.random() < 0.4 else Rag.GREEN), (
                2 if rng.random() < 0.55 else 3
            )
        if planned.outcome == Outcome.NO_FURTHER_ACTION:
            return (Rag.GREEN if rng.random() < 0.8 else Rag.AMBER), (
                1 if rng.random() < 0.7 else 2
            )
        return (Rag.GREEN if rng.random() < 0.85 else Rag.AMBER), (1 if rng.random() < 0.5 else 2)

    def _other_outcome(self, outcome: str) -> str:
        choices = [
            o
            for o in (Outcome.INFORMATION_AND_ADVICE, Outcome.EARLY_HELP, Outcome.NO_FURTHER_ACTION)
            if o != outcome
        ]
        return self.rng.choice(choices)

    def _decision_input(self, outcome: str) -> DecisionInput:
        low, high = texts.SCALING[outcome]
        return DecisionInput(
            outcome=outcome,
            rationale=texts.RATIONALE[outcome],
            worries="The worries described by the referrer and what checks found.",
            working_well="Family engaging; school attendance and health appointments kept.",
            needs_to_happen="As set out in the decision; review if new information comes in.",
            scaling=self.rng.randint(low, high),
            child_views_sought=self.rng.random() < 0.8,
        )

    # --- episodes ------------------------------------------------------------------------

    def _opened(self, episode: Episode, contact: Contact) -> None:
        episode.episode_ids = list(
            CINEpisode.objects.filter(contact=contact).values_list("pk", "person_id")
        )
        if episode.closure_date is not None:
            heapq.heappush(self._closures, (episode.closure_date, next(self._seq), episode))

    def _close_due(self, day: dt.date) -> None:
        """Close the episodes planned to close before `day`, through the casework action."""
        while self._closures and self._closures[0][0] < day:
            closure_date, _, episode = heapq.heappop(self._closures)
            manager = self.staff.managers[0]
            for pk, person_id in episode.episode_ids:
                # Built from the plan rather than re-read: the generator wrote these rows.
                record = CINEpisode(
                    pk=pk,
                    person=self.store.people[person_id],
                    referral_date=episode.referral_date,
                )
                close_cin_episode(
                    record,
                    closure_date=closure_date,
                    reason=episode.reason,
                    user=manager,
                    referral_nfa=episode.path == "nfa",
                    note=texts.STEP_DOWN_NOTE if episode.reason == "RC9" else "",
                )
                if episode.reason == "RC9":  # stepped down: early help opened (hooks)
                    self.earlyhelp.closed(pk)
