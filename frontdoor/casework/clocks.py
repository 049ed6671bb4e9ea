"""The statutory clocks of casework, as pure date functions (domain.md §1).

Working days exclude weekends and England bank holidays (frontdoor.lib.workdays). A clock's
due date is the last day on which the thing is still in time.
"""

import datetime as dt

from frontdoor.lib.dates import add_months
from frontdoor.lib.workdays import add_working_days

# Working Together 2018/2023: a single assessment within 45 working days of the referral.
ASSESSMENT_WORKING_DAYS = 45
# Working Together 2023: ICPC within 15 working days of the strategy discussion (or the
# last one, if several were held).
ICPC_WORKING_DAYS = 15
# Working Together 2023: the core group first meets within 10 working days of the ICPC.
CORE_GROUP_WORKING_DAYS = 10
# Working Together 2023: first review conference within 3 months of the ICPC, then at
# intervals of no more than 6 months.
FIRST_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6


def assessment_due(referral_date: dt.date) -> dt.date:
    return add_working_days(referral_date, ASSESSMENT_WORKING_DAYS)


def icpc_due(strategy_discussion_date: dt.date) -> dt.date:
    return add_working_days(strategy_discussion_date, ICPC_WORKING_DAYS)


def core_group_due(icpc_date: dt.date) -> dt.date:
    return add_working_days(icpc_date, CORE_GROUP_WORKING_DAYS)


def cp_review_due(plan_start: dt.date, last_review: dt.date | None) -> dt.date:
    """When the next child protection review conference is due."""
    if last_review is None:
        return add_months(plan_start, FIRST_REVIEW_MONTHS)
    return add_months(last_review, LATER_REVIEW_MONTHS)


# Care Planning, Placement and Case Review (England) Regulations 2010 reg 33: the first
# looked-after review within 20 working days of the child becoming looked after, the second
# within 3 months of the first, then at intervals of no more than 6 months.
CARE_FIRST_REVIEW_WORKING_DAYS = 20
CARE_SECOND_REVIEW_MONTHS = 3
CARE_LATER_REVIEW_MONTHS = 6


def care_review_due(care_start: dt.date, reviews: list[dt.date]) -> dt.date:
    """When the next looked-after review is due, from the start of the period of care and
    the reviews held in it so far."""
    if not reviews:
        return add_working_days(care_start, CARE_FIRST_REVIEW_WORKING_DAYS)
    months = CARE_SECOND_REVIEW_MONTHS if len(reviews) == 1 else CARE_LATER_REVIEW_MONTHS
    return add_months(max(reviews), months)
