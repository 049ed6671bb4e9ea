"""UASC: looked-after children who were unaccompanied asylum-seekers in the year."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day, sex

COLUMNS = ["CHILD", "SEX", "DOB", "DUC"]


def rows(ret: Return) -> list[Row]:
    return [
        {
            "CHILD": c.child_id,
            "SEX": sex(c, ret.period),
            "DOB": day(c.date_of_birth),
            "DUC": day(c.uasc_ceased),
        }
        for c in ret.looked_after()
        if c.uasc_ceased is not None
    ]


TABLE = Table("UASC", "uasc.csv", COLUMNS, rows)
