"""Forms for the early-help pages (validated here, at the edge; the rules are in the actions).

Forms that depend on the family (its children, its plan's open outcomes) add their fields
when they are made, so each child and each outcome has its own labelled field.
"""

from typing import Any

from django import forms

from frontdoor.accounts.access import staff_who_lead_early_help
from frontdoor.accounts.models import Agency
from frontdoor.contacts.models import LevelOfNeed
from frontdoor.earlyhelp.actions import AssessmentInput, ChildPart, OutcomeInput
from frontdoor.earlyhelp.codes import ClosureReason, Consent, Heading, OutcomeResult
from frontdoor.earlyhelp.models import Service
from frontdoor.lib.forms import ANY, PAST, GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]


def date_field(message: str, label: str, required: bool = True, when: str = PAST) -> GovukDateField:
    return GovukDateField(
        label=label, required=required, when=when, error_messages={"required": message}
    )


def text(label: str, message: str = "", hint: str = "", required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea,
        required=required,
        help_text=hint,
        error_messages={"required": message},
    )


def yes_no(message: str, label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": message},
    )


def headings(label: str, required: bool = False, hint: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=Heading.choices,
        widget=forms.CheckboxSelectMultiple,
        required=required,
        help_text=hint,
        error_messages={"required": "Choose at least one heading."},
    )


def _person_label(person: Any) -> str:
    return f"{person.full_name}" + (
        f", born {person.date_of_birth:%-d %B %Y}" if person.date_of_birth else ""
    )


class AllocateForm(forms.Form):
    lead = forms.ModelChoiceField(
        label="Lead professional",
        queryset=staff_who_lead_early_help().order_by("first_name", "last_name"),
        error_messages={"required": "Choose the lead professional."},
        help_text="A family support worker, or a named practitioner of a partner agency.",
    )


class AddChildForm(forms.Form):
    def __init__(self, *args: Any, siblings: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.siblings = {str(p.pk): p for p in siblings}
        self.fields["children"] = forms.MultipleChoiceField(
            label="Children joining the family's early help",
            choices=[(key, _person_label(p)) for key, p in self.siblings.items()],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Choose at least one child."},
        )
        self.fields["on"] = date_field("Enter the date they joined.", "Date they joined")

    def chosen(self) -> list[Any]:
        return [self.siblings[key] for key in self.cleaned_data["children"]]


class StartAssessmentForm(forms.Form):
    started_on = date_field("Enter the date the assessment started.", "Date it started")


class CompleteAssessmentForm(forms.Form):
    completed_on = date_field("Enter the date the assessment was completed.", "Date completed")
    level_of_need = forms.ModelChoiceField(
        label="Level of need",
        queryset=LevelOfNeed.objects.all(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the level of need."},
    )
    consent = forms.ChoiceField(
        label="Has the family agreed to share information with the team around the family?",
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the family agreed to share information."},
    )
    consent_note = text("About consent (optional)", required=False)
    family_strengths = text("The family's strengths", "Describe the family's strengths.")
    family_needs = text("The family's needs", "Describe the family's needs.")
    family_words = text(
        "The family's own words", "Write down what the family said, in their words."
    )
    headings = headings("Where the family needs help", hint="Supporting Families outcome headings.")

    def __init__(self, *args: Any, children: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children = children
        for child in children:
            name = child.given_name
            self.fields[f"voice_{child.pk}"] = text(
                f"{name}'s voice, in {name}'s own words",
                f"Record {name}'s voice (or why it could not be heard).",
            )
            self.fields[f"strengths_{child.pk}"] = text(f"{name}'s strengths", required=False)
            self.fields[f"headings_{child.pk}"] = headings(f"Where {name} needs help")

    def to_input(self) -> AssessmentInput:
        d = self.cleaned_data
        return AssessmentInput(
            completed_on=d["completed_on"],
            level_of_need=d["level_of_need"],
            consent=d["consent"],
            consent_note=d["consent_note"],
            family_strengths=d["family_strengths"],
            family_needs=d["family_needs"],
            family_words=d["family_words"],
            headings=list(d["headings"]),
            children={
                c.pk: ChildPart(
                    voice=d[f"voice_{c.pk}"],
                    strengths=d[f"strengths_{c.pk}"],
                    headings=list(d[f"headings_{c.pk}"]),
                )
                for c in self.children
            },
        )


class TafMemberForm(forms.Form):
    member = forms.ModelChoiceField(
        label="Practitioner",
        queryset=staff_who_lead_early_help().order_by("first_name", "last_name"),
        error_messages={"required": "Choose the practitioner."},
        help_text="Partner practitioners in the team see this family's early help.",
    )
    on = date_field("Enter the date they joined.", "Date they joined the team")


class TafMeetingForm(forms.Form):
    held_on = date_field("Enter the date of the meeting.", "Date of the meeting")
    agencies = forms.ModelMultipleChoiceField(
        label="Partner agencies that came",
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    family_attended = yes_no("Say whether the family came.", "Did the family come?")
    child_attended = yes_no("Say whether a child came.", "Did a child come?")
    notes = text("What was agreed", "Say what the meeting agreed.")

    def __init__(self, *args: Any, outcomes: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = outcomes
        for outcome in outcomes:
            self.fields[f"score_{outcome.pk}"] = forms.IntegerField(
                label=f"Progress on “{outcome.description}”",
                min_value=0,
                max_value=10,
                help_text="0 means no progress; 10 means it has been achieved.",
                error_messages={
                    "required": f"Score the progress of “{outcome.description}” from 0 to 10.",
                    "invalid": "Enter a whole number from 0 to 10.",
                    "min_value": "Enter a whole number from 0 to 10.",
                    "max_value": "Enter a whole number from 0 to 10.",
                },
            )

    def scores(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data[f"score_{o.pk}"] for o in self.outcomes}


PLAN_ROWS = 3


class PlanForm(forms.Form):
    on = date_field("Enter the date the plan was agreed.", "Date the plan was agreed")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, PLAN_ROWS + 1):
            first = n == 1
            self.fields[f"heading_{n}"] = forms.ChoiceField(
                label=f"Outcome {n}: heading",
                choices=[("", "Choose a heading"), *Heading.choices],
                required=first,
                error_messages={"required": "Choose a heading for the outcome."},
            )
            self.fields[f"description_{n}"] = text(
                f"Outcome {n}: what will be different",
                "Say what will be different.",
                required=first,
            )
            self.fields[f"owner_{n}"] = forms.CharField(
                label=f"Outcome {n}: whose job it is",
                required=first,
                error_messages={"required": "Say whose job it is."},
            )
            self.fields[f"due_on_{n}"] = date_field(
                "Enter the date it is due.", f"Outcome {n}: by when", required=first, when=ANY
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(2, PLAN_ROWS + 1):
            parts = [data.get(f"{p}_{n}") for p in ("heading", "description", "owner", "due_on")]
            if any(parts) and not all(parts):
                self.add_error(f"description_{n}", f"Fill in all of outcome {n}, or none of it.")
        return data

    def outcomes(self) -> list[OutcomeInput]:
        d = self.cleaned_data
        return [
            OutcomeInput(
                d[f"heading_{n}"], d[f"description_{n}"], d[f"owner_{n}"], d[f"due_on_{n}"]
            )
            for n in range(1, PLAN_ROWS + 1)
            if d.get(f"description_{n}")
        ]


class StepUpForm(forms.Form):
    worries = text(
        "What are you worried about now?",
        "Say what you are worried about now.",
        hint="The front door reads this with the family's early-help history.",
    )
    tried = text("What has early help tried?", "Say what early help has tried.")

    def __init__(self, *args: Any, children: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(c.pk): c for c in children}
        self.fields = {
            "children": forms.MultipleChoiceField(
                label="Which children need children's social care?",
                choices=[(key, _person_label(p)) for key, p in self.people.items()],
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": "Choose at least one child."},
            ),
            **self.fields,
        }

    def chosen(self) -> list[Any]:
        return [self.people[key] for key in self.cleaned_data["children"]]


class CloseForm(forms.Form):
    closure_date = date_field("Enter the date early help ended.", "Date early help ended")
    reason = forms.ChoiceField(
        label="Why is early help ending?",
        choices=ClosureReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why early help is ending."},
    )
    achieved = headings("Outcomes achieved", hint="The headings where the family made progress.")
    note = text("Anything else", required=False)

    def __init__(self, *args: Any, outcomes: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = outcomes
        for outcome in outcomes:
            self.fields[f"result_{outcome.pk}"] = forms.ChoiceField(
                label=f"What happened to “{outcome.description}”?",
                choices=OutcomeResult.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Say what happened to “{outcome.description}”."},
            )

    def results(self) -> dict[int, str]:
        return {o.pk: self.cleaned_data[f"result_{o.pk}"] for o in self.outcomes}


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = ["name", "description", "order", "is_active"]
        labels = {"is_active": "Offered now"}
