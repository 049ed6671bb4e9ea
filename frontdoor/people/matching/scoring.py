"""Scoring one person against what is being looked for, with the reasons in plain English.

A Fellegi-Sunter style sum: each field that both sides have adds the log2 of how much more
often that agreement (or disagreement) happens for the same person than for two different
people. The weights are set by hand from the kinds of error seen in children's records
(typos, nicknames, day and month swapped, changed surnames, moves). The sum becomes a 0-1
score. A different forename or date of birth caps the score below the link threshold,
whatever else agrees: twins and siblings share a surname, an address and (twins) a date of
birth.

The trained model (data/model-vN.json, model.py) weighs pairs of whole records; these
weights also weigh what a search may give and the model has no levels for: one name that
may be either forename or surname, an age, an LA child ID. So they find and filter the
candidates for intake and search alike, give `reasons`, `differences` and
`is_likely_match`, and order a list for a query the model cannot judge whole; otherwise the
model orders it and this score breaks its ties (candidates.py, ADR 0004).
"""

import datetime as dt
from dataclasses import dataclass, field

from frontdoor.lib.dates import govuk_date
from frontdoor.people.matching.names import (
    NO_EVIDENCE,
    Comparison,
    compare_given_names,
    compare_surnames,
)
from frontdoor.people.matching.query import Query, swapped_day_and_month
from frontdoor.people.models import Person, Residence
from frontdoor.people.search_keys import first_given_name, fold

PRIOR = -10.0
NEAR_DAYS = 3  # a date of birth this many days out is a slip (as in the trained model)
LINK_THRESHOLD = 0.95
CAP_WHEN_DIFFERENT = 0.5

WEIGHTS: dict[str, dict[str, float]] = {
    "nhs_number": {"exact": 16, "different": -12},
    "la_child_id": {"exact": 16},
    "born": {
        "exact": 9,
        "swapped": 6,
        "transposed": 5,
        "year": 4,
        "days": 4,
        "expected": 4,
        "month": 1,
        "different": -7,
    },
    "age": {"exact": 3, "near": 1, "different": -5},
    "surname": {"exact": 7, "alias": 6, "part": 5.5, "similar": 4.5, "different": -3},
    "forename": {
        "exact": 6,
        "spelling": 5.5,
        "nickname": 4.5,
        "middle": 4,
        "typo": 3.5,
        "initial": 1.5,
        "different": -6,
    },
    "names_reversed": {"exact": 11},
    "postcode": {"current": 4, "previous": 3, "sector": 2, "district": 1},
    "sex": {"different": -3},
}


@dataclass
class Candidate:
    """A person who may be the one looked for; `reasons` say why, `differences` what differs."""

    person: Person
    score: float
    reasons: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    weight: float = 0.0
    agreement: float = 0.0  # share of the evidence compared that agreed, 0-1
    # From the trained model, when it compares everything the query gives (candidates.py):
    # match probability, the evidence in plain words ("same date of birth; forename is a
    # known nickname") and the band it falls in: "suggest" (link it), "review" (ask the
    # worker) or "new" (offer a new person). Otherwise 0.0, "" and "".
    probability: float = 0.0
    evidence: str = ""
    band: str = ""

    @property
    def is_likely_match(self) -> bool:
        return self.score >= LINK_THRESHOLD


@dataclass
class Evidence:
    weight: float = 0.0
    agreed: float = 0.0
    possible: float = 0.0
    levels: dict[str, str] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    def add(self, name: str, comparison: Comparison) -> None:
        value = WEIGHTS[name].get(comparison.level)
        if value is None:
            return
        self.levels[name] = comparison.level
        self.weight += value
        self.possible += max(WEIGHTS[name].values())
        self.agreed += max(value, 0)
        (self.reasons if value > 0 else self.differences).append(comparison.reason)


def compare_dates_of_birth(query: dt.date, recorded: dt.date) -> Comparison:
    pair = f"({govuk_date(query)} / {govuk_date(recorded)})"
    if query == recorded:
        return Comparison("exact", "same date of birth")
    if recorded == swapped_day_and_month(query):
        return Comparison("swapped", f"day and month of birth swapped {pair}")
    if (query.month, query.day) == (recorded.month, recorded.day) and abs(
        query.year - recorded.year
    ) == 1:
        return Comparison("year", f"same birthday, year of birth differs by one {pair}")
    if (query.year, query.month) == (recorded.year, recorded.month) and f"{query.day:02d}" == (
        f"{recorded.day:02d}"[::-1]
    ):
        return Comparison("transposed", f"day of birth with its digits swapped {pair}")
    if abs((query - recorded).days) <= NEAR_DAYS:
        return Comparison("days", f"date of birth a few days apart {pair}")
    if (query.year, query.month) == (recorded.year, recorded.month):
        return Comparison("month", f"born in the same month {pair}")
    return Comparison("different", f"different date of birth {pair}")


def _birth(evidence: Evidence, person: Person, query: Query) -> None:
    born = person.date_of_birth
    if query.date_of_birth and born:
        evidence.add("born", compare_dates_of_birth(query.date_of_birth, born))
    elif query.date_of_birth and person.expected_date_of_birth:
        due = person.expected_date_of_birth
        if abs((query.date_of_birth - due).days) <= 42:
            evidence.add(
                "born",
                Comparison(
                    "expected", f"born close to the expected date of birth ({govuk_date(due)})"
                ),
            )
    if query.age is not None and born:
        age = person.age_on(query.as_of) or 0
        if age == query.age:
            evidence.add("age", Comparison("exact", f"aged {age}"))
        elif abs(age - query.age) == 1:
            evidence.add("age", Comparison("near", f"age within a year ({age})"))
        else:
            evidence.add("age", Comparison("different", f"different age ({age})"))


def _best(comparisons: list[Comparison], kind: str) -> Comparison:
    weights = WEIGHTS[kind]
    scored = [c for c in comparisons if c.level in weights]
    return max(scored, key=lambda c: weights[c.level], default=NO_EVIDENCE)


def _surname(person: Person, surname: str) -> Comparison:
    found = [compare_surnames(surname, person.family_name)]
    for alias in person.aliases.all():
        other = compare_surnames(surname, alias.family_name)
        if other.level == "exact":
            note = f", {alias.note}" if alias.note else ""
            other = Comparison(
                "alias", f"surname matches another name they are known by ({alias.full_name}{note})"
            )
        found.append(other)
    return _best(found, "surname")


def _forename(person: Person, forename: str) -> Comparison:
    found = [compare_given_names(forename, person.given_name)]
    found += [compare_given_names(forename, a.given_name) for a in person.aliases.all()]
    return _best(found, "forename")


def _names(evidence: Evidence, person: Person, query: Query) -> None:
    given, family = query.given_name, query.family_name
    if (
        given
        and family
        and fold(family) == first_given_name(person.given_name)
        and fold(given) == fold(person.family_name)
    ):
        evidence.add(
            "names_reversed",
            Comparison("exact", "forename and surname recorded the other way round"),
        )
        return
    if given:
        evidence.add("forename", _forename(person, given))
    if family:
        evidence.add("surname", _surname(person, family))
    if query.name:
        as_surname, as_forename = _surname(person, query.name), _forename(person, query.name)
        if WEIGHTS["surname"].get(as_surname.level, -99) >= WEIGHTS["forename"].get(
            as_forename.level, -99
        ):
            evidence.add("surname", as_surname)
        else:
            evidence.add("forename", as_forename)


def _address(evidence: Evidence, person: Person, query: Query) -> None:
    if not query.postcode:
        return
    every = person.residences.all()
    residences = [r for r in every if r.household.postcode == query.postcode]
    if not residences:
        _near_address(evidence, list(every), query.postcode)
    elif any(r.end_date is None for r in residences):
        evidence.add("postcode", Comparison("current", "lives at the same postcode"))
    elif residences:
        until = max(r.end_date for r in residences if r.end_date)
        evidence.add(
            "postcode",
            Comparison(
                "previous",
                f"lived at the same postcode (previous address, until {govuk_date(until)})",
            ),
        )


def _near_address(evidence: Evidence, residences: list[Residence], postcode: str) -> None:
    """A postcode in the same sector ("BS23 1") or district ("BS23") as one they live or
    lived at."""
    if " " not in postcode:
        return
    district, sector = postcode.split(" ")[0], postcode[:-2]
    for level, part, same in (
        ("sector", sector, lambda p: " " in p and p[:-2] == sector),
        ("district", district, lambda p: p.split(" ")[0] == district),
    ):
        found = [r for r in residences if same(r.household.postcode)]
        if found:
            verb = "lives" if any(r.end_date is None for r in found) else "lived"
            evidence.add(
                "postcode", Comparison(level, f"{verb} in the same postcode {level} ({part})")
            )
            return


def _identifiers(evidence: Evidence, person: Person, query: Query) -> None:
    if query.nhs_number and person.nhs_number:
        same = query.nhs_number == person.nhs_number
        evidence.add(
            "nhs_number",
            Comparison("exact", "same NHS number")
            if same
            else Comparison("different", "different NHS number"),
        )
    if query.la_child_id and query.la_child_id.upper() == person.la_child_id.upper():
        evidence.add("la_child_id", Comparison("exact", "same LA child ID"))
    if query.sex and person.sex in ("M", "F") and query.sex != person.sex:
        evidence.add("sex", Comparison("different", "different sex recorded"))


def _probability(weight: float) -> float:
    return 1 / (1 + 2 ** -(PRIOR + weight))


def score(person: Person, query: Query) -> Candidate:
    """How likely `person` is the one `query` describes, and why."""
    evidence = Evidence()
    _identifiers(evidence, person, query)
    _names(evidence, person, query)
    _birth(evidence, person, query)
    _address(evidence, person, query)
    probability = _probability(evidence.weight)
    levels = evidence.levels
    if "different" in (levels.get("forename"), levels.get("born"), levels.get("nhs_number")):
        probability = min(probability, CAP_WHEN_DIFFERENT)
        if (
            levels.get("forename") == "different"
            and levels.get("born") in ("exact", "swapped")
            and levels.get("surname") in ("exact", "alias", "part", "similar")
        ):
            evidence.differences.append(
                "same date of birth and surname but a different forename: could be a twin"
            )
    agreement = evidence.agreed / evidence.possible if evidence.possible else 0.0
    if "exact" in (levels.get("nhs_number"), levels.get("la_child_id")):
        agreement = 1.0  # an identifier in common is always worth showing
    return Candidate(
        person=person,
        score=round(probability, 3),
        reasons=evidence.reasons,
        differences=evidence.differences,
        weight=evidence.weight,
        agreement=agreement,
    )
