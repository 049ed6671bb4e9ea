"""The Jinja2 environment: GOV.UK Frontend macros, Django helpers and form rendering."""

from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def datetime_format(value: Any, fmt: str = "%-d %B %Y %H:%M") -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return value.strftime(fmt)


def date_format(value: Any) -> str:
    return datetime_format(value, "%-d %B %Y")


def duration(delta: Any) -> str:
    """A time span in words, to the nearest minute: "1 day 3 hours", "25 minutes"."""
    minutes = int(abs(delta.total_seconds()) // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}"
        for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if n
    ]
    return " ".join(parts[:2]) or "less than a minute"


def environment(**options: Any) -> Environment:
    loader = options.pop("loader")
    options.setdefault("autoescape", select_autoescape(["html", "jinja"]))
    env = Environment(
        loader=ChoiceLoader(
            [loader, PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
        ),
        extensions=["jinja2.ext.do"],
        **options,
    )
    from frontdoor.accounts.access import navigation
    from frontdoor.lib import forms

    env.globals.update(
        navigation=navigation,
        error_summary=forms.error_summary,
        error_for=forms.error_for,
        value_of=forms.value_of,
        split_date_values=forms.split_date_values,
        static=static,
        url=url,
        csrf_token=get_token,
        get_messages=get_messages,
        council_name=lambda: settings.FRONTDOOR_COUNCIL_NAME,
    )
    env.filters.update(datetime=datetime_format, date=date_format, duration=duration)
    return env
