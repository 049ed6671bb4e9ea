"""How well an alert rule Front Door already has picks out the children later referred
(issue 16, strategy 3.5; domain.md §9: no risk score on any child).

For a chosen past period, a child is **flagged** if the rule fired for them in it; the
outcome is a **referral** (a CIN episode opened, which is also the way onto a plan) within
the follow-up months after the first flag. Precision = flagged children later referred ÷
flagged children; recall = children referred in the period who had been flagged in the
months before their referral ÷ children referred in the period. Each with a 95% Wilson score
interval, and the same by sex, age band, ethnicity and disability.

The repeat-missing trigger (outside.rules: 3 episodes in 90 days by default) is replayed from
the missing episodes. The cumulative-concern rule is replayed from the records, as the
decision screen computes it (contacts.history.child_history): at a contact received on day
d, the child has had the threshold number or more of other contacts, received in the 12
months up to d, that did not progress to a referral, strategy discussion or early help.
"""

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.codes import Outcome
from frontdoor.contacts.models import ContactSubject
from frontdoor.kpis.periods import Period
from frontdoor.lib.dates import add_months, age_on, within_months_start
from frontdoor.outside.models import MissingEpisode
from frontdoor.outside.rules import is_repeat_missing, repeat_missing_trigger
from frontdoor.people.models import Disability, Ethnicity, Person, Sex

FOLLOW_UP_MONTHS = 12
PROGRESSED = {Outcome.REFERRAL, Outcome.STRATEGY_DISCUSSION, Outcome.EARLY_HELP}


@dataclass(frozen=True)
class Proportion:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return round(100 * self.hits / self.total, 1) if self.total else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """95% Wilson score interval, per cent (sensible for small counts and 0 or 100%)."""
        if not self.total:
            return None
        z, n, p = 1.96, self.total, self.hits / self.total
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return round(100 * max(0.0, centre - half), 1), round(100 * min(1.0, centre + half), 1)


@dataclass
class Evaluation:
    rule: str
    period: Period
    children_with_contacts: int = 0
    flagged: int = 0
    referred: int = 0
    precision: Proportion = field(default_factory=lambda: Proportion(0, 0))
    recall: Proportion = field(default_factory=lambda: Proportion(0, 0))
    groups: list[tuple[str, list[tuple[str, Proportion, Proportion]]]] = field(default_factory=list)


def cumulative_concern_flags(period: Period) -> dict[int, dt.date]:
    """Each child the cumulative-concern rule fired for in the period: its first day."""
    threshold = int(settings.FRONTDOOR_CUMULATIVE_CONCERN_THRESHOLD)
    months = int(settings.FRONTDOOR_CUMULATIVE_CONCERN_MONTHS)
    since = within_months_start(period.first, months)
    rows = (
        ContactSubject.objects.children()
        .filter(person__isnull=False, contact__received_date__gte=since)
        .filter(contact__received_date__lte=period.last)
        .values_list("person_id", "contact_id", "contact__received_date", "contact__outcome")
    )
    by_child: dict[int, list[tuple[int, dt.date, str]]] = defaultdict(list)
    for person, contact, day, outcome in rows:
        by_child[person].append((contact, day, outcome))
    flags: dict[int, dt.date] = {}
    for person, contacts in by_child.items():
        for contact, day, _ in sorted(contacts, key=lambda c: c[1]):
            if not period.first <= day <= period.last:
                continue
            start = within_months_start(day, months)
            earlier = sum(
                1
                for other, when, outcome in contacts
                if other != contact
                and start <= when <= day
                and outcome
                and outcome not in PROGRESSED
            )
            if earlier >= threshold:
                flags[person] = day
                break
    return flags


def repeat_missing_flags(period: Period) -> dict[int, dt.date]:
    """Each child the repeat-missing trigger (outside.rules) fired for in the period: the
    first day an episode started that made the trigger's number within its days."""
    _, days = repeat_missing_trigger()
    since = period.first - dt.timedelta(days=days)
    starts: dict[int, list[dt.date]] = defaultdict(list)
    rows = MissingEpisode.objects.filter(started_on__gte=since, started_on__lte=period.last)
    for person, day in rows.values_list("person_id", "started_on"):
        starts[person].append(day)
    flags: dict[int, dt.date] = {}
    for person, found in starts.items():
        for day in sorted(found):
            if period.first <= day <= period.last and is_repeat_missing(found, day):
                flags[person] = day
                break
    return flags


RULES: dict[str, tuple[str, Callable[[Period], dict[int, dt.date]]]] = {
    "cumulative-concern": ("Cumulative concern", cumulative_concern_flags),
    "repeat-missing": ("Repeat missing", repeat_missing_flags),
}


def _referral_days(people: set[int], first: dt.date, last: dt.date) -> dict[int, list[dt.date]]:
    days: dict[int, list[dt.date]] = defaultdict(list)
    episodes = CINEpisode.objects.filter(
        person__in=people, referral_date__gte=first, referral_date__lte=last
    )
    for person, day in episodes.values_list("person_id", "referral_date"):
        days[person].append(day)
    return days


def _age_band(born: dt.date | None, day: dt.date) -> str:
    if born is None:
        return "Age not known"
    age = age_on(born, day)
    for top, band in ((4, "Under 5"), (9, "5 to 9"), (15, "10 to 15")):
        if age <= top:
            return band
    return "16 and over"


AGE_BANDS = ["Under 5", "5 to 9", "10 to 15", "16 and over", "Age not known"]


def _order(name: str) -> tuple[int, str]:
    """Age bands youngest first; every other group by name."""
    return (AGE_BANDS.index(name), "") if name in AGE_BANDS else (0, name)


def _disabled(codes: list[str]) -> str:
    real = [c for c in codes or [] if c != Disability.NONE]
    return "Disabled" if real else "No disability recorded"


def evaluate(period: Period, today: dt.date, rule: str = "cumulative-concern") -> Evaluation:
    """The rule over `period` (which should end a follow-up ago)."""
    name, flagged = RULES[rule]
    flags = flagged(period)
    children = set(
        ContactSubject.objects.children()
        .received_between(period.first, period.last)
        .filter(person__isnull=False)
        .values_list("person_id", flat=True)
    )
    referred_in_period = set(
        CINEpisode.objects.referred_between(period.first, period.last).values_list(
            "person_id", flat=True
        )
    )
    follow_last = min(add_months(period.last, FOLLOW_UP_MONTHS), today)
    later = _referral_days(set(flags), period.first, follow_last)
    hit = {
        person
        for person, day in flags.items()
        if any(day < r <= add_months(day, FOLLOW_UP_MONTHS) for r in later[person])
    }
    first_referral = {
        person: min(days)
        for person, days in _referral_days(referred_in_period, period.first, period.last).items()
    }
    caught = {
        person for person, day in first_referral.items() if person in flags and flags[person] < day
    }
    people = {
        p.pk: p for p in Person.objects.filter(pk__in=children | set(flags) | referred_in_period)
    }
    result = Evaluation(name, period)
    result.children_with_contacts = len(children)
    result.flagged, result.referred = len(flags), len(first_referral)
    result.precision = Proportion(len(hit), len(flags))
    result.recall = Proportion(len(caught), len(first_referral))
    sex = dict(Sex.choices)
    ethnicity = dict(Ethnicity.choices)
    splits: list[tuple[str, Callable[[Person], str]]] = [
        ("Sex", lambda p: str(sex.get(p.sex, p.sex))),
        ("Age band", lambda p: _age_band(p.date_of_birth, period.last)),
        ("Ethnicity", lambda p: str(ethnicity.get(p.ethnicity, p.ethnicity))),
        ("Disability", lambda p: _disabled(p.disabilities)),
    ]
    for title, of in splits:
        groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for person in flags:
            counts = groups[of(people[person])]
            counts[0] += person in hit
            counts[1] += 1
        for person in first_referral:
            counts = groups[of(people[person])]
            counts[2] += person in caught
            counts[3] += 1
        result.groups.append(
            (
                title,
                [
                    (name, Proportion(c[0], c[1]), Proportion(c[2], c[3]))
                    for name, c in sorted(groups.items(), key=lambda item: _order(item[0]))
                ],
            )
        )
    return result


DOES_NOT_SHOW: list[str] = [
    "Whether a child was harmed. A referral is a decision by the front door, which the rule "
    "may itself have prompted, so a high precision can flatter the rule.",
    "Children who needed help and were never referred: they count as the rule's mistakes "
    "here, but may be the children it was right about.",
    "Anything about a single child. No score is given to any child and this page must not be "
    "used to rank children.",
    "Cause. A difference between groups (by sex, age, ethnicity or disability) may come from "
    "who is referred to the front door, not from the rule; small groups have wide intervals.",
    "Children whose records are not linked to the person index, and referrals after the "
    "follow-up window or after today.",
]
