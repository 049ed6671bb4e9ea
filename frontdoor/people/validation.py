"""Checks on a person's details before an action stores them (DfE and NHS identifier rules)."""

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone

from frontdoor.lib.errors import ActionError
from frontdoor.lib.identifiers import (
    is_valid_la_child_id,
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_upn,
    normalise_nhs_number,
    normalise_postcode,
)
from frontdoor.people.models import Disability, Ethnicity, Person, Sex, UPNUnknown

EDITABLE_FIELDS = (
    "kind",
    "given_name",
    "family_name",
    "date_of_birth",
    "expected_date_of_birth",
    "sex",
    "ethnicity",
    "disabilities",
    "nhs_number",
    "upn",
    "upn_unknown",
    "la_child_id",
    "restricted_to_team",
)


def normalised(fields: dict[str, Any]) -> dict[str, Any]:
    """Identifiers in their stored form; names without surrounding spaces."""
    fields = dict(fields)
    for name in ("given_name", "family_name"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    if "nhs_number" in fields:
        fields["nhs_number"] = normalise_nhs_number(fields["nhs_number"] or "")
    if "upn" in fields:
        fields["upn"] = (fields["upn"] or "").strip().upper()
    if "la_child_id" in fields:
        fields["la_child_id"] = (fields["la_child_id"] or "").strip()
    if "postcode" in fields:
        fields["postcode"] = normalise_postcode(fields["postcode"] or "")
    if "disabilities" in fields:
        fields["disabilities"] = list(fields["disabilities"] or [])
    return fields


def plain(value: Any) -> Any:
    """A value as it can be kept in an audit row (JSON)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def _check_identifiers(fields: dict[str, Any], person: Person | None) -> None:
    others = Person.objects.exclude(pk=person.pk) if person else Person.objects.all()
    if fields.get("nhs_number") and not is_valid_nhs_number(fields["nhs_number"]):
        raise ActionError("Enter a valid 10-digit NHS number.", field="nhs_number")
    if fields.get("upn"):
        if not is_valid_upn(fields["upn"]):
            raise ActionError(
                "Enter a valid UPN (13 characters with a correct check letter).", field="upn"
            )
        if others.filter(upn=fields["upn"]).exists():  # DfE: a UPN is unique
            raise ActionError("Another record already has this UPN.", field="upn")
        if fields.get("upn_unknown"):
            raise ActionError(
                "A child with a UPN needs no reason for it being unknown.", field="upn_unknown"
            )
    if fields.get("upn_unknown") and fields["upn_unknown"] not in UPNUnknown.values:
        raise ActionError("Choose a reason from UN1 to UN7.", field="upn_unknown")
    if fields.get("la_child_id"):
        if not is_valid_la_child_id(fields["la_child_id"]):
            raise ActionError("An LA child ID is up to 20 letters and digits.", field="la_child_id")
        if others.filter(la_child_id=fields["la_child_id"]).exists():  # DfE: unique
            raise ActionError("Another record already has this LA child ID.", field="la_child_id")


def _check_dates(fields: dict[str, Any]) -> None:
    born, due = fields.get("date_of_birth"), fields.get("expected_date_of_birth")
    if born and born > timezone.localdate():
        raise ActionError("Date of birth must be in the past.", field="date_of_birth")
    if fields.get("kind") == Person.Kind.UNBORN:
        if born:
            raise ActionError(
                "An unborn child has an expected date of birth, not a date of birth.",
                field="date_of_birth",
            )
        if not due:
            raise ActionError("Enter the expected date of birth.", field="expected_date_of_birth")


def _check_codes(fields: dict[str, Any]) -> None:
    if "kind" in fields and fields["kind"] not in Person.Kind.values:
        raise ActionError("Choose child, unborn child or adult.", field="kind")
    if fields.get("sex") and fields["sex"] not in Sex.values:
        raise ActionError("Choose the sex recorded.", field="sex")
    if fields.get("ethnicity") and fields["ethnicity"] not in Ethnicity.values:
        raise ActionError("Choose an ethnicity from the list.", field="ethnicity")
    codes = fields.get("disabilities") or []
    if any(code not in Disability.values for code in codes):
        raise ActionError("Choose disabilities from the list.", field="disabilities")
    if Disability.NONE in codes and len(codes) > 1:
        raise ActionError(
            "Choose either 'No disability' or the disabilities, not both.", field="disabilities"
        )


def check_person(fields: dict[str, Any], person: Person | None = None) -> None:
    """Refuse details the DfE or NHS rules would reject (CIN census validation)."""
    _check_codes(fields)
    _check_dates(fields)
    _check_identifiers(fields, person)


def check_address(line1: str, postcode: str) -> None:
    if not (line1 or "").strip():
        raise ActionError("Enter the first line of the address.", field="line1")
    if not is_valid_postcode(postcode or ""):
        raise ActionError("Enter a real postcode, like BS23 1UJ.", field="postcode")
