"""A record as matching reads it: the input columns, and each record prepared once.

`prepare()` turns a record (the INPUT_COLUMNS) into the columns the comparisons read: folded
names, spelling group, the full names a short form stands for, phonetic surname, swapped
date of birth, postcode sector and district, normalised address. Bulk de-duplication
prepares the names once per distinct name (`name_columns()`) and the rest in DuckDB SQL
(`PREPARE_SQL`), which must agree with `prepare()` (a test checks this on generated records).
"""

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

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


# A UK postcode written inside a free-text address ("12 Oak Rd, Bristol BS5 6XY").
_POSTCODE_IN_ADDRESS = r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b"


def postcode_in(address: str) -> str:
    """The UK postcode a free-text address holds, compact ("BS56XY"), or ""."""
    found = re.search(_POSTCODE_IN_ADDRESS, (address or "").upper())
    return found.group(1) + found.group(2) if found else ""


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
    if not raw_postcode.strip():
        raw_postcode = postcode_in(str(record.get("address") or ""))
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

# The pattern inside PREPARE_SQL, which is filled in with str.format() (braces doubled).
_POSTCODE_FORMAT = _POSTCODE_IN_ADDRESS.replace("{", "{{").replace("}", "}}")

# prepare() for the columns not derived from names, in DuckDB SQL over a table of the raw
# cells (`dob`, `sex`, `postcode`, `address`, `nhs` as text). Must agree with prepare().
PREPARE_SQL = f"""
WITH cleaned AS (
  SELECT *,
    nullif(trim(dob), '') AS dob_clean,
    upper(regexp_replace(CASE WHEN trim(coalesce(postcode, '')) = ''
      THEN coalesce(regexp_extract(upper(address), '{_POSTCODE_FORMAT}', 0), '')
      ELSE postcode END, '\\s+', '', 'g')) AS compact
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
