"""MASH enquiries for the synthetic council: checks, answers, more time, overdue marking.

Called by the executor for each contact once it is triaged, with the contact's planned
times, so every enquiry goes through `frontdoor.mash.actions` (back-dated with `at=`).

What it models (domain.md §5; the safeguarding annual report: checks "typically within a
maximum of 24 hours", police attend remotely; Ofsted: decisions made without information
from teachers and health):

- about 30% of contacts go to the MASH: most referrals and strategy discussions, most amber
  contacts and a few green ones; contacts about open cases go to the allocated worker;
- police, health and (for school-age children) education are asked almost every time,
  other agencies when the worry points to them;
- each agency answers on time with its own probability (police mostly on time, health and
  education slower, education slowest in school holidays), a few ask for more time; an
  on-time answer comes before the decision (the worker waits for it), a late one only if
  the decision is later still: otherwise the decision is made without it, and authorising
  the decision closes the check unanswered (the periodic tick has flagged it overdue).
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from dateutil.easter import easter
from django.test.utils import override_settings
from django.utils import timezone

from frontdoor.accounts.actions import create_staff_user
from frontdoor.accounts.models import Agency, Role, User
from frontdoor.contacts.models import Contact, Outcome, Rag
from frontdoor.lib.workdays import add_working_hours, is_working_day, working_hours
from frontdoor.mash import actions as mash
from frontdoor.mash.clocks import check_due_at
from frontdoor.mash.models import AgencyCheck, CheckAnswer, MashEnquiry
from frontdoor.notifications.actions import send_notifications
from frontdoor.synth.names import NAMES, STAFF_ORIGINS
from frontdoor.synth.plan import PASSED, PlannedContact
from frontdoor.synth.staff import SEEDER

# Chance a contact goes to the MASH, by what the plan says it becomes.
MASH_SHARE = {"referral": 0.85, Rag.RED: 0.9, Rag.AMBER: 0.7, Rag.GREEN: 0.08}
EXTENSION_SHARE = 0.05  # checks whose agency asks for more time
ESCALATION_SHARE = 0.25  # amber enquiries raised to red as partners' information comes in
ESCALATIONS = [
    "Police shared by phone that the adult was arrested for assault last month.",
    "Health told us of an injury to the baby seen at A&E last week.",
    "School said the child disclosed being hit at home this morning.",
]
TICK_EVERY = dt.timedelta(minutes=15)  # how often `frontdoor tick` runs
Event = tuple[dt.datetime, int, Callable[[], object]]  # when, order within a minute, what


@dataclass(frozen=True)
class AgencyHabit:
    """How an agency answers: chance of answering on time (term, school holidays), how
    early within the window (a higher `speed` answers earlier), mean lateness in working
    hours, chance the agency knows the family, its record system and likely risks."""

    on_time: float
    on_time_in_holidays: float
    speed: float
    late_hours: float
    known: float
    system: str
    risks: tuple[str, ...]
    question: str
    found: str


HABITS: dict[str, AgencyHabit] = {
    "police": AgencyHabit(
        0.93, 0.93, 2.5, 2.0, 0.55, "Niche RMS", ("domestic-abuse", "criminal-history"),
        "Any call-outs, incidents or intelligence about the household?",
        "Call-outs to the address recorded; officers attended and no arrests were made.",
    ),
    "health": AgencyHabit(
        0.74, 0.7, 1.4, 6.0, 0.85, "SystmOne", ("mental-health", "substance-misuse"),
        "Registered GP, health visiting or school nursing involvement, and missed appointments?",
        "Registered with the practice; some missed appointments followed up by the health visitor.",
    ),
    "education": AgencyHabit(
        0.7, 0.3, 1.2, 9.0, 0.9, "Arbor MIS", ("previous-concerns", "other"),
        "Attendance, presentation in school, and any safeguarding concerns logged?",
        "Attendance below 90% this term; the designated safeguarding lead has logged concerns.",
    ),
    "domestic-abuse": AgencyHabit(
        0.85, 0.85, 1.8, 4.0, 0.45, "Domestic abuse service records", ("domestic-abuse",),
        "Is the adult known to the service, and is there a current risk assessment (DASH)?",
        "Known to the service; a DASH risk assessment was completed after the last incident.",
    ),
    "probation": AgencyHabit(
        0.8, 0.8, 1.5, 6.0, 0.3, "nDelius", ("criminal-history",),
        "Are any adults in the household known to probation?",
        "One adult is supervised on licence; the offender manager has been told.",
    ),
    "housing": AgencyHabit(
        0.68, 0.68, 1.2, 10.0, 0.5, "Housing register", ("other",),
        "Tenancy, arrears or anti-social behaviour reports for the address?",
        "Housing association tenancy with rent arrears; one anti-social behaviour report.",
    ),
    "youth-justice": AgencyHabit(
        0.85, 0.85, 1.6, 5.0, 0.25, "ChildView", ("criminal-history", "previous-concerns"),
        "Is the young person known to youth justice?",
        "Known for an out-of-court disposal last year; the case is closed.",
    ),
    "camhs": AgencyHabit(
        0.55, 0.55, 1.1, 12.0, 0.35, "RiO", ("mental-health",),
        "Is the child open to CAMHS or on the waiting list?",
        "On the waiting list after a referral from the GP for low mood and self-harm.",
    ),
    "adult-services": AgencyHabit(
        0.65, 0.65, 1.2, 8.0, 0.3, "Mosaic (adults)", ("mental-health", "substance-misuse"),
        "Are any adults in the household known to adult social care or mental health services?",
        "The parent is known to the community mental health team.",
    ),
}  # fmt: skip
# How often each agency is asked, when it applies (see `_agencies`).
ASKED = {
    "police": 0.97,
    "health": 0.95,
    "education": 0.9,
    "domestic-abuse": 0.8,
    "probation": 0.1,
    "housing": 0.1,
    "youth-justice": 0.12,
    "camhs": 0.12,
    "adult-services": 0.08,
}
EXTENSION_REASONS = [
    "The records are held by another team; we have asked them and need a little longer.",
    "Our duty officer is covering two areas today.",
    "The school is closed for the holidays; we are contacting the designated safeguarding lead.",
]


def _between(day: dt.date, first: tuple[int, int], last: tuple[int, int]) -> bool:
    return first <= (day.month, day.day) <= last


def is_school_holiday(day: dt.date) -> bool:
    """England's usual school holidays, roughly (synthetic data, not a term-dates service)."""
    good_friday = easter(day.year) - dt.timedelta(days=2)
    return (
        _between(day, (7, 22), (9, 3))  # summer
        or _between(day, (12, 21), (12, 31))
        or _between(day, (1, 1), (1, 3))  # Christmas
        or _between(day, (2, 13), (2, 19))
        or _between(day, (5, 27), (5, 31))
        or _between(day, (10, 24), (10, 31))  # half terms
        or good_friday - dt.timedelta(days=7) <= day <= good_friday + dt.timedelta(days=9)
    )


def working_hours_between(start: dt.datetime, end: dt.datetime) -> float:
    """Working hours from `start` to `end` (0 if `end` is not after `start`)."""
    opening, close = working_hours()
    zone = timezone.get_default_timezone()
    first, last = timezone.localtime(start), timezone.localtime(end)
    total, day = 0.0, first.date()
    while day <= last.date():
        if is_working_day(day):
            day_open = timezone.make_aware(dt.datetime.combine(day, opening), zone)
            day_close = timezone.make_aware(dt.datetime.combine(day, close), zone)
            span = min(day_close, last) - max(day_open, first)
            total += max(span.total_seconds(), 0) / 3600
        day += dt.timedelta(days=1)
    return total


class MashStory:
    """Opens and plays out the MASH enquiry of each contact the executor triages."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"{seed}-mash")
        self.agencies = {a.slug: a for a in Agency.objects.filter(slug__in=HABITS)}
        self.partners = {
            slug: self._partners(slug, agency) for slug, agency in self.agencies.items()
        }

    def _partners(self, slug: str, agency: Agency) -> list[User]:
        rng = random.Random(f"partners-{slug}")
        people = []
        for n in (1, 2):
            boys, girls, surnames = NAMES[rng.choice(STAFF_ORIGINS)]
            username = f"partner-{slug}-{n:02d}"
            first = rng.choice(girls if rng.random() < 0.7 else boys)
            last = rng.choice(surnames)
            user = User.objects.filter(username=username).first() or create_staff_user(
                None,
                password=None,  # seeded partners never sign in
                actor_label=SEEDER,
                agency=agency,
                username=username,
                role=Role.MASH_PARTNER,
                first_name=first,
                last_name=last,
            )
            people.append(user)
        return people

    # --- which contacts, which agencies ------------------------------------------------------

    def goes_to_mash(self, planned: PlannedContact, rag: str) -> bool:
        if planned.kind == PASSED:  # open cases go to the allocated worker, not the MASH
            return False
        referral = planned.outcome in Outcome.opening_episode()
        return self.rng.random() < MASH_SHARE["referral" if referral else rag]

    def _agencies(self, planned: PlannedContact) -> list[Agency]:
        rng, day = self.rng, planned.day
        ages = [child.age_on(day) for child in planned.children]
        applies = {
            "police": True,
            "health": True,
            "education": any(4 <= age <= 17 for age in ages),
            "domestic-abuse": planned.domestic_abuse,
            "probation": True,
            "housing": True,
            "youth-justice": any(age >= 10 for age in ages),
            "camhs": any(age >= 8 for age in ages),
            "adult-services": True,
        }
        chosen = [
            self.agencies[slug]
            for slug, share in ASKED.items()
            if slug in self.agencies and applies[slug] and rng.random() < share
        ]
        return chosen or [self.agencies["police"]]

    # --- the enquiry -----------------------------------------------------------------------

    def triaged(
        self, contact: Contact, planned: PlannedContact, worker: User, rag: str, until: dt.datetime
    ) -> MashEnquiry | None:
        """Maybe open an enquiry just after triage, and play it out until `until` (when the
        decision is authorised, which closes unanswered checks, or the end of the seeded
        period)."""
        if not self.goes_to_mash(planned, rag):
            return None
        opened_at = planned.timeline.triaged_at + dt.timedelta(minutes=self.rng.randint(2, 25))
        if opened_at >= until:
            return None
        asked = [(agency, HABITS[agency.slug].question) for agency in self._agencies(planned)]
        enquiry = mash.open_mash_enquiry(contact, worker, asked, at=opened_at)
        checks = list(enquiry.checks.select_related("agency").order_by("agency__slug"))
        events: list[Event] = []
        for check in checks:
            events.extend(self._plan_check(check, until, planned.immediate_danger))
        dues = {check.due_at for check in checks}
        escalate_at = add_working_hours(opened_at, self.rng.uniform(0.5, 2.5))
        if rag == Rag.AMBER and self.rng.random() < ESCALATION_SHARE and escalate_at < until:
            # What a partner said by phone raises the worry: red clocks from the request.
            red = {check_due_at(check.requested_at, Rag.RED, check.agency) for check in checks}
            dues |= {due for due in red if due > escalate_at}
            escalate = partial(self._escalate, contact, worker, escalate_at)
            events.append((escalate_at, 0, escalate))
        # The periodic tick flags whatever is still unanswered a little after it was due.
        for due in sorted(dues):
            if due + TICK_EVERY < until:
                events.append((due + TICK_EVERY, 1, partial(self._tick, due + TICK_EVERY)))
        for _, _, happen in sorted(events, key=lambda event: (event[0], event[1])):
            happen()
        return enquiry

    def _plan_check(self, check: AgencyCheck, until: dt.datetime, urgent: bool) -> list[Event]:
        """When this agency asks for more time (sometimes) and answers (if before `until`)."""
        rng, habit = self.rng, HABITS[check.agency.slug]
        holiday = is_school_holiday(timezone.localdate(check.requested_at))
        on_time = rng.random() < (habit.on_time_in_holidays if holiday else habit.on_time)
        window = max(working_hours_between(check.requested_at, check.due_at), 0.25)
        if on_time:  # the worker waits for an answer that is on time
            before = min(window, working_hours_between(check.requested_at, until))
            hours = max(0.05, before * rng.random() ** (habit.speed * (2 if urgent else 1)))
        else:
            hours = window + 0.05 + rng.expovariate(1 / habit.late_hours)
        answer_at = add_working_hours(check.requested_at, hours)
        events: list[Event] = []
        if rng.random() < (EXTENSION_SHARE / 2 if on_time else EXTENSION_SHARE * 4):
            asked_at = add_working_hours(check.requested_at, window * rng.uniform(0.5, 0.9))
            if asked_at < min(answer_at, until):
                events.append((asked_at, 0, partial(self._more_time, check, asked_at)))
        if answer_at < until:
            events.append((answer_at, 2, partial(self._answer, check, answer_at)))
        return events

    def _escalate(self, contact: Contact, worker: User, at: dt.datetime) -> None:
        contact.refresh_from_db(fields=["rag", "level_of_need"])
        mash.recompute_open_clocks(contact, worker, Rag.RED, self.rng.choice(ESCALATIONS), at=at)

    def _more_time(self, check: AgencyCheck, at: dt.datetime) -> None:
        partner = self.rng.choice(self.partners[check.agency.slug])
        mash.request_more_time(check, partner, self.rng.choice(EXTENSION_REASONS), at=at)

    def _tick(self, at: dt.datetime) -> None:
        """Run the tick as it would have run then; its e-mails went (to nobody: synthetic)."""
        if mash.flag_overdue_checks(now=at):
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                send_notifications(now=at + dt.timedelta(minutes=1))

    def _answer(self, check: AgencyCheck, at: dt.datetime) -> CheckAnswer:
        rng, habit = self.rng, HABITS[check.agency.slug]
        partner = rng.choice(self.partners[check.agency.slug])
        known = rng.random() < habit.known
        risks = [risk for risk in habit.risks if known and rng.random() < 0.4]
        by_system = check.agency.slug in ("police", "health") and rng.random() < 0.5
        source_date = timezone.localdate(at) - dt.timedelta(days=rng.randint(0, 700))
        return mash.answer_check(
            check,
            answered_by=None if by_system else partner,
            answered_by_name=partner.get_full_name(),
            known=known,
            what_is_known=habit.found if known else "",
            risk_indicators=risks,
            source_system=habit.system,
            source_date=source_date if known else None,
            via=CheckAnswer.Via.API if by_system else CheckAnswer.Via.PORTAL,
            at=at,
        )
