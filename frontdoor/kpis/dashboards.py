"""What the dashboards show (issue 16): each number a `Cell` that links to its drill-down,
computed for the months a page shows and nothing more (the performance page measures every
KPI; these pages do not)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from frontdoor.accounts.models import Agency
from frontdoor.contacts.codes import ReferralSource
from frontdoor.kpis import quality
from frontdoor.kpis.charts import Series, bars, legend, line
from frontdoor.kpis.drilldown import FIGURES
from frontdoor.kpis.periods import Period, percent
from frontdoor.lib.dates import add_months
from frontdoor.quality.agreement import agreement
from frontdoor.quality.codes import Grade
from frontdoor.quality.models import AgencyView, Programme, Theme


@dataclass(frozen=True)
class Cell:
    value: int
    href: str


def cell(key: str, period: Period, arg: str = "") -> Cell:
    figure = FIGURES[key]
    return Cell(figure.count(period, arg), figure.href(period, arg))


def months_of(period: Period) -> list[Period]:
    """Each calendar month of the period, clipped to it."""
    found = []
    month = period.first.replace(day=1)
    while month <= period.last:
        last = add_months(month, 1) - dt.timedelta(days=1)
        found.append(Period(max(month, period.first), min(last, period.last)))
        month = add_months(month, 1)
    return found


def _label(month: Period) -> str:
    return month.first.strftime("%b %y")


def quality_dashboard(period: Period) -> dict[str, Any]:
    months = months_of(period)
    rows: list[dict[str, Any]] = []
    for month in months:
        planned = sum(
            Programme.objects.filter(
                month__gte=month.first.replace(day=1), month__lte=month.last
            ).values_list("count", flat=True)
        )
        rows.append(
            {
                "month": month,
                "planned": planned,
                "completed": cell("audits-completed", month),
                "good": cell("audits-good", month),
                "grades": [cell("audits-grade", month, g) for g in Grade.values],
            }
        )
    grade_chart = bars(
        "Audits completed by grade, month by month",
        "Stacked bars: each month's audits split by Ofsted grade.",
        [_label(r["month"]) for r in rows],
        [
            Series(label, [r["grades"][i].value for r in rows])
            for i, (_, label) in enumerate(Grade.choices)
        ],
        stacked=True,
    )
    pairs = quality.moderated_rows(period).values_list("grade", "moderation__grade")
    agreed = agreement(list(pairs))
    themes = (
        Theme.objects.filter(audits__in=quality.audits_completed_rows(period))
        .annotate(n=Count("audits"))
        .order_by("-n", "name")
    )
    absent = (
        AgencyView.objects.filter(audit__in=quality.audits_completed_rows(period))
        .values_list("agency__slug", "agency__name")
        .distinct()
        .order_by("agency__name")
    )
    return {
        "rows": rows,
        "grades": Grade.choices,
        "grade_chart": grade_chart,
        "grade_legend": legend([Series(label, []) for _, label in Grade.choices]),
        "completed": cell("audits-completed", period),
        "good": cell("audits-good", period),
        "different": cell("audits-different-decision", period),
        "moderated": cell("moderated", period),
        "agreed": cell("moderation-agreed", period),
        "agreement": agreed,
        "actions_open": cell("actions-open", period),
        "actions_overdue": cell("actions-overdue", period),
        "themes": [(theme.name, cell("audits-theme", period, str(theme.pk))) for theme in themes],
        "absent": [(name, cell("audits-agency-absent", period, slug)) for slug, name in absent],
    }


def front_door_dashboard(period: Period) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for month in months_of(period):
        contacts, referrals = cell("contacts", month), cell("referrals", month)
        decisions, in_time = cell("decisions", month), cell("decisions-in-time", month)
        re_referrals = cell("re-referrals", month)
        rows.append(
            {
                "month": month,
                "contacts": contacts,
                "referrals": referrals,
                "conversion": percent(referrals.value, contacts.value),
                "re_referrals": re_referrals,
                "re_referral_rate": percent(re_referrals.value, referrals.value),
                "decisions": decisions,
                "in_time": in_time,
                "in_time_rate": percent(in_time.value, decisions.value),
            }
        )
    labels = [_label(r["month"]) for r in rows]
    volume = [
        Series("Contacts (per child)", [r["contacts"].value for r in rows]),
        Series("Referrals", [r["referrals"].value for r in rows]),
    ]
    rates = [
        Series("Contacts becoming referrals (%)", [r["conversion"] for r in rows]),
        Series("Re-referral rate (%)", [r["re_referral_rate"] for r in rows]),
        Series("Decided within 1 working day (%)", [r["in_time_rate"] for r in rows]),
    ]
    return {
        "rows": rows,
        "volume_chart": bars(
            "Contacts and referrals by month", "Bars side by side for each month.", labels, volume
        ),
        "volume_legend": legend(volume),
        "rate_chart": line(
            "Conversion, re-referrals and timeliness: the 12-month trend",
            "Lines of three percentages, month by month.",
            labels,
            rates,
        ),
        "rate_legend": legend(rates),
    }


def partnership_dashboard(period: Period) -> dict[str, Any]:
    agencies = list(Agency.objects.order_by("name"))
    checks = []
    strategy = []
    for agency in agencies:
        answered = cell("checks-answered", period, agency.slug)
        on_time = cell("checks-on-time", period, agency.slug)
        if answered.value:
            checks.append((agency, answered, on_time, percent(on_time.value, answered.value)))
        invited = cell("strategy-invited", period, agency.slug)
        attended = cell("strategy-attended", period, agency.slug)
        if invited.value:
            strategy.append((agency, invited, attended, percent(attended.value, invited.value)))
    sources = []
    for code, label in ReferralSource.choices:
        contacts = cell("contacts-from", period, code)
        if contacts.value:
            referred = cell("referrals-from", period, code)
            sources.append((label, contacts, referred, percent(referred.value, contacts.value)))
    check_series = [Series("Checks answered by the deadline (%)", [r[3] for r in checks])]
    attend_series = [Series("Strategy discussions attended (%)", [r[3] for r in strategy])]
    return {
        "checks": checks,
        "strategy": strategy,
        "sources": sources,
        "check_chart": bars(
            "MASH checks answered by the deadline, by agency",
            "One bar per agency: the percentage of its answers given in time.",
            [r[0].name[:14] for r in checks],
            check_series,
        ),
        "attend_chart": bars(
            "Strategy discussion attendance by agency",
            "One bar per agency: the percentage of discussions it attended.",
            [r[0].name[:14] for r in strategy],
            attend_series,
        ),
    }
