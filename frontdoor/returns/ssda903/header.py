"""Header: one row per child in the return (looked after in the year, or a care leaver)."""

import datetime as dt

from frontdoor.returns.ssda903.records import Child, Period, Return
from frontdoor.returns.ssda903.table import Row, Table, day, sex

COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
# UPN unknown (SSDA903 codes UN1 to UN5): the reason recorded on the child's record when it
# is one of those; otherwise UN1 for a child not yet of school age, UN5 for any other.
SSDA903_REASONS = ("UN1", "UN2", "UN3", "UN4", "UN5")


def school_age_from(period: Period) -> dt.date:
    """A child 4 by this day is of school age for the year (DfE rule 209: 31 August of the
    year before the collection year starts)."""
    return dt.date(period.start.year - 1, 8, 31)


def is_school_age(child: Child, period: Period) -> bool:
    four = child.turns(4)
    return four is not None and four <= school_age_from(period)


def upn(child: Child, period: Period) -> str:
    if child.upn:
        return child.upn
    if child.upn_unknown in SSDA903_REASONS:
        return child.upn_unknown
    return "UN5" if is_school_age(child, period) else "UN1"


def rows(ret: Return) -> list[Row]:
    return [
        {
            "CHILD": c.child_id,
            "SEX": sex(c, ret.period),
            "DOB": day(c.date_of_birth),
            "ETHNIC": c.ethnicity,
            "UPN": upn(c, ret.period),
            "MOTHER": "0" if c.sex == "F" else "",
            "MC_DOB": "",
        }
        for c in ret.children
    ]


TABLE = Table("Header", "header.csv", COLUMNS, rows)
