"""Forms for what the SSDA903 return needs about a looked-after child (care_records)."""

import datetime as dt
from typing import Any

from django import forms

from frontdoor.casework.care_codes import (
    Accommodation,
    Activity,
    AdoptersLegalStatus,
    AdoptersSex,
    HealthCheckKind,
    InTouch,
    PlacedCeasedReason,
    PreviousPermanenceKind,
    ReviewParticipation,
    SDQReason,
)
from frontdoor.casework.forms import date_field, radios, yes_no
from frontdoor.lib.forms import ANY, GovukDateField


def _coded(choices: Any) -> list[tuple[str, str]]:
    return [(value, f"{value}: {label}") for value, label in choices]


def _optional_choice(label: str, choices: Any, empty: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=[("", empty), *_coded(choices)], required=False)


class CareReviewForm(forms.Form):
    held_on = date_field("Enter the date of the review.", "Date of the review")
    participation = radios(
        _coded(ReviewParticipation.choices),
        "Choose how the child took part in the review (PN0 to PN7).",
        "How did the child take part?",
    )


class HealthCheckForm(forms.Form):
    kind = radios(
        HealthCheckKind.choices,
        "Choose a health assessment or a dental check.",
        "Which check?",
    )
    done_on = date_field("Enter the date of the check.", "Date of the check")


class CareOutcomesForm(forms.Form):
    year_ending = date_field("Enter the 31 March the outcomes are for.", "Year ending (31 March)")
    is_immunisations_up_to_date = yes_no(
        "Say whether the child's immunisations are up to date.",
        "Are the child's immunisations up to date?",
    )
    sdq_score = forms.IntegerField(
        label="Strengths and Difficulties Questionnaire score",
        required=False,
        min_value=0,
        max_value=40,
        help_text="0 to 40. Leave empty and give the reason if there is none.",
        error_messages={
            "invalid": "The SDQ score is a number from 0 to 40.",
            "min_value": "The SDQ score is a number from 0 to 40.",
            "max_value": "The SDQ score is a number from 0 to 40.",
        },
    )
    sdq_reason = _optional_choice(
        "If there is no SDQ score, why", SDQReason.choices, "There is a score"
    )
    is_convicted = yes_no(
        "Say whether the child was convicted or given a caution in the year.",
        "Convicted or cautioned in the year?",
    )
    has_substance_misuse = yes_no(
        "Say whether the child had a substance misuse problem.",
        "Identified as having a substance misuse problem?",
    )
    intervention_offered = forms.TypedChoiceField(
        label="If so, was an intervention offered?",
        choices=[("", "Not applicable"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
    intervention_received = forms.TypedChoiceField(
        label="If so, was an intervention received?",
        choices=[("", "Not applicable"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )


class UascForm(forms.Form):
    ceased_on = GovukDateField(
        label="Date the status ceases",
        when=ANY,
        help_text="Usually the child's 18th birthday.",
        error_messages={"required": "Enter the date the status ceases."},
    )


class AdoptionDecisionForm(forms.Form):
    decided_on = date_field("Enter the date of the decision.", "Date of the decision")


class AdoptionMatchForm(forms.Form):
    matched_on = date_field("Enter the date of the match.", "Date of the match")
    is_adopted_by_foster_carers = yes_no(
        "Say whether the adopters are the child's foster carers.",
        "Are the adopters the child's foster carers?",
    )
    number_of_adopters = forms.TypedChoiceField(
        label="How many adopters?",
        choices=[("1", "One"), ("2", "Two")],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how many adopters there are."},
    )
    adopters_sex = radios(
        _coded(AdoptersSex.choices), "Choose the sex of the adopters.", "Adopters"
    )
    adopters_legal_status = radios(
        _coded(AdoptersLegalStatus.choices),
        "Choose the legal status of the adopters.",
        "Legal status of the adopters",
    )


class CeaseAdoptionPlanForm(forms.Form):
    ceased_on = date_field("Enter the date of the decision.", "Date of the decision")
    reason = radios(
        _coded(PlacedCeasedReason.choices),
        "Choose why the child is no longer to be placed for adoption.",
        "Why?",
    )


class PreviousPermanenceForm(forms.Form):
    kind = radios(
        _coded(PreviousPermanenceKind.choices),
        "Choose the previous permanence option, or none.",
        "Before this period of care, was the child adopted or under an order?",
    )
    la_code = forms.CharField(
        label="Council that made the order",
        required=False,
        max_length=3,
        help_text="Its 3-digit code, for example 802. Leave empty if none or not known.",
    )
    # Month and year: the order came before this episode (so the record's date limits do not
    # apply), and a council often knows no more of an earlier order than that.
    order_month = forms.IntegerField(
        label="Month of the order",
        required=False,
        min_value=1,
        max_value=12,
        help_text="For example, 3. Leave empty if none or not known.",
        error_messages={
            "invalid": "Enter the month of the order as a number from 1 to 12.",
            "min_value": "Enter the month of the order as a number from 1 to 12.",
            "max_value": "Enter the month of the order as a number from 1 to 12.",
        },
    )
    order_year = forms.IntegerField(
        label="Year of the order",
        required=False,
        min_value=1991,
        max_value=2199,
        help_text="For example, 2019.",
        error_messages={
            "invalid": "Enter the year of the order, for example 2019.",
            "min_value": "Enter a year of the order from 1991.",
            "max_value": "Enter the year of the order, for example 2019.",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        month, year = data.get("order_month"), data.get("order_year")
        if (month is None) != (year is None) and not self.errors:
            self.add_error(
                "order_year" if year is None else "order_month",
                "Enter both the month and the year of the order, or neither.",
            )
        data["order_date"] = dt.date(year, month, 1) if month and year else None
        return data


class CareLeaverContactForm(forms.Form):
    birthday = date_field("Enter the birthday.", "Birthday (17th to 21st)")
    in_touch = radios(
        _coded(InTouch.choices), "Choose whether the council is in touch.", "In touch?"
    )
    activity = _optional_choice("Activity", Activity.choices, "Not known")
    accommodation = _optional_choice("Accommodation", Accommodation.choices, "Not known")
