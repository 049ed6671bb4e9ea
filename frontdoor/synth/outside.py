"""Risk outside the home for the synthetic council, through the ROTH actions only.

After the front door and casework are stored, each year of the plan gets its missing children
and episodes (164 children and 495 episodes in 2022-23, 003_…txt), the police reports and
returns, return home interviews (offered within 72 hours most of the time, some late, some
never), what the children said (push and pull factors, places and adults), and CSE and CCE
screenings (35 and 27 children at risk). Places, adults and peer groups are drawn with
Zipf-like weights, so a few recur across many children and the map and themes show
something. Looked-after children missing from placement were recorded by the casework story
(synth/casework.py) and count towards the year's figures. Its own random stream: the rest of
the council is unchanged.
"""

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import Agency, Role, Team, User
from frontdoor.casework.models import CINEpisode, LookedAfterEpisode
from frontdoor.outside import actions
from frontdoor.outside.codes import INDICATORS
from frontdoor.outside.models import Entity, MissingEpisode, PushPullFactor
from frontdoor.people.actions import create_person
from frontdoor.people.models import Person
from frontdoor.synth.names import NAMES
from frontdoor.synth.places import choose_district, postcode
from frontdoor.synth.plan import Plan
from frontdoor.synth.staff import _staff_member
from frontdoor.synth.timing import local

SYSTEM = "police system"
PLACES = [
    "Grove Park",
    "Beach Lawns",
    "Sovereign Centre car park",
    "Marine Lake shelters",
    "Weston bus station",
    "Clarence Park",
    "the Boulevard shops",
    "Uphill Road skate park",
    "Locking Road takeaway",
    "Ellenborough Park",
    "Clevedon Pier car park",
    "Portishead Marina",
    "Nailsea Crown Glass Place",
    "Worle Parkway station",
    "a flat on Milton Road",
]
PEER_GROUPS = ["Boulevard group", "Worle skate park group", "Milton Road group", "Station group"]
SAID = {
    "conflict_home": "Argued with mum about coming in late and walked out.",
    "placement_unhappy": "Does not like the new placement and wanted to see old friends.",
    "abuse_home": "Said things at home are bad and did not want to go back.",
    "boundaries": "Was told to be in by nine and did not agree.",
    "school_problems": "Was excluded that day and did not want to go home.",
    "mental_health": "Said they were feeling low and needed to get away.",
    "peer_pull": "Was out with friends and stayed over at a friend's.",
    "family_pull": "Went to see dad.",
    "relationship": "Was with a boyfriend or girlfriend.",
    "adult_of_concern": "Was with an older man who gives them lifts and vapes.",
    "substance_use": "Was drinking and smoking cannabis in the park.",
    "exploitation": "Was given money and a phone and asked to take a bag to Bristol.",
}
# Episodes per missing child: most go missing once, a few very often (police figures in
# 003_…txt: 69 of 154 children reported missing were repeat missing).
PER_CHILD = {1: 55, 2: 15, 3: 9, 4: 6, 5: 4, 6: 3, 7: 2, 8: 1.5, 10: 1.5, 12: 1, 15: 1, 20: 1}


def at_risk_ratings(rng: random.Random, codes: list[str]) -> dict[str, str]:
    """Ratings the screening rules make medium or high: two high indicators (high), or one
    high and one or two medium (medium; high for a child aged 13 or under)."""
    ratings = {code: "none" for code in codes}
    chosen = rng.sample(codes, k=4)
    ratings[chosen[0]] = "high"
    ratings[chosen[1]] = "high" if rng.random() < 0.6 else "medium"
    if rng.random() < 0.5:
        ratings[chosen[2]] = "medium"
    if rng.random() < 0.3:
        ratings[chosen[3]] = "low"
    return ratings


def _zipf(rng: random.Random, items: list[Any], power: float = 1.1) -> Any:
    return rng.choices(items, weights=[1 / (i + 1) ** power for i in range(len(items))])[0]


class OutsideStory:
    """Missing episodes, interviews, the network and screenings for every year of the plan."""

    def __init__(
        self, plan: Plan, seed: int, advance: Callable[[int], object] | None = None
    ) -> None:
        self.plan, self.rng = plan, random.Random(f"{seed}-outside")
        self.advance = advance or (lambda _: None)  # told of each year done
        self.as_of = plan.as_of
        self.police = Agency.objects.get(slug="police")
        self.factors = list(PushPullFactor.objects.active())
        self.roth, self.interviewers = self._staff()
        self.adults: list[Person] = []
        self.places: list[Entity] = []
        self.groups: list[Entity] = []

    def _staff(self) -> tuple[list[User], list[User]]:
        rng = random.Random(f"{self.rng.random()}-staff")
        roth = Team.objects.get_or_create(name="Risk Outside the Home")[0]
        wellbeing = Team.objects.get_or_create(name="Family Wellbeing")[0]
        workers = [
            _staff_member(rng, f"staff-roth-{n:02d}", Role.ROTH_WORKER, roth) for n in (1, 2, 3)
        ]
        support = [
            _staff_member(rng, f"staff-fw-{n:02d}", Role.EARLY_HELP, wellbeing)
            for n in (1, 2, 3, 4)
        ]
        return workers, support + workers[:1]

    def run(self) -> None:
        """Each year of the plan, one transaction a year."""
        profile = self.plan.profile
        if not profile.missing_children:
            self.advance(len(self.plan.blocks))
            return
        with transaction.atomic():
            self._network()
        for block in self.plan.blocks:
            with transaction.atomic():
                children = self._missing(
                    block.first, block.last, profile.missing_children, profile.missing_episodes
                )
                self._screen(block.first, block.last, children, profile.cse_children, "cse")
                self._screen(block.first, block.last, children, profile.cce_children, "cce")
            self.advance(1)

    # --- the people and places that recur ------------------------------------------------

    def _network(self) -> None:
        rng, user = self.rng, self.roth[0]
        for _ in range(12):
            boys, _girls, surnames = NAMES[rng.choice(["british", "british", "irish", "polish"])]
            born = dt.date(rng.randint(1985, 2004), rng.randint(1, 12), rng.randint(1, 28))
            self.adults.append(
                create_person(
                    None,
                    kind=Person.Kind.ADULT,
                    given_name=rng.choice(boys),
                    family_name=rng.choice(surnames),
                    date_of_birth=born,
                )
            )
        at = min(self.as_of, local(self.plan.first, 9))
        for name in PLACES:
            outward, _town = choose_district(rng)
            self.places.append(
                actions.find_or_add_entity("place", name, postcode(rng, outward), user=user, at=at)
            )
        for name in PEER_GROUPS:
            self.groups.append(actions.find_or_add_entity("peer_group", name, user=user, at=at))

    # --- missing episodes -----------------------------------------------------------------

    def _candidates(self, first: dt.date, last: dt.date) -> tuple[list[int], list[float]]:
        """Children aged 10 to 17 during the year, weighted towards those known to social care
        and those in care."""
        born_after, born_before = (
            dt.date(last.year - 18, last.month, 1),
            dt.date(first.year - 10, first.month, 1),
        )
        ids = list(
            Person.objects.children()
            .not_merged()
            .filter(date_of_birth__gt=born_after, date_of_birth__lte=born_before)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        known = set(
            CINEpisode.objects.filter(referral_date__lte=last).values_list("person_id", flat=True)
        )
        cared = set(
            LookedAfterEpisode.objects.active_between(first, last).values_list(
                "episode__person_id", flat=True
            )
        )
        weights = [4.0 if pk in cared else 3.0 if pk in known else 1.0 for pk in ids]
        return ids, weights

    def _counts(
        self,
        existing: Counter[int],
        children: int,
        episodes: int,
        ids: list[int],
        weights: list[float],
    ) -> Counter[int]:
        rng = self.rng
        counts = Counter(existing)
        pool = [(pk, w) for pk, w in zip(ids, weights, strict=True) if pk not in counts]
        while len(counts) < children and pool:
            index = rng.choices(range(len(pool)), weights=[w for _, w in pool])[0]
            pk, _ = pool.pop(index)
            counts[pk] += rng.choices(list(PER_CHILD), weights=list(PER_CHILD.values()))[0]
        drawn = sorted(counts)
        while sum(counts.values()) < episodes:  # more for those who go missing repeatedly
            repeaters = [pk for pk in drawn if counts[pk] >= 2] or drawn
            counts[rng.choices(repeaters, weights=[counts[pk] for pk in repeaters])[0]] += 1
        while sum(counts.values()) > episodes:
            pk = rng.choice([pk for pk in drawn if counts[pk] > max(existing[pk], 1)])
            counts[pk] -= 1
        return counts

    def _missing(self, first: dt.date, last: dt.date, children: int, episodes: int) -> list[int]:
        rng = self.rng
        end = min(last, timezone.localdate(self.as_of))
        had = MissingEpisode.objects.counted().started_between(first, last)
        existing = Counter(had.values_list("person_id", flat=True))
        ids, weights = self._candidates(first, last)
        target_children = round(children * rng.uniform(0.97, 1.03))
        target_episodes = round(episodes * rng.uniform(0.97, 1.03))
        counts = self._counts(existing, target_children, target_episodes, ids, weights)
        people = Person.objects.in_bulk(list(counts))
        for pk in sorted(counts):
            new = counts[pk] - existing[pk]
            day = first + dt.timedelta(days=rng.randint(0, max((end - first).days - 5, 0)))
            for _ in range(new):
                if day > end:  # wrap round to the start of the year, after the last return
                    day = first + dt.timedelta(days=rng.randint(0, 10))
                back = self._episode(people[pk], day)
                gap = dt.timedelta(days=max(1, int(rng.expovariate(1 / 18))))
                day = max(day, timezone.localdate(back) if back else day) + gap
        return sorted(counts)

    def _episode(self, child: Person, day: dt.date) -> dt.datetime | None:
        """One episode from `day`; returns when the child came back (None if not yet)."""
        rng = self.rng
        since = local(day, rng.randint(15, 22), rng.randint(0, 59))
        reported = since + dt.timedelta(minutes=rng.randint(30, 240))
        if reported > self.as_of:
            return None
        care = LookedAfterEpisode.objects.filter(episode__person=child).open_on(day).exists()
        kind = "away" if care and rng.random() < 0.15 else "missing"
        where = "placement" if care else rng.choices(["home", "school", "other"], [85, 10, 5])[0]
        by_police = rng.random() < 0.8
        episode = actions.report_missing_episode(
            child,
            kind=kind,
            missing_from=where,
            missing_since=since,
            reported_at=reported,
            police_risk=rng.choices(["low", "medium", "high"], [35, 50, 15])[0],
            agency=self.police if by_police else None,
            actor_label=SYSTEM if by_police else None,
            user=None if by_police else rng.choice(self.roth),
            at=reported,
        )
        hours = min(rng.lognormvariate(2.3, 1.0), 120)
        back = max(since + dt.timedelta(hours=hours), reported + dt.timedelta(minutes=20))
        if back > self.as_of:
            return None
        place = _zipf(rng, self.places) if rng.random() < 0.4 else None
        episode = actions.record_return(
            episode,
            returned_at=back,
            found_by=rng.choice(["returned", "returned", "police", "carer"]),
            where_found=place.name if place else "",
            actor_label=SYSTEM if by_police else None,
            user=None if by_police else rng.choice(self.roth),
            at=back,
        )
        self._interview(episode, back, place)
        return back

    def _interview(self, episode: MissingEpisode, back: dt.datetime, place: Entity | None) -> None:
        rng = self.rng
        roll = rng.random()
        if roll > 0.88:
            return  # never offered: the clock shows it overdue
        hours = rng.uniform(4, 70) if roll < 0.62 else rng.uniform(73, 200)
        offered = back + dt.timedelta(hours=hours)
        if offered > self.as_of:
            return
        worker = rng.choice(self.interviewers)
        actions.allocate_return_interview(
            episode, worker=worker, user=self.roth[0], at=back + dt.timedelta(hours=2)
        )
        outcome = rng.choices(["accepted", "declined", "not_available"], [62, 28, 10])[0]
        held = offered + dt.timedelta(hours=rng.uniform(1, 48)) if outcome == "accepted" else None
        if held is not None and held > self.as_of:
            return
        factors = rng.sample(self.factors, k=rng.choice([1, 1, 2, 2, 3])) if held else []
        places = (
            []
            if not held
            else [
                (p.name, p.postcode)
                for p in [place or _zipf(rng, self.places)]
                if rng.random() < 0.55
            ]
        )
        adults = [_zipf(rng, self.adults, 1.3)] if held and rng.random() < 0.3 else []
        said = " ".join(SAID.get(f.code, "") for f in factors)
        data = actions.InterviewInput(
            offered_at=offered,
            outcome=outcome,
            interviewer=worker,
            held_at=held,
            factors=factors,
            child_said=said or "Did not want to say much.",
            where_went=", ".join(n for n, _ in places),
            with_whom=", ".join(a.full_name for a in adults),
            places=places,
            adults=adults,
        )
        actions.record_return_interview(episode, data, user=worker, at=held or offered)
        if held and rng.random() < 0.15:
            actions.add_link(
                episode.person,
                entity=_zipf(rng, self.groups),
                relation="part of",
                source="interview",
                seen_on=held.date(),
                confidence="probable",
                user=worker,
                at=held,
            )

    # --- screening ------------------------------------------------------------------------

    def _screen(
        self, first: dt.date, last: dt.date, missing: list[int], target: int, kind: str
    ) -> None:
        rng = self.rng
        end = min(last, timezone.localdate(self.as_of))
        if end < first:
            return
        want = round(target * rng.uniform(0.97, 1.03))
        pool = [pk for pk in missing if rng.random() < 0.85]
        rng.shuffle(pool)
        chosen = pool[:want]
        people = Person.objects.in_bulk(chosen)
        codes = [code for code, _, _ in INDICATORS]
        for pk in chosen:
            ratings = at_risk_ratings(rng, codes)
            day = first + dt.timedelta(days=rng.randint(0, (end - first).days))
            actions.record_screening(
                people[pk],
                kind=kind,
                screened_on=day,
                ratings=ratings,
                user=rng.choice(self.roth),
                review_on=day + dt.timedelta(days=90),
                at=min(local(day, 14), self.as_of),
            )
        # Some children are screened and found at low risk.
        for pk in [pk for pk in missing if pk not in set(chosen)][: want // 2]:
            day = first + dt.timedelta(days=rng.randint(0, (end - first).days))
            actions.record_screening(
                Person.objects.get(pk=pk),
                kind=kind,
                screened_on=day,
                ratings={rng.choice(codes): "medium"},
                user=rng.choice(self.roth),
                at=min(local(day, 15), self.as_of),
            )
