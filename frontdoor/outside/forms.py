"""The ROTH team's forms (GOV.UK macros render them; casework's field layout is reused)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.lib.forms import ANY, PAST, GovukDateField
from frontdoor.outside.codes import (
    INDICATORS,
    Confidence,
    EntityKind,
    EpisodeKind,
    ExploitationType,
    FoundBy,
    InterviewOutcome,
    Level,
    LinkSource,
    MeetingKind,
    MissingFrom,
    PoliceRisk,
    Rating,
)
from frontdoor.outside.models import PushPullFactor

TIME_HINT = "24-hour clock, for example 21:30"


def _radios(
    choices: Any, required_message: str, label: str, required: bool = True
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        error_messages={"required": required_message},
    )


def _date(label: str, message: str, required: bool = True, when: str = PAST) -> GovukDateField:
    return GovukDateField(
        label=label, required=required, when=when, error_messages={"required": message}
    )


def _time(label: str, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text=TIME_HINT,
        required=required,
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        error_messages={"required": "Enter the time.", "invalid": "Enter a time like 21:30."},
    )


def moment(day: dt.date | None, time: dt.time | None) -> dt.datetime | None:
    """A date and a time of day as a moment in the council's time zone."""
    if day is None or time is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, time))


class EpisodeForm(forms.Form):
    kind = _radios(
        EpisodeKind.choices, "Choose missing, away from placement or absent.", "What happened"
    )
    missing_from = _radios(
        MissingFrom.choices, "Choose where the child went missing from.", "Missing from"
    )
    last_seen_on = _date("Date last seen", "Enter the date the child was last seen.")
    last_seen_at = _time("Time last seen")
    police_risk = _radios(PoliceRisk.choices, "", "Police risk level", required=False)
    police_reference = forms.CharField(label="Police reference", required=False, max_length=40)
    circumstances = forms.CharField(label="Circumstances", required=False, widget=forms.Textarea)


class ReturnForm(forms.Form):
    returned_on = _date("Date the child returned", "Enter the date the child returned.")
    returned_at = _time("Time the child returned")
    found_by = _radios(FoundBy.choices, "Choose who found the child.", "Found by")
    where_found = forms.CharField(label="Where the child was found", required=False, max_length=200)
    found_with = forms.CharField(label="Who the child was with", required=False, max_length=200)


class AllocateForm(forms.Form):
    worker: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Worker to hold the interview",
        queryset=None,
        empty_label="Choose a worker",
        error_messages={"required": "Choose who will hold the interview."},
    )

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["worker"]
        field.queryset = workers
        field.label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.team or 'no team'})"
        )


class InterviewForm(forms.Form):
    offered_on = _date(
        "Date the interview was offered", "Enter the date the interview was offered."
    )
    offered_at = _time("Time offered")
    outcome = _radios(InterviewOutcome.choices, "Choose whether the child accepted.", "Outcome")
    held_on = _date("Date the interview was held", "", required=False)
    held_at = _time("Time held", required=False)
    factors = forms.ModelMultipleChoiceField(
        label="Push and pull factors",
        queryset=PushPullFactor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    child_said = forms.CharField(label="What the child said", required=False, widget=forms.Textarea)
    where_went = forms.CharField(label="Where the child went", required=False, max_length=300)
    with_whom = forms.CharField(label="Who the child was with", required=False, max_length=300)
    place_name = forms.CharField(
        label="Place of concern (name)",
        required=False,
        max_length=200,
        help_text="A park, shop, address or area. It is added to the child's network.",
    )
    place_postcode = forms.CharField(label="Postcode of the place", required=False, max_length=8)
    adult: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Adult of concern already known",
        queryset=None,
        required=False,
        empty_label="None or a new adult",
    )
    adult_given_name = forms.CharField(
        label="New adult of concern: first name", required=False, max_length=100
    )
    adult_family_name = forms.CharField(
        label="New adult of concern: last name", required=False, max_length=100
    )
    actions_agreed = forms.CharField(label="Actions", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, adults: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        factors = self.fields["factors"]
        factors.queryset = PushPullFactor.objects.active()  # type: ignore[attr-defined]
        factors.label_from_instance = lambda f: f"{f.name} ({f.direction})"  # type: ignore[attr-defined]
        self.fields["adult"].queryset = adults  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("adult_given_name")) != bool(data.get("adult_family_name")):
            raise ValidationError("Give the new adult's first and last names.")
        return data


class ScreeningForm(forms.Form):
    kind = _radios(ExploitationType.choices, "Choose CSE or CCE.", "Exploitation screened for")
    screened_on = _date("Date of the screening", "Enter the date of the screening.")
    is_disclosure = forms.TypedChoiceField(
        label="Has the child disclosed exploitation?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the child disclosed exploitation."},
    )
    judged_level = forms.ChoiceField(
        label="Your judgement, if it differs from the level the screening gives",
        choices=[("", "Agree with the screening"), *Level.choices],
        required=False,
    )
    judgement_reason = forms.CharField(
        label="Why your judgement differs", required=False, widget=forms.Textarea
    )
    review_on = _date("Review date", "", required=False, when=ANY)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, domain, text in INDICATORS:
            self.fields[f"rating_{code}"] = forms.ChoiceField(
                label=f"{domain}: {text}",
                choices=Rating.choices,
                error_messages={
                    "required": f"Rate “{text}” (choose “Not present” if it is not seen)."
                },
            )

    def ratings(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"rating_{code}"] for code, _, _ in INDICATORS}


class LinkForm(forms.Form):
    other: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="A person (adult of concern or another child)",
        queryset=None,
        required=False,
        empty_label="Not a person",
    )
    kind = forms.ChoiceField(
        label="Or a thing", choices=[("", "Not a thing"), *EntityKind.choices], required=False
    )
    name = forms.CharField(label="Its name, number or account", required=False, max_length=200)
    postcode = forms.CharField(label="Postcode (for a place)", required=False, max_length=8)
    relation = forms.CharField(
        label="How they are linked",
        required=False,
        max_length=120,
        help_text="For example, seen with, goes to, messages",
    )
    source = _radios(LinkSource.choices, "Choose where this comes from.", "Source")
    confidence = _radios(Confidence.choices, "Choose how sure this is.", "Confidence")
    seen_on = _date("Date", "Enter the date of the information.")

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["other"]
        field.queryset = people
        field.label_from_instance = lambda p: f"{p.full_name} ({p.get_kind_display().lower()})"


class MeetingForm(forms.Form):
    kind = _radios(MeetingKind.choices, "Choose the meeting.", "Meeting")
    held_on = _date("Date of the meeting", "Enter the date of the meeting.", when=ANY)


class NoteForm(forms.Form):
    decision = forms.CharField(
        label="Decision",
        widget=forms.Textarea,
        error_messages={"required": "Record what was decided."},
    )
    action = forms.CharField(label="Action agreed", required=False, max_length=300)
    owner = forms.CharField(label="Who will do it", required=False, max_length=120)
    due_on = _date("Due by", "", required=False, when=ANY)


class ReferForm(forms.Form):
    reason = forms.CharField(
        label="Why refer to MACE",
        widget=forms.Textarea,
        error_messages={"required": "Say why it is referred."},
    )


class ShareForm(forms.Form):
    agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Partner agency",
        queryset=None,
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency."},
    )
    is_shared = forms.TypedChoiceField(
        label="Share this person's ROTH record with the agency?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether to share."},
    )
    reason = forms.CharField(
        label="Reason", widget=forms.Textarea, error_messages={"required": "Say why."}
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
