"""Out-of-hours handovers and strategy discussions for the synthetic council.

Both go through their actions (`frontdoor.contacts.handover`, `frontdoor.mash.strategy`),
back-dated with `at=`, and draw from their own random streams so the plan is unchanged.

- Out of hours (emergency duty): each contact taken out of hours leaves one or two handover
  actions; the day team accepts them the next working morning and most are done that day.
- Strategy discussions (Working Together 2023, ch. 4): every contact decided as a strategy
  discussion has one, soon after the decision, with police and health always invited (the
  safeguarding annual report: police attend remotely; about 90% police and 75% health
  attendance here), education often. The outcome follows what the plan says happens to the
  child's episode: a section 47 enquiry for children who go on to plans, no further action
  for referrals closed at once; the record is circulated within a working day, mostly.
"""

import datetime as dt
import random

from django.utils import timezone

from frontdoor.accounts.models import Agency, User
from frontdoor.contacts.handover import (
    HandoverInput,
    accept_handover_item,
    complete_handover_item,
    record_handover_items,
)
from frontdoor.contacts.models import Contact, Outcome
from frontdoor.lib.workdays import add_working_hours, end_of_next_working_day, next_working_day
from frontdoor.mash.models import Attendance, StrategyOutcome
from frontdoor.mash.strategy import (
    SOCIAL_CARE,
    ActionInput,
    AttendanceInput,
    convene_strategy_discussion,
    mark_record_circulated,
    record_strategy_discussion,
)
from frontdoor.synth.plan import Episode, PlannedContact
from frontdoor.synth.staff import Staff
from frontdoor.synth.timing import local

HANDOVERS = [
    ("Visit the family today to see the children.", "Spoke to mother by phone; police attended."),
    ("Check the children arrived at school and speak to the designated lead.", ""),
    ("Complete checks with police and health and decide next steps.", "Advice given by phone."),
    ("Call the referrer back; they asked to be told what happens next.", ""),
    ("Review the safety plan agreed overnight with the grandparents.", "Children stayed with "
     "their grandmother overnight under a safety plan."),
]  # fmt: skip
ATTENDS = {"police": 0.9, "health": 0.75, "education": 0.6}
S47, SINGLE, NFA = (
    StrategyOutcome.SECTION_47,
    StrategyOutcome.SINGLE_ASSESSMENT,
    StrategyOutcome.NO_FURTHER_ACTION,
)
# Outcome of the discussion for each path the plan gives the child's episode.
OUTCOMES = {
    "nfa": {NFA: 1.0},
    # An enquiry means the case did not close "after assessment" alone (DfE rule 2990: no
    # RC8 or RC9 with a section 47), so a step-down to early help follows a single assessment,
    # and an enquiry that finds no further action is needed closes RC7 (`_after_enquiry`).
    "assessment_nfa": {SINGLE: 0.7, S47: 0.3},
    "assessment_early_help": {SINGLE: 1.0},
    "cin_plan": {S47: 0.6, SINGLE: 0.4},
    "child_protection": {S47: 1.0},
    "looked_after": {SINGLE: 0.6, S47: 0.4},
}
RATIONALE = {
    StrategyOutcome.SECTION_47: "Reasonable cause to suspect the children are suffering, or "
    "likely to suffer, significant harm: a section 47 enquiry is needed.",
    StrategyOutcome.SINGLE_ASSESSMENT: "The threshold for a section 47 enquiry is not met; a "
    "single assessment will look at the children's needs.",
    StrategyOutcome.NO_FURTHER_ACTION: "Information shared shows the children are safe; no "
    "further action by children's social care.",
}


def _after_enquiry(episode: Episode, outcome: StrategyOutcome) -> StrategyOutcome:
    """An enquiry on a case that would close after assessment: it closes RC7 (no longer in
    need) instead, unless its assessment finds nothing at all (factor 21), when no enquiry
    was called for and a single assessment is held."""
    way = episode.pathway
    if outcome != S47 or episode.reason not in ("RC8", "RC9"):
        return outcome
    if way.factors == ["21"]:
        return SINGLE
    episode.reason = way.reason = "RC7"
    return outcome


class HandoverStory:
    """Handover actions for out-of-hours contacts, accepted and done by the day team."""

    def __init__(self, seed: int, staff: Staff) -> None:
        self.rng = random.Random(f"{seed}-handover")
        self.staff = staff

    def received(self, contact: Contact, recorded_by: User | None, until: dt.datetime) -> None:
        if contact.channel != "out_of_hours" or recorded_by is None:
            return
        rng = self.rng
        at = contact.received_at + dt.timedelta(minutes=rng.randint(10, 50))
        if at > until:
            return
        chosen = rng.sample(HANDOVERS, 2 if rng.random() < 0.3 else 1)
        items = [HandoverInput(needs_doing=need, done_overnight=done) for need, done in chosen]
        created = record_handover_items(contact, recorded_by, items, at=at)
        morning = next_working_day(timezone.localdate(at))
        for item in created:
            accepted_at = local(morning, 9, rng.randint(0, 50))
            worker = rng.choice(self.staff.social_workers)
            if accepted_at > until or worker.pk == recorded_by.pk:
                continue
            accept_handover_item(item, worker, at=accepted_at)
            done_at = add_working_hours(accepted_at, rng.uniform(0.5, 7))
            if rng.random() < 0.85 and done_at <= until:
                complete_handover_item(item, worker, at=done_at)


class StrategyStory:
    """A strategy discussion for each contact decided as one, recorded and circulated."""

    def __init__(self, seed: int, staff: Staff) -> None:
        self.rng = random.Random(f"{seed}-strategy")
        self.staff = staff
        self.agencies = {a.slug: a for a in Agency.objects.filter(slug__in=ATTENDS)}

    def decided(self, contact: Contact, planned: PlannedContact, until: dt.datetime) -> None:
        if planned.outcome != Outcome.STRATEGY_DISCUSSION or planned.episode is None:
            return
        rng = self.rng
        contact.refresh_from_db(fields=["outcome", "status", "rag"])  # set by the decision
        decided_at = planned.timeline.authorised_at
        convened_at = decided_at + dt.timedelta(minutes=rng.randint(5, 40))
        hours = rng.uniform(0.5, 2) if planned.immediate_danger else rng.uniform(1, 8)
        held_at = add_working_hours(convened_at, hours)
        if held_at > until:
            return
        invited = ["police", "health"] + (["education"] if rng.random() < 0.6 else [])
        convenor = rng.choice(self.staff.social_workers)
        chair = rng.choice(self.staff.managers)
        discussion = convene_strategy_discussion(
            contact,
            convenor,
            held_at=held_at,
            agencies=[self.agencies[slug] for slug in invited],
            chair_name=chair.get_full_name(),
            at=convened_at,
        )
        recorded_at = held_at + dt.timedelta(minutes=rng.randint(30, 180))
        if recorded_at > until:
            return
        attendance = {SOCIAL_CARE: AttendanceInput(Attendance.ATTENDED, convenor.get_full_name())}
        for slug in invited:
            if rng.random() < ATTENDS[slug]:
                attendance[slug] = AttendanceInput(Attendance.ATTENDED, f"{slug.title()} officer")
            else:
                missing = Attendance.APOLOGIES if rng.random() < 0.6 else Attendance.DID_NOT_ATTEND
                attendance[slug] = AttendanceInput(missing)
        outcomes = OUTCOMES[planned.episode.path]
        outcome = rng.choices(list(outcomes), weights=list(outcomes.values()))[0]
        outcome = _after_enquiry(planned.episode, outcome)
        held_on = timezone.localdate(held_at)
        record_strategy_discussion(
            discussion,
            convenor,
            attendance=attendance,
            information_shared="Police shared call-outs to the address; health shared the "
            "children's health history; school shared attendance and concerns.",
            outcome=outcome,
            rationale=RATIONALE[outcome],
            actions=[
                ActionInput("Visit and see the children alone.", held_on, owner=convenor),
                ActionInput(
                    "Share the police intelligence summary.",
                    held_on + dt.timedelta(days=1),
                    owner_name="Police public protection desk",
                ),
            ],
            at=recorded_at,
        )
        late = rng.random() < 0.12
        due = end_of_next_working_day(held_at)
        circulated_at = (
            add_working_hours(due, rng.uniform(1, 12))
            if late
            else min(due, recorded_at + dt.timedelta(hours=rng.uniform(0.5, 20)))
        )
        if circulated_at <= until:
            mark_record_circulated(discussion, convenor, at=max(circulated_at, recorded_at))
