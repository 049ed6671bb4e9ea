"""The partner API's JSON contract for contacts, validated here, at the edge (pydantic)."""

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils import timezone
from ninja import Field, Schema
from pydantic import ConfigDict, ValidationInfo, field_validator
from pydantic.json_schema import JsonDict
from pydantic_core import PydanticCustomError

from frontdoor.accounts.models import Agency
from frontdoor.contacts.codes import Consent, Outcome, ReferralSource
from frontdoor.contacts.inputs import BOTH_BIRTH_DATES, ContactInput, SubjectInput
from frontdoor.contacts.models import Contact
from frontdoor.lib.identifiers import (
    is_valid_nhs_number,
    is_valid_postcode,
    normalise_nhs_number,
    normalise_postcode,
)


def _refuse(message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the partner exactly as written."""
    return PydanticCustomError("frontdoor", message)


def _codes(choices: Any) -> str:
    return "; ".join(f"`{c.value}` {c.label}" for c in choices)


class StrictSchema(Schema):
    """Unknown fields are refused, not dropped: a misspelt field must not lose information."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL cannot store NUL in text; Django forms refuse it the same way.
        if isinstance(value, str) and "\x00" in value:
            raise _refuse("Null characters are not allowed.")
        return value


# A professional referrer must be reachable: the same rule as the professional online form.
# The contract says it too: a phone or an e-mail with something other than spaces in it.
REACHABLE: JsonDict = {
    "anyOf": [
        {"required": ["phone"], "properties": {"phone": {"pattern": "\\S"}}},
        {"required": ["email"], "properties": {"email": {"pattern": "\\S"}}},
    ]
}


class Referrer(StrictSchema):
    """The professional at the agency who raised the worry, so the front door can call back.
    Give a phone number, an e-mail address or both."""

    model_config = ConfigDict(json_schema_extra=REACHABLE)

    name: str = Field(min_length=1, max_length=150, description="Full name.")
    role: str = Field("", max_length=150, description="Job title, e.g. 'Police constable'.")
    organisation: str = Field(
        "",
        max_length=150,
        description="Team or organisation; defaults to the name of the token's agency.",
    )
    phone: str = Field("", max_length=40, description="A number the front door can call.")
    email: str = Field(
        "",
        max_length=254,
        validate_default=True,
        description="An e-mail address. Give a phone number, an e-mail address or both.",
        json_schema_extra={"anyOf": [{"maxLength": 0}, {"format": "email"}]},
    )

    @field_validator("email")
    @classmethod
    def _reachable(cls, value: str, info: ValidationInfo) -> str:
        if value:
            try:
                validate_email(value)
            except DjangoValidationError:
                raise _refuse("Enter an email address like name@example.com.") from None
        elif info.data.get("phone", "?") == "":  # ("?": phone itself was not valid)
            raise _refuse("Give a phone number or email so the front door can reach the referrer.")
        return value


class Child(StrictSchema):
    """A child the worry is about (or an unborn baby: give `expected_date_of_birth`)."""

    given_name: str = Field(
        min_length=1, max_length=100, description="First name, or 'Unknown' (e.g. an unborn baby)."
    )
    family_name: str = Field(min_length=1, max_length=100, description="Last name, or 'Unknown'.")
    date_of_birth: dt.date | None = Field(None, description="YYYY-MM-DD; today or earlier.")
    expected_date_of_birth: dt.date | None = Field(
        None,
        validate_default=True,
        description="For an unborn baby: the due date, YYYY-MM-DD, today or later.",
    )
    sex: Literal["M", "F", "U"] = Field("U", description="`M`, `F` or `U` (not known).")
    nhs_number: str = Field(
        "",
        max_length=12,
        description="10 digits with a valid modulus 11 check digit; spaces allowed.",
        examples=["999 000 0018"],
    )
    address: str = Field("", max_length=250, description="Where the child lives.")
    postcode: str = Field("", max_length=10, description="A UK postcode, e.g. BS23 1UJ.")

    @field_validator("date_of_birth")
    @classmethod
    def _born(cls, value: dt.date | None) -> dt.date | None:
        if value and value > timezone.localdate():
            raise _refuse(
                "Date of birth must be in the past. For an unborn baby, give "
                "expected_date_of_birth instead."
            )
        return value

    @field_validator("expected_date_of_birth")
    @classmethod
    def _due(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if value and info.data.get("date_of_birth"):
            raise _refuse(BOTH_BIRTH_DATES)
        if value and value < timezone.localdate():
            raise _refuse("The expected date of birth must be today or later.")
        return value

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number(cls, value: str) -> str:
        value = normalise_nhs_number(value)
        if value and not is_valid_nhs_number(value):
            raise _refuse("Enter a valid 10-digit NHS number, like 999 000 0018.")
        return value

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str) -> str:
        if value and not is_valid_postcode(value):
            raise _refuse("Enter a real postcode, like BS23 1UJ.")
        return normalise_postcode(value) if value else ""

    def to_input(self) -> SubjectInput:
        return SubjectInput(role="child", **self.model_dump())


class Adult(StrictSchema):
    """An adult involved with the child (parent, carer, partner, alleged perpetrator...)."""

    given_name: str = Field(min_length=1, max_length=100, description="First name.")
    family_name: str = Field(min_length=1, max_length=100, description="Last name.")
    relationship_to_child: str = Field("", max_length=80, description="E.g. 'mother'.")

    def to_input(self) -> SubjectInput:
        return SubjectInput(role="adult", **self.model_dump())


EXAMPLE: dict[str, Any] = {
    "source": "6",
    "worry": "Officers attended a domestic incident at 02:10; Amelia (9) was present and upset.",
    "referrer_wants": "A MASH enquiry and a call back to PC Smith.",
    "child_views": "Amelia said she was scared when her dad shouted.",
    "consent": "not_sought",
    "consent_reason": "Seeking consent may place the child at greater risk.",
    "immediate_danger": False,
    "is_domestic_abuse": True,
    "referrer": {
        "name": "PC Sam Smith",
        "role": "Police constable",
        "organisation": "Avon and Somerset Police",
        "phone": "01632 960001",
        "email": "sam.smith@police.example",
    },
    "children": [
        {
            "given_name": "Amelia",
            "family_name": "Okafor",
            "date_of_birth": "2016-05-10",
            "sex": "F",
            "nhs_number": "999 000 0018",
            "address": "1 High Street, Weston-super-Mare",
            "postcode": "BS23 1UJ",
        }
    ],
    "adults": [
        {"given_name": "Daniel", "family_name": "Okafor", "relationship_to_child": "father"}
    ],
}


# consent_reason is required (not blank) when consent was not sought or was refused.
CONSENT_REASON_RULE: JsonDict = {
    "if": {
        "properties": {"consent": {"enum": [Consent.NOT_SOUGHT.value, Consent.REFUSED.value]}},
        "required": ["consent"],
    },
    "then": {
        "properties": {"consent_reason": {"pattern": "\\S"}},
        "required": ["consent_reason"],
    },
}


class ContactIn(StrictSchema):
    """A worry about one or more children, sent by a partner agency's system."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE], **CONSENT_REASON_RULE})

    source: str = Field(
        description="DfE CIN census referral source code: " + _codes(ReferralSource) + ".",
        json_schema_extra={"enum": list(ReferralSource.values)},
    )
    worry: str = Field(
        min_length=1,
        max_length=10000,
        description="The worry about the child, in the referrer's words.",
    )
    referrer_wants: str = Field(
        "", max_length=5000, description="What the referrer wants to happen."
    )
    child_views: str = Field("", max_length=5000, description="The child's views, if known.")
    consent: str = Field(
        description="Whether the family's consent to the contact was sought: "
        + _codes(Consent)
        + ".",
        json_schema_extra={"enum": list(Consent.values)},
    )
    consent_reason: str = Field(
        "",
        max_length=2000,
        validate_default=True,
        description="Why consent was not sought or was refused (required then).",
    )
    immediate_danger: bool = Field(
        description="True if a child is in immediate danger now. Also phone 999 / the front door."
    )
    is_domestic_abuse: bool = Field(False, description="The worry involves domestic abuse.")
    referrer: Referrer
    children: list[Child] = Field(min_length=1, max_length=20, description="At least one child.")
    adults: list[Adult] = Field(
        default_factory=list, max_length=20, description="Adults involved, if any."
    )

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if value not in ReferralSource.values:
            raise _refuse(
                "That is not a DfE referral source code. Use one of "
                + ", ".join(ReferralSource.values)
                + " (for example 6 for police)."
            )
        return value

    @field_validator("consent")
    @classmethod
    def _consent(cls, value: str) -> str:
        if value not in Consent.values:
            raise _refuse("Consent must be one of " + ", ".join(Consent.values) + ".")
        return value

    @field_validator("consent_reason")
    @classmethod
    def _consent_reason(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("consent") in (Consent.NOT_SOUGHT, Consent.REFUSED) and not value:
            raise _refuse("Say why consent was not sought or was refused.")
        return value

    def to_input(self, agency: Agency) -> ContactInput:
        referrer = self.referrer
        return ContactInput(
            source=self.source,
            worry=self.worry,
            consent=self.consent,
            subjects=[c.to_input() for c in self.children] + [a.to_input() for a in self.adults],
            referrer_name=referrer.name,
            referrer_role=referrer.role,
            referrer_organisation=referrer.organisation or agency.name,
            referrer_agency_id=agency.pk,
            referrer_phone=referrer.phone,
            referrer_email=referrer.email,
            referrer_wants=self.referrer_wants,
            child_views=self.child_views,
            consent_reason=self.consent_reason,
            immediate_danger=self.immediate_danger,
            is_domestic_abuse=self.is_domestic_abuse,
        )


STATUS_DESCRIPTION = "Where the contact is: " + _codes(Contact.Status) + "."


class ContactReceipt(Schema):
    """What the front door recorded. Keep `reference`: quote it when you call."""

    id: int
    reference: str = Field(examples=["FD-K7QM-3XPA"])
    received_at: dt.datetime
    decision_due_at: dt.datetime = Field(
        description="When the front door must decide next steps: the end of the next working "
        "day (Working Together to Safeguard Children: decide within one working day)."
    )
    status: str = Field(description=STATUS_DESCRIPTION)


class ContactProgress(ContactReceipt):
    """What happened to a contact the agency sent: its status and, once decided, the outcome."""

    status_label: str
    decided_at: dt.datetime | None
    outcome: str | None = Field(description="Once decided: " + _codes(Outcome) + ".")
    outcome_label: str | None

    @staticmethod
    def resolve_status_label(contact: Contact) -> str:
        return contact.get_status_display()

    @staticmethod
    def resolve_outcome(contact: Contact) -> str | None:
        return contact.outcome or None

    @staticmethod
    def resolve_outcome_label(contact: Contact) -> str | None:
        return contact.get_outcome_display() if contact.outcome else None


class FieldProblem(Schema):
    field: str = Field(
        description="Dotted path to the field at fault, e.g. "
        "`children.0.nhs_number`; a header's name; empty for the whole body."
    )
    message: str = Field(description="What is wrong, in plain English.")


class Problem(Schema):
    """An RFC 9457 problem detail (`application/problem+json`)."""

    type: str = Field(
        description="A URI naming the kind of problem.",
        examples=["urn:frontdoor:problem:invalid-contact"],
    )
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] = Field(default_factory=list)


# --- Pydantic's errors in plain English ----------------------------------------------------

LABELS = {
    "source": "The referral source",
    "worry": "The worry",
    "referrer_wants": "What the referrer wants",
    "child_views": "The child's views",
    "consent": "Consent",
    "consent_reason": "The reason about consent",
    "immediate_danger": "Immediate danger",
    "is_domestic_abuse": "Domestic abuse",
    "referrer": "The referrer",
    "name": "The name",
    "role": "The role",
    "organisation": "The organisation",
    "phone": "The phone number",
    "email": "The email",
    "children": "Children",
    "adults": "Adults",
    "given_name": "The given name",
    "family_name": "The family name",
    "date_of_birth": "The date of birth",
    "expected_date_of_birth": "The expected date of birth",
    "sex": "Sex",
    "nhs_number": "The NHS number",
    "address": "The address",
    "postcode": "The postcode",
    "relationship_to_child": "The relationship to the child",
    "Idempotency-Key": "The Idempotency-Key header",
}
ITEMS = {"children": "Child", "adults": "Adult"}
OBJECT_ERRORS = ("model_type", "model_attributes_type", "dict_type")
SPECIFIC = {
    ("children", "too_short"): "Name at least one child the worry is about.",
    ("children", "missing"): "Name at least one child the worry is about.",
    ("Idempotency-Key", "missing"): "Send an Idempotency-Key header: a value unique to this "
    "contact, such as a UUID, sent again only when retrying it.",
}
MESSAGES = {
    "missing": "{label} is required.",
    "string_too_long": "{label} must be {max_length} characters or fewer.",
    "string_too_short": "{label} must not be blank.",
    "too_short": "{label} must have at least {min_length} entry.",
    "too_long": "{label} can have at most {max_length} entries.",
    "literal_error": "{label} must be one of {expected}.",
    "bool_type": "{label} must be true or false.",
    "bool_parsing": "{label} must be true or false.",
    "string_type": "{label} must be text, in quotes.",
    "list_type": "{label} must be a list.",
    "model_type": "{label} must be an object.",
    "model_attributes_type": "{label} must be an object.",
    "dict_type": "{label} must be an object.",
    "extra_forbidden": "'{leaf}' is not a field of this API: check the spelling against "
    "/api/openapi.json.",
}
DATE_ERRORS = (
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
)


def problem_fields(errors: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(dotted field path, plain-English message) for each of ninja's validation errors."""
    return [_plain(error) for error in errors]


def _plain(error: dict[str, Any]) -> tuple[str, str]:
    source, *path = error.get("loc", ("body",))
    if source == "body":
        path = path[1:]  # drop the view's argument name ("payload")
    field = ".".join(str(part) for part in path)
    kind = error["type"]
    if not field and (kind == "missing" or kind in OBJECT_ERRORS):
        return "", "Send the contact as a JSON object in the request body."
    leaf = next((str(part) for part in reversed(path) if not isinstance(part, int)), "")
    if kind == "frontdoor":
        return field, error["msg"]
    if (leaf, kind) in SPECIFIC:
        return field, SPECIFIC[(leaf, kind)]
    template = MESSAGES.get(kind)
    if kind in DATE_ERRORS:
        template = "{label} must be a date written YYYY-MM-DD."
    if template is None:
        return field, error["msg"]
    label = LABELS.get(leaf, leaf.replace("_", " ").capitalize())
    if path and isinstance(path[-1], int) and leaf in ITEMS:
        label = f"{ITEMS[leaf]} {path[-1] + 1}"  # "children.0" is "Child 1"
    return field, template.format(label=label, leaf=leaf, **error.get("ctx", {}))
