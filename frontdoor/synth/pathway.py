"""What happens after the referral: the statutory pathway of each planned CIN episode.

Planned in pure Python with the rest of the plan (before anything is stored), so the
year-end stocks can be calibrated by construction (synth/calibrator.py), then stored through the
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
long ago") come from referrals planned before the period's first day (synth/calibrator.py).
Unaccompanied asylum-seeking children (synth/unaccompanied.py) come into care (s20) the day
they are referred and stay until they are 18.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from frontdoor.lib.dates import add_months, birthday
from frontdoor.lib.workdays import add_working_days, is_working_day

D = dt.date
DAY = dt.timedelta(days=1)

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
    adopted: bool = False  # care ends in adoption (with care_days)


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
        reason = _choose(rng, ADOPTED if knobs.adopted else CEASED)
    way.care = CareStage(start, legal, placement, change, end, reason, unaccompanied)
    way.closure = end
    way.reason = {"E45": "RC4", "E41": "RC3", "E11": "RC1", "E12": "RC1"}.get(reason, "RC7")


# How care ends before it: home to parents, to relatives, special guardianship orders.
CEASED = {"E4A": 60.0, "E13": 10.0, "E45": 10.0, "E41": 5.0, "E4B": 15.0}
# Adopted: an adoption order, unopposed (E11) or with consent dispensed with (E12).
ADOPTED = {"E11": 70.0, "E12": 30.0}
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
    adult = birthday(born, 18)
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


def _choose(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]
