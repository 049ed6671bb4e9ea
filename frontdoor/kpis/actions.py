"""State changes of the KPI app."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.kpis.models import NeighbourFigure, PartnerFigure, PopulationEstimate
from frontdoor.lib.errors import ActionError


def record_population_estimate(
    user: Any, *, as_of: dt.date, children: int, source: str = ""
) -> PopulationEstimate:
    """Record the number of children aged 0 to 17 in the area.

    Rates per 10,000 (referrals, children in need, child protection) divide by the ONS
    mid-year estimate of children aged 0 to 17 (DfE methodology for the CIN statistics).
    """
    if children <= 0:
        raise ActionError("Enter the number of children aged 0 to 17.", field="children")
    with transaction.atomic():
        estimate = PopulationEstimate.objects.create(
            as_of=as_of,
            children=children,
            source=source[:200],
            recorded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        record_change(
            user,
            estimate,
            AuditEvent.Action.CREATE,
            summary=f"Population estimate: {children:,} children aged 0 to 17",
        )
    return estimate


def record_neighbour_figure(
    user: Any, *, measure: str, year: int, neighbour: str, value: Any
) -> NeighbourFigure:
    """Record (or correct) a statistical neighbour's published figure for a measure."""
    from frontdoor.kpis.comparators import england

    if measure not in england().measures:
        raise ActionError("Choose a measure.", field="measure")
    if not neighbour.strip():
        raise ActionError("Enter the neighbour council's name.", field="neighbour")
    with transaction.atomic():
        figure, _ = NeighbourFigure.objects.update_or_create(
            measure=measure,
            year=year,
            neighbour=neighbour.strip()[:120],
            defaults={"value": value, "recorded_by": user, "recorded_at": timezone.now()},
        )
        record_change(user, figure, summary=f"Statistical neighbour figure: {neighbour} {year}")
    return figure


def record_partner_figure(user: Any, *, month: dt.date, measure: str, value: int) -> PartnerFigure:
    """A partner agency's own monthly figure, entered by someone of that agency."""
    if not getattr(user, "agency_id", None):
        raise ActionError("Only someone from a partner agency may enter its figures.")
    if not measure.strip():
        raise ActionError("Enter what the figure counts.", field="measure")
    with transaction.atomic():
        figure = PartnerFigure.objects.create(
            agency_id=user.agency_id,
            month=month.replace(day=1),
            measure=measure.strip()[:120],
            value=value,
            entered_by=user,
            entered_at=timezone.now(),
        )
        record_change(user, figure, AuditEvent.Action.CREATE, summary="Partner figure entered")
    return figure
