"""OC3: care leavers' contact, activity and accommodation around a 17th to 21st birthday."""

from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Row, Table, who

COLUMNS = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]


def rows(ret: Return) -> list[Row]:
    return [
        {
            **who(c),
            "IN_TOUCH": c.leaver_contact.in_touch,
            "ACTIV": c.leaver_contact.activity,
            "ACCOM": c.leaver_contact.accommodation,
        }
        for c in ret.children
        if c.care_leaver_birthday is not None and c.leaver_contact is not None
    ]


TABLE = Table("OC3", "oc3.csv", COLUMNS, rows)
