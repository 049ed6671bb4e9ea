"""DfE SSDA903 rules about previous permanence: for each period of care that began in the
year, whether the child had been adopted or under a special guardianship or child
arrangements order, where and when."""

from collections.abc import Iterator

from frontdoor.casework.care_codes import PreviousPermanenceKind
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.cin_census.codes import LA_CODES
from frontdoor.returns.ssda903.records import Child, Period, Permanence
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
OUTSIDE_ENGLAND = {"WAL", "SCO", "NIR", "NUK"}


def _in_year(child: Child, period: Period) -> list[Permanence]:
    if not child.episodes:
        return []
    return [p for p in child.permanence if period.contains(p.episode_start)]


@CHILD_RULES.rule(
    "630",
    "Previous permanence missing",
    "Information on previous permanence option should be returned for each period of care "
    "begun in the year; an order (not Z1) needs the council and the date.",
)
def permanence_recorded(child: Child, period: Period) -> Iterator[str]:
    recorded = {p.episode_start: p for p in _in_year(child, period)}
    for s in child.episodes:
        if s.reason_new != "S" or not period.contains(s.start):
            continue
        p = recorded.get(s.start)
        if p is None:
            yield (
                f"{named(s.start, first=True)} begins a period of care: record any previous "
                "permanence."
            )
        elif p.kind != "Z1" and not (p.la_code and p.order_date):
            yield f"Record the council and the date of the previous order ({p.kind})."


@CHILD_RULES.rule(
    "631", "Previous permanence code", "Previous permanence option not a valid value."
)
def kind_valid(child: Child, period: Period) -> Iterator[str]:
    for p in _in_year(child, period):
        if p.kind not in PreviousPermanenceKind.values:
            yield f"“{p.kind}” is not a previous permanence code."


@CHILD_RULES.rule(
    "632",
    "Previous order after care began",
    "Date of previous permanence order not a valid value: it must be before care began.",
)
def order_before_care(child: Child, period: Period) -> Iterator[str]:
    for p in _in_year(child, period):
        if p.order_date is not None and p.order_date >= p.episode_start:
            yield (
                f"The previous order of {govuk_date(p.order_date)} is not before care began on "
                f"{govuk_date(p.episode_start)}."
            )


@CHILD_RULES.rule(
    "633",
    "Previous permanence council",
    "Local authority code where previous permanence option was arranged is not a valid value.",
)
def council_valid(child: Child, period: Period) -> Iterator[str]:
    for p in _in_year(child, period):
        if p.la_code and p.la_code not in LA_CODES | OUTSIDE_ENGLAND:
            yield f"“{p.la_code}” is not a council code."


@CHILD_RULES.rule(
    "635",
    "Z1 with an order",
    "There are entries for date of order and local authority code where previous permanence "
    "option was arranged but previous permanence code is Z1.",
)
def none_has_no_order(child: Child, period: Period) -> Iterator[str]:
    for p in _in_year(child, period):
        if p.kind == "Z1" and (p.la_code or p.order_date):
            yield "Z1 (no previous permanence) has no council or date of order: leave them blank."
