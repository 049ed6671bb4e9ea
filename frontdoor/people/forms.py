"""Forms for the person index pages (validated here, at the edge; actions check again)."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from frontdoor.chronology.models import Kind as EventKind
from frontdoor.lib.forms import ANY, GovukDateField
from frontdoor.lib.identifiers import (
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_upn,
    normalise_nhs_number,
    normalise_postcode,
)
from frontdoor.people.models import Ethnicity, Person, Sex, UPNUnknown


def _postcode(value: str) -> str:
    if value and not is_valid_postcode(value):
        raise forms.ValidationError("Enter a real postcode, like BS23 1UJ.")
    return normalise_postcode(value) if value else ""


class SearchForm(forms.Form):
    q = forms.CharField(max_length=200, required=False)
    date_of_birth = GovukDateField(
        required=False, error_messages={"future": "Date of birth must be in the past."}
    )
    postcode = forms.CharField(max_length=10, required=False)

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data.get("postcode", "").strip())

    def has_search(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("q", "").strip() or data.get("date_of_birth") or data.get("postcode"))


class PersonForm(forms.Form):
    """Add a person to the index."""

    kind = forms.ChoiceField(
        choices=Person.Kind.choices,
        error_messages={"required": "Choose child, unborn child or adult."},
    )
    given_name = forms.CharField(max_length=100, required=False)
    family_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter their last name."}
    )
    date_of_birth = GovukDateField(
        required=False,
        error_messages={
            "future": "Date of birth must be in the past. For an unborn baby, give the due date."
        },
    )
    expected_date_of_birth = GovukDateField(required=False, when=ANY)
    sex = forms.ChoiceField(choices=Sex.choices, required=False)
    ethnicity = forms.ChoiceField(
        choices=[("", "Not yet known"), *Ethnicity.choices], required=False
    )
    nhs_number = forms.CharField(max_length=12, required=False)
    upn = forms.CharField(max_length=13, required=False)
    upn_unknown = forms.ChoiceField(
        choices=[("", "Not given"), *UPNUnknown.choices], required=False
    )
    line1 = forms.CharField(max_length=120, required=False)
    town = forms.CharField(max_length=80, required=False)
    postcode = forms.CharField(max_length=10, required=False)
    confirm_new = forms.BooleanField(required=False)

    def clean_date_of_birth(self) -> dt.date | None:
        born: dt.date | None = self.cleaned_data.get("date_of_birth")
        if born and born > timezone.localdate():
            raise forms.ValidationError(
                "Date of birth must be in the past. For an unborn baby, give the due date."
            )
        return born

    def clean_nhs_number(self) -> str:
        value = normalise_nhs_number(self.cleaned_data.get("nhs_number", ""))
        if value and not is_valid_nhs_number(value):
            raise forms.ValidationError("Enter a valid 10-digit NHS number, like 943 476 5919.")
        return value

    def clean_upn(self) -> str:
        value = str(self.cleaned_data.get("upn", "")).strip().upper()
        if value and not is_valid_upn(value):
            raise forms.ValidationError(
                "Enter a valid UPN: 13 characters with a correct check letter, like K201123417001."
            )
        return value

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data.get("postcode", "").strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("upn") and data.get("upn_unknown"):
            self.add_error(
                "upn_unknown", "A child with a UPN needs no reason for it being unknown."
            )
        if data.get("line1") and not data.get("postcode") and "postcode" not in self.errors:
            self.add_error("postcode", "Enter the postcode of the address.")
        return data

    def person_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        names = (
            "kind",
            "given_name",
            "family_name",
            "date_of_birth",
            "expected_date_of_birth",
            "nhs_number",
            "upn",
            "upn_unknown",
        )
        fields = {name: data.get(name) for name in names}
        fields["upn_unknown"] = data.get("upn_unknown") or ""
        fields["sex"] = data.get("sex") or Sex.UNKNOWN
        fields["ethnicity"] = data.get("ethnicity") or Ethnicity.NOBT
        return fields

    def address_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "address": data.get("line1", ""),
            "town": data.get("town", ""),
            "postcode": data.get("postcode", ""),
        }


class ChronologyFilterForm(forms.Form):
    kind = forms.ChoiceField(choices=[("", "All kinds"), *EventKind.choices], required=False)
    since = GovukDateField(required=False, when=ANY)
    until = GovukDateField(required=False, when=ANY)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date must be the same as or after the start date.")
        return data
