"""Forms of the subject access and retention pages."""

from django import forms

from frontdoor.lib.forms import PAST, GovukDateField
from frontdoor.records.models import Decision, Requester

RECORD_NUMBER_ERRORS = {
    "required": "Enter the person's record number.",
    "invalid": "The record number is a whole number, like 10234.",
    "min_value": "The record number is a whole number, like 10234.",
}


class RequestForm(forms.Form):
    record = forms.IntegerField(min_value=1, error_messages=RECORD_NUMBER_ERRORS)
    requester = forms.ChoiceField(
        choices=Requester.choices, error_messages={"required": "Choose who made the request."}
    )
    requester_name = forms.CharField(
        max_length=150, error_messages={"required": "Enter the name of who made the request."}
    )
    received_on = GovukDateField(when=PAST, label="Date received")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea, max_length=2000, error_messages={"required": "Enter the reason."}
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(c, label) for c, label in Decision.choices if c != Decision.PENDING],
        error_messages={"required": "Choose whether to release, redact or withhold this entry."},
    )
    reason = forms.CharField(widget=forms.Textarea, max_length=2000, required=False)


class HoldForm(ReasonForm):
    pass


class ApprovalForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea, max_length=2000, required=False)


class RecordHoldForm(ReasonForm):
    record = forms.IntegerField(min_value=1, error_messages=RECORD_NUMBER_ERRORS)

    field_order = ["record", "reason"]
