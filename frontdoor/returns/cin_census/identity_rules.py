"""DfE rules about the child: identifiers (LA child ID, UPN), dates of birth and death, sex,
ethnicity and disability; and the rules about the return as a whole (the header, uniqueness,
the local authority's totals)."""

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from frontdoor.lib.dates import add_months, govuk_date
from frontdoor.lib.identifiers import upn_check_letter
from frontdoor.returns.cin_census.codes import LA_CODES, is_code
from frontdoor.returns.cin_census.records import Census, CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import (
    ERROR,
    QUERY,
    ChildRules,
    Failure,
    Rule,
    episode_name,
    first_upper,
    icpc_dates,
)

CHILD_RULES = ChildRules()
UPN_LAST = "0123456789ABCDEFGHJKLMNPQRTUVWXYZ"  # A-Z without I, O and S


def _is_nfa_only(child: ChildRecord) -> bool:
    return bool(child.episodes) and all(e.is_referral_nfa for e in child.episodes)


@CHILD_RULES.rule("8500", "LA child ID missing", "Every child needs an LA child ID.")
def la_child_id_missing(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if not child.la_child_id.strip():
        yield "This child has no LA child ID."


@CHILD_RULES.rule("1570", "LA child ID too long", "An LA child ID is at most 20 characters.")
def la_child_id_length(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if len(child.la_child_id) > 20:
        yield f"The LA child ID “{child.la_child_id}” is {len(child.la_child_id)} characters."


@CHILD_RULES.rule(
    "1580",
    "LA child ID not letters and digits",
    "An LA child ID holds letters and digits only: no spaces or punctuation.",
)
def la_child_id_characters(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.la_child_id and not re.fullmatch(r"[A-Za-z0-9]+", child.la_child_id):
        yield f"The LA child ID “{child.la_child_id}” has characters other than letters and digits."


def _upns(child: ChildRecord) -> Iterator[tuple[str, str]]:
    for name, upn in (("UPN", child.upn), ("former UPN", child.former_upn)):
        if upn:
            yield name, upn


@CHILD_RULES.rule(
    "1510",
    "UPN check letter wrong",
    "A UPN's first character is the check letter of the other twelve (DfE modulus 23).",
)
def upn_check_letter_right(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for name, upn in _upns(child):
        body = upn[1:]
        well_formed = len(upn) == 13 and body[:11].isdigit() and body[11] in UPN_LAST
        if well_formed and upn[0] != upn_check_letter(body):
            yield (
                f"The {name} “{upn}” has the wrong check letter: it should be "
                f"{upn_check_letter(body)}."
            )


@CHILD_RULES.rule(
    "1530",
    "UPN local authority code not recognised",
    "Characters 2 to 4 of a UPN are a DfE local authority code (post-April 1999) or a "
    "pseudo-LA code.",
)
def upn_la_code(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for name, upn in _upns(child):
        if len(upn) == 13 and upn[1:4].isdigit() and upn[1:4] not in LA_CODES:
            yield f"The {name} “{upn}” starts with {upn[1:4]}, which is not a local authority code."


@CHILD_RULES.rule("1540", "UPN characters 5 to 12 not digits", "UPN characters 5 to 12 are digits.")
def upn_digits(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.upn and not child.upn[4:12].isdigit():
        yield f"The UPN “{child.upn}” has characters 5 to 12 that are not all digits."


@CHILD_RULES.rule(
    "1550",
    "UPN last character not valid",
    "A UPN is 13 characters; the 13th is a digit or a letter other than I, O and S.",
)
def upn_last_character(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.upn and (len(child.upn) != 13 or child.upn[12] not in UPN_LAST):
        yield f"The UPN “{child.upn}” is not 13 characters ending in a digit or allowed letter."


@CHILD_RULES.rule(
    "1560Q",
    "Former UPN wrongly formatted",
    "A former UPN is a letter, then 11 digits, then a digit or letter.",
    QUERY,
)
def former_upn_format(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    upn = child.former_upn
    if upn and not re.fullmatch(r"[A-Z][0-9]{11}[0-9A-Z]", upn):
        yield f"The former UPN “{upn}” is not a letter, 11 digits and a digit or letter."


@CHILD_RULES.rule(
    "8770Q",
    "No UPN or reason for a school-age child",
    "A child of school age referred for further action should have a UPN, or a reason it is "
    "not known (UN2 to UN7; UN1 means not of school age).",
    QUERY,
)
def upn_for_school_age(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    acted = any(not e.is_referral_nfa for e in child.episodes)
    born = child.birth_date
    school_age = born is not None and born <= period.school_age_born_by
    if acted and born and school_age and not child.upn and child.upn_unknown in ("", "UN1"):
        yield (
            f"The child was born on {govuk_date(born)}, is of school age and has no UPN "
            "and no reason why (UN2 to UN7)."
        )


@CHILD_RULES.rule(
    "8772",
    "UN7 but a referral went on to further action",
    "UPN unknown reason UN7 (referral with no further action) is only for a child whose every "
    "referral in the return led to no further action.",
)
def un7_only_for_nfa(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.upn_unknown == "UN7" and not _is_nfa_only(child):
        yield "The reason for no UPN is UN7, but a referral went on to further action."


@CHILD_RULES.rule(
    "8520",
    "Date of birth after the census year",
    "A date of birth is on or before the ReferenceDate.",
)
def born_by_reference_date(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.birth_date and child.birth_date > period.end:
        yield f"The date of birth {govuk_date(child.birth_date)} is after {govuk_date(period.end)}."


@CHILD_RULES.rule(
    "8525Q",
    "Date of birth and expected date of birth",
    "A child has a date of birth or, unborn, an expected date of birth: one, not both.",
    QUERY,
)
def born_or_expected(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if bool(child.birth_date) == bool(child.expected_birth_date):
        both = "both" if child.birth_date else "neither"
        yield f"The child has {both} a date of birth and an expected date of birth."


@CHILD_RULES.rule(
    "8530Q",
    "Expected date of birth out of range",
    "An expected date of birth is between 30 days before the ReferenceDate and 9 months after.",
    QUERY,
)
def expected_in_range(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    due = child.expected_birth_date
    low, high = period.end - dt.timedelta(days=30), add_months(period.end, 9)
    if due and not low <= due <= high:
        yield (
            f"The expected date of birth {govuk_date(due)} is not between {govuk_date(low)} "
            f"and {govuk_date(high)}."
        )


@CHILD_RULES.rule(
    "8535Q",
    "Date of death before birth",
    "A child's date of death is on or after their date of birth.",
    QUERY,
)
def died_after_birth(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.death_date and child.birth_date and child.death_date < child.birth_date:
        yield f"The date of death {govuk_date(child.death_date)} is before the date of birth."


@CHILD_RULES.rule(
    "8545Q",
    "Date of death outside the census year",
    "A date of death in the return falls within the census year.",
    QUERY,
)
def died_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.death_date and not period.contains(child.death_date):
        yield f"The date of death {govuk_date(child.death_date)} is outside the census year."


@CHILD_RULES.rule(
    "8555Q",
    "Referral after death",
    "A child cannot be referred after their recorded date of death.",
    QUERY,
)
def referred_before_death(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if child.death_date and e.referral_date > child.death_date:
            yield f"{first_upper(episode_name(e))} is after the date of death."


@CHILD_RULES.rule(
    "8585Q",
    "Closed RC2 (died) with no date of death",
    "An episode closed RC2 (the child died) needs the child's date of death.",
    QUERY,
)
def died_has_date(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.reason_for_closure == "RC2" and not child.death_date:
            yield f"{first_upper(episode_name(e))} closed RC2 (died), but no date of death is held."


def _after_death(child: ChildRecord) -> Iterator[tuple[str, str, dt.date]]:
    """(rule id, what, date) for plans dated after the child's death."""
    died = child.death_date
    if died is None:
        return
    for e in child.episodes:
        for plan in e.cin_plans:
            if plan.start_date > died:
                yield "4008", "child in need plan start", plan.start_date
            if plan.end_date and plan.end_date > died:
                yield "4009Q", "child in need plan end", plan.end_date
        for cp in e.cp_plans:
            if cp.start_date > died:
                yield "8915", "child protection plan start", cp.start_date
            if cp.end_date and cp.end_date > died:
                yield "8920", "child protection plan end", cp.end_date


def _death_rule(rule_id: str, title: str, severity: str = ERROR) -> None:
    def check(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
        for found, what, day in _after_death(child):
            if found == rule_id:
                yield f"The {what} on {govuk_date(day)} is after the child's date of death."

    CHILD_RULES.rule(rule_id, title, f"{title}: no plan is dated after a child died.", severity)(
        check
    )


_death_rule("4008", "CIN plan starts after death")
_death_rule("4009Q", "CIN plan ends after death", QUERY)
_death_rule("8915", "CP plan starts after death")
_death_rule("8920", "CP plan ends after death")


@CHILD_RULES.rule("4180", "Sex missing or not valid", "Sex is M, F or U.")
def sex_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if not is_code("SexType", child.sex):
        yield f"Sex “{child.sex}” is not M, F or U."


@CHILD_RULES.rule("8750", "Unborn child's sex not U", "An unborn child's sex is U.")
def unborn_sex(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.expected_birth_date and not child.birth_date and child.sex != "U":
        yield f"The child is unborn but their sex is recorded as {child.sex}."


@CHILD_RULES.rule(
    "4220", "Ethnicity missing or not valid", "Ethnicity is one of the DfE's ethnicity codes."
)
def ethnicity_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if not is_code("EthnicityType", child.ethnicity):
        yield f"Ethnicity “{child.ethnicity}” is not a DfE ethnicity code."


@CHILD_RULES.rule(
    "8540",
    "Disability missing or not valid",
    "A born child with a referral that went on to further action has one or more disability "
    "codes (NONE if they have none).",
)
def disability_present(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.birth_date and not _is_nfa_only(child) and not child.disabilities:
        yield "No disability is recorded: record each disability, or NONE."
    for code in child.disabilities:
        if not is_code("DisabilityType", code):
            yield f"“{code}” is not a DfE disability code."


@CHILD_RULES.rule(
    "8790", "NONE with a disability", "NONE cannot be recorded with any other disability."
)
def none_alone(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if "NONE" in child.disabilities and len(child.disabilities) > 1:
        others = ", ".join(d for d in child.disabilities if d != "NONE")
        yield f"NONE is recorded with {others}."


@CHILD_RULES.rule("8794", "Disability recorded twice", "Each disability code is recorded once.")
def disability_once(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for code, count in Counter(child.disabilities).items():
        if count > 1:
            yield f"{code} is recorded {count} times."


@CHILD_RULES.rule(
    "8775Q",
    "Child over 25",
    "A child born more than 25 years before the ReferenceDate should not have an episode open "
    "after their 25th birthday.",
    QUERY,
)
def not_over_25(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    born = child.birth_date
    if born and born < add_months(period.end, -300):
        turned = add_months(born, 300)
        if any(e.closure_date is None or e.closure_date > turned for e in child.episodes):
            yield f"The child was born on {govuk_date(born)} and is over 25."


@CHILD_RULES.rule("8590", "No CIN episode", "Each child in the return has a CIN episode.")
def has_an_episode(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if not child.episodes:
        yield "The child has no child in need episode in the return."


@CHILD_RULES.rule(
    "8606",
    "Referral long before birth",
    "A referral is no more than 280 days (40 weeks) before the date of birth or expected date "
    "of birth.",
)
def referral_not_long_before_birth(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    born = child.birth_date or child.expected_birth_date
    for e in child.episodes:
        if born and e.referral_date < born - dt.timedelta(days=280):
            yield f"{first_upper(episode_name(e))} is more than 40 weeks before the birth."


REFERENCE_DATE = Rule("100", "Reference date", ERROR, "The ReferenceDate is 31 March.")
UPN_UNIQUE = Rule("1520", "UPN not unique", ERROR, "Two children cannot share a UPN.")
LA_CHILD_ID_UNIQUE = Rule(
    "8510", "LA child ID not unique", ERROR, "Each child has a different LA child ID."
)
CP_STARTS = Rule(
    "2883",
    "More CP plans starting than initial conferences",
    ERROR,
    "Across the return, plans starting in the year are no more than initial conferences held.",
)
NO_SEX = Rule(
    "2886Q",
    "More than 2% with no sex recorded",
    QUERY,
    "No more than 2% of children (unborn children aside) have sex U or missing.",
)
FEW_DISABILITIES = Rule(
    "2887Q",
    "Fewer than 8 disability codes used",
    QUERY,
    "A local authority's return usually uses more than 7 different disability codes.",
)
ONE_DISABILITY_EACH = Rule(
    "2888Q",
    "Only one disability per child",
    QUERY,
    "Some children should have more than one disability recorded where they have them.",
)
CENSUS_RULES = [
    REFERENCE_DATE,
    UPN_UNIQUE,
    LA_CHILD_ID_UNIQUE,
    CP_STARTS,
    NO_SEX,
    FEW_DISABILITIES,
    ONE_DISABILITY_EACH,
]


def census_wide(census: Census) -> Iterator[Failure]:
    """Failures of the rules about the whole return: the header, uniqueness and totals."""
    header, period, children = census.header, census.period, census.children
    if header.reference_date != dt.date(header.year, 3, 31):
        yield Failure(
            REFERENCE_DATE,
            "",
            None,
            f"The ReferenceDate is {govuk_date(header.reference_date)}, "
            f"not 31 March {header.year}.",
        )
    for rule, key in ((LA_CHILD_ID_UNIQUE, "la_child_id"), (UPN_UNIQUE, "upn")):
        counts = Counter(getattr(child, key) for child in children)
        for child in children:
            value = getattr(child, key)
            if value and counts[value] > 1:
                yield Failure(
                    rule,
                    child.la_child_id,
                    child.person_id,
                    f"“{value}” is used by {counts[value]} children.",
                )
    yield from _totals(children, period)


def _totals(children: list[ChildRecord], period: CensusPeriod) -> Iterator[Failure]:
    episodes = [e for child in children for e in child.episodes]
    starts = sum(period.contains(cp.start_date) for e in episodes for cp in e.cp_plans)
    conferences = sum(period.contains(day) for e in episodes for day in icpc_dates(e))
    if starts > conferences:
        yield Failure(
            CP_STARTS,
            "",
            None,
            f"{starts} child protection plans start in the year but {conferences} initial "
            "conferences were held.",
        )
    born = [c for c in children if not (c.expected_birth_date and not c.birth_date)]
    no_sex = sum(c.sex not in ("M", "F") for c in born)
    if children and no_sex / len(children) > 0.02:
        share = 100 * no_sex / len(children)
        yield Failure(NO_SEX, "", None, f"{no_sex} children ({share:.1f}%) have no sex recorded.")
    used = {d for c in children for d in c.disabilities if d != "NONE"}
    if children and len(used) < 8:
        yield Failure(FEW_DISABILITIES, "", None, f"The return uses {len(used)} disability codes.")
    disabled = [c for c in children if set(c.disabilities) - {"NONE"}]
    if disabled and max(len(c.disabilities) for c in disabled) == 1:
        yield Failure(
            ONE_DISABILITY_EACH,
            "",
            None,
            f"All {len(disabled)} children with a disability have exactly one recorded.",
        )
