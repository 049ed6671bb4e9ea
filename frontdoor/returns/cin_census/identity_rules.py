"""DfE rules about telling children apart: the LA child ID and UPN of each child, their
uniqueness across the return, and the header's ReferenceDate."""

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.lib.identifiers import is_valid_upn
from frontdoor.returns.cin_census.records import Census, CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import ERROR, ChildRules, Failure, Rule

_LA_CHILD_ID = re.compile(r"[A-Za-z0-9]{1,20}")

CHILD_RULES = ChildRules()


@CHILD_RULES.rule(
    "CIN-101",
    "LAchildID missing",
    "Every child needs an LA child ID, so the DfE can tell children apart.",
)
def la_child_id_missing(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-101: the child has an LA child ID."""
    if not child.la_child_id.strip():
        yield "This child has no LA child ID."


@CHILD_RULES.rule(
    "CIN-102",
    "LAchildID format",
    "An LA child ID is 1 to 20 letters and digits, with no spaces or punctuation.",
)
def la_child_id_format(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-102: the LA child ID is 1 to 20 letters and digits."""
    if child.la_child_id.strip() and not _LA_CHILD_ID.fullmatch(child.la_child_id):
        yield f"The LA child ID “{child.la_child_id}” is not 1 to 20 letters and digits."


@CHILD_RULES.rule(
    "CIN-104",
    "UPN not valid",
    "A UPN is a check letter, 11 digits and a digit or letter; the check letter must match "
    "the other 12 characters (DfE modulus 23).",
)
def upn_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-104: each UPN (and former UPN) has the right check letter."""
    for name, upn in (("UPN", child.upn), ("former UPN", child.former_upn)):
        if upn and not is_valid_upn(upn):
            yield f"The {name} “{upn}” is not a valid unique pupil number (check the letter)."


REFERENCE_DATE = Rule(
    "CIN-001",
    "ReferenceDate",
    ERROR,
    "The header's ReferenceDate is 31 March of the collection year.",
)
LA_CHILD_ID_UNIQUE = Rule(
    "CIN-103",
    "LAchildID not unique",
    ERROR,
    "Each child in the return has a different LA child ID.",
)
UPN_UNIQUE = Rule(
    "CIN-105",
    "UPN not unique",
    ERROR,
    "Two children in the return cannot share a unique pupil number.",
)
CENSUS_RULES = [REFERENCE_DATE, LA_CHILD_ID_UNIQUE, UPN_UNIQUE]


def census_wide(census: Census) -> Iterator[Failure]:
    """Failures of the rules about the whole return: the header, and uniqueness."""
    header = census.header
    if header.reference_date != dt.date(header.year, 3, 31):
        yield Failure(
            REFERENCE_DATE,
            "",
            None,
            f"The ReferenceDate is {govuk_date(header.reference_date)}, "
            f"not 31 March {header.year}.",
        )
    for rule, key in ((LA_CHILD_ID_UNIQUE, "la_child_id"), (UPN_UNIQUE, "upn")):
        counts = Counter(getattr(child, key) for child in census.children)
        for child in census.children:
            value = getattr(child, key)
            if value and counts[value] > 1:
                yield Failure(
                    rule,
                    child.la_child_id,
                    child.person_id,
                    f"“{value}” is used by {counts[value]} children.",
                )
