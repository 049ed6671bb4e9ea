"""DfE SSDA903 rules about the child (Header, UASC)."""

from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.people.models import Ethnicity
from frontdoor.returns.ssda903.records import Child, Period
from frontdoor.returns.ssda903.rulebook import ChildRules

CHILD_RULES = ChildRules()


@CHILD_RULES.rule("101", "Sex", "SEX must be 1 (male) or 2 (female).")
def sex_valid(child: Child, period: Period) -> Iterator[str]:
    if child.sex not in ("M", "F"):
        yield "Record the child's sex as male or female: SSDA903 has no other code."


@CHILD_RULES.rule("102", "Date of birth", "DOB must be a valid date.")
def birth_date_known(child: Child, period: Period) -> Iterator[str]:
    if child.date_of_birth is None:
        yield "Record the child's date of birth."


@CHILD_RULES.rule("103", "Ethnicity", "ETHNIC must be one of the DfE's ethnicity codes.")
def ethnicity_valid(child: Child, period: Period) -> Iterator[str]:
    if child.ethnicity not in Ethnicity.values:
        yield f"The ethnicity “{child.ethnicity}” is not a DfE code."


@CHILD_RULES.rule(
    "FD-DOB",
    "Born after care began",
    "A child cannot be looked after before they were born.",
)
def born_before_care(child: Child, period: Period) -> Iterator[str]:
    born = child.date_of_birth
    for s in child.episodes:
        if born is not None and s.start < born:
            yield (
                f"The episode that started on {govuk_date(s.start)} is before the child's birth "
                f"on {govuk_date(born)}."
            )


@CHILD_RULES.rule(
    "FD-UASC",
    "UASC status ceased",
    "The date UASC status ceased (DUC) cannot be before the child's birth.",
)
def uasc_after_birth(child: Child, period: Period) -> Iterator[str]:
    born, ceased = child.date_of_birth, child.uasc_ceased
    if ceased is not None and born is not None and ceased < born:
        yield f"UASC status ceased on {govuk_date(ceased)}, before the child was born."
