"""A second de-duplication reference set of our own, with UK-shaped errors (`uk_shaped`),
made without `synth.linkage` and with a different error model; `frontdoor bench dedupe
--reference` runs it beside the FEBRL sets (synth/bench/reference.py)."""

import datetime as dt
import random
import string

Row = tuple[str, ...]

_FORENAMES = [
    "oliver",
    "george",
    "harry",
    "jack",
    "jacob",
    "noah",
    "charlie",
    "muhammad",
    "thomas",
    "oscar",
    "william",
    "james",
    "leo",
    "alfie",
    "henry",
    "joshua",
    "freddie",
    "archie",
    "ethan",
    "isaac",
    "alexander",
    "joseph",
    "edward",
    "samuel",
    "max",
    "daniel",
    "arthur",
    "lucas",
    "mohammed",
    "logan",
    "theo",
    "harrison",
    "benjamin",
    "mason",
    "sebastian",
    "finley",
    "adam",
    "dylan",
    "zachary",
    "riley",
    "teddy",
    "theodore",
    "david",
    "toby",
    "jake",
    "elijah",
    "louie",
    "reuben",
    "arlo",
    "hugo",
    "luca",
    "jaxon",
    "olivia",
    "amelia",
    "isla",
    "ava",
    "emily",
    "isabella",
    "mia",
    "poppy",
    "ella",
    "lily",
    "evie",
    "grace",
    "sophia",
    "sophie",
    "charlotte",
    "freya",
    "daisy",
    "ruby",
    "chloe",
    "alice",
    "matilda",
    "phoebe",
    "florence",
    "jessica",
    "sienna",
    "millie",
    "evelyn",
    "harper",
    "willow",
    "scarlett",
    "ivy",
    "rosie",
    "eva",
    "layla",
    "elsie",
    "imogen",
    "esme",
    "maya",
    "erin",
    "holly",
    "emma",
    "hannah",
    "aisha",
    "zara",
    "maryam",
    "fatima",
    "amira",
    "leah",
    "lucy",
    "megan",
    "abigail",
]
_SURNAMES = [
    "smith",
    "jones",
    "williams",
    "taylor",
    "brown",
    "davies",
    "evans",
    "wilson",
    "thomas",
    "johnson",
    "roberts",
    "robinson",
    "thompson",
    "wright",
    "walker",
    "white",
    "edwards",
    "hughes",
    "green",
    "hall",
    "lewis",
    "harris",
    "clarke",
    "patel",
    "jackson",
    "wood",
    "turner",
    "martin",
    "cooper",
    "hill",
    "ward",
    "morris",
    "moore",
    "clark",
    "lee",
    "king",
    "baker",
    "harrison",
    "morgan",
    "allen",
    "james",
    "scott",
    "phillips",
    "watson",
    "davis",
    "parker",
    "price",
    "bennett",
    "young",
    "griffiths",
    "mitchell",
    "kelly",
    "cook",
    "carter",
    "richardson",
    "bailey",
    "collins",
    "bell",
    "shaw",
    "murphy",
    "miller",
    "cox",
    "richards",
    "khan",
    "marshall",
    "anderson",
    "simpson",
    "ellis",
    "adams",
    "singh",
    "begum",
    "wilkinson",
    "foster",
    "chapman",
    "powell",
    "webb",
    "rogers",
    "gray",
    "mason",
    "ali",
    "hussain",
    "campbell",
    "matthews",
    "owen",
    "palmer",
    "holmes",
    "mills",
    "barnes",
    "knight",
    "lloyd",
    "butler",
    "russell",
    "barker",
    "fisher",
    "stevens",
    "jenkins",
    "murray",
    "dixon",
    "harvey",
    "o'brien",
    "mcdonald",
    "fitzgerald",
    "ahmed",
    "rahman",
    "kaur",
    "nowak",
    "kowalski",
    "okafor",
    "mensah",
]
_NICKNAMES = {
    "william": "bill",
    "thomas": "tom",
    "alexander": "alex",
    "joseph": "joe",
    "edward": "ted",
    "samuel": "sam",
    "daniel": "dan",
    "benjamin": "ben",
    "theodore": "theo",
    "zachary": "zac",
    "isabella": "bella",
    "sophia": "sophie",
    "matilda": "tilly",
    "jessica": "jess",
    "abigail": "abbie",
    "charlotte": "lottie",
    "florence": "flo",
    "rebecca": "becky",
}
_STREETS = [
    "church",
    "station",
    "victoria",
    "manor",
    "park",
    "mill",
    "school",
    "queens",
    "kings",
    "albert",
    "grange",
    "orchard",
    "springfield",
    "meadow",
    "windsor",
    "york",
    "richmond",
    "chestnut",
    "beech",
    "linden",
]
_KINDS = ("road", "street", "avenue", "lane", "close", "drive", "crescent", "way", "gardens")
_TOWNS = [
    "bristol",
    "weston-super-mare",
    "clevedon",
    "portishead",
    "nailsea",
    "bath",
    "taunton",
    "yatton",
    "worle",
    "keynsham",
]
_OUTWARD = ("BS1", "BS2", "BS3", "BS5", "BS8", "BS20", "BS21", "BS22", "BS23", "BS24", "BS48")
_OCR = {"o": "0", "l": "1", "i": "l", "m": "rn", "s": "5"}


def uk_shaped(people: int = 4000, seed: int = 7) -> tuple[list[Row], list[str]]:
    """Children in one council area, recorded again with the errors UK case systems make.

    Made here, not by `synth.linkage`, and with a different error model: names drawn from
    England's commonest forenames and surnames (so namesakes are frequent); a full address
    line in free text with the town and usually the postcode in it (the postcode column is
    empty, so Front Door must find the postcode in the address); dates of birth written the
    British way and sometimes American-style (month and day read the wrong way round) or
    with a wrong century digit; forename and surname entered in each other's boxes; a middle
    name entered as the forename; hyphenated and apostrophised surnames written without
    their punctuation or with half of the name; a second letter typed twice or dropped
    next to a keyboard neighbour; OCR-like letter swaps (o/0, l/1, m/rn); the house number
    dropped or the street type abbreviated; the whole address replaced after a move, with
    the same town. No twins and no NHS numbers: the set tests what is left when the
    strongest evidence is missing.
    """
    rng = random.Random(seed)
    rows: list[Row] = []
    truth: list[str] = []
    for person in range(people):
        given = rng.choice(_FORENAMES)
        middle = rng.choice(_FORENAMES) if rng.random() < 0.3 else ""
        surname = rng.choice(_SURNAMES)
        if rng.random() < 0.06:
            surname = f"{surname}-{rng.choice(_SURNAMES)}"
        born = dt.date(2007, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 18))
        town = rng.choice(_TOWNS)
        postcode = f"{rng.choice(_OUTWARD)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        postcode += rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        number = rng.randint(1, 140)
        street = f"{rng.choice(_STREETS)} {rng.choice(_KINDS)}"
        copies = rng.choices((1, 2, 3, 4), (0.5, 0.3, 0.14, 0.06))[0]
        for copy in range(copies):
            record = _uk_record(
                rng, copy, given, middle, surname, born, number, street, town, postcode
            )
            rows.append((f"U{person:05d}-{copy}", *record))
            truth.append(str(person))
    order = list(range(len(rows)))
    rng.shuffle(order)
    return [rows[i] for i in order], [truth[i] for i in order]


def _slip(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    at = rng.randint(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.35:
        return word[:at] + word[at] + word[at:]  # doubled
    if kind < 0.6:
        return word[:at] + word[at + 1 :]  # dropped
    if kind < 0.8:
        for letter, looks in _OCR.items():
            if letter in word[1:]:
                return word[0] + word[1:].replace(letter, looks, 1)
    return word[:at] + rng.choice(string.ascii_lowercase) + word[at + 1 :]


def _uk_record(
    rng: random.Random,
    copy: int,
    given: str,
    middle: str,
    surname: str,
    born: dt.date,
    number: int,
    street: str,
    town: str,
    postcode: str,
) -> tuple[str, ...]:
    first, last = given, surname
    date = born.strftime("%d/%m/%Y")
    line = f"{number} {street}, {town}, {postcode}"
    if copy:
        roll = rng.random
        if roll() < 0.15 and given in _NICKNAMES:
            first = _NICKNAMES[given]
        if roll() < 0.12 and middle:
            first = middle
        if roll() < 0.25:
            first = _slip(rng, first)
        if roll() < 0.2:
            last = _slip(rng, last)
        if "-" in last and roll() < 0.5:
            last = rng.choice((last.replace("-", " "), last.split("-")[0], last.split("-")[1]))
        if "'" in last and roll() < 0.7:
            last = last.replace("'", "")
        if roll() < 0.06:
            first, last = last, first
        kind = roll()
        if kind < 0.12:
            date = ""
        elif kind < 0.2 and born.day <= 12:
            date = born.strftime("%m/%d/%Y")
        elif kind < 0.26:
            date = (born.replace(year=born.year - 10) if born.year >= 2010 else born).strftime(
                "%d/%m/%Y"
            )
        elif kind < 0.32:
            date = (born + dt.timedelta(days=rng.choice((-1, 1, 2)))).strftime("%d/%m/%Y")
        kind = roll()
        if kind < 0.2:
            n = rng.randint(1, 140)
            line = f"{n} {rng.choice(_STREETS)} {rng.choice(_KINDS)}, {town}"
        elif kind < 0.35:
            line = f"{street}, {town}, {postcode}"
        elif kind < 0.5:
            line = f"{number} {street.replace('road', 'rd').replace('street', 'st')}, {town}"
        elif kind < 0.6:
            line = ""
    return (
        first.title(),
        last.title(),
        date,
        "",
        "",
        line.title().replace(postcode.title(), postcode),
        "",
    )
