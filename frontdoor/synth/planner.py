"""Drawing the plan: every contact, referral and closure of the period, calibrated to the profile.

Calibration is by construction. For each year of the period the planner first fixes the
target counts (contacts counted per child, referrals, re-referrals, domestic abuse
contacts), then draws events until each target is met exactly:

1. referrals, in date order: each is a re-referral (a child whose previous referral, within
   the last 12 months, has closed) with probability remaining re-referrals ÷ remaining
   referrals, otherwise a first referral of a new family (or of a family last referred
   more than a year ago);
2. contacts about children whose case is open (passed to the allocated worker: not referrals);
3. contacts that do not lead to a referral: earlier worries about children later referred,
   new worries after a case closed, and families who only ever have contacts — filled up to
   each year's contact count (synth/other_contacts.py).

Between 1 and 2, each referral's pathway (assessment, s47, ICPC, plans, care, closure) is
drawn and the last year's casework figures are calibrated, with referrals before the period
for children long in care and earlier CP plans (synth/pathway.py, synth/calibrator.py).
"""

import datetime as dt
import heapq
import random
from itertools import count

from django.utils import timezone

from frontdoor.contacts.codes import Outcome
from frontdoor.lib.dates import year_before
from frontdoor.synth import profile as shares
from frontdoor.synth import unaccompanied
from frontdoor.synth.calibrator import Calibrator
from frontdoor.synth.other_contacts import OtherContacts
from frontdoor.synth.plan import (
    OTHER,
    PASSED,
    REFERRAL,
    Block,
    Episode,
    Plan,
    PlannedContact,
    draw,
)
from frontdoor.synth.population import Family, FamilyFactory, Identifiers, SynthPerson
from frontdoor.synth.profile import Profile
from frontdoor.synth.timing import Calendar, timeline


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _noisy(rng: random.Random, value: float, spread: float) -> int:
    """`value` give or take a little (at most 2.5 standard deviations)."""
    return round(value * (1 + max(-2.5, min(2.5, rng.gauss(0, 1))) * spread))


class Planner:
    def __init__(
        self,
        profile: Profile,
        *,
        end: dt.date,
        years: int,
        seed: int,
        as_of: dt.datetime,
        taken: set[str] | None = None,
    ) -> None:
        """`taken`: NHS numbers and UPNs already in the index, never to be issued again."""
        self.profile = profile
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.last = end
        self.first = end
        for _ in range(years):
            self.first = year_before(self.first)
        self.first += dt.timedelta(days=1)
        self.calendar = Calendar(self.rng, self.first, end)
        self.factory = FamilyFactory(self.rng, Identifiers(self.rng, taken=taken), until=end)
        self.arrivals = unaccompanied.Arrivals(seed, self.factory.ids)
        self.families: list[Family] = []
        self.contacts: list[PlannedContact] = []
        self.episodes: list[Episode] = []
        self._seq = count()
        self.blocks = [self._block(k, years) for k in range(years)]
        self.pathways = Calibrator(self, seed)

    def _block(self, index: int, years: int) -> Block:
        last = self.last
        for _ in range(years - 1 - index):
            last = year_before(last)
        first = year_before(last) + dt.timedelta(days=1)
        p, rng = self.profile, self.rng
        referrals = _noisy(rng, p.referrals, 0.01)
        return Block(
            first,
            last,
            contacts=_noisy(rng, p.contacts, 0.01),
            referrals=referrals,
            re_referrals=_noisy(rng, referrals * p.re_referral_rate, 0.01),
            domestic_abuse=_noisy(rng, p.domestic_abuse_contacts, 0.02),
            consultations=_noisy(rng, p.consultations, 0.03),
        )

    def plan(self) -> Plan:
        for block in self.blocks:
            self._plan_referrals(block)
        self.pathways.calibrate()
        for block in self.blocks:
            self._plan_passed(block)
        OtherContacts(self).plan()
        for block in self.blocks:
            self._assign_domestic_abuse(block)
        for contact in self.contacts:
            sources = shares.DOMESTIC_ABUSE_SOURCES if contact.domestic_abuse else shares.SOURCES
            contact.source = draw(self.rng, sources)
            if contact.kind == REFERRAL and contact.episode and contact.episode.unaccompanied:
                contact.source = self.arrivals.source()
        self.contacts.sort(key=lambda c: c.received_at)
        consultations = sorted(
            when
            for block in self.blocks
            for _ in range(block.consultations)
            if (when := self.calendar.received_at(block.first, block.last)) <= self.as_of
        )
        return Plan(
            self.first,
            self.last,
            self.as_of,
            self.profile,
            self.blocks,
            self.families,
            self.contacts,
            self.episodes,
            consultations,
        )

    # --- contacts ------------------------------------------------------------------------

    def _new_family(self, day: dt.date, children: int) -> Family:
        family = self.factory.make(day, children)
        self.families.append(family)
        return family

    def pick(self, people: list[SynthPerson], size: int) -> list[SynthPerson]:
        if size >= len(people):
            return list(people)
        chosen = set(self.rng.sample(range(len(people)), size))
        return [p for i, p in enumerate(people) if i in chosen]

    def contact(
        self,
        when: dt.datetime,
        family: Family,
        children: list[SynthPerson],
        kind: str,
        urgent: bool = False,
    ) -> PlannedContact:
        rng, p = self.rng, self.profile
        returned = not urgent and rng.random() < p.returned_share
        on_time = rng.random() < p.on_time_share
        plan = PlannedContact(
            when,
            family,
            children,
            kind,
            timeline(rng, when, on_time=on_time, urgent=urgent, returned=returned),
            returned=returned,
            immediate_danger=urgent,
        )
        if kind == OTHER:
            plan.outcome = draw(rng, shares.OTHER_OUTCOMES)
        elif urgent or (kind == REFERRAL and rng.random() < 0.12):
            plan.outcome = Outcome.STRATEGY_DISCUSSION
        else:
            plan.outcome = Outcome.REFERRAL
        self.contacts.append(plan)
        return plan

    # --- 1. referrals --------------------------------------------------------------------

    def _plan_referrals(self, block: Block) -> None:
        rng = self.rng
        heap: list[tuple[dt.datetime, int, int, bool]] = []
        sizes, left = [], block.referrals
        while left > 0:
            sizes.append(min(draw(rng, shares.REFERRAL_GROUP), left))
            left -= sizes[-1]
        # Spread evenly over the year's day weights, so months differ only a little.
        singles: list[int] = []
        for when, size in zip(
            self.calendar.spread(block.first, block.last, len(sizes)), sizes, strict=True
        ):
            seq = next(self._seq)
            heapq.heappush(heap, (when, seq, size, False))
            if size == 1:
                singles.append(seq)
        arriving = self._arriving(singles)
        to_go, re_to_go = block.referrals - len(arriving), block.re_referrals
        while heap:
            when, seq, size, forced_first = heapq.heappop(heap)
            if seq in arriving:
                if when <= self.as_of:
                    self._arrival(when)
                continue
            if when > self.as_of:
                to_go -= size
                continue
            used = 0
            if not forced_first and re_to_go > 0 and rng.random() < re_to_go / to_go:
                used = self._re_referral(when, min(size, re_to_go))
                re_to_go -= used
            if used and used < size:  # the rest are referred for the first time, a bit later
                later = self.calendar.received_at(
                    min(when.date() + dt.timedelta(days=1), block.last), block.last
                )
                heapq.heappush(heap, (later, next(self._seq), size - used, True))
            elif not used:
                self._first_referral(when, size)
                used = size
            to_go -= used

    def _arriving(self, singles: list[int]) -> set[int]:
        """Which referrals of one child, by their place in the year, are of unaccompanied
        children arriving (synth/unaccompanied.py)."""
        wanted = unaccompanied.arrivals_a_year(self.profile.cla_at_end)
        return set(self.arrivals.rng.sample(singles, min(wanted, len(singles))))

    def _arrival(self, when: dt.datetime) -> None:
        self.factory.count += 1
        family = self.arrivals.family(timezone.localdate(when), self.factory.count)
        self.families.append(family)
        self._refer(when, family, family.children, re_referral=False, unaccompanied=True)

    def _re_referral(self, when: dt.datetime, want: int) -> int:
        """Refer again children whose last referral (within 12 months) has closed."""
        day = timezone.localdate(when)
        since, recent = year_before(day), day - dt.timedelta(days=14)
        candidates = []
        for family in self.families:
            if not family.episodes:
                continue
            last = family.episodes[-1]
            if last.closure_date is None or last.closure_date >= day:
                continue
            if not since <= last.referral_date <= recent:
                continue
            alive = [c for c in last.children if c.is_child_on(day)]
            if alive:
                candidates.append((family, alive))
        if not candidates:
            return 0
        enough = [c for c in candidates if len(c[1]) >= want]
        family, alive = self.rng.choice(enough or candidates)
        children = self.pick(alive, want)
        self._refer(when, family, children, re_referral=True)
        return len(children)

    def _first_referral(self, when: dt.datetime, size: int) -> None:
        day = timezone.localdate(when)
        family = None
        if self.rng.random() < 0.08:
            before = year_before(day)
            known = [
                f
                for f in self.families
                if f.episodes
                and f.episodes[-1].referral_date < before
                and f.episodes[-1].closure_date is not None
                and f.episodes[-1].closure_date < day
                and len(f.children_on(day)) >= size
            ]
            family = self.rng.choice(known) if known else None
        family = family or self._new_family(day, size)
        self._refer(when, family, self.pick(family.children_on(day), size), re_referral=False)

    def _refer(
        self,
        when: dt.datetime,
        family: Family,
        children: list[SynthPerson],
        *,
        re_referral: bool,
        unaccompanied: bool = False,
    ) -> None:
        rng = self.rng
        contact = self.contact(when, family, children, REFERRAL, urgent=rng.random() < 0.05)
        paths = shares.EPISODE_PATHS
        if unaccompanied:  # accommodated by the council: looked after
            paths = [p for p in paths if p[0] == "looked_after"]
        path, _, (low, high), reason = rng.choices(paths, weights=[w for _, w, _, _ in paths])[0]
        decided = timezone.localdate(contact.timeline.decided_at)
        closure: dt.date | None = decided + dt.timedelta(days=rng.randint(low, high))
        if closure is not None and closure > self.as_of.date():
            closure = None
        episode = Episode(contact, children, contact.day, path, closure, reason, re_referral)
        episode.drawn_closure = closure
        episode.unaccompanied = unaccompanied
        if path == "child_protection":  # the strategy discussion starts the s47 enquiry
            contact.outcome = Outcome.STRATEGY_DISCUSSION
        contact.episode = episode
        family.episodes.append(episode)
        self.episodes.append(episode)
        self.pathways.draw(episode)

    def history_referral(
        self,
        day: dt.date,
        path: str,
        *,
        family: Family | None = None,
        children: list[SynthPerson] | None = None,
        young_on: dt.date | None = None,
        born_before: dt.date | None = None,
        born_after: dt.date | None = None,
    ) -> Episode | None:
        """A referral before the period (its past): of `children` of `family`, or of one
        child of a new family, under 18 on `young_on` and born between `born_after` and
        `born_before`."""
        if family is None:
            family = self.factory.make(day, 1)
            fits = [
                c
                for c in family.children
                if c.is_child_on(day)
                and (young_on is None or c.is_child_on(young_on))
                and (born_before is None or c.date_of_birth < born_before)
                and (born_after is None or c.date_of_birth > born_after)
            ]
            if not fits:
                return None
            children = [self.rng.choice(fits)]
            self.families.append(family)
        assert children
        contact = self.contact(self.calendar.time_on(_weekday(day)), family, children, REFERRAL)
        contact.outcome = (
            Outcome.STRATEGY_DISCUSSION if path == "child_protection" else Outcome.REFERRAL
        )
        episode = Episode(contact, children, contact.day, path, None, "RC7", False, history=True)
        contact.episode = episode
        family.episodes.insert(0, episode)
        self.episodes.append(episode)
        return episode

    # --- 2. contacts about children whose case is open ----------------------------------

    def _plan_passed(self, block: Block) -> None:
        rng = self.rng
        target = round(self.profile.passed_share * block.contacts)
        rows = tries = 0
        never = dt.date.max
        spans = [
            (e.referral_date, e.closure_date or never, e.contact.timeline.decided_at, e)
            for e in self.episodes
            if e.referral_date <= block.last and (e.closure_date or never) >= block.first
        ]
        while rows < target and tries < target * 20:
            tries += 1
            when = self.calendar.received_at(block.first, block.last)
            day = timezone.localdate(when)
            if when > self.as_of:
                continue
            open_now = [
                e
                for referred, closes, decided, e in spans
                if referred < day - dt.timedelta(days=3)
                and closes > day
                and decided < when - dt.timedelta(hours=1)
            ]
            if not open_now:
                continue
            episode = rng.choice(open_now)
            alive = [c for c in episode.children if c.is_child_on(day)]
            if not alive:
                continue
            size = min(draw(rng, shares.CONTACT_GROUP), len(alive), target - rows)
            self.contact(when, episode.family, self.pick(alive, size), PASSED)
            rows += size

    # --- domestic abuse ------------------------------------------------------------------

    def _assign_domestic_abuse(self, block: Block) -> None:
        """Flag contacts until the year's domestic abuse count (per child) is met."""
        left = block.domestic_abuse
        in_block = [c for c in self.contacts if block.holds(c.day)]
        self.rng.shuffle(in_block)
        for contact in in_block:
            if left <= 0:
                break
            if len(contact.children) <= left and contact.family.adults:
                contact.domestic_abuse = True
                left -= len(contact.children)
