"""Meta-tests over every form: no answer to a required choice is made for the user, and
every date field keeps the date rules (lib.forms.GovukDateField).

A pre-selected radio or the first option of a select is saved without anyone choosing it (the
referral source feeds the CIN census). Every form class in the project is built as its view
builds it for a new record (its keyword-only arguments empty) and its required choices must
hold no value; the select macro must offer a blank first option.
"""

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import engines
from django.utils import timezone
from jinja2 import Environment

import frontdoor
from frontdoor.lib.forms import FUTURE, PAST, GovukDateField, limit_dates

pytestmark = pytest.mark.django_db


class _Nothing(list[Any]):
    """An empty list that also answers `.all()`, for forms given a QuerySet of choices."""

    def all(self) -> "_Nothing":
        return self


def _form_classes() -> list[type[forms.BaseForm]]:
    found: set[type[forms.BaseForm]] = set()
    for module in pkgutil.walk_packages(frontdoor.__path__, "frontdoor."):
        if ".tests" in module.name or "forms" not in module.name.rsplit(".", 1)[-1]:
            continue
        loaded = importlib.import_module(module.name)
        for value in vars(loaded).values():
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.name
            ):
                found.add(value)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _new_form(form_class: type[forms.BaseForm]) -> forms.BaseForm:
    needed = {
        parameter.name: _Nothing()
        for parameter in inspect.signature(form_class.__init__).parameters.values()
        if parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty
    }
    return form_class(**needed)


def test_the_walk_finds_the_forms_of_every_app():
    apps = {cls.__module__.split(".")[1] for cls in _form_classes()}
    assert {"accounts", "contacts", "mash", "casework", "earlyhelp", "outside", "people"} <= apps
    assert len(_form_classes()) > 50


@pytest.mark.parametrize("form_class", _form_classes(), ids=lambda cls: cls.__qualname__)
def test_no_required_choice_is_made_for_the_user(form_class: type[forms.BaseForm]):
    form = _new_form(form_class)
    chosen = {
        name: form[name].value()
        for name, field in form.fields.items()
        if isinstance(field, forms.ChoiceField)
        and not isinstance(field, forms.MultipleChoiceField)
        and field.required
        and form[name].value() not in (None, "")
    }
    assert chosen == {}


class _SourceForm(forms.Form):
    source = forms.ChoiceField(choices=[("a", "First"), ("b", "Second")])


def _render_select(env: Environment, form: forms.Form) -> str:
    template = env.from_string(
        '{% import "includes/fields.html" as f %}{{ f.select(form, "source", "Source") }}'
    )
    return template.render(form=form)


def test_a_select_starts_blank_and_keeps_what_was_chosen():
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    blank = _render_select(env, _SourceForm())
    assert re.search(r'<option value=""\s+selected', blank)
    assert not re.search(r'<option value="[ab]"\s+selected', blank)
    chosen = _render_select(env, _SourceForm(data={"source": "b"}))
    assert re.search(r'<option value="b"\s+selected', chosen)
    assert not re.search(r'<option value=""\s+selected', chosen)


# Date fields that may hold a date to come, each a decision: due and review dates, planned
# meetings, filters over a period, an expected date of birth. Every other date is an event.
MAY_BE_IN_THE_FUTURE = {
    ("OnlineContactForm", "child_expected_date_of_birth"),
    ("StaffContactForm", "child_expected_date_of_birth"),
    ("SubjectFieldsMixin", "child_expected_date_of_birth"),
    ("PersonForm", "expected_date_of_birth"),
    ("PeriodForm", "date_from"),
    ("PeriodForm", "date_to"),
    ("ChronologyFilterForm", "since"),
    ("ChronologyFilterForm", "until"),
    ("ExtensionDecisionForm", "new_due_date"),
    ("ConveneForm", "held_on"),
    ("UascForm", "ceased_on"),  # usually the 18th birthday, ahead
    *(("RecordForm", f"action_{n}_due") for n in range(1, 6)),
    *(("PlanForm", f"due_on_{n}") for n in range(1, 4)),
    ("ScreeningForm", "review_on"),
    ("MeetingForm", "held_on"),
    ("NoteForm", "due_on"),
    ("LearningActionForm", "due_date"),
    ("ProgrammeForm", "month"),
}


def _date_fields() -> list[tuple[str, str, GovukDateField]]:
    found = []
    for form_class in _form_classes():
        form = _new_form(form_class)
        for name, field in form.fields.items():
            assert not isinstance(field, forms.DateField), (
                f"{form_class.__qualname__}.{name}: use lib.forms.GovukDateField"
            )
            if isinstance(field, GovukDateField):
                found.append((form_class.__qualname__, name, field))
    return found


def _parts(day: dt.date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def _refusal(field: GovukDateField, parts: list[str]) -> str:
    with pytest.raises(ValidationError) as refused:
        field.clean(parts)
    return " ".join(refused.value.messages)


def test_every_event_date_refuses_the_future_and_every_date_a_year_out_of_range():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    fields = _date_fields()
    assert len(fields) > 50
    assert {(form_name, name) for form_name, name, _ in fields} >= MAY_BE_IN_THE_FUTURE
    for form_name, name, field in fields:
        assert "4 numbers" in _refusal(field, ["1", "1", "99999999999"]), (form_name, name)
        assert "year from 1900" in _refusal(field, ["1", "1", "1066"]), (form_name, name)
        if (form_name, name) in MAY_BE_IN_THE_FUTURE:
            assert field.when != PAST, (form_name, name)
            continue
        assert field.when == PAST, (form_name, name)
        assert "in the past" in _refusal(field, _parts(tomorrow)), (form_name, name)
        assert field.clean(_parts(timezone.localdate())) == timezone.localdate()


def test_no_date_on_a_childs_record_before_the_child_was_born_or_the_episode_started():
    born, started = dt.date(2015, 6, 1), dt.date(2020, 1, 10)
    for form_class in _form_classes():
        form = _new_form(form_class)
        limit_dates(form, born=born)
        for name, field in form.fields.items():
            if isinstance(field, GovukDateField) and field.when != FUTURE:
                refused = _refusal(field, _parts(born - dt.timedelta(days=1)))
                assert "on or after the child's date of birth (1 June 2015)" in refused, name
                assert field.clean(_parts(born)) == born
        limit_dates(form, born=born, started=started)
        for name, field in form.fields.items():
            if isinstance(field, GovukDateField) and field.when != FUTURE:
                refused = _refusal(field, _parts(dt.date(2019, 12, 31)))
                assert "the date the episode started (10 January 2020)" in refused, name
