"""Synthetic families: a household, its parents or carers, and its children.

Pure Python (no database): the planner draws families, the executor stores them.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from frontdoor.lib.dates import age_on
from frontdoor.lib.identifiers import nhs_number_with_check_digit, upn_check_letter
from frontdoor.synth import places
from frontdoor.synth.names import ETHNICITY_PROFILE, NAMES

if TYPE_CHECKING:
    from frontdoor.synth.plan import Episode

# Age of the youngest child named when a family first comes to notice (babies and
# teenagers are over-represented at the front door).
YOUNGEST_AGE_WEIGHTS = [14, 8, 7, 7, 7, 7, 6, 6, 6, 5, 5, 5, 5, 5, 5, 4, 3, 2]
_ADULT_CODE = {
    "british": "WBRI",
    "irish": "WIRI",
    "polish": "WOTH",
    "romanian": "WOTH",
    "indian": "AIND",
    "pakistani": "APKN",
    "bangladeshi": "ABAN",
    "west_african": "BAFR",
    "somali": "BAFR",
    "caribbean": "BCRB",
    "chinese": "CHNE",
    "arabic": "OOTH",
    "filipino": "AOTH",
}


def _feminine(surname: str) -> str:
    return surname[:-1] + "a" if surname.endswith(("ski", "cki", "dzki")) else surname


@dataclass(eq=False)
class SynthPerson:
    kind: str  # Person.Kind value: "child" or "adult"
    given_name: str
    family_name: str
    sex: str
    date_of_birth: dt.date
    ethnicity: str
    nhs_number: str = ""
    upn: str = ""
    upn_unknown: str = ""  # DfE reason a school-age child has no UPN (UN2 to UN6)
    disabilities: list[str] = field(default_factory=list)  # DfE codes; ["NONE"] if none
    relation: str = ""  # adults: mother, father, partner, grandmother, grandfather
    previous_family_name: str = ""
    person_id: int | None = None

    def __post_init__(self) -> None:
        if self.sex == "F":  # Polish surnames agree with sex: Kowalski, Kowalska
            self.family_name = _feminine(self.family_name)
            self.previous_family_name = _feminine(self.previous_family_name)

    def age_on(self, day: dt.date) -> int:
        return age_on(self.date_of_birth, day)

    def is_child_on(self, day: dt.date) -> bool:
        """Born at least a week before `day` and not yet 18."""
        return self.date_of_birth <= day - dt.timedelta(days=7) and self.age_on(day) <= 17


@dataclass(eq=False)
class Family:
    key: int
    line1: str
    town: str
    postcode: str
    adults: list[SynthPerson]
    children: list[SynthPerson]
    moved_in: dt.date | None = None
    previous_address: tuple[str, str, str] | None = None
    episodes: list["Episode"] = field(default_factory=list)
    stored: bool = False  # set by the executor once its people are in the index

    def children_on(self, day: dt.date) -> list[SynthPerson]:
        return [c for c in self.children if c.is_child_on(day)]

    def members(self) -> list[SynthPerson]:
        return self.adults + self.children


class Identifiers:
    """Unique synthetic NHS numbers (999 range) and UPNs with correct check letters."""

    def __init__(
        self, rng: random.Random, la_code: str = "802", taken: set[str] | None = None
    ) -> None:
        self.rng = rng
        self.la_code = la_code
        self.used: set[str] = set(taken or ())  # NHS numbers and UPNs

    def nhs_number(self) -> str:
        while True:
            number = nhs_number_with_check_digit(f"999{self.rng.randint(0, 999_999):06d}")
            if number and number not in self.used:
                self.used.add(number)
                return number

    def upn(self, born: dt.date, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        school = rng.choice([rng.randint(2000, 2999), rng.randint(4000, 4999)])
        year = (born.year + 5) % 100
        while True:
            body = f"{self.la_code}{school}{year:02d}{rng.randint(0, 999):03d}"
            upn = upn_check_letter(body) + body
            if upn not in self.used:
                self.used.add(upn)
                return upn


def _born(rng: random.Random, on: dt.date, age: int) -> dt.date:
    low = 7 if age == 0 else 0
    return on - dt.timedelta(days=int(age * 365.25) + rng.randint(low, 364))


SCHOOL_AGE = 4  # reception class: a UPN is given when the child starts school
UPN_RATE = 0.96  # of school-age children without one from their first school, a UPN later
# Why a school-age child has no UPN (DfE UPNunknown): never at school in England, educated
# outside England, recently arrived, sources disagree.
NO_UPN = {"UN2": 35.0, "UN3": 15.0, "UN4": 40.0, "UN5": 10.0}


DISABLED_RATE = 0.13
DISABILITIES = {
    "AUT": 30.0, "LD": 20.0, "BEH": 15.0, "COMM": 12.0, "CON": 6.0, "MOB": 4.0,
    "HAND": 3.0, "PC": 3.0, "INC": 2.0, "HEAR": 2.0, "VIS": 2.0, "DDA": 1.0,
}  # fmt: skip


class FamilyFactory:
    """Draws families; every draw comes from the one seeded generator."""

    def __init__(
        self,
        rng: random.Random,
        identifiers: Identifiers | None = None,
        until: dt.date | None = None,
    ) -> None:
        self.rng = rng
        self.ids = identifiers or Identifiers(rng)
        # Children who start school by `until` (the plan's last day) get a UPN at the rate
        # schools give them, or the DfE's reason why not. Drawn from a generator of its own
        # (seeded from the main one's state without drawing from it), so the families and
        # everything after them are the same draws as before UPNs were completed.
        self.until = until
        self.school_rng = random.Random(repr(rng.getstate()[1][:8]))
        self.count = 0
        self._codes = [(code, origins) for code, _, origins in ETHNICITY_PROFILE]
        self._weights = [weight for _, weight, _ in ETHNICITY_PROFILE]

    def make(self, on: dt.date, min_children: int = 1) -> Family:
        """A family first known on `on`, with at least `min_children` children aged 0 to 17."""
        rng = self.rng
        self.count += 1
        code, origins = rng.choices(self._codes, weights=self._weights)[0]
        mother_origin, father_origin = origins if rng.random() < 0.5 else origins[::-1]
        children = self._children(on, min_children, code, (mother_origin, father_origin))
        adults = self._adults(children, code, mother_origin, father_origin)
        line1, town, postcode = places.address(rng)
        family = Family(self.count, line1, town, postcode, adults, children)
        if rng.random() < 0.15:
            family.previous_address = places.address(rng)
            family.moved_in = on - dt.timedelta(days=rng.randint(30, 1200))
        return family

    def _name(self, origin: str, sex: str) -> str:
        boys, girls, _ = NAMES[origin]
        return self.rng.choice(boys if sex == "M" else girls)

    def _surname(self, origin: str) -> str:
        return self.rng.choice(NAMES[origin][2])

    def _children(
        self, on: dt.date, count: int, code: str, origins: tuple[str, str]
    ) -> list[SynthPerson]:
        rng = self.rng
        count += rng.choices([0, 1, 2], weights=[55, 30, 15])[0]
        gaps = [
            rng.choice([0, 1, 2, 2, 3, 3, 4, 5]) if rng.random() > 0.04 else 0
            for _ in range(count - 1)
        ]
        if sum(gaps) > 17:
            gaps = [1] * (count - 1)
        youngest = min(rng.choices(range(18), weights=YOUNGEST_AGE_WEIGHTS)[0], 17 - sum(gaps))
        surname = self._surname(origins[1])
        half_surname = self._surname(origins[1]) if count > 1 and rng.random() < 0.2 else ""
        children: list[SynthPerson] = []
        age = youngest
        for index in range(count):
            if index and gaps[index - 1] == 0:  # twins share a birthday
                born = children[-1].date_of_birth
            else:
                age += gaps[index - 1] if index else 0
                born = _born(rng, on, age)
            sex = "M" if rng.random() < 0.51 else "F"
            older = index >= count - max(1, count // 2)
            family_name = half_surname if half_surname and older else surname
            child = SynthPerson(
                "child",
                self._name(rng.choice(origins), sex),
                family_name,
                sex,
                born,
                code,
                nhs_number=self.ids.nhs_number(),
            )
            if child.age_on(on) >= 4 and rng.random() < 0.9:
                child.upn = self.ids.upn(born)
            self._school(child, on)
            child.disabilities = self._disabilities()
            children.append(child)
        return children

    def _school(self, child: SynthPerson, on: dt.date) -> None:
        """A UPN for a child of school age by the plan's end (about 96%), or the reason not."""
        rng, last = self.school_rng, self.until or on
        if child.upn or child.age_on(last) < SCHOOL_AGE:
            return
        if rng.random() < UPN_RATE:
            child.upn = self.ids.upn(child.date_of_birth, rng)
        else:
            child.upn_unknown = rng.choices(list(NO_UPN), weights=list(NO_UPN.values()))[0]

    def _disabilities(self) -> list[str]:
        """DfE disability codes: about 13% of children in need have one, a quarter of them
        more than one (DfE, Characteristics of children in need 2023); "NONE" otherwise."""
        rng = self.school_rng
        if rng.random() >= DISABLED_RATE:
            return ["NONE"]
        codes = rng.choices(list(DISABILITIES), weights=list(DISABILITIES.values()), k=2)
        return codes[:1] if rng.random() < 0.75 or codes[0] == codes[1] else codes

    def _adult(
        self,
        origin: str,
        sex: str,
        family_name: str,
        born: dt.date,
        code: str,
        relation: str,
        previous_family_name: str = "",
    ) -> SynthPerson:
        if code not in {"WIRT", "WROM", "NOBT", "REFU"}:
            code = _ADULT_CODE[origin]
        return SynthPerson(
            "adult",
            self._name(origin, sex),
            family_name,
            sex,
            born,
            code,
            relation=relation,
            previous_family_name=previous_family_name,
        )

    def _adults(
        self, children: list[SynthPerson], code: str, mother_origin: str, father_origin: str
    ) -> list[SynthPerson]:
        """Parents (mother; father or her partner, or neither), or grandparents as carers."""
        rng = self.rng
        oldest = min(c.date_of_birth for c in children)
        surname = children[0].family_name
        if rng.random() < 0.05:  # kinship care: grandparents bring the children up
            born = oldest - dt.timedelta(days=rng.randint(38 * 365, 55 * 365))
            carers = [self._adult(mother_origin, "F", surname, born, code, "grandmother")]
            if rng.random() < 0.4:
                born -= dt.timedelta(days=rng.randint(0, 2000))
                carers.append(self._adult(mother_origin, "M", surname, born, code, "grandfather"))
            return carers
        mother_born = oldest - dt.timedelta(days=rng.randint(17 * 365, 40 * 365))
        maiden = self._surname(mother_origin)
        shape = rng.choices(["father", "partner", "single"], weights=[50, 15, 35])[0]
        married = shape == "father" and rng.random() < 0.6
        adults = [
            self._adult(
                mother_origin,
                "F",
                surname if married else maiden,
                mother_born,
                code,
                "mother",
                previous_family_name=maiden if married and maiden != surname else "",
            )
        ]
        if shape != "single":
            origin = father_origin if shape == "father" else rng.choice([father_origin, "british"])
            born = mother_born - dt.timedelta(days=rng.randint(-3 * 365, 9 * 365))
            family_name = surname if shape == "father" else self._surname(origin)
            adults.append(self._adult(origin, "M", family_name, born, code, shape))
        for adult in adults:
            if rng.random() < 0.8:
                adult.nhs_number = self.ids.nhs_number()
        return adults
