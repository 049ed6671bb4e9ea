"""The plan: every contact, referral and closure of the period, drawn before anything is stored.

The planner (synth/planner.py) draws it; the executor (synth/execute.py) stores it through
the actions, one month at a time.
"""

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from django.utils import timezone

from frontdoor.synth.pathway import Pathway
from frontdoor.synth.population import Family, SynthPerson
from frontdoor.synth.profile import Profile
from frontdoor.synth.timing import Timeline

REFERRAL, PASSED, OTHER = "referral", "passed", "other"
T = TypeVar("T")


@dataclass(eq=False)
class Episode:
    """Children referred together by one contact: one CIN episode each."""

    contact: "PlannedContact"
    children: list[SynthPerson]
    referral_date: dt.date
    path: str
    closure_date: dt.date | None
    reason: str
    re_referral: bool
    episode_ids: list[tuple[int, int]] = field(default_factory=list)  # (episode, person)
    pathway: "Pathway" = field(default_factory=lambda: Pathway())
    drawn_closure: dt.date | None = None  # the closure first drawn (nfa referrals keep it)
    history: bool = False  # referred before the period, to give it its past
    unaccompanied: bool = False  # an unaccompanied asylum-seeking child (synth/unaccompanied.py)

    @property
    def family(self) -> Family:
        return self.contact.family

    def open_on(self, day: dt.date) -> bool:
        return self.referral_date <= day and (self.closure_date is None or self.closure_date >= day)


@dataclass(eq=False)
class PlannedContact:
    received_at: dt.datetime
    family: Family
    children: list[SynthPerson]
    kind: str
    timeline: Timeline
    returned: bool = False
    immediate_danger: bool = False
    outcome: str = ""
    domestic_abuse: bool = False
    source: str = ""
    episode: Episode | None = None

    @property
    def day(self) -> dt.date:
        return timezone.localdate(self.received_at)


@dataclass
class Block:
    """One year of the period with its targets (contacts are counted per child)."""

    first: dt.date
    last: dt.date
    contacts: int
    referrals: int
    re_referrals: int
    domestic_abuse: int
    consultations: int

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass
class Segment:
    """Part of a block within one calendar month, and the contacts it still needs."""

    first: dt.date
    last: dt.date
    left: int


@dataclass
class Plan:
    first: dt.date
    last: dt.date
    as_of: dt.datetime
    profile: Profile
    blocks: list[Block]
    families: list[Family]
    contacts: list[PlannedContact]
    episodes: list[Episode]
    consultations: list[dt.datetime]


def draw(rng: random.Random, weights: Mapping[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]
