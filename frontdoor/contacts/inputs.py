"""What an intake route hands to receive_contact(), already validated at its edge."""

import datetime as dt
from dataclasses import dataclass, field

# One rule for every intake route (staff, online forms, the partner API): a child is born
# (date of birth) or not yet (expected date of birth), never both.
BOTH_BIRTH_DATES = "Give a date of birth or an expected date of birth, not both."


@dataclass(frozen=True)
class SubjectInput:
    role: str  # "child" or "adult"
    given_name: str = ""
    family_name: str = ""
    date_of_birth: dt.date | None = None
    expected_date_of_birth: dt.date | None = None
    sex: str = ""
    nhs_number: str = ""
    address: str = ""
    postcode: str = ""
    relationship_to_child: str = ""
    person_id: int | None = None  # set when the worker links at intake


@dataclass(frozen=True)
class ContactInput:
    source: str
    worry: str
    consent: str
    subjects: list[SubjectInput] = field(default_factory=list)
    referrer_name: str = ""
    referrer_role: str = ""
    referrer_organisation: str = ""
    referrer_agency_id: int | None = None
    referrer_phone: str = ""
    referrer_email: str = ""
    referrer_wants: str = ""
    child_views: str = ""
    consent_reason: str = ""
    immediate_danger: bool = False
    is_domestic_abuse: bool = False


@dataclass(frozen=True)
class DecisionInput:
    outcome: str
    rationale: str
    worries: str
    working_well: str
    needs_to_happen: str
    scaling: int
    child_views_sought: bool
    child_views_note: str = ""
