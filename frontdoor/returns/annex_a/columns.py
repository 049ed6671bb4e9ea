"""What every Annex A list shares: its sheet name and headers, and the cells about the child
and the allocation (conventions in the package docstring)."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

from frontdoor.lib.dates import age_on
from frontdoor.returns.annex_a import codes

# The template's headers, sheet by sheet, are data: headers.json beside this module.
HEADERS: dict[str, list[str]] = json.loads(
    (Path(__file__).parent / "headers.json").read_text(encoding="utf-8")
)
SHEET_NAMES = list(HEADERS)

PERSON_FIELDS = ("id", "la_child_id", "sex", "ethnicity", "date_of_birth", "kind", "disabilities")
WORKER_FIELDS = ("team__name", "allocated_worker__first_name", "allocated_worker__last_name")


def person_values(prefix: str) -> list[str]:
    """The `values()` names of the child's fields, reached through `prefix` ("person__")."""
    return [prefix + name for name in PERSON_FIELDS]


def worker_values(prefix: str) -> list[str]:
    """The `values()` names of the allocation, reached through `prefix` ("episode__")."""
    return [prefix + name for name in (*WORKER_FIELDS, "allocated_worker__username")]


def child_age(born: dt.date | None, kind: str, day: dt.date) -> int | None:
    """Age of Child (Years) on `day`: -1 for an unborn child, blank if the birth date is
    not known."""
    if born is None:
        return -1 if kind == "unborn" else None
    return age_on(born, day)


def disability(codes_recorded: list[str] | None) -> str:
    """Yes for any DfE disability code, No for NONE alone, Unknown when none recorded."""
    recorded = [code for code in codes_recorded or [] if code]
    if not recorded:
        return codes.UNKNOWN
    return codes.NO if recorded == ["NONE"] else codes.YES


def child_cells(row: dict[str, Any], prefix: str, as_of: dt.date) -> list[Any]:
    """Child Unique ID, Gender, Ethnicity, Date of Birth, Age of Child (Years)."""
    born = row[prefix + "date_of_birth"]
    return [
        row[prefix + "la_child_id"] or str(row[prefix + "id"]),
        codes.GENDER.get(row[prefix + "sex"], codes.NOT_STATED),
        codes.ETHNICITY.get(row[prefix + "ethnicity"], codes.ETHNICITY["NOBT"]),
        born,
        child_age(born, row[prefix + "kind"], as_of),
    ]


def child_and_disability(row: dict[str, Any], prefix: str, as_of: dt.date) -> list[Any]:
    """The child's cells, then Does the Child have a Disability (Lists 4 to 7)."""
    return [*child_cells(row, prefix, as_of), disability(row[prefix + "disabilities"])]


def allocation(row: dict[str, Any], prefix: str) -> list[str]:
    """Allocated Team, Allocated Worker (the worker's full name, else their username)."""
    first = row[prefix + "allocated_worker__first_name"] or ""
    last = row[prefix + "allocated_worker__last_name"] or ""
    name = f"{first} {last}".strip() or row[prefix + "allocated_worker__username"] or ""
    return [row[prefix + "team__name"] or "", name]


def label(table: dict[str, str], code: str | None) -> str:
    """The template's "letter) label" value for a code, blank for none."""
    return table.get(code or "", "")


def sort_key(row: list[Any], date_column: int) -> tuple[Any, ...]:
    """Rows in date order, then by child ID (blank dates last)."""
    day = row[date_column]
    return (day is None, day or dt.date.min, str(row[0]))
