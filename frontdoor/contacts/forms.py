"""Forms for the intake routes, triage and decisions (validated here, at the edge)."""

from typing import Any

from django import forms
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.contacts.codes import Channel, Consent, Outcome, Rag, ReferralSource
from frontdoor.contacts.handover import HandoverInput
from frontdoor.contacts.inputs import (
    BOTH_BIRTH_DATES,
    ContactInput,
    DecisionInput,
    SubjectInput,
)
from frontdoor.contacts.models import LevelOfNeed
from frontdoor.lib.forms import ANY, GovukDateField
from frontdoor.lib.identifiers import (
    is_valid_nhs_number,
    is_valid_postcode,
    normalise_nhs_number,
    normalise_postcode,
)
from frontdoor.people.models import Sex

STAFF_CHANNELS = [
    (c.value, c.label)
    for c in [Channel.PHONE, Channel.EMAIL, Channel.IN_PERSON, Channel.OUT_OF_HOURS]
]
YES_NO = [("yes", "Yes"), ("no", "No")]


def _required(message: str) -> dict[str, str]:
    return {"required": message}


class SubjectFieldsMixin(forms.Form):
    """The first child's details (prefix-free so labels and ids stay simple)."""

    child_given_name = forms.CharField(
        max_length=100, error_messages=_required("Enter the child's first name, or 'Unknown'.")
    )
    child_family_name = forms.CharField(
        max_length=100, error_messages=_required("Enter the child's last name, or 'Unknown'.")
    )
    child_date_of_birth = GovukDateField(
        required=False,
        error_messages={
            "future": "Date of birth must be in the past. For an unborn baby, give the due date."
        },
    )
    child_expected_date_of_birth = GovukDateField(required=False, when=ANY)
    child_sex = forms.ChoiceField(choices=Sex.choices, required=False)
    child_nhs_number = forms.CharField(max_length=12, required=False)
    child_address = forms.CharField(max_length=250, required=False)
    child_postcode = forms.CharField(max_length=10, required=False)
    adult_given_name = forms.CharField(max_length=100, required=False)
    adult_family_name = forms.CharField(max_length=100, required=False)
    adult_relationship = forms.CharField(max_length=80, required=False)

    def clean_child_date_of_birth(self) -> Any:
        born = self.cleaned_data.get("child_date_of_birth")
        if born and born > timezone.localdate():
            raise forms.ValidationError(
                "Date of birth must be in the past. For an unborn baby, give the due date."
            )
        return born

    def clean_child_expected_date_of_birth(self) -> Any:
        due = self.cleaned_data.get("child_expected_date_of_birth")
        if due and due < timezone.localdate():
            raise forms.ValidationError("The expected date of birth must be in the future.")
        return due

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("child_date_of_birth") and data.get("child_expected_date_of_birth"):
            self.add_error("child_expected_date_of_birth", BOTH_BIRTH_DATES)
        return data

    def clean_child_nhs_number(self) -> str:
        value = normalise_nhs_number(self.cleaned_data.get("child_nhs_number", ""))
        if value and not is_valid_nhs_number(value):
            raise forms.ValidationError("Enter a valid 10-digit NHS number, like 943 476 5919.")
        return value

    def clean_child_postcode(self) -> str:
        value = self.cleaned_data.get("child_postcode", "")
        if value and not is_valid_postcode(value):
            raise forms.ValidationError("Enter a real postcode, like BS23 1UJ.")
        return normalise_postcode(value) if value else ""

    def subjects(self) -> list[SubjectInput]:
        data = self.cleaned_data
        subjects = [
            SubjectInput(
                role="child",
                given_name=data["child_given_name"],
                family_name=data["child_family_name"],
                date_of_birth=data.get("child_date_of_birth"),
                expected_date_of_birth=data.get("child_expected_date_of_birth"),
                sex=data.get("child_sex") or "",
                nhs_number=data.get("child_nhs_number", ""),
                address=data.get("child_address", ""),
                postcode=data.get("child_postcode", ""),
            )
        ]
        if data.get("adult_given_name") or data.get("adult_family_name"):
            subjects.append(
                SubjectInput(
                    role="adult",
                    given_name=data.get("adult_given_name", ""),
                    family_name=data.get("adult_family_name", ""),
                    relationship_to_child=data.get("adult_relationship", ""),
                )
            )
        return subjects


class WorryFieldsMixin(forms.Form):
    worry = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Tell us what you are worried about."),
    )
    referrer_wants = forms.CharField(widget=forms.Textarea, max_length=5000, required=False)
    child_views = forms.CharField(widget=forms.Textarea, max_length=5000, required=False)
    immediate_danger = forms.ChoiceField(
        choices=YES_NO, error_messages=_required("Say whether the child is in immediate danger.")
    )


class StaffContactForm(SubjectFieldsMixin, WorryFieldsMixin):
    # The order of the page (new_contact.html), so the error summary follows it.
    field_order = [
        *("channel", "source", "referrer_name", "referrer_role", "referrer_organisation"),
        *("referrer_agency", "referrer_phone", "referrer_email", "child_given_name"),
        *("child_family_name", "child_date_of_birth", "child_expected_date_of_birth"),
        *("child_sex", "child_nhs_number", "child_address", "child_postcode"),
        *("adult_given_name", "adult_family_name", "adult_relationship", "worry"),
        *("referrer_wants", "child_views", "immediate_danger", "is_domestic_abuse"),
        *("consent", "consent_reason", "handover_done_overnight", "handover_needs_doing"),
    ]

    channel = forms.ChoiceField(
        choices=STAFF_CHANNELS, error_messages=_required("Choose how the contact came in.")
    )
    source = forms.ChoiceField(
        choices=ReferralSource.choices, error_messages=_required("Choose the referral source.")
    )
    referrer_name = forms.CharField(max_length=150, required=False)
    referrer_role = forms.CharField(max_length=150, required=False)
    referrer_organisation = forms.CharField(max_length=150, required=False)
    referrer_agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), required=False, empty_label="None"
    )
    referrer_phone = forms.CharField(max_length=40, required=False)
    referrer_email = forms.EmailField(required=False)
    consent = forms.ChoiceField(
        choices=Consent.choices, error_messages=_required("Say whether consent was sought.")
    )
    consent_reason = forms.CharField(widget=forms.Textarea, required=False, max_length=2000)
    is_domestic_abuse = forms.BooleanField(required=False)
    # Out of hours only: what the emergency duty worker did and what the day team must do.
    handover_done_overnight = forms.CharField(
        widget=forms.Textarea, required=False, max_length=5000
    )
    handover_needs_doing = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("consent") in (Consent.NOT_SOUGHT, Consent.REFUSED)
            and not data.get("consent_reason", "").strip()
        ):
            self.add_error("consent_reason", "Say why consent was not sought or was refused.")
        self._clean_handover(data)
        return data

    def _clean_handover(self, data: dict[str, Any]) -> None:
        # The handover is revealed only for out-of-hours contacts (GOV.UK conditional
        # reveal); for any other channel it is ignored, as hidden questions are.
        if data.get("channel") == Channel.OUT_OF_HOURS and not self.handover_items():
            self.add_error(
                "handover_needs_doing",
                "Say what the day team needs to do (one action on each line).",
            )

    def is_out_of_hours(self) -> bool:
        return self.cleaned_data.get("channel") == Channel.OUT_OF_HOURS

    def handover_items(self) -> list[HandoverInput]:
        """One handover action per non-blank line of 'what needs doing'."""
        data = getattr(self, "cleaned_data", {})
        overnight = str(data.get("handover_done_overnight") or "").strip()
        lines = str(data.get("handover_needs_doing") or "").splitlines()
        return [
            HandoverInput(needs_doing=line.strip(), done_overnight=overnight)
            for line in lines
            if line.strip()
        ]

    def to_input(self) -> ContactInput:
        data = self.cleaned_data
        return ContactInput(
            source=data["source"],
            worry=data["worry"],
            consent=data["consent"],
            subjects=self.subjects(),
            referrer_name=data["referrer_name"],
            referrer_role=data["referrer_role"],
            referrer_organisation=data["referrer_organisation"],
            referrer_agency_id=data["referrer_agency"].pk if data.get("referrer_agency") else None,
            referrer_phone=data["referrer_phone"],
            referrer_email=data["referrer_email"],
            referrer_wants=data["referrer_wants"],
            child_views=data["child_views"],
            consent_reason=data["consent_reason"],
            immediate_danger=data["immediate_danger"] == "yes",
            is_domestic_abuse=data["is_domestic_abuse"],
        )


PROFESSIONAL_SOURCES = [
    (c.value, c.label)
    for c in ReferralSource
    if c.value[0] in "2345678" and c.value not in ("5A", "5B", "5D")
]
PUBLIC_SOURCES = [
    (ReferralSource.FAMILY.value, "I am the child's parent, carer or relative"),
    (ReferralSource.ACQUAINTANCE.value, "I know the child or family (a neighbour or friend)"),
    (ReferralSource.SELF.value, "I am the child or young person"),
    (ReferralSource.INDIVIDUAL_OTHER.value, "Other"),
]
PUBLIC_CONSENT = [
    (Consent.GIVEN.value, "Yes, they know and agree"),
    (Consent.REFUSED.value, "They know but do not agree"),
    (Consent.NOT_SOUGHT.value, "No, I have not told them"),
]


class OnlineContactForm(SubjectFieldsMixin, WorryFieldsMixin):
    """The online request for support (no sign-in). `website` is a honeypot for bots."""

    # The order of the page (online_form.html), so the error summary follows it.
    field_order = [
        *("source", "referrer_name", "referrer_role", "referrer_organisation"),
        *("referrer_phone", "referrer_email", "child_given_name", "child_family_name"),
        *("child_date_of_birth", "child_expected_date_of_birth", "child_address"),
        *("child_postcode", "adult_given_name", "adult_family_name", "adult_relationship"),
        *("worry", "referrer_wants", "child_views", "immediate_danger", "consent"),
        "consent_reason",
    ]

    source = forms.ChoiceField(error_messages=_required("Tell us who you are."))
    referrer_name = forms.CharField(max_length=150, required=False)
    referrer_role = forms.CharField(max_length=150, required=False)
    referrer_organisation = forms.CharField(max_length=150, required=False)
    referrer_phone = forms.CharField(max_length=40, required=False)
    referrer_email = forms.EmailField(
        required=False, error_messages={"invalid": "Enter an email address like name@example.com."}
    )
    consent = forms.ChoiceField(
        choices=PUBLIC_CONSENT,
        error_messages=_required("Tell us whether the family knows you are contacting us."),
    )
    consent_reason = forms.CharField(widget=forms.Textarea, required=False, max_length=2000)
    website = forms.CharField(required=False)

    def __init__(self, *args: Any, professional: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.professional = professional
        source: Any = self.fields["source"]
        source.choices = PROFESSIONAL_SOURCES if professional else PUBLIC_SOURCES
        if professional:
            for name in ("referrer_name", "referrer_organisation"):
                self.fields[name].required = True
            self.fields["referrer_name"].error_messages["required"] = "Enter your name."
            self.fields["referrer_organisation"].error_messages["required"] = (
                "Enter your organisation."
            )

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("referrer_phone") and not data.get("referrer_email") and self.professional:
            self.add_error("referrer_phone", "Give a phone number or email so we can reach you.")
        if data.get("consent") == Consent.NOT_SOUGHT and not data.get("consent_reason", "").strip():
            self.add_error("consent_reason", "Tell us why you have not told the family.")
        return data

    def to_input(self) -> ContactInput:
        data = self.cleaned_data
        return ContactInput(
            source=data["source"],
            worry=data["worry"],
            consent=data["consent"],
            subjects=self.subjects(),
            referrer_name=data["referrer_name"],
            referrer_role=data["referrer_role"],
            referrer_organisation=data["referrer_organisation"],
            referrer_phone=data["referrer_phone"],
            referrer_email=data["referrer_email"],
            referrer_wants=data["referrer_wants"],
            child_views=data["child_views"],
            consent_reason=data["consent_reason"],
            immediate_danger=data["immediate_danger"] == "yes",
        )


class AddSubjectForm(forms.Form):
    role = forms.ChoiceField(
        choices=[("child", "Subject child"), ("adult", "Involved adult")],
        error_messages=_required("Choose child or adult."),
    )
    given_name = forms.CharField(max_length=100, error_messages=_required("Enter a first name."))
    family_name = forms.CharField(max_length=100, error_messages=_required("Enter a last name."))
    date_of_birth = GovukDateField(
        required=False, error_messages={"future": "Date of birth must be in the past."}
    )
    relationship_to_child = forms.CharField(max_length=80, required=False)

    def to_input(self) -> SubjectInput:
        data = self.cleaned_data
        return SubjectInput(
            role=data["role"],
            given_name=data["given_name"],
            family_name=data["family_name"],
            date_of_birth=data["date_of_birth"],
            relationship_to_child=data["relationship_to_child"],
        )


class TriageForm(forms.Form):
    rag = forms.ChoiceField(choices=Rag.choices, error_messages=_required("Choose a RAG rating."))
    level_of_need = forms.ModelChoiceField(
        queryset=LevelOfNeed.objects.all(),
        empty_label=None,
        error_messages=_required("Choose the level of need."),
    )
    note = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices, error_messages=_required("Choose an outcome.")
    )
    rationale = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Explain why this is the right decision."),
    )
    worries = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Say what we are worried about."),
    )
    working_well = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Say what is working well."),
    )
    needs_to_happen = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Say what needs to happen."),
    )
    scaling = forms.IntegerField(
        min_value=0,
        max_value=10,
        error_messages={
            "required": "Give a scaling score from 0 to 10.",
            "invalid": "The scaling score is a whole number from 0 to 10.",
            "min_value": "The scaling score is a whole number from 0 to 10.",
            "max_value": "The scaling score is a whole number from 0 to 10.",
        },
    )
    child_views_sought = forms.ChoiceField(
        choices=YES_NO, error_messages=_required("Say whether the child's views were sought.")
    )
    child_views_note = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)

    def to_input(self) -> DecisionInput:
        data = self.cleaned_data
        return DecisionInput(
            outcome=data["outcome"],
            rationale=data["rationale"],
            worries=data["worries"],
            working_well=data["working_well"],
            needs_to_happen=data["needs_to_happen"],
            scaling=data["scaling"],
            child_views_sought=data["child_views_sought"] == "yes",
            child_views_note=data["child_views_note"],
        )


class AuthoriseForm(forms.Form):
    agree = forms.ChoiceField(
        choices=[
            ("yes", "I agree with this decision"),
            ("no", "I do not agree – return it to the worker"),
        ],
        error_messages=_required("Say whether you agree with the decision."),
    )
    comment = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("agree") == "no" and not data.get("comment", "").strip():
            self.add_error("comment", "Say why you do not agree.")
        return data


class ConsultationForm(forms.Form):
    professional_name = forms.CharField(
        max_length=150, error_messages=_required("Enter the professional's name.")
    )
    professional_role = forms.CharField(max_length=150, required=False)
    organisation = forms.CharField(max_length=150, required=False)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), required=False, empty_label="None"
    )
    summary = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Describe what the professional told you."),
    )
    advice = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        error_messages=_required("Record the advice you gave."),
    )


class HandoverItemForm(forms.Form):
    needs_doing = forms.CharField(
        widget=forms.Textarea,
        max_length=5000,
        error_messages=_required("Say what the day team needs to do."),
    )
    done_overnight = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)


class LevelForm(forms.ModelForm):
    class Meta:
        model = LevelOfNeed
        fields = ["rank", "name", "description"]
        error_messages = {
            "rank": {"required": "Enter the level's number."},
            "name": {"required": "Enter the level's name."},
        }
