"""The period form on the performance dashboard."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from frontdoor.kpis.periods import Period
from frontdoor.lib.dates import period_of_months_ending
from frontdoor.lib.forms import ANY, PAST, GovukDateField


def last_12_months(today: dt.date | None = None) -> Period:
    """The 12 months ending today (or on `today`), both days included."""
    return Period(*period_of_months_ending(today or timezone.localdate(), 12))


class PeriodForm(forms.Form):
    date_from = GovukDateField(when=ANY, error_messages={"required": "Enter the first day."})
    date_to = GovukDateField(when=ANY, error_messages={"required": "Enter the last day."})

    def clean(self) -> dict[str, Any]:
        """Both days given, the last not before the first, at most 10 years apart."""
        data = super().clean() or {}
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and last < first:
            self.add_error("date_to", "The last day must be the same as or after the first day.")
        if first and last and (last - first).days > 366 * 10:
            self.add_error("date_from", "Choose a period of 10 years or less.")
        return data

    def period(self) -> Period:
        """The chosen period, or the last 12 months if none (or an invalid one) was given."""
        if self.is_bound and self.is_valid():
            return Period(self.cleaned_data["date_from"], self.cleaned_data["date_to"])
        return last_12_months()


class NeighbourFigureForm(forms.Form):
    measure = forms.ChoiceField(choices=[], error_messages={"required": "Choose a measure."})
    year = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year ending 31 March.",
            "invalid": "Enter the year as 4 digits, for example 2024.",
            "min_value": "Enter a year from 2000.",
            "max_value": "Enter a year before 2100.",
        },
    )
    neighbour = forms.CharField(
        max_length=120, error_messages={"required": "Enter the neighbour council's name."}
    )
    value = forms.DecimalField(
        max_digits=10,
        decimal_places=1,
        error_messages={
            "required": "Enter the published figure.",
            "invalid": "Enter the figure as a number, for example 339.1.",
        },
    )

    def __init__(self, *args: Any, measures: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [("", "")] + [  # type: ignore[attr-defined]
            (key, m["label"]) for key, m in dict(measures).items()
        ]


class PartnerFigureForm(forms.Form):
    month = GovukDateField(when=PAST, error_messages={"required": "Enter a day in the month."})
    measure = forms.CharField(
        max_length=120, error_messages={"required": "Enter what the figure counts."}
    )
    value = forms.IntegerField(
        min_value=0,
        error_messages={
            "required": "Enter the figure.",
            "invalid": "Enter the figure as a whole number.",
            "min_value": "Enter 0 or more.",
        },
    )
