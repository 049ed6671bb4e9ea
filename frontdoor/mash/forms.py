"""Forms for the MASH pages (validated here, at the edge; rules are in actions)."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.contacts.codes import Consent, Rag
from frontdoor.lib.forms import FUTURE, GovukDateField
from frontdoor.mash.models import LawfulBasis, RiskIndicator, SharingDecision

YES_NO = [("yes", "Yes"), ("no", "No")]


def _risk_indicator_choices() -> list[tuple[str, str]]:
    return list(RiskIndicator.objects.filter(is_active=True).values_list("code", "label"))


class AnswerForm(forms.Form):
    known = forms.ChoiceField(
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if your agency knows the child or family."},
    )
    what_is_known = forms.CharField(required=False, max_length=10000, widget=forms.Textarea)
    risk_indicators = forms.MultipleChoiceField(
        required=False, choices=[], widget=forms.CheckboxSelectMultiple
    )
    source_system = forms.CharField(
        max_length=120,
        error_messages={"required": "Enter the system you searched, for example Niche."},
    )
    source_date = GovukDateField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["risk_indicators"].choices = _risk_indicator_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("known") == "yes" and not data.get("what_is_known", "").strip():
            self.add_error("what_is_known", "Say what your agency knows.")
        return data


class MoreTimeForm(forms.Form):
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Say why your agency needs more time."},
    )


def question_field(agency: Agency) -> str:
    return f"question_{agency.pk}"


class EnquiryForm(forms.Form):
    """Which agencies to ask, and the question for each (one textarea per agency)."""

    agencies = forms.MultipleChoiceField(
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one agency to ask."},
    )

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency_list = agencies
        self.fields["agencies"].choices = [(str(a.pk), a.name) for a in agencies]  # type: ignore[attr-defined]
        for agency in agencies:
            self.fields[question_field(agency)] = forms.CharField(
                required=False, max_length=4000, widget=forms.Textarea
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for agency in self.chosen():
            if not str(data.get(question_field(agency)) or "").strip():
                self.add_error(question_field(agency), f"Write the question for {agency.name}.")
        return data

    def chosen(self) -> list[Agency]:
        picked = set(self.cleaned_data.get("agencies") or [])
        return [a for a in self.agency_list if str(a.pk) in picked]

    def checks(self) -> list[tuple[Agency, str]]:
        return [(a, self.cleaned_data[question_field(a)]) for a in self.chosen()]


class RagForm(forms.Form):
    rag = forms.ChoiceField(
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the new RAG rating."},
    )
    reason = forms.CharField(
        max_length=4000,
        widget=forms.Textarea,
        error_messages={"required": "Say why the RAG rating is changing."},
    )


class SharingForm(forms.Form):
    decision = forms.ChoiceField(
        choices=SharingDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to share the information."},
    )
    what = forms.CharField(
        max_length=4000,
        widget=forms.Textarea,
        error_messages={"required": "Say what information was shared, or what was asked for."},
    )
    with_whom = forms.CharField(
        max_length=300,
        error_messages={"required": "Say who the information was shared with, or who asked."},
    )
    purpose = forms.CharField(
        max_length=4000,
        widget=forms.Textarea,
        error_messages={"required": "Say why: the purpose of sharing, or the reason not to."},
    )
    lawful_basis = forms.ChoiceField(
        choices=LawfulBasis.choices, widget=forms.RadioSelect, required=False
    )
    consent_status = forms.ChoiceField(
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether consent was sought."},
    )
    consent_reason = forms.CharField(max_length=4000, widget=forms.Textarea, required=False)


class ExtensionDecisionForm(forms.Form):
    """Grant more time (with the new due date and time) or refuse it (with a reason)."""

    decision = forms.ChoiceField(
        choices=[("grant", "Grant more time"), ("refuse", "Refuse")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to grant more time."},
    )
    new_due_date = GovukDateField(required=False, when=FUTURE)
    new_due_time = forms.CharField(max_length=5, required=False)
    reason = forms.CharField(max_length=2000, widget=forms.Textarea, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "grant":
            data["new_due"] = self._new_due(data)
        elif data.get("decision") == "refuse" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why more time is refused.")
        return data

    def _new_due(self, data: dict[str, Any]) -> dt.datetime | None:
        day = data.get("new_due_date")
        if day is None:
            if "new_due_date" not in self.errors:
                self.add_error("new_due_date", "Enter the new due date.")
            return None
        try:
            hour, minute = (int(part) for part in data.get("new_due_time", "").split(":"))
            at = dt.time(hour, minute)
        except ValueError:
            self.add_error(
                "new_due_time", "Enter the new due time as hours and minutes, like 17:00."
            )
            return None
        return timezone.make_aware(dt.datetime.combine(day, at))
