"""The expected Annex A workbook for the golden test, stated by hand (not by the exporter).

    uv run python frontdoor/returns/tests/golden/make_annex_a_golden.py

writes annex-a-2025-03-31.xlsx beside this file from the rows below: what the council
built by frontdoor/returns/tests/annex_a_data.py must export as at 31 March 2025
(look-back 1 October 2024 to 31 March 2025; "last 12 months" from 31 March 2024).
Dates are date cells formatted dd/mm/yyyy; blank cells are None.
"""

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook

D = dt.date
HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "annex-a-2025-03-31.xlsx"
DATE_FORMAT = "dd/mm/yyyy"

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
TEAM = ["Allocated Team", "Allocated Worker"]
DISABILITY = "Does the Child have a Disability"

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
        *TEAM,
    ],
    "List 4": [
        *COMMON,
        DISABILITY,
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
        *TEAM,
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
        *TEAM,
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
        *TEAM,
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
        *TEAM,
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
        *TEAM,
    ],
}

# The children, as the leading columns show them on 31 March 2025.
A = ["GOLDA1", "b) Female", "a) WBRI", D(2015, 6, 10), 9]
B = ["GOLDB2", "a) Male", "n) BCRB", D(2012, 2, 29), 13]
C = ["GOLDC3", "b) Female", "t) NOBT", D(2009, 9, 30), 15]
DD = ["GOLDD4", "a) Male", "k) APKN", D(2018, 1, 5), 7]
E = ["GOLDE5", "c) Not stated/recorded", "t) NOBT", None, -1]
F = ["GOLDF6", "b) Female", "g) MWBA", D(2020, 12, 1), 4]
G = ["GOLDG7", "a) Male", "b) WIRI", D(2010, 3, 31), 15]
H = ["GOLDH8", "b) Female", "d) WOTH", D(2016, 8, 8), 8]
YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"
WORKER = ["Front Door", "Social Worker Persona"]
RC7 = "RC7 - Services ceased for any other reason, including child no longer in need"
# No reviews, checks or adoption plans recorded for this council's children: statutory
# review, social work visit, permanence plan, IRO, health assessment, dental check.
NOT_RECORDED = [None] * 6

ROWS: dict[str, list[list[Any]]] = {
    "List 1": [
        [*B, D(2024, 10, 7), "k) 3E: Health services"],
        [*A, D(2024, 11, 4), "q) 6: Police"],
        [*H, D(2024, 12, 2), "q) 6: Police"],
        [*F, D(2025, 1, 13), "t) 9: Anonymous"],
        [*E, D(2025, 2, 10), "h) 3B: Health services"],
        [*DD, D(2025, 3, 10), "c) 1C: Individual"],
        [*G, D(2025, 3, 24), "f) 2B: Education services"],
    ],
    "List 2": [],
    "List 3": [
        [*B, D(2024, 10, 7), "k) 3E: Health services", NO, 1, *WORKER],
        [*A, D(2024, 11, 4), "q) 6: Police", NO, 2, *WORKER],
        [*H, D(2024, 12, 2), "q) 6: Police", NO, 1, *WORKER],
        [*F, D(2025, 1, 13), "t) 9: Anonymous", YES, 1, None, None],
        [*DD, D(2025, 3, 10), "c) 1C: Individual", NO, 2, *WORKER],
        [*G, D(2025, 3, 24), "f) 2B: Education services", NO, 1, *WORKER],
    ],
    "List 4": [
        [*A, NO, D(2024, 11, 5), YES, D(2024, 12, 16), YES, *WORKER],
        [*G, UNKNOWN, D(2025, 3, 25), NO, None, None, *WORKER],
    ],
    "List 5": [
        [*B, YES, D(2024, 10, 7), NO, D(2024, 10, 25), YES, 1, 1, *WORKER],
        [*H, YES, D(2024, 12, 2), YES, None, None, 1, 0, *WORKER],
    ],
    "List 6": [
        [
            *C,
            UNKNOWN,
            D(2024, 4, 15),
            None,
            D(2024, 4, 17),
            None,
            None,
            "a) Looked after child",
            *WORKER,
        ],
        [
            *DD,
            NO,
            D(2024, 6, 3),
            None,
            D(2024, 6, 5),
            D(2025, 3, 3),
            RC7,
            "e) Closed episode",
            *WORKER,
        ],
        [
            *B,
            YES,
            D(2024, 10, 7),
            None,
            D(2025, 3, 14),
            None,
            None,
            "b) Child Protection plan",
            *WORKER,
        ],
        [
            *A,
            NO,
            D(2024, 11, 4),
            None,
            D(2024, 11, 6),
            None,
            None,
            "c) Child in need plan",
            *WORKER,
        ],
        [*H, YES, D(2024, 12, 2), None, None, D(2024, 12, 20), RC7, "e) Closed episode", *WORKER],
        [*DD, NO, D(2025, 3, 10), None, None, None, None, "a) Looked after child", *WORKER],
        [*G, UNKNOWN, D(2025, 3, 24), None, None, None, None, "d) Open assessment", *WORKER],
    ],
    "List 7": [
        [
            *B,
            YES,
            D(2024, 10, 25),
            "a) Neglect",
            "e) Multiple/not recommended",
            D(2025, 3, 14),
            YES,
            D(2025, 1, 24),
            None,
            None,
            0,
            *WORKER,
        ],
    ],
    "List 8": [
        [
            *C,
            NO,  # UASC: none recorded
            UNKNOWN,
            D(2024, 5, 21),
            "N4 - Family in acute stress",
            NO,
            D(2024, 8, 1),
            "C1: ICO",
            *NOT_RECORDED,
            2,
            None,
            None,
            D(2024, 12, 2),
            "p) K2: Children's Homes",
            None,
            "BS1 2BB",
            None,
            None,
            None,
            2,
            1,
            YES,
            UNKNOWN,
            *WORKER,
        ],
        [
            *DD,
            NO,  # UASC: none recorded
            NO,
            D(2024, 7, 2),
            "N1 - Abuse or neglect",
            NO,
            D(2024, 7, 2),
            "V2: Single period under S20",
            *NOT_RECORDED,
            2,
            D(2024, 11, 15),
            "e) E4A: Returned home to live with parents or relatives - part of planning",
            D(2024, 7, 2),
            "d) U4: Foster placement - long term",
            None,
            "BS22 3CC",
            None,
            None,
            None,
            0,
            0,
            None,
            None,
            *WORKER,
        ],
        [
            *DD,
            NO,  # UASC: none recorded
            NO,
            D(2025, 3, 12),
            "N1 - Abuse or neglect",
            YES,
            D(2025, 3, 12),
            "V2: Single period under S20",
            *NOT_RECORDED,
            2,
            None,
            None,
            D(2025, 3, 12),
            "f) U6: Foster placement - not FFA",
            None,
            "BS22 3CC",
            None,
            None,
            None,
            0,
            0,
            None,
            None,
            *WORKER,
        ],
    ],
}


def write(path: Path = GOLDEN) -> None:
    book = Workbook()
    book.remove(book.active)
    for name, headers in HEADERS.items():
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in ROWS[name]:
            assert len(row) == len(headers), (name, row)
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = DATE_FORMAT
    book.save(path)


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLDEN)
    print(f"Wrote {GOLDEN if len(sys.argv) < 2 else sys.argv[1]}")
