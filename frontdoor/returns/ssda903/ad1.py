"""AD1: children adopted in the year, with their adoption's decision, match and adopters."""

from frontdoor.returns.ssda903.records import Adoption, Child, Return
from frontdoor.returns.ssda903.table import Row, Table, day, flag, who

COLUMNS = [
    "CHILD",
    "DOB",
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
]
ADOPTED = {"E11", "E12"}


def adoption_of(child: Child) -> Adoption | None:
    """The plan that led to the adoption (the latest not ceased), if adopted in the year."""
    if not any(s.reason_ceased in ADOPTED for s in child.episodes):
        return None
    plans = [a for a in child.adoptions if a.ceased_on is None]
    return plans[-1] if plans else None


def is_adopted(child: Child) -> bool:
    return any(s.reason_ceased in ADOPTED for s in child.episodes)


def rows(ret: Return) -> list[Row]:
    found = []
    for c in ret.looked_after():
        plan = adoption_of(c)
        if plan is None:
            continue
        found.append(
            {
                **who(c),
                "DATE_INT": day(plan.decided_on),
                "DATE_MATCH": day(plan.matched_on),
                "FOSTER_CARE": flag(plan.by_foster_carers),
                "NB_ADOPTR": ""
                if plan.number_of_adopters is None
                else str(plan.number_of_adopters),
                "SEX_ADOPTR": plan.adopters_sex,
                "LS_ADOPTR": plan.adopters_legal_status,
            }
        )
    return found


TABLE = Table("AD1", "ad1.csv", COLUMNS, rows)
