"""Forms of the quality pages (validated here; the rules are in quality.actions)."""

from typing import Any

from django import forms

from frontdoor.accounts.access import possible_auditors, staff_who_hold_cases
from frontdoor.lib.forms import ANY, FUTURE, GovukDateField
from frontdoor.quality.codes import Answer, Grade, Method, Stratum
from frontdoor.quality.models import AuditKind, Theme
from frontdoor.quality.targets import TARGETS

YES_NO = [("yes", "Yes"), ("no", "No")]


def _person(user: Any) -> str:
    return str(user.get_full_name() or user.username)


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _person(obj)


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _person(obj)


def _radios(choices: Any, message: str, label: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": message}
    )


def _text(message: str, required: bool = True) -> forms.CharField:
    return forms.CharField(
        required=required, widget=forms.Textarea, error_messages={"required": message}
    )


class ProgrammeForm(forms.Form):
    month = GovukDateField(when=ANY, error_messages={"required": "Enter a day in the month."})
    kind = forms.ModelChoiceField(
        queryset=AuditKind.objects.filter(is_active=True),
        empty_label="Choose an option",
        error_messages={"required": "Choose the kind of audit."},
    )
    count = forms.IntegerField(
        min_value=1,
        max_value=200,
        error_messages={
            "required": "Enter how many audits.",
            "invalid": "Enter how many audits as a number.",
            "min_value": "Enter how many audits, 1 or more.",
            "max_value": "Enter 200 audits or fewer.",
        },
    )
    method = _radios(Method.choices, "Choose how the sample is drawn.")
    stratum = forms.ChoiceField(required=False, choices=Stratum.choices, widget=forms.RadioSelect)
    target = forms.ChoiceField(
        required=False,
        choices=[(t.key, t.label) for t in TARGETS.values()],
        widget=forms.RadioSelect,
    )
    auditors = PeopleField(
        queryset=possible_auditors().order_by("first_name", "last_name", "username"),
        error_messages={"required": "Choose at least one auditor."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == Method.STRATIFIED and not data.get("stratum"):
            self.add_error("stratum", "Choose what to stratify the sample by.")
        if data.get("method") == Method.TARGETED and not data.get("target"):
            self.add_error("target", "Choose the theme to target.")
        return data


class DrawForm(forms.Form):
    seed = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=2**62,
        label="Seed (optional)",
        error_messages={"invalid": "Enter the seed as a whole number, or leave it blank."},
    )


class AuditForm(forms.Form):
    """One answer and its evidence per question of the audit's kind, then the judgement."""

    def __init__(
        self, *args: Any, questions: list[str], agencies: Any, multi_agency: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.agencies = list(agencies) if multi_agency else []
        answers: dict[str, forms.Field] = {}
        for i, question in enumerate(self.questions):
            answers[f"answer_{i}"] = _radios(Answer.choices, f"Answer: {question}", question)
            answers[f"evidence_{i}"] = _text(f"Give the evidence for: {question}")
        for agency in self.agencies:
            answers[f"attended_{agency.pk}"] = _radios(
                YES_NO, f"Say whether {agency.name} attended.", f"Did {agency.name} attend?"
            )
            answers[f"view_{agency.pk}"] = _text("", required=False)
        # Answers first, then the judgement (the error summary follows the page's order).
        self.fields = {**answers, **self.fields}

    grade = _radios(Grade.choices, "Choose the overall grade.")
    same_decision = _radios(YES_NO, "Say whether you would have made the same decision.")
    summary = _text("Summarise what you found.")
    themes = forms.ModelMultipleChoiceField(queryset=Theme.objects.all(), required=False)
    child_unsafe = forms.BooleanField(required=False)

    def answers(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [(data[f"answer_{i}"], data[f"evidence_{i}"]) for i in range(len(self.questions))]

    def agency_views(self) -> list[tuple[Any, bool, str]]:
        data = self.cleaned_data
        return [
            (a, data[f"attended_{a.pk}"] == "yes", data.get(f"view_{a.pk}", ""))
            for a in self.agencies
        ]


class ModerationForm(forms.Form):
    grade = _radios(Grade.choices, "Choose the moderator's grade.")
    comment = _text("Say why you gave this grade.")


class ResolveForm(forms.Form):
    agreed_grade = _radios(Grade.choices, "Choose the agreed grade.")
    resolution = _text("Say how the disagreement was resolved.")


class LearningActionForm(forms.Form):
    owner = PersonField(
        queryset=staff_who_hold_cases().order_by("first_name", "last_name", "username"),
        empty_label="Choose an option",
        error_messages={"required": "Choose who owns the action."},
    )
    what = _text("Say what needs to happen.")
    due_date = GovukDateField(when=FUTURE, error_messages={"required": "Enter the due date."})


class DoneForm(forms.Form):
    note = _text("", required=False)


class KindForm(forms.Form):
    name = forms.CharField(max_length=120, error_messages={"required": "Enter the name."})
    questions = _text("Enter at least one question, one per line.")
    is_multi_agency = forms.BooleanField(required=False)


class ThemeForm(forms.Form):
    name = forms.CharField(max_length=120, error_messages={"required": "Enter the theme."})
