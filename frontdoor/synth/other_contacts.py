"""Step 3 of the plan: contacts that do not lead to a referral (synth/planner.py).

Earlier worries about children later referred (cumulative concern), new worries after a
case closed, and families who only ever have contacts, filled up to each year's contact
count month by month, so the year has no drift from month to month.
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from frontdoor.lib.dates import add_months
from frontdoor.synth import profile as shares
from frontdoor.synth.plan import OTHER, Block, Episode, Segment, draw
from frontdoor.synth.population import Family, SynthPerson

if TYPE_CHECKING:
    from frontdoor.synth.planner import Planner


class OtherContacts:
    """Plans the non-referral contacts into the planner's contacts, drawing from its stream."""

    def __init__(self, planner: "Planner") -> None:
        self.planner = planner
        self.rng = planner.rng
        self.calendar = planner.calendar
        self.segments: list[Segment] = []

    def plan(self) -> None:
        self.segments = [seg for block in self.planner.blocks for seg in self._months(block)]
        for episode in list(self.planner.episodes):
            self._precursors(episode)
            self._follow_up(episode)
        tries = 0
        while any(seg.left > 0 for seg in self.segments) and tries < 1_000_000:
            tries += 1
            weights = [max(0, seg.left) for seg in self.segments]
            self._contact_only_family(self.rng.choices(self.segments, weights=weights)[0])

    def _months(self, block: Block) -> list[Segment]:
        """The block's calendar months, each with its share of the year's contacts still to
        plan (shares by day weight, so the year has no drift from month to month)."""
        spans, day = [], block.first
        while day <= block.last:
            next_month = add_months(day.replace(day=1), 1)
            spans.append((day, min(block.last, next_month - dt.timedelta(days=1))))
            day = next_month
        weights = [self.calendar.weight(first, last) for first, last in spans]
        exact = [block.contacts * w / sum(weights) for w in weights]
        counts = [int(x) for x in exact]
        by_remainder = sorted(range(len(spans)), key=lambda i: counts[i] - exact[i])
        for i in by_remainder[: block.contacts - sum(counts)]:
            counts[i] += 1
        planned = [
            sum(len(c.children) for c in self.planner.contacts if first <= c.day <= last)
            for first, last in spans
        ]
        left = [n - done for n, done in zip(counts, planned, strict=True)]
        while min(left) < 0:  # a month already over its share: take it from the fullest
            over = left.index(min(left))
            left[left.index(max(left))] += left[over]
            left[over] = 0
        return [Segment(a, b, n) for (a, b), n in zip(spans, left, strict=True)]

    def _segment_of(self, day: dt.date) -> Segment | None:
        return next((seg for seg in self.segments if seg.first <= day <= seg.last), None)

    def _other_contact(self, when: dt.datetime, family: Family, pool: list[SynthPerson]) -> bool:
        """Plan a non-referral contact if its month still needs contacts; True if planned."""
        day = timezone.localdate(when)
        segment = self._segment_of(day)
        if segment is None or when > self.planner.as_of or segment.left <= 0:
            return False
        if any(e.open_on(day) for e in family.episodes):
            return False
        alive = [c for c in pool if c.is_child_on(day)]
        if not alive:
            return False
        size = min(draw(self.rng, shares.CONTACT_GROUP), len(alive), segment.left)
        self.planner.contact(when, family, self.planner.pick(alive, size), OTHER)
        segment.left -= size
        return True

    def _precursors(self, episode: Episode) -> None:
        """Earlier worries about children who were later referred (cumulative concern)."""
        if episode.re_referral:
            return
        for _ in range(draw(self.rng, {0: 40.0, 1: 45.0, 2: 15.0})):
            day = episode.referral_date - dt.timedelta(days=self.rng.randint(7, 200))
            if day >= self.planner.first:
                when = self.calendar.time_on(day)
                self._other_contact(when, episode.family, episode.children)

    def _follow_up(self, episode: Episode) -> None:
        """A new worry after a case closed that does not meet the threshold again."""
        if episode.closure_date is None or self.rng.random() >= 0.3:
            return
        day = episode.closure_date + dt.timedelta(days=self.rng.randint(14, 300))
        if day <= self.planner.last:
            self._other_contact(self.calendar.time_on(day), episode.family, episode.family.children)

    def _contact_only_family(self, segment: Segment) -> None:
        rng = self.rng
        when = self.calendar.received_at(segment.first, segment.last)
        if when > self.planner.as_of:
            return
        first_size = draw(rng, shares.CONTACT_GROUP)
        family = self.planner.factory.make(timezone.localdate(when), first_size)
        planned = 0
        for _ in range(draw(rng, shares.CONTACTS_PER_FAMILY)):
            planned += self._other_contact(when, family, family.children)
            day = timezone.localdate(when) + dt.timedelta(days=rng.randint(7, 200))
            if day > self.planner.last:
                break
            when = self.calendar.time_on(day)
        if planned:
            self.planner.families.append(family)
