"""What the SSDA903 return holds about each child, read once from casework (`collection`)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from frontdoor.lib.dates import birthday


@dataclass(frozen=True)
class Period:
    """Collection year `year`: 1 April year-1 to 31 March year."""

    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 3, 31)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Spell:
    """One episode of care as the return sees it (DEC and REC blank if after 31 March)."""

    pk: int
    start: dt.date
    is_new_period: bool
    legal_status: str
    category_of_need: str
    placement: str
    provider: str
    placement_postcode: str
    home_postcode: str
    end: dt.date | None
    reason_ceased: str
    reason_new: str = ""
    reason_place_change: str = ""  # why the placement of this episode ended (next's move)
    in_return: bool = True  # open at some point in the year (earlier ones are history)


@dataclass(frozen=True)
class Review:
    held_on: dt.date
    participation: str


@dataclass(frozen=True)
class Outcomes:
    immunisations: bool
    convicted: bool
    substance_misuse: bool
    intervention_received: bool | None
    intervention_offered: bool | None
    sdq_score: int | None
    sdq_reason: str


@dataclass(frozen=True)
class Adoption:
    decided_on: dt.date
    matched_on: dt.date | None
    by_foster_carers: bool | None
    number_of_adopters: int | None
    adopters_sex: str
    adopters_legal_status: str
    ceased_on: dt.date | None
    ceased_reason: str


@dataclass(frozen=True)
class Permanence:
    episode_start: dt.date
    kind: str
    la_code: str
    order_date: dt.date | None


@dataclass(frozen=True)
class Missing:
    kind: str  # M missing, A away from placement without authorisation
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class LeaverContact:
    birthday: dt.date
    in_touch: str
    activity: str
    accommodation: str


@dataclass(frozen=True)
class SocialWorker:
    id: str
    start: dt.date


@dataclass
class Child:
    person_id: int
    child_id: str
    sex: str
    date_of_birth: dt.date | None
    ethnicity: str
    upn: str
    upn_unknown: str = ""  # the reason recorded on the person (CIN codes UN1 to UN7)
    spells: list[Spell] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    health_checks: list[dt.date] = field(default_factory=list)
    dental_checks: list[dt.date] = field(default_factory=list)
    outcomes: Outcomes | None = None
    uasc_ceased: dt.date | None = None
    adoptions: list[Adoption] = field(default_factory=list)
    permanence: list[Permanence] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    social_workers: list[SocialWorker] = field(default_factory=list)
    care_leaver_birthday: dt.date | None = None  # their 17th-21st birthday in the year
    leaver_contact: LeaverContact | None = None

    @property
    def episodes(self) -> list[Spell]:
        """The episodes in the return (open some time in the year), oldest first."""
        return [s for s in self.spells if s.in_return]

    def looked_after_on(self, day: dt.date) -> bool:
        return any(s.start <= day and (s.end is None or s.end > day) for s in self.spells)

    def turns(self, age: int) -> dt.date | None:
        """The child's `age`th birthday, if their date of birth is known."""
        born = self.date_of_birth
        return None if born is None else birthday(born, age)

    def is_under(self, age: int, day: dt.date | None) -> bool:
        """Younger than `age` on `day` (False when either date is unknown)."""
        turns = self.turns(age)
        return turns is not None and day is not None and day < turns

    def follow_on(self) -> list[tuple[Spell, Spell]]:
        """Each episode in the return with the one after it."""
        return list(zip(self.episodes, self.episodes[1:], strict=False))

    def runs(self, keep: Callable[[Spell], bool]) -> list[list[Spell]]:
        """Unbroken runs of episodes that `keep`: each starts the day the one before ended."""
        found: list[list[Spell]] = []
        for s in self.episodes:
            if not keep(s):
                continue
            if found and found[-1][-1].end == s.start:
                found[-1].append(s)
            else:
                found.append([s])
        return found

    def age_on(self, day: dt.date) -> int | None:
        born = self.date_of_birth
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass
class Return:
    period: Period
    la_code: str
    children: list[Child]

    def looked_after(self) -> list[Child]:
        """Children with an episode of care in the year (Header, Episodes)."""
        return [c for c in self.children if c.episodes]

    def looked_after_at_end(self) -> int:
        """Children looked after on 31 March (an episode open that day, as the KPI)."""
        return sum(1 for c in self.children if c.looked_after_on(self.period.end))

    def started_in_year(self) -> int:
        """Children who started to be looked after in the year (an episode with RNE S)."""
        return sum(
            1
            for c in self.children
            if any(s.reason_new == "S" and self.period.contains(s.start) for s in c.episodes)
        )
