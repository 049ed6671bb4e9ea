"""Previous permanence: for each period of care started in the year, whether the child was
adopted or under a special guardianship or child arrangements order before."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day, who

COLUMNS = ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]


def rows(ret: Return) -> list[Row]:
    return [
        {**who(c), "PREV_PERM": p.kind, "LA_PERM": p.la_code, "DATE_PERM": day(p.order_date)}
        for c in ret.looked_after()
        for p in c.permanence
        if ret.period.contains(p.episode_start)
    ]


TABLE = Table("Previous permanence", "previous_permanence.csv", COLUMNS, rows)
