"""Header: one row per child in the return (looked after in the year, or a care leaver)."""

from frontdoor.returns.ssda903.records import Child, Return
from frontdoor.returns.ssda903.table import Row, Table, day, sex

COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
# UPN unknown (SSDA903): UN1 a child under 6 not yet at school; UN5 any other reason.
SCHOOL_AGE = 6


def upn(child: Child, ret: Return) -> str:
    if child.upn:
        return child.upn
    age = child.age_on(ret.period.end)
    return "UN1" if age is not None and age < SCHOOL_AGE else "UN5"


def rows(ret: Return) -> list[Row]:
    return [
        {
            "CHILD": c.child_id,
            "SEX": sex(c),
            "DOB": day(c.date_of_birth),
            "ETHNIC": c.ethnicity,
            "UPN": upn(c, ret),
            "MOTHER": "0" if c.sex == "F" else "",
            "MC_DOB": "",
        }
        for c in ret.children
    ]


TABLE = Table("Header", "header.csv", COLUMNS, rows)
