"""The one registry of KPIs: their JSON keys, labels and definitions, in the order the
`frontdoor kpis` command, the performance dashboard and the seeded-council check show them.

Each measure and its entry (key, label, definition) live in the module of its domain
(intake, mash, casework, outside, early help, quality); the keys are the public names in the
JSON and must not change.
"""

from typing import Any

from frontdoor.accounts.models import Agency
from frontdoor.kpis import casework, earlyhelp, intake, mash, outside, quality
from frontdoor.kpis.measures import AgencyMeasure, Kpi
from frontdoor.kpis.periods import Period, population

KPIS: list[Kpi] = [
    *intake.KPIS,
    *mash.KPIS,
    *casework.KPIS,
    *outside.KPIS,
    *earlyhelp.KPIS,
    *quality.KPIS,
]

# Early-help outcomes achieved, by Supporting Families heading: a dict keyed by heading.
HEADING_MEASURES: list[AgencyMeasure] = earlyhelp.HEADING_MEASURES

# MASH checks, per agency (issue 3 item 8): each figure is a dict keyed by agency slug.
AGENCY_MEASURES: list[AgencyMeasure] = mash.AGENCY_MEASURES


def measure_all(period: Period) -> dict[str, Any]:
    """Every KPI for the period, keyed as in KPIS (the JSON of `frontdoor kpis`)."""
    figures: dict[str, Any] = {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "population": population(period),
    }
    figures.update({kpi.key: kpi.measure(period) for kpi in KPIS})
    figures.update({measure.key: measure.measure(period) for measure in AGENCY_MEASURES})
    figures.update({measure.key: measure.measure(period) for measure in HEADING_MEASURES})
    return figures


def agency_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    """The per-agency measures of `measure_all` as one row per agency, by agency name."""
    names = dict(Agency.objects.values_list("slug", "name"))
    slugs = {slug for measure in AGENCY_MEASURES for slug in figures[measure.key]}
    return [
        {
            "slug": slug,
            "agency": names.get(slug, slug),
            **{measure.key: figures[measure.key].get(slug) for measure in AGENCY_MEASURES},
        }
        for slug in sorted(slugs, key=lambda slug: names.get(slug, slug))
    ]
