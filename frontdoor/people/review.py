"""What the duplicate review pages show: two records side by side, and the merge form."""

from dataclasses import dataclass
from typing import Any

from django import forms

from frontdoor.lib.dates import govuk_date
from frontdoor.people.display import nhs_number_text
from frontdoor.people.merging import ADDRESS, CHOOSABLE_FIELDS, differing_fields
from frontdoor.people.models import DuplicatePair, Person

LABELS = {
    "kind": "Kind of record",
    "given_name": "Forename",
    "family_name": "Surname",
    "date_of_birth": "Date of birth",
    "expected_date_of_birth": "Expected date of birth",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "disabilities": "Disabilities",
    "nhs_number": "NHS number",
    "upn": "Unique pupil number (UPN)",
    "upn_unknown": "Reason UPN not known",
    "la_child_id": "LA child ID",
    "restricted_to_team": "Restricted to team",
    ADDRESS: "Current address",
}


def in_sentence(label: str) -> str:
    """A label inside a sentence: "Forename" -> "forename", "NHS number" stays."""
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def shown(person: Person, name: str) -> str:
    """One detail of a record as the review page shows it."""
    if name == ADDRESS:
        residence = person.current_residence()
        return str(residence.household) if residence else "No current address"
    value = getattr(person, name)
    if name in ("date_of_birth", "expected_date_of_birth"):
        return govuk_date(value) if value else "Not known"
    if name == "nhs_number":
        return nhs_number_text(value) or "Not known"
    if name == "disabilities":
        return ", ".join(value) or "Not recorded"
    display = getattr(person, f"get_{name}_display", None)
    if display is not None:
        return str(display())
    return str(value) if value else "Not recorded"


@dataclass
class Row:
    name: str
    label: str
    first: str
    second: str
    differs: bool


def comparison_rows(pair: DuplicatePair) -> list[Row]:
    differing = set(differing_fields(pair.first, pair.second))
    return [
        Row(
            name, LABELS[name], shown(pair.first, name), shown(pair.second, name), name in differing
        )
        for name in (*CHOOSABLE_FIELDS, ADDRESS)
    ]


def history_counts(person: Person) -> dict[str, int]:
    return {
        "Contacts": person.contact_subjects.count(),
        "Child in need episodes": person.episodes.count(),
        "Chronology events": person.events.count(),
        "Relationships": person.relationships.count(),
        "Addresses": person.residences.count(),
        "Other names": person.aliases.count(),
    }


class MergeForm(forms.Form):
    """One GOV.UK radio group per detail on which the records differ: which value to keep."""

    def __init__(self, pair: DuplicatePair, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pair = pair
        self.differing = differing_fields(pair.first, pair.second)
        for name in self.differing:
            self.fields[name] = forms.ChoiceField(
                choices=[
                    ("first", f"{shown(pair.first, name)} (record {pair.first.pk})"),
                    ("second", f"{shown(pair.second, name)} (record {pair.second.pk})"),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose which {in_sentence(LABELS[name])} to keep."},
            )
        if pair.is_likely_twin_or_sibling:
            self.fields["not_twins"] = forms.BooleanField(
                error_messages={
                    "required": "Confirm you have checked these are not twins or siblings."
                }
            )

    def take_from_merged(self) -> set[str]:
        """The first record survives; these details come from the second."""
        return {name for name in self.differing if self.cleaned_data.get(name) == "second"}
