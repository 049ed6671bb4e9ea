"""The matching model's comparisons, written twice: as SQL for Splink and in Python.

A record is prepared once (`prepare()`: folded names, spelling group, the full names a short
form stands for, phonetic surname, swapped date of birth, postcode sector and district,
normalised address). Each comparison then puts a pair of prepared records into one level,
from most to least alike. `COMPARISONS` holds, per comparison, its levels as
(label, SQL condition); `LEVEL_FUNCTIONS` holds the same tests in Python. The labels tie the
two together and name the levels in the exported model file: the online scorer looks up a
level's match weight by label, so the SQL and the Python must agree (a test checks this on
generated pairs).
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from frontdoor.lib.identifiers import normalise_nhs_number, normalise_postcode
from frontdoor.people.matching.names import name_table
from frontdoor.people.search_keys import fold, phonetic

# The input columns of a record (the CSV header of `frontdoor people dedupe`).
INPUT_COLUMNS = (
    "record_id",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
)

Prepared = dict[str, Any]


def _null(value: str) -> str | None:
    return value or None


def swap_day_month(iso: str) -> str | None:
    """'2016-05-10' -> '2016-10-05' when the day could be a month; otherwise None."""
    if len(iso) != 10:
        return None
    day, month = int(iso[8:10]), int(iso[5:7])
    if day > 12 or day == month:
        return None
    return f"{iso[:4]}-{iso[8:10]}-{iso[5:7]}"


_ADDRESS_WORDS = {
    "rd": "road",
    "st": "street",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cl": "close",
    "cres": "crescent",
    "ct": "court",
    "gdns": "gardens",
    "pl": "place",
    "sq": "square",
    "tce": "terrace",
    "gr": "grove",
}


def normalise_address(address: str) -> str:
    """Lower case, no punctuation, abbreviations expanded ("12 Oak Rd" -> "12 oak road")."""
    words = re.findall(r"[a-z0-9]+", (address or "").lower())
    return " ".join(_ADDRESS_WORDS.get(w, w) for w in words)


@lru_cache(maxsize=200_000)
def _forename_features(given: str) -> tuple[str, str, tuple[str, ...], bool, tuple[str, ...], str]:
    table = name_table()
    parts = [fold(p) for p in re.split(r"[\s-]+", given) if fold(p)]
    forename = parts[0] if parts else ""
    canon = table.canon(forename) if forename else ""
    full = tuple(sorted(table.full_names.get(canon, ())))
    key = min(full, default=canon)
    return forename, canon, full, bool(forename) and forename in table.known, tuple(parts[1:]), key


@lru_cache(maxsize=200_000)
def _surname_features(surname: str) -> tuple[str, tuple[str, ...], str]:
    parts = tuple(fold(p) for p in re.split(r"[\s-]+", surname) if fold(p))
    return fold(surname), parts, phonetic(parts[0]) if parts else ""


@lru_cache(maxsize=100_000)
def _address(address: str) -> str:
    return normalise_address(address)


def prepare(record: Mapping[str, Any]) -> Prepared:
    """The columns the comparisons read, from a record with the INPUT_COLUMNS keys."""
    forename, canon, full, known, others, key = _forename_features(
        str(record.get("given_name") or "").strip()
    )
    surname, surname_parts, surname_phonetic = _surname_features(str(record.get("surname") or ""))
    dob = str(record.get("date_of_birth") or "").strip()
    raw_postcode = str(record.get("postcode") or "")
    postcode = normalise_postcode(raw_postcode) if raw_postcode.strip() else ""
    sex = str(record.get("sex") or "").strip().upper()[:1]
    return {
        "unique_id": str(record.get("record_id") or ""),
        "forename": _null(forename),
        "forename_canon": _null(canon),
        "forename_full": full,
        "forename_known": known,
        "forename_others": others,
        "forename_key": _null(key),
        "forename_initial": _null(forename[:1]),
        "surname": _null(surname),
        "surname_parts": surname_parts,
        "surname_phonetic": _null(surname_phonetic),
        "dob": _null(dob),
        "dob_swapped": swap_day_month(dob) if dob else None,
        "birth_year": _null(dob[:4]),
        "sex": sex if sex in ("M", "F") else None,
        "postcode": _null(postcode),
        "postcode_sector": _null(postcode[:-2] if " " in postcode else ""),
        "postcode_district": _null(postcode.split(" ")[0] if " " in postcode else ""),
        "address": _null(_address(str(record.get("address") or ""))),
        "nhs_number": _null(normalise_nhs_number(str(record.get("nhs_number") or ""))),
    }


# Columns holding several values: a '|'-separated string in the SQL frame.
LIST_COLUMNS = ("forename_full", "forename_others", "surname_parts")
FRAME_COLUMNS = (
    "unique_id",
    "forename",
    "forename_canon",
    "forename_full",
    "forename_known",
    "forename_others",
    "forename_key",
    "forename_initial",
    "surname",
    "surname_parts",
    "surname_phonetic",
    "dob",
    "dob_swapped",
    "birth_year",
    "sex",
    "postcode",
    "postcode_sector",
    "postcode_district",
    "address",
    "nhs_number",
)


def frame_columns(records: list[Prepared]) -> dict[str, list[Any]]:
    """Prepared records as columns for a data frame (lists joined with '|')."""
    columns: dict[str, list[Any]] = {name: [] for name in FRAME_COLUMNS}
    for record in records:
        for name in FRAME_COLUMNS:
            value = record[name]
            columns[name].append("|".join(value) if name in LIST_COLUMNS else value)
    return columns


_ADDRESS_SQL = " ".join(f"WHEN '{short}' THEN '{long}'" for short, long in _ADDRESS_WORDS.items())

# prepare() for the columns not derived from names, in DuckDB SQL over a table of the raw
# cells (`dob`, `sex`, `postcode`, `address`, `nhs` as text). Must agree with prepare().
PREPARE_SQL = f"""
WITH cleaned AS (
  SELECT *,
    nullif(trim(dob), '') AS dob_clean,
    upper(regexp_replace(coalesce(postcode, ''), '\\s+', '', 'g')) AS compact
  FROM {{table}}
), coded AS (
  SELECT *,
    CASE WHEN compact = '' THEN NULL WHEN length(compact) < 5 THEN compact
      ELSE substr(compact, 1, length(compact) - 3) || ' ' || right(compact, 3) END AS pc
  FROM cleaned
)
SELECT * EXCLUDE (dob, sex, postcode, address, nhs, dob_clean, compact, pc),
  dob_clean AS dob,
  CASE WHEN dob_clean IS NULL OR CAST(substr(dob_clean, 9, 2) AS INTEGER) > 12
    OR substr(dob_clean, 9, 2) = substr(dob_clean, 6, 2) THEN NULL
    ELSE substr(dob_clean, 1, 5) || substr(dob_clean, 9, 2) || '-' || substr(dob_clean, 6, 2)
  END AS dob_swapped,
  substr(dob_clean, 1, 4) AS birth_year,
  CASE WHEN upper(substr(trim(coalesce(sex, '')), 1, 1)) IN ('M', 'F')
    THEN upper(substr(trim(sex), 1, 1)) END AS sex,
  pc AS postcode,
  CASE WHEN contains(pc, ' ') THEN substr(pc, 1, length(pc) - 2) END AS postcode_sector,
  CASE WHEN contains(pc, ' ') THEN split_part(pc, ' ', 1) END AS postcode_district,
  nullif(array_to_string(list_transform(
    regexp_extract_all(lower(coalesce(address, '')), '[a-z0-9]+'),
    lambda w: CASE w {_ADDRESS_SQL} ELSE w END), ' '), '') AS address,
  nullif(regexp_replace(coalesce(nhs, ''), '[\\s-]', '', 'g'), '') AS nhs_number
FROM coded
"""


def name_columns(given_names: list[str], surnames: list[str]) -> dict[str, list[Any]]:
    """The name-derived columns of prepare(), computed once per distinct name."""
    forenames = {g: _forename_features(g.strip()) for g in set(given_names)}
    families = {s: _surname_features(s) for s in set(surnames)}
    f = [forenames[g] for g in given_names]
    s = [families[n] for n in surnames]
    return {
        "forename": [x[0] or None for x in f],
        "forename_canon": [x[1] or None for x in f],
        "forename_full": ["|".join(x[2]) for x in f],
        "forename_known": [x[3] for x in f],
        "forename_others": ["|".join(x[4]) for x in f],
        "forename_key": [x[5] or None for x in f],
        "forename_initial": [x[0][:1] or None for x in f],
        "surname": [x[0] or None for x in s],
        "surname_parts": ["|".join(x[1]) for x in s],
        "surname_phonetic": [x[2] or None for x in s],
    }


# --- Python tests for each level --------------------------------------------------------

Test = Callable[[Prepared, Prepared], bool]


def _typo(a: str, b: str, jaro: float) -> bool:
    if min(len(a), len(b)) < 3:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return DamerauLevenshtein.distance(a, b) <= limit or JaroWinkler.similarity(a, b) >= jaro


def _forename_typo(a: Prepared, b: Prepared) -> bool:
    if a["forename_known"] and b["forename_known"]:
        return False  # Emma and Ella are two names, not a slip: twins are often named alike
    return _typo(a["forename"], b["forename"], 0.94)


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
        lambda a, b: _typo(a["surname"], b["surname"], 0.92),
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
    return any(_typo(name, other, 0.94) for other in family)


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


def never_one_person(a: Prepared, b: Prepared) -> bool:
    """Records that must never be put in one cluster, whatever chain of links joins them.

    Different NHS numbers; without a shared NHS number, clearly different forenames (twins)
    or different forenames and sexes; or a brother or sister (could_be_siblings).
    """
    if a["nhs_number"] and b["nhs_number"]:
        return a["nhs_number"] != b["nhs_number"]
    if a["forename"] == b["forename"]:
        levels = {"forename": "exact"}
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
    levels["residence"] = level("residence", a, b).label
    return could_be_siblings(levels)
