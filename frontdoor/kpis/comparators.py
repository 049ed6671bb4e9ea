"""England's published figures (a data file in the repo, named source and year) and the
statistical neighbours' figures an administrator enters, beside the council's own."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from frontdoor.kpis.drilldown import FIGURES
from frontdoor.kpis.models import NeighbourFigure
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import KPIS

DATA = Path(__file__).parent / "data" / "england.json"


@dataclass(frozen=True)
class England:
    source: str
    measures: dict[str, dict[str, Any]]

    def years(self) -> list[int]:
        return sorted({int(y) for m in self.measures.values() for y in m["values"]})


@cache
def england() -> England:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return England(data["source"], data["measures"])


def year_period(year: int) -> Period:
    """The year ending 31 March `year` (DfE reporting year)."""
    import datetime as dt

    return Period(dt.date(year - 1, 4, 1), dt.date(year, 3, 31))


def comparison(year: int) -> list[dict[str, Any]]:
    """Each comparator measure for one year: council, England, each neighbour, side by side."""
    kpis = {kpi.key: kpi for kpi in KPIS}
    neighbours = {
        (f.measure, f.neighbour): float(f.value) for f in NeighbourFigure.objects.filter(year=year)
    }
    names = sorted({name for _, name in neighbours})
    rows = []
    for key, measure in england().measures.items():
        kpi = kpis[measure["council_kpi"]]
        period = year_period(year)
        # A rate shows the count behind it, which links to its records.
        count_kpi = kpis.get(measure.get("count_kpi", ""))
        count_figure = FIGURES.get(measure.get("count_figure", ""))
        rows.append(
            {
                "key": key,
                "label": measure["label"],
                "unit": measure["unit"],
                "council": kpi.measure(period),
                # A council count with a drill-down (kpis.drilldown) links to its records.
                "href": FIGURES[measure["figure"]].href(period)
                if measure.get("figure") in FIGURES
                else None,
                "count": count_kpi.measure(period) if count_kpi else None,
                "count_unit": measure.get("count_unit", ""),
                "count_href": count_figure.href(period) if count_figure else None,
                "england": measure["values"].get(str(year)),
                "neighbours": [neighbours.get((key, name)) for name in names],
            }
        )
    return rows


def neighbour_names(year: int) -> list[str]:
    return sorted(
        set(NeighbourFigure.objects.filter(year=year).values_list("neighbour", flat=True))
    )
