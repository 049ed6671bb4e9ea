"""The analysts' performance dashboard: the KPIs for a period, by month and by agency."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import ANALYSTS, allow
from frontdoor.earlyhelp.codes import Heading
from frontdoor.kpis.forms import PeriodForm, last_12_months
from frontdoor.kpis.intake import monthly
from frontdoor.kpis.registry import AGENCY_MEASURES, KPIS, agency_rows, measure_all


@allow(ANALYSTS)
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The front-door KPIs for a chosen period (default: the last 12 months)."""
    chosen = bool(request.GET)
    default = last_12_months()
    form = PeriodForm(
        request.GET if chosen else None,
        initial={"date_from": default.first, "date_to": default.last},
    )
    period = form.period()
    # A period that could not be read shows only the form and its errors, never figures
    # for another period under "There is a problem".
    shown = not form.is_bound or form.is_valid()
    figures = measure_all(period) if shown else None
    return render(
        request,
        "kpis/dashboard.html",
        {
            "form": form,
            "period": period,
            "kpis": KPIS,
            "figures": figures,
            "months": monthly(period) if shown else [],
            "agency_measures": AGENCY_MEASURES,
            "agency_rows": agency_rows(figures) if figures else [],
            "headings": Heading.choices,
        },
    )
