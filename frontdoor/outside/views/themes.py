"""The strategic picture: themes and counts over a period, as charts beside tables."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import ROTH, AuthenticatedRequest, allow
from frontdoor.lib.dates import year_before
from frontdoor.outside.themes import all_tables


def _day(value: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else default
    except ValueError:
        return default


@allow(ROTH)
@require_GET
def themes(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    last = _day(request.GET.get("to"), today)
    first = _day(request.GET.get("from"), year_before(last) + dt.timedelta(days=1))
    return render(
        request,
        "outside/themes.html",
        {"tables": all_tables(first, last), "first": first, "last": last},
    )
