"""State changes of the KPI app."""

import datetime as dt
from typing import Any

from django.db import transaction

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.kpis.models import PopulationEstimate
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
