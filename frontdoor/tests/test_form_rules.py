"""Meta-tests over every form: no answer to a required choice is made for the user.

A pre-selected radio or the first option of a select is saved without anyone choosing it (the
referral source feeds the CIN census). Every form class in the project is built as its view
builds it for a new record (its keyword-only arguments empty) and its required choices must
hold no value; the select macro must offer a blank first option.
"""

import importlib
import inspect
import pkgutil
import re
from typing import Any

import pytest
from django import forms
from django.template import engines
from jinja2 import Environment

import frontdoor

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
