"""Calibrating the last year's casework figures by construction (synth/pathway.py draws
each episode's pathway): ICPCs and children starting care, CP and CIN plans and children in
care on the last day, repeat CP plans, and adoptions in each year, with referrals before
the period for children long in care and earlier CP plans.
"""

import datetime as dt
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils import timezone

from frontdoor.contacts.codes import Outcome
from frontdoor.lib.dates import add_months
from frontdoor.synth.pathway import ADOPTED, AGED_OUT, Knobs, age_out, draw

if TYPE_CHECKING:
    from frontdoor.synth.plan import Block, Episode
    from frontdoor.synth.planner import Planner

D = dt.date
Test = Callable[["Episode"], bool]
# DfE, "Children looked after in England including adoptions", year ending 31 March 2024:
# 2,960 children were adopted, for 83,630 looked after at 31 March (about 9% of the
# children who left care). Children are adopted after a year or more in care, when they
# came into care under 5.
ADOPTED_OF_STOCK = 2_960 / 83_630
ADOPTION_DAYS = 400
ADOPTED_UNDER = 5
# Care leavers are followed up to their 21st birthday (OC3): those who turn 19 to 21 in the
# last year left care in the three years before it.
LEAVERS_YEARS = 3
LEAVERS_DAYS = 250  # at least this long in care before 18, so eligible (13 weeks after 14)


class Calibrator:
    """Draws each episode's pathway and calibrates the last year's figures by construction:
    ICPCs and children starting care (flows of the last year), CP plans, CIN plans and
    children in care on the last day (stocks), and the share of CP plans that are second or
    subsequent (an earlier plan, before the period if need be)."""

    def __init__(self, planner: "Planner", seed: int) -> None:
        self.planner = planner
        self.rng = random.Random(f"{seed}-pathway")
        self.knobs: dict[int, Knobs] = {}
        self.history: list[Episode] = []

    def draw(self, episode: "Episode") -> None:
        knobs = self.knobs.setdefault(id(episode), Knobs())
        decided = _decided(episode)
        way = draw(
            self.rng, episode.path, decided, episode.drawn_closure, knobs, episode.unaccompanied
        )
        if episode.children:
            age_out(self.rng, way, min(c.date_of_birth for c in episode.children))
        episode.pathway = way
        closure = way.closure
        as_of = self.planner.as_of.date()
        episode.closure_date = closure if closure is not None and closure <= as_of else None
        episode.reason = way.reason

    # figures over the plan, in children
    def _children(self, test: Test) -> int:
        return sum(len(e.children) for e in self._all() if test(e))

    def _all(self) -> list["Episode"]:
        return self.planner.episodes

    def calibrate(self) -> None:
        planner, profile = self.planner, self.planner.profile
        block = planner.blocks[-1]
        last, first = block.last, block.first

        def in_year(day: D | None) -> bool:
            return day is not None and first <= day <= last

        def icpcs(e: "Episode") -> bool:
            return in_year(e.pathway.icpc)

        def care_starts(e: "Episode") -> bool:
            return e.pathway.care is not None and in_year(e.pathway.care.start)

        self._convert(icpcs, profile.icpcs, "cin_plan", "child_protection", first, last)
        self._convert(care_starts, profile.cla_started, "assessment_early_help", "looked_after",
                      first, last)  # fmt: skip
        self._stock(
            lambda e: e.pathway.cp_open_on(last),
            profile.cp_plans_at_end,
            "child_protection",
            "cp_days",
            lambda e: e.pathway.cp.start if e.pathway.cp else None,
        )
        self._stock(
            lambda e: e.pathway.cin_open_on(last),
            profile.cin_plans_at_end,
            "cin_plan",
            "cin_days",
            lambda e: e.pathway.cin[0][0] if e.pathway.cin else None,
        )
        self._adoptions(round(ADOPTED_OF_STOCK * profile.cla_at_end))
        self._history_care(profile.cla_at_end)
        self._repeat_plans(profile.cp_second_share)
        self._care_leavers()

    def _family_last(self, e: "Episode") -> bool:
        return e.family.episodes[-1] is e

    def _convert(
        self, test: Test, target: int, plain: str, special: str, first: D, last: D
    ) -> None:
        """Change the path of episodes referred in the last year until `test` counts
        `target` children (only the family's latest episode, so no later referral clashes)."""
        rng = self.rng
        pool = [
            e
            for e in self._all()
            if first <= e.referral_date <= last
            and self._family_last(e)
            and not e.history
            and not e.unaccompanied
        ]
        for _ in range(400):
            have = self._children(test)
            gap = target - have
            if gap == 0:
                return
            source, goal = (plain, special) if gap > 0 else (special, plain)
            fits = [e for e in pool if e.path == source and len(e.children) <= abs(gap)]
            if not fits:
                return
            episode = rng.choice(fits)
            episode.path = goal
            if goal == "child_protection":
                episode.contact.outcome = Outcome.STRATEGY_DISCUSSION
            self.draw(episode)

    def _stock(
        self,
        test: Test,
        target: int,
        path: str,
        knob: str,
        started: Callable[["Episode"], D | None],
    ) -> None:
        """Lengthen or shorten plans until `test` counts `target` children on the last day."""
        rng, last = self.rng, self.planner.blocks[-1].last
        as_of = self.planner.as_of.date()
        for _ in range(2000):
            gap = target - self._children(test)
            if gap == 0:
                return
            pool = [
                e
                for e in self._all()
                if e.path == path
                and self._family_last(e)
                and not e.history
                and len(e.children) <= abs(gap)
                and (start := started(e)) is not None
                and start <= last - dt.timedelta(days=30)
                and test(e) == (gap < 0)
            ]
            if gap > 0:  # lengthen a plan that ended before the last day
                pool = [e for e in pool if (e.closure_date or as_of) <= last]
            if not pool:
                return
            episode = rng.choice(pool)
            start = started(episode)
            assert start is not None
            knobs = self.knobs.setdefault(id(episode), Knobs())
            if gap > 0:
                days = (last - start).days + rng.randint(20, 300)
            else:
                days = max(30, (last - start).days - rng.randint(1, 120))
            setattr(knobs, knob, days)
            if path == "child_protection":
                knobs.after_cp = "close"
            self.draw(episode)

    def _adoptions(self, target: int) -> None:
        """In each year of the period, `target` children leave care adopted: children who
        came into care under 5 and have been in care for over a year (a history before the
        period if need be). Their care ends on a day of the year, as an adoption."""
        planner, rng = self.planner, self.rng
        for block in planner.blocks:
            for _ in range(200):
                adopted = [e for e in self._all() if _adopted_in(e, block)]
                gap = target - sum(len(e.children) for e in adopted)
                if gap <= 0:
                    break
                # The care starts on the decision or up to some 100 days after it.
                day = block.first + dt.timedelta(days=rng.randint(0, 250))
                episode = self._to_adopt(day, gap)
                if episode is None:
                    continue
                knobs = self.knobs.setdefault(id(episode), Knobs())
                knobs.care_days, knobs.adopted = (day - _decided(episode)).days, True
                self.draw(episode)

    def _to_adopt(self, day: D, gap: int) -> "Episode | None":
        """Young children in care since over ADOPTION_DAYS before `day`, still in care on
        it, or one child referred before the period who comes into care young."""
        since = day - dt.timedelta(days=ADOPTION_DAYS)
        pool = [
            e
            for e in self._all()
            if e.path == "looked_after"
            and (care := e.pathway.care) is not None
            and care.reason not in ADOPTED
            and care.start <= since
            and (care.end is None or care.end > day)
            and not e.unaccompanied
            and self._family_last(e)
            and len(e.children) <= gap
            and all(c.age_on(care.start) < ADOPTED_UNDER for c in e.children)
        ]
        if pool:
            return self.rng.choice(pool)
        referred = min(since, self.planner.first - dt.timedelta(days=1))
        born_after = referred - dt.timedelta(days=365 * ADOPTED_UNDER - 120)
        return self.planner.history_referral(
            referred, "looked_after", born_before=referred, born_after=born_after
        )

    def _history_care(self, target: int) -> None:
        """Children in care since before the period (or shorter stays ended early), until
        the number looked after on the last day is `target`."""
        planner, rng = self.planner, self.rng
        last = planner.blocks[-1].last
        as_of = planner.as_of.date()
        for _ in range(3000):
            gap = target - self._children(lambda e: e.pathway.care_open_on(last))
            if gap == 0:
                return
            if gap < 0:
                pool = [
                    e
                    for e in self._all()
                    if e.pathway.care_open_on(last)
                    and self._family_last(e)
                    and not e.history
                    and not e.unaccompanied
                    and len(e.children) <= -gap
                    and e.pathway.care is not None
                    and e.pathway.care.start < last - dt.timedelta(days=30)
                ]
                if not pool:
                    return
                episode = rng.choice(pool)
                care = episode.pathway.care
                assert care is not None
                self.knobs.setdefault(id(episode), Knobs()).care_days = max(
                    10, (last - care.start).days - rng.randint(1, 200)
                )
                self.draw(episode)
                continue
            referred = planner.first - dt.timedelta(days=rng.randint(150, 3650))
            child = planner.history_referral(
                referred, "looked_after", young_on=as_of, born_before=referred
            )
            if child is None:
                continue
            self.knobs.setdefault(id(child), Knobs()).care_days = 0
            self.draw(child)

    def _care_leavers(self) -> None:
        """In each of the LEAVERS_YEARS before the last year, as many young people leave care
        at 18 as in the last year (care leavers followed up at their 19th to 21st birthdays in
        it, OC3): any short, young people who came into care at 14 to 17 before the period."""
        block = self.planner.blocks[-1]
        want = self._children(lambda e: _left_at_18(e, block.first, block.last))
        for back in range(LEAVERS_YEARS, 0, -1):
            first = add_months(block.first, -12 * back)
            last = add_months(block.first, -12 * (back - 1)) - dt.timedelta(days=1)
            have = self._children(lambda e: _left_at_18(e, first, last))  # noqa: B023
            self._leavers(first, last, want - have)

    def _leavers(self, first: D, last: D, count: int) -> None:
        """`count` young people referred before the period who leave care at 18 from `first`
        to `last`, after LEAVERS_DAYS or more in care."""
        planner, rng = self.planner, self.rng
        latest = min(planner.first, last) - dt.timedelta(days=LEAVERS_DAYS)
        for _ in range(50 * max(0, count)):
            if count <= 0:
                return
            referred = latest - dt.timedelta(days=rng.randint(0, 3 * 365))
            adult_after = max(referred + dt.timedelta(days=LEAVERS_DAYS), first)
            adult_before = min(last, add_months(referred, 48))  # 14 or over when referred
            if adult_after >= adult_before:
                continue
            leaver = planner.history_referral(
                referred,
                "looked_after",
                born_after=add_months(adult_after, -12 * 18),
                born_before=add_months(adult_before, -12 * 18),
            )
            if leaver is None:
                continue
            self.knobs.setdefault(id(leaver), Knobs()).care_days = 0  # until 18
            self.draw(leaver)
            count -= _left_at_18(leaver, first, last)

    def _repeat_plans(self, share: float) -> None:
        """Give children starting a CP plan in the last year an earlier plan, before the
        period, until `share` of them have had one."""
        planner, rng = self.planner, self.rng
        block = planner.blocks[-1]
        starters = [
            e
            for e in self._all()
            if e.pathway.cp is not None and block.first <= e.pathway.cp.start <= block.last
        ]
        total = sum(len(e.children) for e in starters)
        repeat = 0
        for e in starters:
            earlier = [
                o
                for o in e.family.episodes
                if o is not e and o.pathway.cp is not None and o.pathway.cp.start < e.referral_date
            ]
            repeat += len(e.children) if earlier else 0
        want = round(share * total) - repeat
        candidates = [e for e in starters if not any(
            o is not e and o.pathway.cp is not None for o in e.family.episodes
        )]  # fmt: skip
        rng.shuffle(candidates)
        for episode in candidates:
            if want <= 0:
                return
            if len(episode.children) > want:
                continue
            before = min(planner.first, episode.referral_date - dt.timedelta(days=400))
            referred = before - dt.timedelta(days=rng.randint(600, 1800))
            if any(c.date_of_birth > referred - dt.timedelta(days=60) for c in episode.children):
                continue
            history = planner.history_referral(
                referred, "child_protection", family=episode.family, children=episode.children
            )
            if history is None:
                continue
            knobs = self.knobs.setdefault(id(history), Knobs())
            knobs.cp_days = rng.randint(150, (before - referred).days - 250)
            knobs.after_cp = "close"
            self.draw(history)
            want -= len(episode.children)


def _left_at_18(episode: "Episode", first: D, last: D) -> bool:
    care = episode.pathway.care
    return care is not None and care.reason in AGED_OUT and first <= (care.end or D.max) <= last


def _adopted_in(episode: "Episode", block: "Block") -> bool:
    care = episode.pathway.care
    return care is not None and care.reason in ADOPTED and block.holds(care.end or dt.date.max)


def _decided(episode: "Episode") -> D:
    return timezone.localdate(episode.contact.timeline.decided_at)
