"""Episodes: every episode of care open at some point in the year, oldest first."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, day

COLUMNS = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
]
# Front Door does not hold providers' Ofsted unique reference numbers: the DfE's
# "not applicable" value is written for every placement.
NO_URN = "XXXXXXX"


def rows(ret: Return) -> list[Row]:
    return [
        {
            "CHILD": c.child_id,
            "DECOM": day(s.start),
            "RNE": s.reason_new,
            "LS": s.legal_status,
            "CIN": s.category_of_need,
            "PLACE": s.placement,
            "PLACE_PROVIDER": s.provider,
            "DEC": day(s.end),
            "REC": s.reason_ceased,
            "REASON_PLACE_CHANGE": s.reason_place_change if s.end else "",
            "HOME_POST": s.home_postcode,
            "PL_POST": s.placement_postcode,
            "URN": NO_URN,
        }
        for c in ret.children
        for s in c.episodes
    ]


TABLE = Table("Episodes", "episodes.csv", COLUMNS, rows)
