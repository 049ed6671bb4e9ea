"""Synthetic person records with duplicates and known truth, for training and benchmarking linkage.

Households of children across England (names of many origins, from `synth.names`); each child
is one entity, recorded once or several times the way two council systems record a child:
nicknames and other spellings, typos, day and month swapped, dates a little out, surnames
changed or double-barrelled, moved house, missing NHS numbers and postcodes. Twins (same
surname, date of birth and address, different forename) and siblings are the hard negatives.
Names are combined at random: any match with a real person is coincidence.

`generate(n, seed)` yields CSV rows (the `frontdoor people dedupe` header) and fills a
`Truth` with each record's entity, each entity's origin and the twin pairs.
"""

import csv
import datetime as dt
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontdoor.lib.identifiers import nhs_number_with_check_digit
from frontdoor.people.matching import name_table
from frontdoor.synth.census_names import distribution
from frontdoor.synth.names import NAMES

HEADER = (
    "record_id",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
)

# Rough shares of children in England by the origin of their names.
ORIGINS: dict[str, float] = {
    "british": 0.66,
    "irish": 0.02,
    "polish": 0.04,
    "romanian": 0.03,
    "indian": 0.04,
    "pakistani": 0.05,
    "bangladeshi": 0.02,
    "west_african": 0.04,
    "somali": 0.015,
    "caribbean": 0.025,
    "chinese": 0.01,
    "arabic": 0.03,
    "filipino": 0.01,
}
_ORIGIN_NAMES = list(ORIGINS)
_ORIGIN_WEIGHTS = list(ORIGINS.values())


def _words(text: str) -> list[str]:
    return text.split()


# Extra records per entity: none, one, two, three.
COPIES = (0.55, 0.28, 0.11, 0.06)
_AREAS = _words(
    "B BS BA BD BH BL BN BR CB CF CH CM CO CR CT CV CW DA DE DH DL DN DT DY E EC EN EX FY GL GU "
    "HA HD HG HP HR HU HX IG IP KT L LA LE LN LS LU M ME MK N NE NG NN NR NW OL OX PE PL PO PR "
    "RG RH RM S SE SG SK SL SM SN SO SP SR SS ST SW TA TF TN TQ TR TS TW UB W WA WD WF WN WR WS "
    "WV YO"
)
_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
_STREETS = _words(
    "Oak Elm Ash Beech Birch Cedar Willow Maple Hazel Rowan Church Mill Station Park High "
    "Queen King Victoria Albert Grove Meadow Orchard Spring Brook Hill Green Manor Abbey Castle "
    "York Windsor Chester Stanley Cromwell Nelson Milton Byron Shelley Tennyson Ruskin"
)
_KINDS = _words("Road Street Avenue Lane Drive Close Crescent Gardens Place Way Terrace Grove")
_SHORT = {"Road": "Rd", "Street": "St", "Avenue": "Ave", "Lane": "Ln", "Drive": "Dr"}
_KEYS = "qwertyuiop asdfghjkl zxcvbnm"


@dataclass
class Truth:
    """What the generator knows: entity of each record, origin of each entity, twin pairs."""

    entity: list[int] = field(default_factory=list)  # by record number
    origin: list[str] = field(default_factory=list)  # by entity
    household: list[int] = field(default_factory=list)  # by entity
    twins: list[tuple[int, int]] = field(default_factory=list)  # entity pairs


@dataclass
class _Child:
    entity: int
    given: str
    surname: str
    born: dt.date
    sex: str
    postcode: str
    address: str
    nhs: str


NAME_SOURCES = ("pools", "census")


class Generator:
    """`names`: "pools" (synth.names: England-shaped, a few dozen names per origin) or
    "census" (synth.census_names: 88,799 surnames and 5,494 forenames at their published
    frequencies, for benchmarks where how many people share a name matters)."""

    def __init__(self, seed: int, names: str = "pools") -> None:
        if names not in NAME_SOURCES:
            raise ValueError(f"Names come from {' or '.join(NAME_SOURCES)}, not “{names}”.")
        self.rng = random.Random(seed)
        self.census_names = names == "census"
        self.table = name_table()
        self.next_nhs = 990_000_000
        self.districts = [
            f"{area}{number}" for area in _AREAS for number in range(1, 30 if len(area) > 1 else 20)
        ]

    # --- identities ---------------------------------------------------------------------
    def nhs(self) -> str:
        while True:
            self.next_nhs += 1
            number = nhs_number_with_check_digit(str(self.next_nhs))
            if number:
                return number

    def postcode(self, district: str | None = None) -> str:
        rng = self.rng
        outward = district or rng.choice(self.districts)
        return f"{outward} {rng.randint(0, 9)}{rng.choice(_INWARD)}{rng.choice(_INWARD)}"

    def address(self) -> str:
        rng = self.rng
        street = f"{rng.choice(_STREETS)} {rng.choice(_KINDS)}"
        if rng.random() < 0.15:
            return f"Flat {rng.randint(1, 24)}, {rng.randint(1, 90)} {street}"
        return f"{rng.randint(1, 220)} {street}"

    def _one_surname(self, origin: str) -> str:
        if self.census_names:
            return distribution("surname").draw(self.rng)
        return self.rng.choice(NAMES[origin][2])

    def surname(self, origin: str) -> str:
        surname = self._one_surname(origin)
        if self.rng.random() < 0.04:
            other = self._one_surname(self.rng.choice(_ORIGIN_NAMES))
            if other != surname:
                surname = f"{surname}-{other}"
        return surname

    def distinct_forename(self, origin: str, sex: str, taken: list[str]) -> str:
        names = NAMES[origin][0 if sex == "M" else 1]
        census = distribution("M" if sex == "M" else "F") if self.census_names else None
        used = {form for n in taken for form in self._forms(n)}
        for _ in range(50):
            name = census.draw(self.rng) if census else self.rng.choice(names)
            if not self._forms(name) & used:
                return name
        return census.draw(self.rng) if census else self.rng.choice(names)

    def _forms(self, name: str) -> set[str]:
        """A name and the full names it is short for: Harry and Henry are not two names."""
        canon = self.table.canon(name.lower())
        return {canon, *self.table.full_names.get(canon, ())}

    def household(self, entity: int, house: int, truth: Truth) -> list[_Child]:
        rng = self.rng
        origin = rng.choices(_ORIGIN_NAMES, _ORIGIN_WEIGHTS)[0]
        surname = self.surname(origin)
        postcode, address = self.postcode(), self.address()
        size = rng.choices((1, 2, 3, 4), (0.45, 0.33, 0.15, 0.07))[0]
        twins = size >= 2 and rng.random() < 0.08
        first = dt.date(2006, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 19))
        children: list[_Child] = []
        taken: list[str] = []
        born = first
        for index in range(size):
            if index and not (twins and index == 1):
                born = born + dt.timedelta(days=rng.randint(300, 1400))
            sex = rng.choice("MF")
            given = self.distinct_forename(origin, sex, taken)
            taken.append(given)
            if rng.random() < 0.08:
                # A middle name is no brother's or sister's forename: parents do not name
                # one twin "Vasile Matei" and the other "Matei".
                middle = self.distinct_forename(origin, sex, taken)
                taken.append(middle)
                given = f"{given} {middle}"
            own = surname if rng.random() < 0.85 else self.surname(origin)
            nhs = self.nhs() if rng.random() < 0.75 else ""
            number = entity + index
            children.append(_Child(number, given, own, born, sex, postcode, address, nhs))
            truth.origin.append(origin)
            truth.household.append(house)
        if twins:
            truth.twins.append((entity, entity + 1))
        return children

    # --- errors ------------------------------------------------------------------------
    def typo(self, word: str) -> str:
        rng = self.rng
        if len(word) < 3:
            return word
        letters = list(word)
        at = rng.randint(1, len(letters) - 1)
        kind = rng.random()
        if kind < 0.3:
            letters[at] = rng.choice(string.ascii_lowercase)
        elif kind < 0.55:
            del letters[at]
        elif kind < 0.8:
            letters.insert(at, rng.choice(_KEYS.replace(" ", "")))
        elif at < len(letters) - 1:
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        out = "".join(letters)
        return out if out.lower() != word.lower() else word[:-1]

    def forename_variant(self, given: str) -> str:
        rng = self.rng
        first, *rest = given.split()
        folded = first.lower()
        canon = self.table.canon(folded)
        short = sorted(self.table.short_forms.get(canon, ()))
        full = sorted(self.table.full_names.get(canon, ()))
        spellings = sorted(self.table.all_spellings(canon) - {folded})
        roll = rng.random()
        if roll < 0.12 and (short or full):
            return rng.choice(short or full).title()
        if roll < 0.18 and spellings:
            return rng.choice(spellings).title()
        if roll < 0.25:
            return self.typo(first)
        if roll < 0.26:
            return first[0]
        if roll < 0.27:
            return ""
        if rest and roll < 0.35:
            return first
        return given

    def surname_variant(self, surname: str, origin: str) -> str:
        roll = self.rng.random()
        if roll < 0.05:
            return self.typo(surname)
        if roll < 0.07:
            return self.surname(origin)  # changed surname
        if roll < 0.09:
            parts = surname.split("-")
            return parts[-1] if len(parts) > 1 else f"{surname}-{self.surname(origin)}"
        if roll < 0.10:
            return ""
        if roll < 0.13:
            return surname.upper()
        return surname

    def dob_variant(self, born: dt.date) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.04 and born.day <= 12 and born.day != born.month:
            return dt.date(born.year, born.day, born.month).isoformat()
        if roll < 0.055:
            day = min(28, max(1, born.day + rng.choice((-2, -1, 1, 2))))
            return born.replace(day=day).isoformat()
        if roll < 0.065:
            try:
                return born.replace(year=born.year + rng.choice((-1, 1))).isoformat()
            except ValueError:
                return born.isoformat()
        if roll < 0.08:
            return ""
        return born.isoformat()

    def address_variant(self, address: str) -> str:
        if self.rng.random() < 0.3:
            for long, short in _SHORT.items():
                address = address.replace(long, short)
        if self.rng.random() < 0.1:
            address = address.upper()
        return address

    def copy(self, child: _Child, origin: str) -> tuple[str, ...]:
        rng = self.rng
        postcode, address = child.postcode, child.address
        if rng.random() < 0.2:  # moved house
            near = rng.random() < 0.5
            postcode = self.postcode(postcode.split()[0] if near else None)
            address = self.address()
        if rng.random() < 0.05:
            postcode = ""
        elif rng.random() < 0.02:
            postcode = postcode[:-1] + rng.choice(_INWARD)
        return (
            self.forename_variant(child.given),
            self.surname_variant(child.surname, origin),
            self.dob_variant(child.born),
            "" if rng.random() < 0.03 else child.sex,
            postcode,
            "" if rng.random() < 0.05 else self.address_variant(address),
            child.nhs if child.nhs and rng.random() < 0.55 else "",
        )

    @staticmethod
    def original(child: _Child) -> tuple[str, ...]:
        return (
            child.given,
            child.surname,
            child.born.isoformat(),
            child.sex,
            child.postcode,
            child.address,
            child.nhs,
        )


def generate(n: int, seed: int = 1, truth: Truth | None = None) -> Iterator[tuple[str, ...]]:
    """Rows of about `n` records (exactly n), each a tuple in HEADER order."""
    truth = truth if truth is not None else Truth()
    generator = Generator(seed)
    rng = generator.rng
    made = 0
    house = 0
    while made < n:
        children = generator.household(len(truth.origin), house, truth)
        house += 1
        for child in children:
            origin = truth.origin[child.entity]
            copies = rng.choices((0, 1, 2, 3), COPIES)[0]
            rows = [generator.original(child)] + [
                generator.copy(child, origin) for _ in range(copies)
            ]
            for row in rows:
                if made >= n:
                    return
                truth.entity.append(child.entity)
                yield (f"R{made + 1:08d}", *row)
                made += 1


def write_csv(path: Path, n: int, seed: int = 1) -> Truth:
    """Write `n` records to `path` with the dedupe header; return the truth."""
    truth = Truth()
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(generate(n, seed, truth))
    return truth
