"""DfE SSDA903 rules about the child (Header, UASC)."""

import datetime as dt
import re
from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.people.models import Ethnicity
from frontdoor.returns.ssda903.header import is_school_age, upn
from frontdoor.returns.ssda903.records import Child, Period
from frontdoor.returns.ssda903.rulebook import QUERY, ChildRules, named
from frontdoor.returns.ssda903.table import sex, sex_codes

CHILD_RULES = ChildRules()
# A UPN: a letter (not I, O or S), then 12 digits or 11 digits and a letter (rule 168).
UPN_FORMAT = re.compile(r"(?![IOS])[A-Z](\d{12}|\d{11}[A-Z])|UN[1-5]")
NEW_IN_CARE_DAYS = 7
UASC_USUALLY_FROM = 11


@CHILD_RULES.rule(
    "101",
    "Sex",
    "The child's reported sex is not valid: M, F or U from 2024-25 (before, 1 male, 2 female).",
)
def sex_valid(child: Child, period: Period) -> Iterator[str]:
    if sex(child, period) not in sex_codes(period):
        yield "Record the child's sex: SSDA903 has no code for what is recorded."


@CHILD_RULES.rule(
    "232", "Sex unknown", "Sex of the child has been reported as unknown.", severity=QUERY
)
def sex_known(child: Child, period: Period) -> Iterator[str]:
    if sex(child, period) == "U":
        yield "The child's sex is recorded as not known: check it."


@CHILD_RULES.rule("102", "Date of birth", "DOB must be a valid date.")
def birth_date_known(child: Child, period: Period) -> Iterator[str]:
    if child.date_of_birth is None:
        yield "Record the child's date of birth."


@CHILD_RULES.rule("103", "Ethnicity", "ETHNIC must be one of the DfE's ethnicity codes.")
def ethnicity_valid(child: Child, period: Period) -> Iterator[str]:
    if child.ethnicity not in Ethnicity.values:
        yield f"The ethnicity “{child.ethnicity}” is not a DfE code."


@CHILD_RULES.rule("301", "Born after the year", "Date of birth falls after the year ended.")
def born_by_year_end(child: Child, period: Period) -> Iterator[str]:
    born = child.date_of_birth
    if born is not None and born > period.end:
        yield f"The child's date of birth, {govuk_date(born)}, is after {govuk_date(period.end)}."


@CHILD_RULES.rule("302", "Born after care began", "First episode starts before child was born.")
def born_before_care(child: Child, period: Period) -> Iterator[str]:
    born = child.date_of_birth
    for s in child.episodes:
        if born is not None and s.start < born:
            yield (
                f"{named(s.start, first=True)} is before the child's birth on {govuk_date(born)}."
            )


@CHILD_RULES.rule(
    "351", "Over 25", "Child was over 25 at the start of the current collection year."
)
def not_over_25(child: Child, period: Period) -> Iterator[str]:
    twenty_five = child.turns(25)
    if twenty_five is not None and twenty_five < period.start:
        yield f"The child was 25 on {govuk_date(twenty_five)}, before the year began."


@CHILD_RULES.rule(
    "168",
    "UPN",
    "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1 to UN5.",
)
def upn_valid(child: Child, period: Period) -> Iterator[str]:
    if child.upn and not UPN_FORMAT.fullmatch(child.upn):
        yield f"“{child.upn}” is not a UPN: a letter and 12 more characters."


@CHILD_RULES.rule(
    "209",
    "UN1 at school age",
    "Child looked after is of school age and should not have an unknown UPN code of UN1.",
)
def no_un1_at_school_age(child: Child, period: Period) -> Iterator[str]:
    if upn(child, period) == "UN1" and is_school_age(child, period):
        yield "The child is of school age: record their UPN, or why it is unknown (UN2 to UN5)."


@CHILD_RULES.rule(
    "210",
    "UN4 after a week in care",
    "Children looked after for more than a week at 31 March should not have an unknown UPN "
    "code of UN4.",
)
def no_un4_after_a_week(child: Child, period: Period) -> Iterator[str]:
    week_before = period.end - dt.timedelta(days=NEW_IN_CARE_DAYS)
    if upn(child, period) == "UN4" and child.looked_after_on(week_before):
        yield (
            "UN4 (UPN not yet obtained) is for a child new to care: the child was looked "
            f"after on {govuk_date(week_before)}, so record their UPN or another reason."
        )


@CHILD_RULES.rule(
    "304",
    "UASC after 18",
    "Date UASC status ceased must be on or before the 18th birthday of a child.",
)
def uasc_ends_by_eighteen(child: Child, period: Period) -> Iterator[str]:
    eighteen, ceased = child.turns(18), child.uasc_ceased
    if eighteen is not None and ceased is not None and ceased > eighteen:
        yield (
            f"UASC status ceased on {govuk_date(ceased)}, after the child's 18th birthday on "
            f"{govuk_date(eighteen)}."
        )


@CHILD_RULES.rule(
    "231",
    "UASC under 11",
    "We expect that unaccompanied asylum seeking children are generally older young people: "
    "check the date of birth is correct.",
    severity=QUERY,
)
def uasc_older(child: Child, period: Period) -> Iterator[str]:
    if child.uasc_ceased is not None and child.is_under(UASC_USUALLY_FROM, period.end):
        yield "An unaccompanied asylum-seeking child under 11 at 31 March: check the date of birth."


@CHILD_RULES.rule(
    "FD-UASC",
    "UASC status ceased",
    "The date UASC status ceased (DUC) cannot be before the child's birth.",
)
def uasc_after_birth(child: Child, period: Period) -> Iterator[str]:
    born, ceased = child.date_of_birth, child.uasc_ceased
    if ceased is not None and born is not None and ceased < born:
        yield f"UASC status ceased on {govuk_date(ceased)}, before the child was born."
