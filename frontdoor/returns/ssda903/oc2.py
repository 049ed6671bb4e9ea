"""OC2: outcomes for children looked after continuously for 12 months at 31 March."""

import datetime as dt

from frontdoor.returns.ssda903.records import Child, Period, Return
from frontdoor.returns.ssda903.table import Row, Table, flag, who

COLUMNS = [
    "CHILD",
    "DOB",
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
]
SHORT_BREAKS = {"V3", "V4"}
# Left blank by age (DfE rules 542, 546, 188 and 189): no conviction information under 10
# at 31 March; HEALTH_CHECK is the under-5s' health promotion (developmental) check; no SDQ
# score or reason under 4 at 31 March or from 17 at 1 April. Casework asks for them anyway.
CONVICTIONS_FROM = 10
HEALTH_PROMOTION_UNDER = 5
SDQ_FROM = 4
SDQ_UNTIL = 17


def in_cohort(child: Child, period: Period) -> bool:
    """Looked after on 31 March, continuously since at least 12 months before, and not
    only for short breaks."""
    end = period.end
    year_before = dt.date(end.year - 1, end.month, end.day)
    if not child.looked_after_on(end):
        return False
    current = [s for s in child.spells if s.start <= end]
    start = end
    for s in reversed(current):
        start = s.start
        if s.is_new_period:
            break
    in_period = [s for s in current if s.start >= start]
    return start <= year_before and any(s.legal_status not in SHORT_BREAKS for s in in_period)


def is_sdq_age(child: Child, period: Period) -> bool:
    """The SDQ is returned for a child 4 or over at 31 March and not 17 by 1 April."""
    return not child.is_under(SDQ_FROM, period.end) and child.is_under(SDQ_UNTIL, period.start)


def checked_in_year(dates: list[dt.date], period: Period) -> bool:
    """A check in the 12 months to 31 March."""
    return any(period.start <= d <= period.end for d in dates)


def rows(ret: Return) -> list[Row]:
    found = []
    for c in ret.looked_after():
        if not in_cohort(c, ret.period) or c.outcomes is None:
            continue
        o = c.outcomes
        health = checked_in_year(c.health_checks, ret.period)
        end = ret.period.end
        sdq = is_sdq_age(c, ret.period)
        # Whether an intervention was offered is asked only if none was received (rule 158).
        offered = None if o.intervention_received else o.intervention_offered
        found.append(
            {
                **who(c),
                "SDQ_SCORE": "" if o.sdq_score is None or not sdq else str(o.sdq_score),
                "SDQ_REASON": o.sdq_reason if sdq else "",
                "CONVICTED": "" if c.is_under(CONVICTIONS_FROM, end) else flag(o.convicted),
                "HEALTH_CHECK": flag(health) if c.is_under(HEALTH_PROMOTION_UNDER, end) else "",
                "IMMUNISATIONS": flag(o.immunisations),
                "TEETH_CHECK": flag(checked_in_year(c.dental_checks, ret.period)),
                "HEALTH_ASSESSMENT": flag(health),
                "SUBSTANCE_MISUSE": flag(o.substance_misuse),
                "INTERVENTION_RECEIVED": flag(o.intervention_received),
                "INTERVENTION_OFFERED": flag(offered),
            }
        )
    return found


TABLE = Table("OC2", "oc2.csv", COLUMNS, rows)
