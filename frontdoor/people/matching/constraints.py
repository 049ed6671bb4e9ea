"""The rules that keep twins and siblings apart, whatever the model's weights say.

Twins and siblings share a surname, an address and (twins) a date of birth: the errors a
front door must never make. Online, `could_be_twins()` and `could_be_siblings()` cap the
model's probability below the review band (model.py); in bulk de-duplication,
`never_one_person()` is a cannot-link constraint on the clustering (dedupe.py).
"""

from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from frontdoor.people.matching.comparisons import level
from frontdoor.people.matching.names import is_typo, name_table
from frontdoor.people.matching.records import Prepared


def could_be_twins(levels: Mapping[str, str]) -> bool:
    """A different forename and no shared NHS number: never suggested as the same person.

    Twins and siblings share a surname, a date of birth (twins) and an address; only the
    forename tells them apart, so a different forename vetoes a link whatever else agrees.
    """
    return levels.get("forename") == "different" and levels.get("nhs_number") != "exact"


SAME_HOME = ("address_and_postcode", "postcode", "address")


def could_be_siblings(levels: Mapping[str, str]) -> bool:
    """Same home, a date of birth not near, and not the same forename: a brother or sister."""
    return (
        levels.get("dob") == "different"
        and levels.get("residence") in SAME_HOME
        and levels.get("forename") not in ("exact", "spelling")
        and levels.get("nhs_number") != "exact"
    )


@lru_cache(maxsize=100_000)
def _name_family(canon: str, full: tuple[str, ...]) -> frozenset[str]:
    """Every form of a forename: its spellings, the full names it stands for, their short forms."""
    table = name_table()
    roots = {canon, *full}
    forms = roots | {s for r in roots for s in table.short_forms.get(r, ())}
    return frozenset(spelling for f in forms for spelling in table.all_spellings(f))


def _family_of(record: Prepared) -> frozenset[str]:
    return _name_family(record["forename_canon"], record["forename_full"])


def _slip_of(name: str, family: frozenset[str]) -> bool:
    return any(is_typo(name, other) for other in family)


def clearly_different_forenames(a: Prepared, b: Prepared) -> bool:
    """Two real names (Emma, Ella) or names too far apart to be one name mistyped.

    A name that is not a known one and is one slip from a form of the other ("Boby" beside
    "Robert", for Bobby) is not clearly different: a chain Robert - Bobby - Boby is one child.
    """
    x, y = a["forename"], b["forename"]
    if not x or not y:
        return False
    if {a["forename_canon"], *a["forename_full"]} & {b["forename_canon"], *b["forename_full"]}:
        return False  # Bob and Rob: two short forms of Robert
    if a["forename_known"] and b["forename_known"]:
        return True
    shorter = min(len(x), len(y))
    if DamerauLevenshtein.distance(x, y) <= (1 if shorter < 3 else 2):
        return False  # one name mistyped (Yu and To are two names)
    return not (
        (not a["forename_known"] and _slip_of(x, _family_of(b)))
        or (not b["forename_known"] and _slip_of(y, _family_of(a)))
    )


def swapped_names(a: Prepared, b: Prepared) -> bool:
    """Given name and surname in each other's boxes (Nathan Morrison, Morrison Nathan).

    Allowing a slip in either ("Vincen Luke", "Lue Vincent"). No twin or sibling is named
    like that: a brother's forename is not his sister's surname.
    """
    x, y, p, q = a["forename"], a["surname"], b["forename"], b["surname"]
    if not (x and y and p and q) or x in (p, y) or p == q:
        return False
    return bool(JaroWinkler.similarity(x, q) >= 0.9 and JaroWinkler.similarity(y, p) >= 0.9)


# Forename levels that are one name written another way, not a brother's or sister's name.
ONE_NAME = ("exact", "spelling", "nickname", "typo")


def never_one_person(a: Prepared, b: Prepared) -> bool:
    """Records that must never be put in one cluster, whatever chain of links joins them.

    Different NHS numbers; without a shared NHS number, clearly different forenames (twins)
    or different forenames and sexes; or a brother or sister (could_be_siblings) - but not
    names swapped between the boxes, nor a forename mistyped or shortened (a typo or a
    nickname of one forename is one child whose date of birth was recorded differently).
    """
    if a["nhs_number"] and b["nhs_number"]:
        return a["nhs_number"] != b["nhs_number"]
    if a["forename"] == b["forename"]:
        levels = {"forename": "exact"}
    elif swapped_names(a, b):
        return False
    else:
        forename = level("forename", a, b).label
        if forename == "different" and (
            clearly_different_forenames(a, b) or (a["sex"] and b["sex"] and a["sex"] != b["sex"])
        ):
            return True
        levels = {"forename": forename}
    levels["dob"] = level("dob", a, b).label
    if levels["dob"] != "different":
        return False
    if levels["forename"] in ONE_NAME:
        return False  # a typo or nickname of the same forename: one child, dates aside
    levels["residence"] = level("residence", a, b).label
    return could_be_siblings(levels)
