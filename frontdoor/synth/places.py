"""Synthetic addresses: invented streets in real North Somerset postcode districts.

Postcodes have the real format (outward code of the district, inward code of digit and two
letters from the Royal Mail set) but are drawn at random, so they need not exist.
"""

import random

from frontdoor.lib.identifiers import is_valid_postcode

# Outward code, town, weight (rough share of the area's children).
DISTRICTS: list[tuple[str, str, float]] = [
    ("BS20", "Portishead", 11.0),
    ("BS21", "Clevedon", 9.0),
    ("BS22", "Weston-super-Mare", 15.0),
    ("BS23", "Weston-super-Mare", 17.0),
    ("BS24", "Weston-super-Mare", 13.0),
    ("BS25", "Winscombe", 3.0),
    ("BS29", "Banwell", 2.5),
    ("BS40", "Wrington", 3.5),
    ("BS41", "Long Ashton", 3.0),
    ("BS48", "Nailsea", 11.0),
    ("BS49", "Yatton", 7.0),
]

_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_STREET_FIRST = [
    "Oak",
    "Elm",
    "Ash",
    "Birch",
    "Beech",
    "Hazel",
    "Willow",
    "Rowan",
    "Holly",
    "Laurel",
    "Maple",
    "Cedar",
    "Alder",
    "Channel",
    "Severn",
    "Mendip",
    "Quantock",
    "Brean",
    "Kewstoke",
    "Worle",
    "Uphill",
    "Locking",
    "Hutton",
    "Milton",
    "Ashcombe",
    "Clarence",
    "Victoria",
    "Albert",
    "Station",
    "Church",
    "Mill",
    "Orchard",
    "Meadow",
    "Brook",
    "Harbour",
    "Marine",
    "Beach",
    "Coast",
    "Moorland",
    "Kenn",
    "Tickenham",
    "Backwell",
    "Wraxall",
    "Cadbury",
    "Clevedon",
    "Walton",
    "Gordano",
    "Cabstand",
    "Drove",
    "Pier",
    "Castle",
    "Abbey",
    "Priory",
    "Manor",
    "Grange",
    "Park",
    "Court",
    "Hill",
    "Valley",
    "Ridge",
    "Downs",
    "Knoll",
]
_STREET_KIND = [
    "Road",
    "Road",
    "Road",
    "Street",
    "Avenue",
    "Close",
    "Close",
    "Way",
    "Drive",
    "Lane",
    "Gardens",
    "Crescent",
    "Grove",
    "View",
    "Place",
    "Walk",
    "Rise",
    "Court",
    "Terrace",
    "Mews",
]


def choose_district(rng: random.Random) -> tuple[str, str]:
    """An outward code and its town, weighted by population."""
    outward, town, _ = rng.choices(DISTRICTS, weights=[w for *_, w in DISTRICTS])[0]
    return outward, town


def postcode(rng: random.Random, outward: str) -> str:
    code = (
        f"{outward} {rng.randint(0, 9)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"
    )
    if not is_valid_postcode(code):  # only if the tables above are edited wrongly
        raise ValueError(f"Not a valid postcode: {code}")
    return code


def street_address(rng: random.Random) -> str:
    """A house number (or flat) on an invented street."""
    street = f"{rng.choice(_STREET_FIRST)} {rng.choice(_STREET_KIND)}"
    if rng.random() < 0.15:
        return f"Flat {rng.randint(1, 24)}, {rng.randint(1, 60)} {street}"
    return f"{rng.randint(1, 180)} {street}"


def address(rng: random.Random) -> tuple[str, str, str]:
    """(line 1, town, postcode) for a new household."""
    outward, town = choose_district(rng)
    return street_address(rng), town, postcode(rng, outward)
