"""Missing: looked-after children's missing and away-from-placement episodes that began in
the year, from the missing episodes of risk outside the home (one source)."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day, who

COLUMNS = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]


def rows(ret: Return) -> list[Row]:
    return [
        {**who(c), "MISSING": m.kind, "MIS_START": day(m.start), "MIS_END": day(m.end)}
        for c in ret.looked_after()
        for m in c.missing
    ]


TABLE = Table("Missing", "missing.csv", COLUMNS, rows)
