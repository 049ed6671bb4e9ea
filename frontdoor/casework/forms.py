"""Forms for the casework pages (validated here, at the edge; the rules are in the actions)."""

from typing import Any

from django import forms

from frontdoor.accounts.access import staff_who_hold_cases
from frontdoor.accounts.models import Agency, Team
from frontdoor.casework.care_codes import PlacementProvider, ReasonPlaceChange
from frontdoor.casework.codes import (
    AssessmentFactor,
    AssessmentOutcome,
    CategoryOfAbuse,
    CPPlanEndReason,
    LegalStatus,
    PlacementType,
    PrimaryNeed,
    ReasonCeased,
)
from frontdoor.casework.looked_after import LEGAL_STATUS_MESSAGE, PLACEMENT_MESSAGE
from frontdoor.casework.models import ReasonForClosure
from frontdoor.casework.safety import REQUIRED_TEXT, MapText, ScoreInput
from frontdoor.casework.safety_models import HIGHEST_SCORE, LOWEST_SCORE, Participant
from frontdoor.lib.forms import GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]
REQUIRED = dict(REQUIRED_TEXT)


def date_field(message: str, label: str) -> GovukDateField:
    return GovukDateField(label=label, error_messages={"required": message})


def yes_no(message: str, label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": message},
    )


def radios(choices: Any, message: str, label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": message}
    )


class StartAssessmentForm(forms.Form):
    start_date = date_field("Enter the date the assessment started.", "Date the assessment started")


class ChildSeenForm(forms.Form):
    seen_on = date_field("Enter the date the child was seen.", "Date the child was seen")
    is_seen_alone = yes_no("Say whether the child was seen alone.", "Was the child seen alone?")


class FactorsForm(forms.Form):
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment",
        choices=AssessmentFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="DfE codes. Choose “No factors identified” (21) only on its own.",
        error_messages={"required": "Choose at least one factor, or “No factors identified”."},
    )


class AuthoriseAssessmentForm(forms.Form):
    authorised_on = date_field("Enter the date of authorisation.", "Date authorised")
    outcome = radios(AssessmentOutcome.choices, "Choose the outcome of the assessment.", "Outcome")


class S47OutcomeForm(forms.Form):
    completed_on = date_field("Enter the date the enquiry ended.", "Date the enquiry ended")
    is_substantiated = yes_no(
        "Say whether the concerns were substantiated.", "Were the concerns substantiated?"
    )
    is_icpc_required = yes_no(
        "Say whether an initial conference is needed.",
        "Is an initial child protection conference needed?",
    )


class InitialConferenceForm(forms.Form):
    held_on = date_field("Enter the date of the conference.", "Date of the conference")
    is_plan_required = yes_no(
        "Say whether the conference decided on a plan.",
        "Did the conference decide on a child protection plan?",
    )


class StartCPPlanForm(forms.Form):
    start_date = date_field(
        "Enter the date the plan started.",
        "Date the plan started (the date of the conference that decided it)",
    )
    category = radios(
        CategoryOfAbuse.choices, "Choose a category of abuse.", "Initial category of abuse"
    )


class CPReviewForm(forms.Form):
    held_on = date_field(
        "Enter the date of the review conference.", "Date of the review conference"
    )
    is_plan_continued = yes_no(
        "Say whether the plan continues.", "Does the child protection plan continue?"
    )
    category = forms.ChoiceField(
        label="Latest category of abuse",
        choices=[("", "No change"), *CategoryOfAbuse.choices],
        required=False,
    )
    end_reason = forms.ChoiceField(
        label="If the plan ends, why",
        choices=[("", "The plan continues"), *CPPlanEndReason.choices],
        required=False,
    )


class HeldOnForm(forms.Form):
    held_on = date_field("Enter the date of the meeting.", "Date of the meeting")


class StatutoryVisitForm(forms.Form):
    visited_on = date_field("Enter the date of the visit.", "Date of the visit")
    is_seen_alone = yes_no("Say whether the child was seen alone.", "Was the child seen alone?")


class EndCPPlanForm(forms.Form):
    end_date = date_field("Enter the date the plan ended.", "Date the plan ended")
    reason = radios(CPPlanEndReason.choices, "Choose why the plan is ending.", "Why is it ending?")


class StartDateForm(forms.Form):
    start_date = date_field("Enter the date the plan started.", "Date the plan started")


class EndDateForm(forms.Form):
    end_date = date_field("Enter the date the plan ended.", "Date the plan ended")


DECISION_NOTE_HINT = (
    "In plain words. Needed to step down to early help: the family's letter says it."
)


class EndCINPlanForm(EndDateForm):
    to_early_help = forms.BooleanField(
        label="Step the family down to early help",
        required=False,
        help_text="A team manager's decision: an early-help episode opens for the family.",
    )
    note = forms.CharField(
        label="Why", widget=forms.Textarea, required=False, help_text=DECISION_NOTE_HINT
    )


class CloseEpisodeForm(forms.Form):
    closure_date = date_field("Enter the date of closure.", "Date of closure")
    reason = radios(
        [(value, f"{value}: {label}") for value, label in ReasonForClosure.choices],
        "Choose a reason for closure (RC1 to RC9).",
        "Reason for closure",
    )
    note = forms.CharField(
        label="Why", widget=forms.Textarea, required=False, help_text=DECISION_NOTE_HINT
    )


def _coded(choices: Any) -> list[tuple[str, str]]:
    return [(value, f"{value}: {label}") for value, label in choices]


class StartLookedAfterForm(forms.Form):
    start_date = date_field(
        "Enter the date the child became looked after.", "Date the child became looked after"
    )
    legal_status = radios(_coded(LegalStatus.choices), LEGAL_STATUS_MESSAGE, "Legal status")
    placement_type = forms.ChoiceField(
        label="Placement type",
        choices=[("", "Choose a placement type"), *_coded(PlacementType.choices)],
        error_messages={"required": PLACEMENT_MESSAGE},
    )
    placement_postcode = forms.CharField(
        label="Postcode of the placement", required=False, max_length=8, help_text="Optional."
    )
    placement_provider = forms.ChoiceField(
        label="Who provides the placement",
        choices=[("", "Not known yet"), *_coded(PlacementProvider.choices)],
        required=False,
    )
    home_postcode = forms.CharField(
        label="Postcode of the child's home before care",
        required=False,
        max_length=8,
        help_text="Optional. Empty: the child's address on their record.",
    )


class ChangeLookedAfterForm(forms.Form):
    on = date_field("Enter the date of the change.", "Date of the change")
    legal_status = forms.ChoiceField(
        label="New legal status",
        choices=[("", "No change"), *_coded(LegalStatus.choices)],
        required=False,
    )
    placement_type = forms.ChoiceField(
        label="New placement type",
        choices=[("", "No change"), *_coded(PlacementType.choices)],
        required=False,
    )
    placement_postcode = forms.CharField(
        label="Postcode of the new placement",
        required=False,
        max_length=8,
        help_text="Leave empty to keep the current one.",
    )
    placement_provider = forms.ChoiceField(
        label="Who provides the new placement",
        choices=[("", "No change"), *_coded(PlacementProvider.choices)],
        required=False,
    )
    reason_place_change = forms.ChoiceField(
        label="If the placement changed, why",
        choices=[("", "The placement did not change"), *_coded(ReasonPlaceChange.choices)],
        required=False,
    )


class EndLookedAfterForm(forms.Form):
    end_date = date_field(
        "Enter the date the child ceased to be looked after.",
        "Date the child ceased to be looked after",
    )
    reason = radios(
        [(v, t) for v, t in _coded(ReasonCeased.choices) if v != ReasonCeased.X1],
        "Choose why the child ceased to be looked after.",
        "Why did the child cease to be looked after?",
    )


class PrimaryNeedForm(forms.Form):
    need = radios(
        [(value, f"{value}: {label}") for value, label in PrimaryNeed.choices],
        "Choose the child's primary need (N0 to N9).",
        "Primary need",
    )


class AllocateForm(forms.Form):
    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.order_by("name"),
        empty_label="Choose a team",
        error_messages={"required": "Choose a team."},
    )
    worker = forms.ModelChoiceField(
        label="Allocated social worker",
        queryset=staff_who_hold_cases().order_by("first_name", "last_name"),
        empty_label="Not yet allocated to a worker",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].label_from_instance = (  # type: ignore[attr-defined]
            lambda user: f"{user.get_full_name() or user.username} ({user.team or 'no team'})"
        )


def score_field(label: str, required: bool) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=LOWEST_SCORE,
        max_value=HIGHEST_SCORE,
        required=required,
        error_messages={
            "required": f"Enter the {label.lower()} from 0 to 10.",
            "invalid": f"The {label.lower()} must be a whole number from 0 to 10.",
            "min_value": f"The {label.lower()} must be a whole number from 0 to 10.",
            "max_value": f"The {label.lower()} must be a whole number from 0 to 10.",
        },
    )


MAP_TEXT = [
    ("harm_statement", "Harm statement", "What has happened to the child: the harm or past harm."),
    (
        "danger_statements",
        "Danger statements",
        "Who is worried; what about, in plain, specific words; what could happen to the child "
        "if nothing changes. Record any dispute with the family here. Aim for three or fewer.",
    ),
    ("complicating_factors", "Complicating factors", "Optional."),
    (
        "working_well",
        "What is working well",
        "Existing strengths and existing safety.",
    ),
    (
        "safety_goals",
        "Safety goals",
        "One for each danger statement: what people will see when the child is safe enough, "
        "and for how long.",
    ),
    ("next_steps", "Next steps", "Who will do what, by when."),
    (
        "child_words",
        "The child's own words",
        "What the child said, in their words (Three Houses, Fairy/Wizard, Words and Pictures). "
        "For a baby, what their presentation and behaviour tell you.",
    ),
]


def add_score_fields(form: forms.Form, agencies: list[Agency], *, worker_required: bool) -> None:
    form.fields["worker_score"] = score_field("Social worker's score", required=worker_required)
    form.fields["family_score"] = score_field("Family's score", required=False)
    for agency in agencies:
        form.fields[f"{agency.slug}_score"] = score_field(f"{agency.name} score", False)


def chosen_scores(data: dict[str, Any], agencies: list[Agency]) -> list[ScoreInput]:
    found = []
    if data.get("worker_score") is not None:
        found.append(ScoreInput(Participant.WORKER, data["worker_score"]))
    if data.get("family_score") is not None:
        found.append(ScoreInput(Participant.FAMILY, data["family_score"]))
    for agency in agencies:
        value = data.get(f"{agency.slug}_score")
        if value is not None:
            found.append(ScoreInput(Participant.AGENCY, value, agency))
    return found


class ScoresForm(forms.Form):
    """Later scaling scores on a map (each participant may score again on a new date)."""

    scored_on = date_field("Enter the date of the scores.", "Date of the scores")

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = agencies
        add_score_fields(self, agencies, worker_required=False)

    def scores(self) -> list[ScoreInput]:
        return chosen_scores(self.cleaned_data, self.agencies)


class SafetyMapForm(forms.Form):
    """The map's text, the occasion it belongs to, and a score per participant."""

    occasion = forms.ChoiceField(
        label="Which assessment or conference is this map for?",
        choices=[],
        error_messages={"required": "Choose the assessment or conference."},
    )
    mapped_on = date_field("Enter the date of the map.", "Date of the map")

    def __init__(
        self, *args: Any, occasions: list[tuple[str, str]], agencies: list[Agency], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occasion"].choices = occasions  # type: ignore[attr-defined]
        for name, label, hint in MAP_TEXT:
            self.fields[name] = forms.CharField(
                label=label,
                help_text=hint,
                required=name != "complicating_factors",
                max_length=20000,
                widget=forms.Textarea,
                error_messages={"required": REQUIRED.get(name, "")},
            )
        self.agencies = agencies
        add_score_fields(self, agencies, worker_required=True)

    def text(self) -> MapText:
        data = self.cleaned_data
        return MapText(**{name: data.get(name) or "" for name, _, _ in MAP_TEXT})

    def scores(self) -> list[ScoreInput]:
        return chosen_scores(self.cleaned_data, self.agencies)
