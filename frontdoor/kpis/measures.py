"""What a KPI is: its public JSON key, label, measure and definition (the registry lists them)."""

from collections.abc import Callable
from dataclasses import dataclass

from frontdoor.kpis.periods import Number, Period

# A figure per agency (or per heading), keyed by its slug.
AgencyFigures = dict[str, Number]


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    measure: Callable[[Period], Number]
    definition: str
    unit: str = ""  # "" (a count), "%" or "per 10,000"


@dataclass(frozen=True)
class AgencyMeasure:
    key: str
    label: str
    measure: Callable[[Period], AgencyFigures]
    definition: str
    unit: str = ""  # "" (a count), "%" or "hours"
