"""Social worker episodes: the social worker of each child looked after in the year."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day

COLUMNS = ["CHILD", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]


def rows(ret: Return) -> list[Row]:
    return [
        {
            "CHILD": c.child_id,
            "SW_ID": w.id,
            "SW_DECOM": day(w.start),
            "SW_DEC": "",
            "SW_REASON": "",
        }
        for c in ret.looked_after()
        for w in c.social_workers
    ]


TABLE = Table("Social worker episodes", "social_worker_episodes.csv", COLUMNS, rows)
