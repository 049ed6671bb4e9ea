"""The Jinja2 environment: GOV.UK Frontend macros, Django helpers and form rendering.

It sits above the apps (settings.TEMPLATES names it) because the layout shows the navigation,
which names every app's pages.
"""

from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

from frontdoor.lib import forms
from frontdoor.lib.dates import govuk_date, govuk_datetime
from frontdoor.lib.pages import pagination_links
from frontdoor.navigation import navigation, sub_navigation


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


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
    env.globals.update(
        navigation=navigation,
        sub_navigation=sub_navigation,
        error_summary=forms.error_summary,
        error_for=forms.error_for,
        value_of=forms.value_of,
        split_date_values=forms.split_date_values,
        static=static,
        url=url,
        pagination_links=pagination_links,
        csrf_token=get_token,
        get_messages=get_messages,
        council_name=lambda: settings.FRONTDOOR_COUNCIL_NAME,
    )
    env.filters.update(datetime=govuk_datetime, date=govuk_date, duration=duration)
    return env
