"""What happens after the referral: the statutory pathway of each planned CIN episode.

Planned in pure Python with the rest of the plan (before anything is stored), so the
year-end stocks can be calibrated by construction (`calibrate`), then stored through the
casework actions by `PathwayStory` (frontdoor.casework.actions), back-dated with `at=`.

Each episode's `path` (profile.EPISODE_PATHS) decides its pathway:

- nfa: no assessment; closed within days (RC7: RC8 and RC9 need an assessment);
- assessment_nfa / assessment_early_help: a single assessment, closed RC8 / RC9;
- cin_plan: an assessment, then a child in need plan, closed RC7 when it ends;
- child_protection: a strategy discussion starts a section 47 enquiry (the contact is
  decided as a strategy discussion, synth/meetings.py holds it); an initial conference
  (ICPC) within 15 working days for most, at which most get a CP plan (mostly neglect);
  reviews at 3 then 6 months; when the plan ends, a step-down CIN plan, care, or closure;
- looked_after: an assessment, then the child comes into care (section 20 or an interim
  care order becoming a full order), for months or for years.

History before the period: children looked after for years and earlier CP plans ("however
long ago") come from referrals planned before the period's first day (`calibrate`).
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone

from frontdoor.contacts.codes import Outcome
from frontdoor.lib.dates import add_months
from frontdoor.lib.workdays import add_working_days, is_working_day

if TYPE_CHECKING:
    from frontdoor.synth.plan import Episode
    from frontdoor.synth.planner import Planner

D = dt.date
DAY = dt.timedelta(days=1)
Test = Callable[["Episode"], bool]

# Initial category of abuse (England: neglect the most common, then emotional abuse).
CATEGORIES = {"NEG": 52.0, "EMO": 30.0, "PHY": 7.0, "SAB": 4.0, "MUL": 7.0}
FACTORS = {
    "assessment_nfa": ["21"],
    "assessment_early_help": ["3B", "4B", "14A", "1B", "20"],
    "cin_plan": ["3B", "4B", "2B", "5B", "6A", "5A", "14A", "15A"],
    "child_protection": ["16A", "3B", "17A", "2B", "1B", "4B", "18C"],
    "looked_after": ["16A", "3B", "2B", "17A", "4B", "24A", "10A"],
}
OUTCOME = {
    "assessment_nfa": "nfa",
    "assessment_early_help": "early_help",
    "cin_plan": "cin_plan",
    "child_protection": "strategy",
    "looked_after": "looked_after",
}


@dataclass
class CPStage:
    start: D
    category: str
    reviews: list[D]
    end: D | None  # the last review, which ends the plan; None while it continues
    end_reason: str = ""


@dataclass
class CareStage:
    start: D
    legal_status: str
    placement: str
    change_on: D | None  # interim care order becomes a full care order (X1)
    end: D | None
    reason: str = ""
    unaccompanied: bool = False  # an unaccompanied asylum-seeking child (UASC)


@dataclass
class Pathway:
    assessment: tuple[D, D, D] | None = None  # start, child seen, authorised
    factors: list[str] = field(default_factory=list)
    outcome: str = ""
    icpc: D | None = None
    icpc_plan: bool = False
    cp: CPStage | None = None
    cin: list[tuple[D, D | None]] = field(default_factory=list)
    care: CareStage | None = None
    closure: D | None = None
    reason: str = "RC7"

    def cp_open_on(self, day: D) -> bool:
        cp = self.cp
        return cp is not None and cp.start <= day and (cp.end is None or cp.end > day)

    def cin_open_on(self, day: D) -> bool:
        return any(s <= day and (e is None or e > day) for s, e in self.cin)

    def care_open_on(self, day: D) -> bool:
        care = self.care
        return care is not None and care.start <= day and (care.end is None or care.end > day)


@dataclass
class Knobs:
    """What calibration may change in an episode's pathway (None: drawn)."""

    cp_days: int | None = None
    cin_days: int | None = None
    care_days: int | None = None  # 0: stays in care
    after_cp: str | None = None  # "cin", "care" or "close"


def _working_on_or_after(day: D) -> D:
    while not is_working_day(day):
        day += DAY
    return day


def draw(
    rng: random.Random,
    path: str,
    decided: D,
    closure: D | None,
    knobs: Knobs,
    unaccompanied: bool = False,
) -> Pathway:
    """The full pathway of an episode decided on `decided` (never cut at the plan's end:
    the executor stores only what has happened by then). `closure` is the planner's draw,
    used by paths whose length it sets (nfa). An unaccompanied child is accommodated (s20)
    the day they are referred."""
    way = Pathway()
    if path == "nfa":
        way.closure = closure or decided
        return way
    start = decided
    seen = start + dt.timedelta(days=rng.randint(0, 8))
    days = rng.randint(8, 45) if rng.random() < 0.86 else rng.randint(46, 75)
    authorised = max(add_working_days(start, days), seen)
    way.assessment = (start, seen, authorised)
    way.outcome = OUTCOME[path]
    options = FACTORS[path]
    way.factors = rng.sample(options, min(len(options), rng.randint(1, 3)))
    if path == "assessment_nfa":
        way.factors = ["21"] if rng.random() < 0.6 else rng.sample(FACTORS["cin_plan"], 1)
    if path in ("assessment_nfa", "assessment_early_help"):
        way.closure = authorised + dt.timedelta(days=rng.randint(0, 7))
        way.reason = "RC8" if path == "assessment_nfa" else "RC9"
    elif path == "cin_plan":
        cin_days = knobs.cin_days or rng.randint(100, 560)
        end = authorised + dt.timedelta(days=cin_days)
        way.cin = [(authorised, end)]
        way.closure = end
    elif path == "child_protection":
        _protection(rng, way, decided, knobs)
    elif path == "looked_after":
        start = authorised if rng.random() < 0.7 else decided
        _care(rng, way, decided if unaccompanied else start, knobs, unaccompanied)
    if way.closure is not None:  # never before the last thing done
        way.closure = max(way.closure, authorised)
    return way


def _protection(rng: random.Random, way: Pathway, decided: D, knobs: Knobs) -> None:
    days = rng.randint(6, 15) if rng.random() < 0.87 else rng.randint(16, 24)
    icpc = add_working_days(decided, days)
    way.icpc = icpc
    assert way.assessment is not None
    if rng.random() >= 0.9 and knobs.cp_days is None:  # no plan: support as a child in need
        way.icpc_plan = False
        end = icpc + dt.timedelta(days=knobs.cin_days or rng.randint(90, 300))
        way.cin = [(max(icpc, way.assessment[2]), end)]
        way.closure = end
        return
    way.icpc_plan = True
    length = knobs.cp_days or rng.randint(180, 940)
    reviews: list[D] = []
    review = icpc
    while True:
        first = not reviews
        shift = rng.randint(-14, 0) if rng.random() < 0.93 else rng.randint(1, 25)  # some late
        review = _working_on_or_after(add_months(review, 3 if first else 6) + dt.timedelta(shift))
        reviews.append(review)
        if (review - icpc).days >= length:
            break
    category = _choose(rng, CATEGORIES)
    cp = CPStage(icpc, category, reviews, reviews[-1])
    way.cp = cp
    after = knobs.after_cp or _choose(rng, {"cin": 45.0, "care": 10.0, "close": 45.0})
    end = reviews[-1]
    if after == "cin":
        cp.end_reason = "cin_plan"
        cin_end = end + dt.timedelta(days=knobs.cin_days or rng.randint(90, 240))
        way.cin = [(end, cin_end)]
        way.closure = cin_end
    elif after == "care":
        cp.end_reason = "looked_after"
        _care(rng, way, end, knobs)
    else:
        cp.end_reason = "not_at_risk"
        way.closure = end + dt.timedelta(days=rng.randint(0, 10))


def _care(
    rng: random.Random, way: Pathway, start: D, knobs: Knobs, unaccompanied: bool = False
) -> None:
    interim = rng.random() < 0.55 and not unaccompanied
    legal = "C1" if interim else "V2"
    placement = _choose(rng, {"U6": 45.0, "U4": 20.0, "U3": 20.0, "U1": 10.0, "R1": 5.0})
    placement = placement if placement != "R1" else "U6"
    change = start + dt.timedelta(days=rng.randint(120, 300)) if interim else None
    days = knobs.care_days
    if days is None:
        days = rng.randint(20, 330) if rng.random() < 0.35 and not unaccompanied else 0
    end = start + dt.timedelta(days=days) if days else None
    if end is not None and change is not None and change >= end:
        change = None
    reason = ""
    if end is not None:
        reason = _choose(rng, {"E4A": 60.0, "E13": 10.0, "E45": 10.0, "E41": 5.0, "E4B": 15.0})
    way.care = CareStage(start, legal, placement, change, end, reason, unaccompanied)
    way.closure = end
    way.reason = {"E45": "RC4", "E41": "RC3"}.get(reason, "RC7")


# How care ends on the 18th birthday (England: most move to independent living or stay put).
AGED_OUT = {"E17": 25.0, "E5": 40.0, "E6": 10.0, "E7": 5.0, "E8": 20.0}


def age_out(rng: random.Random, way: Pathway, born: D) -> None:
    """Care ends at the latest on the 18th birthday of the child born on `born` (SSDA903
    rule 359: no one stays looked after past it but in a community home under s20(5)), with
    a reason for leaving at 18 and the matching CIN closure (E7: to adult social care, RC6).
    Care that would only start on or after that birthday never starts."""
    care = way.care
    if care is None:
        return
    adult = _birthday(born, 18)
    if care.end is not None and care.end <= adult:
        return
    if adult <= care.start:
        way.care = None
        way.closure = care.start
        way.reason = "RC7"
        if way.cp is not None and way.cp.end_reason == "looked_after":
            way.cp.end_reason = "not_at_risk"
        return
    care.end = adult
    if care.change_on is not None and care.change_on >= adult:
        care.change_on = None
    care.reason = _choose(rng, AGED_OUT)
    way.closure = max(adult, way.assessment[2]) if way.assessment else adult
    way.reason = "RC6" if care.reason == "E7" else "RC7"


def _birthday(born: D, age: int) -> D:
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # born on 29 February: 1 March in other years
        return D(born.year + age, 3, 1)


def _choose(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# --- calibration -------------------------------------------------------------------------


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
        self._history_care(profile.cla_at_end)
        self._repeat_plans(profile.cp_second_share)

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


def _decided(episode: "Episode") -> D:
    return timezone.localdate(episode.contact.timeline.decided_at)
