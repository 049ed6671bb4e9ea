"""Header: one row per child in the return (looked after in the year, or a care leaver)."""

from frontdoor.returns.ssda903.records import Child, Return
from frontdoor.returns.ssda903.table import Row, Table, day, sex

COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
# UPN unknown (SSDA903 codes UN1 to UN5): the reason recorded on the child's record when it
# is one of those; otherwise UN1 for a child under 6 not yet at school, UN5 for any other.
SCHOOL_AGE = 6
SSDA903_REASONS = ("UN1", "UN2", "UN3", "UN4", "UN5")


def upn(child: Child, ret: Return) -> str:
    if child.upn:
        return child.upn
    if child.upn_unknown in SSDA903_REASONS:
        return child.upn_unknown
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
