"""Unaccompanied asylum-seeking children (UASC) who arrive in the council's area.

DfE, "Children looked after in England including adoptions", year ending 31 March 2024:
of 83,630 children looked after at 31 March, about 7,380 (9%) were unaccompanied asylum-
seeking children, almost all aged 16 or 17 and most of them boys. A young person arrives
alone (found by the police, or sent by the Home Office or another council under the
National Transfer Scheme), with no family here; the council accommodates them under
section 20 (V2) the day they are referred, and most stay looked after until they are 18,
when they leave care as care leavers.

Drawn from a random stream of their own (seeded with the council's seed), so how many
arrive, and who, does not depend on the rest of the plan's draws.
"""

import datetime as dt
import random

from frontdoor.contacts.codes import ReferralSource
from frontdoor.synth import places
from frontdoor.synth.names import NAMES
from frontdoor.synth.population import Family, Identifiers, SynthPerson

# DfE 2024 (see above): 7,380 of 83,630 children looked after were UASC.
STOCK_SHARE = 7_380 / 83_630
AGES = {17: 45.0, 16: 35.0, 15: 12.0, 14: 8.0}  # age on arrival: almost all 16 or 17
BOYS = 0.93
# Years in care on average, arrival to 18th birthday, for the ages above (a whole year
# less half of one on arrival): stock = arrivals a year times years in care.
YEARS_IN_CARE = sum((18 - age - 0.5) * w for age, w in AGES.items()) / sum(AGES.values())
# Ethnicity code and the origin of the names (synth/names.py): Afghan, Sudanese, Syrian or
# Iranian, Eritrean or Somali young people.
ORIGINS = {("AOTH", "arabic"): 35.0, ("OOTH", "arabic"): 35.0, ("BAFR", "somali"): 30.0}
SOURCES = {
    ReferralSource.POLICE: 45.0,
    ReferralSource.LA_EXTERNAL: 40.0,  # another council, under the National Transfer Scheme
    ReferralSource.OTHER_LEGAL: 15.0,  # Home Office
}
WORRIES = [
    "{child} arrived in the area alone, says they are seeking asylum and has no family or "
    "friends in the UK. Needs somewhere to live tonight.",
    "{child} was found by officers at a service station after leaving a lorry. They speak "
    "little English, say they are under 18 and have no adult with them.",
    "Transfer of {child}, an unaccompanied asylum-seeking child, to this council under the "
    "National Transfer Scheme. Needs a placement from today.",
]


def arrivals_a_year(children_in_care: int) -> int:
    """How many unaccompanied children must arrive each year for them to be about 9% of
    `children_in_care` looked after at 31 March."""
    return round(STOCK_SHARE * children_in_care / YEARS_IN_CARE)


def worry(rng: random.Random, child: str) -> str:
    return rng.choice(WORRIES).format(child=child)


class Arrivals:
    """Draws each unaccompanied child: a family of one young person, no adult here."""

    def __init__(self, seed: int, ids: Identifiers) -> None:
        self.rng = random.Random(f"{seed}-unaccompanied")
        # Identifiers of their own stream, sharing the set already issued: never a repeat.
        self.ids = Identifiers(self.rng, taken=set())
        self.ids.used = ids.used

    def family(self, on: dt.date, key: int) -> Family:
        rng = self.rng
        code, origin = rng.choices(list(ORIGINS), weights=list(ORIGINS.values()))[0]
        age = rng.choices(list(AGES), weights=list(AGES.values()))[0]
        born = on - dt.timedelta(days=int(age * 365.25) + rng.randint(0, 364))
        sex = "M" if rng.random() < BOYS else "F"
        boys, girls, surnames = NAMES[origin]
        child = SynthPerson(
            "child",
            rng.choice(boys if sex == "M" else girls),
            rng.choice(surnames),
            sex,
            born,
            code,
            nhs_number=self.ids.nhs_number(),
            # Lived abroad (UN3): UN4, "new to the authority", is for a week or so (rule 210).
            upn_unknown="UN3",
            disabilities=["NONE"],
        )
        line1, town, postcode = places.address(rng)
        return Family(key, line1, town, postcode, [], [child])

    def source(self) -> str:
        return self.rng.choices(list(SOURCES), weights=list(SOURCES.values()))[0]
