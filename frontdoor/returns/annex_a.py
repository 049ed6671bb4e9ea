"""Ofsted ILACS Annex A: the child-level Lists 1 to 8 as one workbook (data-and-returns.md §3).

`frontdoor export annex-a --as-of 2025-03-31 --out annex-a.xlsx` and the analysts' page
both call `build_lists(as_of)` and `write_workbook()`.

Sheet names and column headers are those of Ofsted's Annex A template (2023 onwards), as
reproduced by the regional pipelines that read councils' returns (Social Finance's liia-tools
Annex A schema); List 8's columns are the template's, in its order.

Conventions:
- The look-back is the 6 months ending on the as-of date, both days included (as of
  31 March 2025: 1 October 2024 to 31 March 2025); "last 12 months" counts run likewise
  from 1 April 2024. Everything is as at the as-of date: a later date (an authorisation,
  a plan's end) is left blank, as it had not happened yet.
- Dates are real Excel date cells formatted dd/mm/yyyy, as in Ofsted's template, so that
  inspectors can sort and filter them. Age of Child (Years) is the age on the as-of date;
  an unborn child is -1.
- Child Unique ID is the LA child ID (the CIN census LAchildID). A child named in a contact
  but not yet linked to the person index is listed under the contact reference and the
  child's place in the contact ("FD-ABCD-EFGH-1").
- Categorical cells use the template's "letter) label" values (annex_a_codes.py).
- Counts "in the last 12 months" (referrals, s47 enquiries, ICPCs, placements, missing and
  absent episodes) are the child's, over the 12 months to the as-of date, this one included.
- List 4 "Child Seen" is Yes once the child's seen date is recorded, else No; "requiring
  social care support" is Yes for an outcome of a CIN plan, a strategy discussion or
  becoming looked after, blank while the assessment is open.
- List 5 lists enquiries started in the 6 months or still open when they began (no outcome
  and no ICPC before them).
- List 6 is one row per CIN episode and leaves out referrals closed with no further action
  (the DfE does not count them as children in need). Case status takes the first of: looked
  after, CP plan, CIN plan, open assessment, closed episode. An open episode with no plan
  is "d) Open assessment" (in assessment, awaiting one, or assessed awaiting a plan or
  closure).
- List 8 is one row per period of care (a run of looked-after episodes).
- Every list is read in a few bulk queries and grouped in Python: no query per child.

Columns left blank because Front Door does not record them yet:
- List 2 (early help) has no rows: early-help assessments are not recorded.
- List 7: Subject to Emergency Protection Order or Protected Under Police Powers in Last
  Six Months (Y/N).
- List 8: Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N); Date of
  Latest Statutory Review; Date of Last Social Work Visit; What is the permanence plan for
  this child?; Date of Last IRO Visit / Contact to the Child; Date of Last Health
  Assessment; Date of Last Dental Check; Placement Provider; URN of Placement; Placement
  Location; LA of Placement.
- List 6 Primary Need Code is blank where the episode has none recorded.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from django.core.management.base import CommandError
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from frontdoor.lib.dates import months_before
from frontdoor.returns import annex_a_codes as codes

DATE_FORMAT = "dd/mm/yyyy"
SHEET_NAMES = [f"List {n}" for n in range(1, 9)]

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
DISABILITY = "Does the Child have a Disability"
ALLOCATION = ["Allocated Team", "Allocated Worker"]

HEADERS: dict[str, list[str]] = {
    "List 1": [*COMMON, "Date of Contact", "Contact Source"],
    "List 2": [
        *COMMON,
        "Assessment start date",
        "Assessment completion date",
        "Organisation completing assessment",
    ],
    "List 3": [
        *COMMON,
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
        *ALLOCATION,
    ],
    "List 4": [
        *COMMON,
        DISABILITY,
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
        *ALLOCATION,
    ],
    "List 5": [
        *COMMON,
        DISABILITY,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months",
        *ALLOCATION,
    ],
    "List 6": [
        *COMMON,
        DISABILITY,
        "CIN Start Date",
        "Primary Need Code",
        "Date Child Was Last Seen",
        "CIN Closure Date",
        "Reason for Closure",
        "Case Status",
        *ALLOCATION,
    ],
    "List 7": [
        *COMMON,
        DISABILITY,
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?",
        "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
        "Months (Y/N)",
        "Number of Previous Child Protection Plans",
        *ALLOCATION,
    ],
    "List 8": [
        *COMMON,
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        DISABILITY,
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last "
        "12 months (Y/N)",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Latest Statutory Review",
        "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child",
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
        "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
        "months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        *ALLOCATION,
    ],
}


@dataclass(frozen=True)
class Window:
    """The as-of date and the first days of its 6- and 12-month look-backs."""

    as_of: dt.date
    start6: dt.date
    start12: dt.date

    @classmethod
    def ending(cls, as_of: dt.date) -> "Window":
        one_day = dt.timedelta(days=1)
        return cls(as_of, months_before(as_of, 6) + one_day, months_before(as_of, 12) + one_day)

    def upto(self, day: dt.date | None) -> dt.date | None:
        """`day` if it had happened by the as-of date, else None (blank)."""
        return day if day is not None and day <= self.as_of else None


@dataclass
class Sheet:
    name: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


# --- columns shared by every list ------------------------------------------------------

PERSON_FIELDS = ("id", "la_child_id", "sex", "ethnicity", "date_of_birth", "kind", "disabilities")
WORKER_FIELDS = ("team__name", "allocated_worker__first_name", "allocated_worker__last_name")


def person_values(prefix: str) -> list[str]:
    """The `values()` names of the child's fields, reached through `prefix` ("person__")."""
    return [prefix + name for name in PERSON_FIELDS]


def worker_values(prefix: str) -> list[str]:
    """The `values()` names of the allocation, reached through `prefix` ("episode__")."""
    return [prefix + name for name in (*WORKER_FIELDS, "allocated_worker__username")]


def age_on(born: dt.date | None, kind: str, day: dt.date) -> int | None:
    if born is None:
        return -1 if kind == "unborn" else None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


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
        age_on(born, row[prefix + "kind"], as_of),
    ]


def child_and_disability(row: dict[str, Any], prefix: str, as_of: dt.date) -> list[Any]:
    return [*child_cells(row, prefix, as_of), disability(row[prefix + "disabilities"])]


def allocation(row: dict[str, Any], prefix: str) -> list[str]:
    """Allocated Team, Allocated Worker (the worker's full name, else their username)."""
    first = row[prefix + "allocated_worker__first_name"] or ""
    last = row[prefix + "allocated_worker__last_name"] or ""
    name = f"{first} {last}".strip() or row[prefix + "allocated_worker__username"] or ""
    return [row[prefix + "team__name"] or "", name]


def label(table: dict[str, str], code: str | None) -> str:
    return table.get(code or "", "")


def sort_key(row: list[Any], date_column: int) -> tuple[Any, ...]:
    """Rows in date order, then by child ID (blank dates last)."""
    day = row[date_column]
    return (day is None, day or dt.date.min, str(row[0]))


# --- the workbook ------------------------------------------------------------------------


def build_lists(as_of: dt.date) -> list[Sheet]:
    """Lists 1 to 8 as at `as_of`, each with its headers and rows."""
    from frontdoor.returns.annex_a_care import list_8
    from frontdoor.returns.annex_a_lists import list_1, list_2, list_3, list_4, list_5
    from frontdoor.returns.annex_a_plans import list_6, list_7

    window = Window.ending(as_of)
    builders = [list_1, list_2, list_3, list_4, list_5, list_6, list_7, list_8]
    return [
        Sheet(name, HEADERS[name], builder(window))
        for name, builder in zip(SHEET_NAMES, builders, strict=True)
    ]


def _cells(sheet: Any, row: Iterable[Any]) -> list[Any]:
    cells: list[Any] = []
    for value in row:
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(sheet, value=dt.datetime.combine(value, dt.time()))
            cell.number_format = DATE_FORMAT
            cells.append(cell)
        else:
            cells.append(None if value == "" else value)
    return cells


def write_workbook(sheets: list[Sheet], target: str | Path | IO[bytes]) -> None:
    """Write the lists as one .xlsx workbook (streamed, so a large council fits in memory)."""
    book = Workbook(write_only=True)
    for sheet in sheets:
        out = book.create_sheet(sheet.name)
        out.append(sheet.headers)
        for row in sheet.rows:
            out.append(_cells(out, row))
    book.save(target)


def parse_as_of(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError as error:
        raise CommandError(
            f"--as-of must be a date written YYYY-MM-DD, for example 2025-03-31 (got “{text}”)."
        ) from error


def run_command(options: dict[str, Any], stdout: Any, stderr: Any) -> None:
    """`frontdoor export annex-a --as-of 2025-03-31 --out annex-a.xlsx`."""
    as_of = parse_as_of(options["as_of"])
    sheets = build_lists(as_of)
    content = BytesIO()
    write_workbook(sheets, content)
    try:
        Path(options["out"]).write_bytes(content.getvalue())
    except OSError as error:
        raise CommandError(f"Could not write {options['out']}: {error.strerror}") from error
    for sheet in sheets:
        rows = len(sheet.rows)
        stdout.write(f"{sheet.name}: {rows} row{'' if rows == 1 else 's'}")
    stdout.write(f"Wrote Ofsted Annex A as at {as_of:%d/%m/%Y} to {options['out']}")
