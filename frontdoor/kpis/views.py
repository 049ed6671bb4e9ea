"""The analysts' performance dashboard: the KPIs for a period, by month and by agency."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from frontdoor.accounts.access import (
    ADMINISTRATORS,
    ANALYSTS,
    PARTNERS,
    AuthenticatedRequest,
    allow,
    can_administer,
)
from frontdoor.audit.log import record_list_view
from frontdoor.earlyhelp.codes import Heading
from frontdoor.kpis import dashboards
from frontdoor.kpis.actions import record_neighbour_figure, record_partner_figure
from frontdoor.kpis.comparators import comparison, england, neighbour_names
from frontdoor.kpis.drilldown import FIGURES, rows_for
from frontdoor.kpis.forms import NeighbourFigureForm, PartnerFigureForm, PeriodForm, last_12_months
from frontdoor.kpis.intake import monthly
from frontdoor.kpis.models import NeighbourFigure, PartnerFigure
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import AGENCY_MEASURES, KPIS, agency_rows, measure_all
from frontdoor.kpis.rule_evaluation import DOES_NOT_SHOW, RULES, evaluate
from frontdoor.lib.dates import add_months
from frontdoor.lib.forms import submit


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


def _period(request: HttpRequest) -> tuple[PeriodForm, Period, bool]:
    """The period form of a dashboard (default: the last 12 months) and whether to show it."""
    default = last_12_months()
    form = PeriodForm(
        request.GET if "date_from-day" in request.GET else None,
        initial={"date_from": default.first, "date_to": default.last},
    )
    return form, form.period(), not form.is_bound or form.is_valid()


def _dashboard(request: HttpRequest, template: str, build: Any, **extra: Any) -> HttpResponse:
    form, period, shown = _period(request)
    context = {"form": form, "period": period, "shown": shown, **extra}
    if shown:
        context.update(build(period))
    return render(request, template, context, status=200 if shown else 400)


@allow(ANALYSTS)
@require_GET
def dashboards_index(request: HttpRequest) -> HttpResponse:
    """The dashboards, each with what it shows."""
    return render(request, "kpis/dashboards.html")


@allow(ANALYSTS)
@require_GET
def quality(request: HttpRequest) -> HttpResponse:
    """Audits against the programme, grades over time, moderation, actions, themes."""
    return _dashboard(request, "kpis/quality.html", dashboards.quality_dashboard)


@allow(ANALYSTS)
@require_GET
def front_door(request: HttpRequest) -> HttpResponse:
    """Contacts, conversion, re-referrals and decisions in time, month by month."""
    return _dashboard(request, "kpis/front_door.html", dashboards.front_door_dashboard)


@allow(ANALYSTS)
@require_GET
def partnership(request: HttpRequest) -> HttpResponse:
    """For the safeguarding partnership's QA subgroup: agencies' checks, attendance, sources,
    and the partners' own figures (shown apart from the council's counts)."""
    _, period, _ = _period(request)
    figures = PartnerFigure.objects.filter(
        month__gte=period.first.replace(day=1), month__lte=period.last
    ).select_related("agency", "entered_by")
    return _dashboard(
        request, "kpis/partnership.html", dashboards.partnership_dashboard, partner=figures
    )


@allow(ANALYSTS)
@require_GET
def drill(request: HttpRequest, figure_key: str) -> HttpResponse:
    """The records behind a dashboard number: exactly as many rows as the number."""
    figure = FIGURES.get(figure_key)
    try:
        period = Period(
            dt.date.fromisoformat(request.GET.get("from", "")),
            dt.date.fromisoformat(request.GET.get("to", "")),
        )
    except ValueError:
        raise Http404("No such period") from None
    if figure is None or period.last < period.first:
        raise Http404("No such figure")
    arg = request.GET.get("arg", "")
    rows = rows_for(request.user, figure, period, arg)
    record_list_view(
        request.user,
        [(r.record, r.person_id, r.contact_id) for r in rows if r.href],
        summary=f"Listed behind a dashboard figure: {figure.label}",
    )
    context = {"figure": figure, "period": period, "rows": rows, "arg": arg}
    return render(request, "kpis/drill.html", context)


@allow(ANALYSTS)
@require_GET
def england_view(request: HttpRequest) -> HttpResponse:
    """The council beside England and its statistical neighbours, year by year."""
    data = england()
    years = data.years()
    chosen = request.GET.get("year", "")
    year = int(chosen) if chosen.isdigit() and int(chosen) in years else years[-1]
    context = {
        "year": year,
        "years": years,
        "source": data.source,
        "rows": comparison(year),
        "neighbours": neighbour_names(year),
        "may_enter": can_administer(request.user),
    }
    return render(request, "kpis/england.html", context)


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def neighbours(request: AuthenticatedRequest) -> HttpResponse:
    """An administrator enters a statistical neighbour's published figure."""
    measures = england().measures
    form = NeighbourFigureForm(
        request.POST if request.method == "POST" else None, measures=measures
    )
    if request.method == "POST" and submit(
        form, lambda d: record_neighbour_figure(request.user, **d)
    ):
        messages.success(request, "Neighbour's figure saved.")
        return redirect("kpis:neighbours")
    context = {"form": form, "figures": NeighbourFigure.objects.all()[:200], "measures": measures}
    return render(request, "kpis/neighbours.html", context, status=400 if form.errors else 200)


@allow(PARTNERS)
@require_http_methods(["GET", "POST"])
def partner_figures(request: AuthenticatedRequest) -> HttpResponse:
    """Someone of a partner agency enters the agency's own monthly figures."""
    form = PartnerFigureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and submit(
        form, lambda d: record_partner_figure(request.user, **d)
    ):
        messages.success(request, "Figure saved.")
        return redirect("kpis:partner-figures")
    figures = PartnerFigure.objects.filter(agency=request.user.agency_id).select_related(
        "entered_by"
    )
    context = {"form": form, "figures": figures[:120]}
    return render(request, "kpis/partner_figures.html", context, status=400 if form.errors else 200)


@allow(ANALYSTS)
@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    """How well the alert rules pick out children later referred (no score on any child)."""
    today = timezone.localdate()
    default = Period(add_months(today, -24), add_months(today, -12) - dt.timedelta(days=1))
    form = PeriodForm(
        request.GET if "date_from-day" in request.GET else None,
        initial={"date_from": default.first, "date_to": default.last},
    )
    period = form.period() if form.is_bound else default
    shown = not form.is_bound or form.is_valid()
    chosen = request.GET.get("rule", "cumulative-concern")
    rule = chosen if chosen in RULES else "cumulative-concern"
    context = {
        "form": form,
        "period": period,
        "rule": rule,
        "rules": [(key, name) for key, (name, _) in RULES.items()],
        "evaluation": evaluate(period, today, rule) if shown else None,
        "does_not_show": DOES_NOT_SHOW,
    }
    return render(request, "kpis/rules.html", context, status=200 if shown else 400)
