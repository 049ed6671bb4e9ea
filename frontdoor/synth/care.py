"""What happens to a looked-after child beyond the pathway's episodes of care, for the
SSDA903 return: placement moves, statutory reviews (20 working days, 3 months, then every
6 months), health and dental checks, the year's outcomes at each 31 March (OC2), previous
permanence, unaccompanied asylum-seeking status (synth/unaccompanied.py), the steps to the
adoptions the calibration plans (synth/calibrator.py), and care leavers' contacts at their
birthdays (OC3).

Each child draws from their own random stream (seed and episode), so adding this leaves the
rest of the council's plan, and its calibration, as it was. All goes through the casework
actions, back-dated with `at=`; nothing after the plan's end is stored.
"""

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from frontdoor.casework import actions
from frontdoor.casework import care_records as records
from frontdoor.casework.models import CINEpisode, LookedAfterEpisode
from frontdoor.lib.dates import add_months, birthday
from frontdoor.people.models import Residence
from frontdoor.synth.pathway import ADOPTED, CareStage

D = dt.date
At = Callable[[D, int], dt.datetime | None]
# Records before this many days ahead of the plan's end are not kept (a child in care for
# ten years keeps their last three years of reviews and checks): seeding stays quick.
HISTORY_DAYS = 1100
PROVIDERS = {
    "U1": {"PR1": 1.0},
    "U2": {"PR1": 1.0},
    "U3": {"PR1": 1.0},
    "U4": {"PR1": 0.7, "PR4": 0.3},
    "U5": {"PR1": 0.7, "PR4": 0.3},
    "U6": {"PR1": 0.6, "PR4": 0.4},
    "K2": {"PR4": 0.8, "PR1": 0.2},
    "R1": {"PR4": 1.0},
    "H5": {"PR4": 0.7, "PR5": 0.3},
    "P1": {"PR0": 1.0},
    "A6": {"PR1": 1.0},
}
MOVES = {"U6": 45.0, "U4": 20.0, "U3": 15.0, "K2": 12.0, "H5": 8.0}
WHY_MOVED = {
    "CARPL": 40.0,
    "CREQB": 15.0,
    "CREQO": 10.0,
    "LAREQ": 10.0,
    "CHILD": 8.0,
    "STAND": 5.0,
    "ALLEG": 2.0,
    "OTHER": 10.0,
}
TAKING_PART = {"PN1": 55.0, "PN5": 12.0, "PN6": 15.0, "PN3": 6.0, "PN2": 5.0, "PN7": 7.0}
PLACES = ["BS21 6", "BS22 7", "BS23 1", "BS23 4", "BS24 9", "BS48 1", "BS49 5", "BS20 7"]
ACTIVITY = {"F2": 30.0, "F4": 20.0, "P4": 10.0, "F5": 6.0, "F1": 6.0, "G5": 18.0, "G4": 5.0}
ACCOMMODATION = {"Z1": 20.0, "D1": 25.0, "U1": 20.0, "B1": 15.0, "E1": 10.0, "T1": 5.0}
ACCOMMODATION_UNSUITABLE = 0.08
# At 17 a care leaver is not with former foster carers (rule 3001) nor in a foyer (rule 347).
NOT_AT_SEVENTEEN = {"Z1": "D1", "T1": "E1"}
# The adopters' legal status agrees with their sexes (rules 514, 519, 520, 524).
ADOPTERS_STATUS = {
    "MF": {"L11": 75.0, "L2": 25.0},
    "FF": {"L12": 50.0, "L2": 50.0},
    "MM": {"L12": 50.0, "L2": 50.0},
}
ELIGIBLE_DAYS = 91  # 13 weeks in care from the 14th birthday makes a care leaver eligible


def _choose(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _age(born: D | None, day: D) -> int:
    if born is None:
        return 0
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class CareStory:
    """One looked-after child's care, beyond the start, the change and the end."""

    def __init__(
        self,
        seed: int,
        episode: CINEpisode,
        care: CareStage,
        worker: Any,
        at: At,
        last_day: D,
    ) -> None:
        # Keyed by what the child and episode are, not by row ids: ids differ between databases
        # (PostgreSQL does not reuse them), and the same seed must store the same council.
        person = episode.person
        key = "|".join(
            str(v)
            for v in (
                person.given_name,
                person.family_name,
                person.date_of_birth,
                episode.referral_date,
            )
        )
        self.rng = random.Random(f"{seed}-care-{key}")
        self.episode, self.care, self.worker, self.at = episode, care, worker, at
        self.last_day = last_day
        self.born = episode.person.date_of_birth
        # The calibration plans adoptions (synth/calibrator.py): the steps fit the time.
        self.adopted = care.end is not None and care.reason in ADOPTED
        self.adoption: tuple[D, D] | None = None
        homes = [
            " ".join(r.household.postcode.upper().split())
            for r in Residence.objects.filter(person_id=person.pk).select_related("household")
        ]
        # Placed away from home: SSDA903 rule 392d (only a placement with parents shares the
        # home's postcode sector).
        self.places = [p for p in PLACES if not any(h.startswith(p) for h in homes)] or PLACES
        self.start_postcode = ""

    def provider(self, placement: str) -> str:
        return _choose(self.rng, PROVIDERS.get(placement, {"PR1": 1.0}))

    def postcode(self) -> str:
        return self.rng.choice(self.places) + self.rng.choice("ABDEFGHJLNPQRSTUWXYZ") + "A"

    def first_postcode(self) -> str:
        """The first placement's postcode, remembered so that moves go elsewhere."""
        self.start_postcode = self.postcode()
        return self.start_postcode

    def _visible(self, changes: list[tuple[D, dict[str, Any]]]) -> list[tuple[D, dict[str, Any]]]:
        """Each move to another postcode sector than the placement before: the return shows
        postcodes to the sector ("BS23 1"), so a move within one would not be seen (rule 434)."""
        sector = self.start_postcode[:-2]
        for _, change in changes:
            postcode = change.get("placement_postcode")
            if postcode is None:
                continue
            if postcode[:-2] == sector and len(self.places) > 1:
                others = self.places[self.places.index(sector) + 1 :] + self.places
                postcode = next(p for p in others if p != sector) + postcode[-2:]
                change["placement_postcode"] = postcode
            sector = postcode[:-2]
        return changes

    def kept(self, day: D) -> bool:
        return day <= self.last_day and day >= self.last_day - dt.timedelta(days=HISTORY_DAYS)

    # --- changes of legal status and placement ----------------------------------------------

    def changes(self, after: D) -> list[tuple[D, dict[str, Any]]]:
        """Every change of the child's legal status or placement, in date order, from `after`
        (the last missing episode: those stay within the first episode of care)."""
        care, rng = self.care, self.rng
        until = care.end or self.last_day
        found: dict[D, dict[str, Any]] = {}
        if care.change_on is not None:
            found[care.change_on] = {"legal_status": "C2"}
        if self.adopted:
            assert care.end is not None
            length = (care.end - care.start).days
            decided = care.start + dt.timedelta(days=rng.randint(20, max(21, length // 5)))
            order = decided + dt.timedelta(days=rng.randint(10, 30))
            placed = care.end - dt.timedelta(days=rng.randint(42, max(43, length // 3)))
            placed = max(placed, order + dt.timedelta(days=14))
            self.adoption = (decided, placed - dt.timedelta(days=rng.randint(7, 13)))
            found = {d: c for d, c in found.items() if d < order}
            found[order] = {"legal_status": "E1"}
            found[placed] = {
                "placement_type": "A6",
                "placement_provider": "PR1",
                "placement_postcode": self.postcode(),
                "reason_place_change": "CARPL",
            }
            return self._visible(sorted(found.items()))
        years = max(1, (until - care.start).days // 365)
        for _ in range(years):
            for _ in range(rng.choices([0, 1, 2], weights=[65, 25, 10])[0]):
                lo, hi = max(care.start, after) + dt.timedelta(days=20), until - dt.timedelta(5)
                if lo >= hi:
                    break
                day = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
                placement = _choose(rng, MOVES)
                if _age(self.born, day) < 16 and placement == "H5":
                    placement = "U6"
                found.setdefault(
                    day,
                    {
                        "placement_type": placement,
                        "placement_provider": self.provider(placement),
                        "placement_postcode": self.postcode(),
                        "reason_place_change": _choose(rng, WHY_MOVED),
                    },
                )
        return self._visible(sorted(found.items()))

    # --- what is recorded about the child while in care ----------------------------------

    def reviews(self, record: LookedAfterEpisode) -> None:
        care, rng = self.care, self.rng
        until = min(care.end or self.last_day, self.last_day)
        day = care.start + dt.timedelta(days=rng.randint(12, 26))
        gaps = [(70, 88)] + [(150, 178)] * 60
        for low, high in gaps:
            if day > until:
                return
            if self.kept(day) and (at := self.at(day, 14)) is not None:
                young = _age(self.born, day) < 4
                records.record_care_review(
                    record,
                    held_on=day,
                    participation="PN0" if young else _choose(rng, TAKING_PART),
                    user=self.worker,
                    at=at,
                )
            day += dt.timedelta(days=rng.randint(low, high))

    def checks(self, record: LookedAfterEpisode) -> None:
        care, rng = self.care, self.rng
        until = min(care.end or self.last_day, self.last_day)
        for kind, first in (("health", (14, 28)), ("dental", (30, 120))):
            day = care.start + dt.timedelta(days=rng.randint(*first))
            while day <= until:
                if self.kept(day) and rng.random() < 0.93 and (at := self.at(day, 11)):
                    records.record_health_check(
                        record, kind=kind, done_on=day, user=self.worker, at=at
                    )
                day += dt.timedelta(days=rng.randint(300, 364))

    def outcomes(self, record: LookedAfterEpisode) -> None:
        """OC2 at each 31 March the child had been looked after for 12 months."""
        care, rng = self.care, self.rng
        year = care.start.year + 1
        while True:
            march = D(year, 3, 31)
            year += 1
            if march > self.last_day:
                return
            if (care.end is not None and care.end <= march) or add_months(care.start, 12) > march:
                continue
            if not self.kept(march) or (at := self.at(march, 16)) is None:
                continue
            age = _age(self.born, march)
            misuse = age >= 11 and rng.random() < 0.04
            scored = 4 <= age <= 16 and rng.random() < 0.8
            records.record_care_outcomes(
                record,
                year_ending=march,
                is_immunisations_up_to_date=rng.random() < 0.85,
                is_convicted=age >= 10 and rng.random() < 0.03,
                has_substance_misuse=misuse,
                intervention_received=(rng.random() < 0.7) if misuse else None,
                intervention_offered=True if misuse else None,
                sdq_score=max(0, min(40, round(rng.gauss(14, 6)))) if scored else None,
                sdq_reason="" if scored else ("SDQ1" if not 4 <= age <= 16 else "SDQ4"),
                user=self.worker,
                at=at,
            )

    def permanence_and_status(self, record: LookedAfterEpisode, at: dt.datetime) -> None:
        care, rng = self.care, self.rng
        previous: tuple[str, D] | None = None
        if rng.random() < 0.05:
            order = care.start - dt.timedelta(days=rng.randint(400, 2000))
            kind = rng.choice(["P2", "P3"])
            if self.born is None or self.born < order:  # no order before the child was born
                previous = (kind, order)
        if previous is not None:
            records.record_previous_permanence(
                record,
                kind=previous[0],
                la_code="802",
                order_date=previous[1],
                user=self.worker,
                at=at,
            )
        else:
            records.record_previous_permanence(record, kind="Z1", user=self.worker, at=at)
        if care.unaccompanied and self.born is not None:  # synth/unaccompanied.py
            records.record_uasc_status(
                record, ceased_on=birthday(self.born, 18), user=self.worker, at=at
            )

    def adoption_steps(self, record: LookedAfterEpisode) -> None:
        if self.adoption is None:
            return
        decided, matched = self.adoption
        if (at := self.at(decided, 15)) is None:
            return
        records.record_adoption_decision(record, decided_on=decided, user=self.worker, at=at)
        if (at := self.at(matched, 15)) is None:
            return
        couple = self.rng.random() < 0.85
        sex = (
            _choose(self.rng, {"MF": 85.0, "FF": 8.0, "MM": 7.0})
            if couple
            else self.rng.choice(["F1", "M1"])
        )
        records.record_adoption_match(
            record,
            matched_on=matched,
            is_adopted_by_foster_carers=False,  # placed in A6, not with current foster carers
            number_of_adopters=2 if couple else 1,
            adopters_sex=sex,
            adopters_legal_status=_choose(self.rng, ADOPTERS_STATUS[sex]) if couple else "L0",
            user=self.worker,
            at=at,
        )

    def care_leaver(self, record: LookedAfterEpisode) -> None:
        """OC3: a young person who left care eligible (13 weeks in care from their 14th
        birthday, some of it after their 16th), counting every period of care they had."""
        care, born, rng = self.care, self.born, self.rng
        if care.end is None or born is None:
            return
        spells = list(
            LookedAfterEpisode.objects.filter(episode__person_id=self.episode.person_id)
            .values_list("start_date", "end_date")
            .order_by("start_date")
        )
        for age in range(17, 22):
            day = birthday(born, age)
            if day < care.end or not self.kept(day):  # leaving on it: a leaver
                continue
            if (day.month, day.day) != (born.month, born.day):
                continue  # born on 29 February: no birthday this year
            if any(s <= day and (e is None or e > day) for s, e in spells):
                continue
            after_14 = _days_in_care(spells, birthday(born, 14), day)
            if after_14 < ELIGIBLE_DAYS or _days_in_care(spells, birthday(born, 16), day) <= 0:
                continue
            if (at := self.at(day, 12)) is None:
                return
            in_touch = _choose(rng, {"YES": 88.0, "NO": 6.0, "REFU": 4.0, "RHOM": 2.0})
            activity = accommodation = ""
            if in_touch == "YES":
                activity = _choose(rng, ACTIVITY)
                accommodation = _choose(rng, ACCOMMODATION)
                if age < 18:
                    accommodation = NOT_AT_SEVENTEEN.get(accommodation, accommodation)
                if rng.random() < ACCOMMODATION_UNSUITABLE:
                    accommodation = accommodation[0] + "2"
            records.record_care_leaver_contact(
                record,
                birthday=day,
                in_touch=in_touch,
                activity=activity,
                accommodation=accommodation,
                user=self.worker,
                at=at,
            )


def _days_in_care(spells: list[tuple[D, D | None]], first: D, last: D) -> int:
    """Days looked after from `first` up to (not including) `last`."""
    return sum(max(0, (min(end or last, last) - max(start, first)).days) for start, end in spells)


def tell(
    seed: int,
    episode: CINEpisode,
    care: CareStage,
    worker: Any,
    at: At,
    last_day: D,
    start: Callable[[str, str, str], LookedAfterEpisode | None],
    missing: Callable[[LookedAfterEpisode], D | None],
) -> bool:
    """The child's care from start to end: `start(placement, provider, postcode)` starts it
    (None if after the plan's end); `missing(record)` records their missing episodes,
    returning the last day of them. False if care had not started by the plan's end."""
    story = CareStory(seed, episode, care, worker, at, last_day)
    record = start(care.placement, story.provider(care.placement), story.first_postcode())
    if record is None:
        return False
    first = record
    if (started := at(care.start, 18)) is not None:
        story.permanence_and_status(record, started)
    after = missing(record) or care.start
    for day, change in story.changes(after):
        if care.end is not None and day >= care.end:
            break
        if (when := at(day, 11)) is None:
            break
        record = actions.change_looked_after_episode(record, on=day, user=worker, at=when, **change)
    if care.end is not None and (when := at(care.end, 14)) is not None:
        actions.end_looked_after_episode(
            record, end_date=care.end, reason=care.reason, user=worker, at=when
        )
    story.reviews(first)
    story.checks(first)
    story.outcomes(first)
    story.adoption_steps(first)
    story.care_leaver(record)
    return True
