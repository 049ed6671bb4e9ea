"""DfE queries about timescales: work still open on the ReferenceDate after its statutory
time (Working Together 2023: an assessment within 45 working days of its start, an initial
conference within 15 working days of the strategy discussion). The DfE asks why."""

from collections.abc import Iterator

from frontdoor.casework.clocks import ASSESSMENT_WORKING_DAYS, ICPC_WORKING_DAYS
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.workdays import working_days_between
from frontdoor.returns.cin_census.records import CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import QUERY, ChildRules

CHILD_RULES = ChildRules()


@CHILD_RULES.rule(
    "CIN-150",
    "Assessment open over 45 working days",
    "An assessment still open on 31 March after more than 45 working days: check it is "
    "recorded correctly, or explain the delay to the DfE.",
    QUERY,
)
def assessment_not_overdue(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-150 (query): no assessment open over 45 working days at year end."""
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorisation_date is None:
                days = working_days_between(a.start_date, period.end)
                if days > ASSESSMENT_WORKING_DAYS:
                    yield (
                        f"The assessment started on {govuk_date(a.start_date)} was still open on "
                        f"{govuk_date(period.end)}, after {days} working days."
                    )


@CHILD_RULES.rule(
    "CIN-151",
    "Section 47 open over 15 working days",
    "A section 47 enquiry with no initial conference, and no decision that none is needed, "
    "more than 15 working days after it started: check it is recorded correctly.",
    QUERY,
)
def s47_not_overdue(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-151 (query): no s47 enquiry waiting over 15 working days at year end."""
    for episode in child.episodes:
        for s47 in episode.section47s:
            if s47.icpc_date is None and not s47.is_icpc_not_required:
                days = working_days_between(s47.start_date, period.end)
                if days > ICPC_WORKING_DAYS:
                    yield (
                        f"The section 47 enquiry started on {govuk_date(s47.start_date)} had no "
                        f"conference or decision on {govuk_date(period.end)}, "
                        f"after {days} working days."
                    )
