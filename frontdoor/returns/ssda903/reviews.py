"""Reviews: the statutory reviews held in the year."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day, who

COLUMNS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]


def rows(ret: Return) -> list[Row]:
    return [
        {**who(c), "REVIEW": day(r.held_on), "REVIEW_CODE": r.participation}
        for c in ret.looked_after()
        for r in c.reviews
        if ret.period.contains(r.held_on)
    ]


TABLE = Table("Reviews", "reviews.csv", COLUMNS, rows)
