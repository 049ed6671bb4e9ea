"""The matching model's comparisons, written twice: as SQL for Splink and in Python.

Each comparison puts a pair of prepared records (records.prepare()) into one level, from
most to least alike. `COMPARISONS` holds, per comparison, its levels, each with a label, a
DuckDB SQL condition and the same test in Python. The labels tie the two together and name
the levels in the exported model file: the online scorer looks up a level's match weight by
label, so the SQL and the Python must agree (a test checks this on generated pairs).
"""

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from frontdoor.people.matching.names import is_typo
from frontdoor.people.matching.records import Prepared

Test = Callable[[Prepared, Prepared], bool]


def _forename_typo(a: Prepared, b: Prepared) -> bool:
    if a["forename_known"] and b["forename_known"]:
        return False  # Emma and Ella are two names, not a slip: twins are often named alike
    return is_typo(a["forename"], b["forename"])


def _initial(a: Prepared, b: Prepared) -> bool:
    x, y = a["forename"], b["forename"]
    return (len(x) == 1 or len(y) == 1) and x[0] == y[0]


def _part(a: Prepared, b: Prepared) -> bool:
    x, y = a["surname_parts"], b["surname_parts"]
    return (len(x) > 1 or len(y) > 1) and bool(set(x) & set(y))


@dataclass(frozen=True)
class Level:
    label: str
    sql: str
    test: Test
    says: str  # plain words for the evidence; "" for nothing worth saying
    tf_column: str = ""


def _split(column: str) -> str:
    return f"string_split(\"{column}\", '|')"


def _both(column: str) -> str:
    return f'"{column}_l" IS NULL OR "{column}_r" IS NULL'


def _null_level(column: str) -> Level:
    return Level("null", _both(column), lambda a, b: not a[column] or not b[column], "")


def _exact(column: str, says: str, tf: bool = False) -> Level:
    return Level(
        "exact",
        f'"{column}_l" = "{column}_r"',
        lambda a, b: a[column] == b[column],
        says,
        column if tf else "",
    )


def _else(says: str) -> Level:
    return Level("different", "ELSE", lambda a, b: True, says)


FORENAME = [
    _null_level("forename"),
    _exact("forename", "same forename", tf=True),
    Level(
        "spelling",
        '"forename_canon_l" = "forename_canon_r"',
        lambda a, b: a["forename_canon"] == b["forename_canon"],
        "forename is another spelling",
    ),
    Level(
        "nickname",
        f'list_contains({_split("forename_full_l")}, "forename_canon_r") '
        f'OR list_contains({_split("forename_full_r")}, "forename_canon_l")',
        lambda a, b: (
            a["forename_canon"] in b["forename_full"] or b["forename_canon"] in a["forename_full"]
        ),
        "forename is a known nickname",
    ),
    Level(
        "middle",
        f'list_contains({_split("forename_others_l")}, "forename_r") '
        f'OR list_contains({_split("forename_others_r")}, "forename_l")',
        lambda a, b: a["forename"] in b["forename_others"] or b["forename"] in a["forename_others"],
        "forename matches one of their other given names",
    ),
    Level(
        "typo",
        'NOT ("forename_known_l" AND "forename_known_r") '
        'AND least(length("forename_l"), length("forename_r")) >= 3 AND ('
        'damerau_levenshtein("forename_l", "forename_r") <= '
        'CASE WHEN least(length("forename_l"), length("forename_r")) >= 8 THEN 2 ELSE 1 END '
        'OR jaro_winkler_similarity("forename_l", "forename_r") >= 0.94)',
        _forename_typo,
        "forename spelt similarly",
    ),
    Level(
        "initial",
        '(length("forename_l") = 1 OR length("forename_r") = 1) '
        'AND substr("forename_l", 1, 1) = substr("forename_r", 1, 1)',
        _initial,
        "forename initial matches",
    ),
    _else("different forename"),
]

SURNAME = [
    _null_level("surname"),
    _exact("surname", "same surname", tf=True),
    Level(
        "part",
        f"(len({_split('surname_parts_l')}) > 1 OR len({_split('surname_parts_r')}) > 1) "
        f"AND len(list_intersect({_split('surname_parts_l')}, {_split('surname_parts_r')})) > 0",
        _part,
        "surname matches part of a double-barrelled surname",
    ),
    Level(
        "typo",
        'least(length("surname_l"), length("surname_r")) >= 3 AND ('
        'damerau_levenshtein("surname_l", "surname_r") <= '
        'CASE WHEN least(length("surname_l"), length("surname_r")) >= 8 THEN 2 ELSE 1 END '
        'OR jaro_winkler_similarity("surname_l", "surname_r") >= 0.92)',
        lambda a, b: is_typo(a["surname"], b["surname"], jaro=0.92),
        "surname spelt similarly",
    ),
    Level(
        "phonetic",
        '"surname_phonetic_l" = "surname_phonetic_r"',
        lambda a, b: a["surname_phonetic"] == b["surname_phonetic"],
        "surname sounds alike",
    ),
    _else("different surname"),
]

DOB = [
    _null_level("dob"),
    _exact("dob", "same date of birth"),
    Level(
        "swapped",
        '"dob_swapped_l" = "dob_r"',
        lambda a, b: a["dob_swapped"] == b["dob"],
        "day and month of birth swapped",
    ),
    Level(
        "days",
        'substr("dob_l", 1, 7) = substr("dob_r", 1, 7) AND abs(CAST(substr("dob_l", 9, 2) AS '
        'INTEGER) - CAST(substr("dob_r", 9, 2) AS INTEGER)) <= 3',
        lambda a, b: (
            a["dob"][:7] == b["dob"][:7] and abs(int(a["dob"][8:]) - int(b["dob"][8:])) <= 3
        ),
        "date of birth a few days apart",
    ),
    Level(
        "year",
        'substr("dob_l", 6, 5) = substr("dob_r", 6, 5) AND abs(CAST(substr("dob_l", 1, 4) AS '
        'INTEGER) - CAST(substr("dob_r", 1, 4) AS INTEGER)) <= 1',
        lambda a, b: (
            a["dob"][5:] == b["dob"][5:] and abs(int(a["dob"][:4]) - int(b["dob"][:4])) <= 1
        ),
        "same birthday, year of birth differs by one",
    ),
    Level(
        "month",
        'substr("dob_l", 1, 7) = substr("dob_r", 1, 7)',
        lambda a, b: a["dob"][:7] == b["dob"][:7],
        "born in the same month",
    ),
    _else("different date of birth"),
]

SEX = [_null_level("sex"), _exact("sex", ""), _else("different sex recorded")]


def _eq(a: Prepared, b: Prepared, column: str) -> bool:
    return a[column] is not None and a[column] == b[column]


def _same_address(a: Prepared, b: Prepared) -> bool:
    x, y = a["address"], b["address"]
    return x is not None and y is not None and (x == y or JaroWinkler.similarity(x, y) >= 0.9)


# Postcode and address in one comparison: they agree together for a household, so two
# comparisons would count the same evidence twice (and make siblings look like one child).
RESIDENCE = [
    Level(
        "null",
        '("postcode_l" IS NULL OR "postcode_r" IS NULL) '
        'AND ("address_l" IS NULL OR "address_r" IS NULL)',
        lambda a, b: (
            (not a["postcode"] or not b["postcode"]) and (not a["address"] or not b["address"])
        ),
        "",
    ),
    Level(
        "address_and_postcode",
        '"postcode_l" = "postcode_r" AND ("address_l" = "address_r" '
        'OR jaro_winkler_similarity("address_l", "address_r") >= 0.9)',
        lambda a, b: _eq(a, b, "postcode") and _same_address(a, b),
        "same address and postcode",
    ),
    Level(
        "postcode",
        '"postcode_l" = "postcode_r"',
        lambda a, b: _eq(a, b, "postcode"),
        "same postcode",
    ),
    Level(
        "address",
        '"address_l" = "address_r"',
        lambda a, b: _eq(a, b, "address"),
        "same address",
    ),
    Level(
        "sector",
        '"postcode_sector_l" = "postcode_sector_r"',
        lambda a, b: _eq(a, b, "postcode_sector"),
        "same postcode sector",
    ),
    Level(
        "district",
        '"postcode_district_l" = "postcode_district_r"',
        lambda a, b: _eq(a, b, "postcode_district"),
        "same postcode district",
    ),
    _else(""),  # people move: a different address is weak evidence
]

NHS = [
    _null_level("nhs_number"),
    _exact("nhs_number", "same NHS number"),
    _else("different NHS number"),
]

COMPARISONS: dict[str, list[Level]] = {
    "forename": FORENAME,
    "surname": SURNAME,
    "dob": DOB,
    "sex": SEX,
    "residence": RESIDENCE,
    "nhs_number": NHS,
}


def level(name: str, a: Prepared, b: Prepared) -> Level:
    """The first level of comparison `name` that the pair meets."""
    for candidate in COMPARISONS[name]:
        if candidate.test(a, b):
            return candidate
    raise AssertionError("the last level always matches")  # pragma: no cover
