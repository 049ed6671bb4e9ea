"""Django forms rendered with GOV.UK macros: error summaries, field errors, date inputs."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError


class SplitDateWidget(forms.MultiWidget):
    """Three boxes named <name>-day, <name>-month, <name>-year (GOV.UK date input)."""

    def __init__(self) -> None:
        super().__init__(widgets=[forms.TextInput(), forms.TextInput(), forms.TextInput()])
        self.widgets_names = ["-day", "-month", "-year"]

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


# What a date may be, relative to today: an event that happened ("past", the default), a due
# or planned date ("future"), or either (a filter, an expected date of birth).
PAST, FUTURE, ANY = "past", "future", "any"
REAL_DATE = "Enter a real date, for example 27 3 2019."
# Dates a person can mean: a birth in the 1900s to a due date or a plan review well ahead.
# Bounding the year keeps every later sum (a clock, a period end) inside `datetime.date`.
MIN_YEAR, MAX_YEAR = 1900, 2199
_DAY_OR_MONTH = re.compile(r"[0-9]{1,2}")
_YEAR = re.compile(r"[0-9]{4}")


class GovukDateField(forms.MultiValueField):
    """A GOV.UK date input with the date rules every date field needs, in one place: a real
    date (any day, month or year that is not is a field error), not in the future for an
    event (`when`), and not before the earliest date the record allows (the child's birth,
    the start of the episode: `limit_dates`)."""

    widget = SplitDateWidget

    def __init__(self, *, when: str = PAST, **kwargs: Any) -> None:
        # Parts are optional one by one so that `compress` can say what is missing in GOV.UK
        # words, rather than Django's "Enter a complete value."
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        if when not in (PAST, FUTURE, ANY):
            raise ValueError(f"when must be past, future or any, not {when!r}")
        self.when = when
        self.earliest: tuple[dt.date, str] | None = None  # (date, what it is)

    def _name(self) -> str:
        return str(self.label) if self.label else "The date"

    def compress(self, data_list: list[Any]) -> dt.date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(v or "").strip() for v in data_list)
        if not (day and month and year):
            raise ValidationError("Enter a full date: day, month and year.")
        if not (_DAY_OR_MONTH.fullmatch(day) and _DAY_OR_MONTH.fullmatch(month)):
            raise ValidationError(REAL_DATE)
        if not _YEAR.fullmatch(year):
            raise ValidationError("The year must include 4 numbers, for example 2019.")
        if not MIN_YEAR <= int(year) <= MAX_YEAR:
            raise ValidationError(f"Enter a year from {MIN_YEAR} to {MAX_YEAR}.")
        try:
            value = dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError) as error:
            raise ValidationError(REAL_DATE) from error
        today = timezone.localdate()
        if self.when == PAST and value > today:
            raise ValidationError(
                self.error_messages.get("future") or f"{self._name()} must be today or in the past."
            )
        if self.when == FUTURE and value < today:
            raise ValidationError(f"{self._name()} must be today or in the future.")
        if self.earliest and value < self.earliest[0]:
            first, what = self.earliest
            raise ValidationError(
                f"{self._name()} must be on or after {what} ({govuk_date(first)})."
            )
        return value


AnyForm = TypeVar("AnyForm", bound=forms.BaseForm)


def limit_dates(
    form: AnyForm, *, born: dt.date | None = None, started: dt.date | None = None
) -> AnyForm:
    """No date on the form before the child was born, nor before the episode started."""
    bounds = [
        (day, what)
        for day, what in (
            (born, "the child's date of birth"),
            (started, "the date the episode started"),
        )
        if day
    ]
    if bounds:
        latest = max(bounds, key=lambda bound: bound[0])
        for field in form.fields.values():
            if isinstance(field, GovukDateField):
                field.earliest = latest
    return form


def split_date_values(form: forms.Form, name: str) -> dict[str, str]:
    """The day/month/year strings to show back in a GOV.UK date input."""
    if form.is_bound:
        return {part: form.data.get(f"{name}-{part}", "") for part in ("day", "month", "year")}
    value = form.initial.get(name)
    if isinstance(value, dt.date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    return {"day": "", "month": "", "year": ""}


def anchor_for(form: forms.Form, name: str) -> str:
    field = form.fields.get(name)
    if field is not None and isinstance(field, GovukDateField):
        return f"#{name}-day"
    if field is not None and isinstance(
        field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
    ):
        return f"#{name}"
    return f"#{name}"


def error_summary(form: forms.Form | None) -> list[dict[str, str]]:
    """Every error of the form, in field order, linking to the field (GOV.UK error summary)."""
    if form is None or not form.errors:
        return []
    # Errors added in clean() come after the field errors; the summary follows the page.
    position = {name: i for i, name in enumerate(form.fields)}
    ordered = sorted(form.errors.items(), key=lambda item: position.get(item[0], -1))
    items = []
    for name, field_messages in ordered:
        for message in field_messages:
            href = anchor_for(form, name) if name != "__all__" else "#main-content"
            items.append({"text": str(message), "href": href})
    return items


def error_for(form: forms.Form | None, name: str) -> dict[str, str] | None:
    if form is None or name not in form.errors:
        return None
    return {"text": str(form.errors[name][0])}


def add_action_error(form: forms.BaseForm, error: ActionError) -> None:
    """Show an action's refusal on the form (on its field when it names one)."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def value_of(form: forms.Form | None, name: str) -> Any:
    if form is None:
        return ""
    value = form[name].value()
    return "" if value is None else value


@dataclass(frozen=True)
class Submission:
    """What `submit()` did: true when the action ran, with what it returned."""

    done: bool
    result: Any = None

    def __bool__(self) -> bool:
        return self.done


def submit(form: forms.BaseForm, action: Callable[[dict[str, Any]], Any]) -> Submission:
    """Validate `form` and, if it is valid, run `action(form.cleaned_data)`.

    The one shape of every form post: an invalid form, or an action's refusal (ActionError,
    shown on its field or in the error summary), is not done; otherwise the result is kept.
    """
    if not form.is_valid():
        return Submission(False)
    try:
        return Submission(True, action(form.cleaned_data))
    except ActionError as error:
        add_action_error(form, error)
        return Submission(False)


def attempt(request: HttpRequest, action: Callable[[], Any], success: str = "") -> bool:
    """Run a button's `action` (no form): its refusal becomes an error message on the next
    page, its success the `success` message (if any). True when it ran."""
    try:
        action()
    except ActionError as error:
        messages.error(request, error.message)
        return False
    if success:
        messages.success(request, success)
    return True
