"""The partner API's JSON contract for MASH checks (pydantic, validated at the edge)."""

import datetime as dt

from ninja import Field, Schema

from frontdoor.contacts.schemas import StrictSchema
from frontdoor.mash.disclosure import people_to_search
from frontdoor.mash.models import AgencyCheck


class PersonOut(Schema):
    """Someone named in the contact: only what the agency needs to search its systems."""

    role: str
    name: str
    date_of_birth: dt.date | None
    expected_date_of_birth: dt.date | None
    address: str


class CheckOut(Schema):
    id: int
    contact_reference: str
    question: str
    requested_at: dt.datetime
    due_at: dt.datetime
    status: str = Field(description="`open`, `answered`, `withdrawn` or `closed`.")
    is_overdue: bool
    people: list[PersonOut]

    @staticmethod
    def resolve_contact_reference(check: AgencyCheck) -> str:
        return check.enquiry.contact.reference

    @staticmethod
    def resolve_is_overdue(check: AgencyCheck) -> bool:
        return check.is_past_due()

    @staticmethod
    def resolve_people(check: AgencyCheck) -> list[dict[str, object]]:
        return [
            {
                "role": p.role,
                "name": p.name,
                "date_of_birth": p.date_of_birth,
                "expected_date_of_birth": p.expected_date_of_birth,
                "address": p.address,
            }
            for p in people_to_search(check.enquiry.contact)
        ]


class CheckResponseIn(StrictSchema):
    """Your agency's answer. `what_is_known` is required when `known` is true."""

    known: bool = Field(description="Does your agency know the child or family?")
    what_is_known: str = Field("", max_length=10000)
    risk_indicators: list[str] = Field(
        default_factory=list,
        description="Codes: domestic-abuse, substance-misuse, mental-health, criminal-history, "
        "previous-concerns, other (the council may add more).",
    )
    source_system: str = Field(min_length=1, max_length=120, description="System searched.")
    source_date: dt.date | None = Field(None, description="Date of the most recent record.")
    answered_by_name: str = Field(min_length=1, max_length=150, description="Who answered.")


class CheckResponseReceipt(Schema):
    check_id: int
    answered_at: dt.datetime
    is_late: bool
