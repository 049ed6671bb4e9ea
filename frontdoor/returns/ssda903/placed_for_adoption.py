"""Placed for adoption: every decision that a child looked after in the year should be
placed for adoption, and when and why it was reversed."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day, who

COLUMNS = ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]


def rows(ret: Return) -> list[Row]:
    return [
        {
            **who(c),
            "DATE_PLACED": day(a.decided_on),
            "DATE_PLACED_CEASED": day(a.ceased_on),
            "REASON_PLACED_CEASED": a.ceased_reason,
        }
        for c in ret.looked_after()
        for a in c.adoptions
        if a.ceased_on is None or a.ceased_on >= ret.period.start
    ]


TABLE = Table("Placed for adoption", "placed_for_adoption.csv", COLUMNS, rows)
