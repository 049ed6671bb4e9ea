"""Forms for strategy discussions (validated here, at the edge; the rules are in strategy.py)."""

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.lib.forms import ANY, GovukDateField
from frontdoor.mash.strategy import SOCIAL_CARE, ActionInput, AttendanceInput
from frontdoor.mash.strategy_models import Attendance, StrategyOutcome

ACTION_ROWS = 5
TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_time(value: str) -> dt.time:
    match = TIME.match(value or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise forms.ValidationError("Enter a time in 24-hour clock, for example 14:30.")
    return dt.time(int(match[1]), int(match[2]))


class ConveneForm(forms.Form):
    held_on = GovukDateField(
        when=ANY, error_messages={"required": "Enter the date of the discussion."}
    )
    held_time = forms.CharField(
        max_length=5, error_messages={"required": "Enter the time of the discussion."}
    )
    agencies = forms.MultipleChoiceField(
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the agencies to invite, including police and health."},
    )
    chair_name = forms.CharField(max_length=150, required=False)

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency_list = agencies
        self.fields["agencies"].choices = [(str(a.pk), a.name) for a in agencies]  # type: ignore[attr-defined]

    def clean_held_time(self) -> dt.time:
        return parse_time(self.cleaned_data["held_time"])

    def held_at(self) -> dt.datetime:
        moment = dt.datetime.combine(self.cleaned_data["held_on"], self.cleaned_data["held_time"])
        return timezone.make_aware(moment, timezone.get_default_timezone())

    def chosen(self) -> list[Agency]:
        picked = set(self.cleaned_data.get("agencies") or [])
        return [a for a in self.agency_list if str(a.pk) in picked]


def attendance_field(slug: str) -> str:
    return f"attendance_{slug}"


def name_field(slug: str) -> str:
    return f"name_{slug}"


class RecordForm(forms.Form):
    """Attendance for social care and each invited agency, the outcome, and up to 5 actions."""

    chair_name = forms.CharField(
        max_length=150, error_messages={"required": "Give the name of the chair."}
    )
    information_shared = forms.CharField(
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"required": "Record the information each agency shared."},
    )
    outcome = forms.ChoiceField(
        choices=StrategyOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome of the strategy discussion."},
    )
    rationale = forms.CharField(
        max_length=10000,
        widget=forms.Textarea,
        error_messages={"required": "Give the rationale for the outcome."},
    )

    def __init__(self, *args: Any, parties: list[tuple[str, str]], **kwargs: Any) -> None:
        """`parties`: (key, name) for social care then each invited agency."""
        super().__init__(*args, **kwargs)
        self.parties = parties
        for key, name in parties:
            self.fields[attendance_field(key)] = forms.ChoiceField(
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Say whether {name} attended."},
            )
            self.fields[name_field(key)] = forms.CharField(max_length=150, required=False)
        for row in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{row}_description"] = forms.CharField(
                max_length=2000, required=False, widget=forms.Textarea
            )
            self.fields[f"action_{row}_owner"] = forms.CharField(max_length=150, required=False)
            self.fields[f"action_{row}_due"] = GovukDateField(required=False, when=ANY)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key, name in self.parties:
            if (
                data.get(attendance_field(key)) == Attendance.ATTENDED
                and not str(data.get(name_field(key)) or "").strip()
            ):
                self.add_error(name_field(key), f"Give the name of who attended for {name}.")
        for row in range(1, ACTION_ROWS + 1):
            self._clean_action_row(data, row)
        return data

    def _clean_action_row(self, data: dict[str, Any], row: int) -> None:
        description = str(data.get(f"action_{row}_description") or "").strip()
        owner = str(data.get(f"action_{row}_owner") or "").strip()
        due = data.get(f"action_{row}_due")
        if f"action_{row}_due" in self.errors or not (description or owner or due):
            return
        if not description:
            self.add_error(f"action_{row}_description", f"Describe action {row}.")
        if not owner:
            self.add_error(f"action_{row}_owner", f"Say who owns action {row}.")
        if not due:
            self.add_error(f"action_{row}_due", f"Give a due date for action {row}.")

    def attendance(self) -> dict[str, AttendanceInput]:
        return {
            key: AttendanceInput(
                self.cleaned_data[attendance_field(key)], self.cleaned_data[name_field(key)]
            )
            for key, _ in self.parties
        }

    def actions(self) -> list[ActionInput]:
        rows = []
        for row in range(1, ACTION_ROWS + 1):
            description = self.cleaned_data.get(f"action_{row}_description", "").strip()
            if description:
                rows.append(
                    ActionInput(
                        description=description,
                        owner_name=self.cleaned_data[f"action_{row}_owner"],
                        due_date=self.cleaned_data[f"action_{row}_due"],
                    )
                )
        return rows


def parties_for(invited: list[Agency]) -> list[tuple[str, str]]:
    return [(SOCIAL_CARE, "Children's social care"), *[(a.slug, a.name) for a in invited]]
