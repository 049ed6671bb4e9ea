"""The audit row and chronology event every ROTH action writes, in its transaction."""

import datetime as dt
from typing import Any

from django.db import models

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_event


def actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def log(
    user: Any,
    record: models.Model,
    person: Any,
    kind: str,
    summary: str,
    occurred_at: dt.datetime,
    *,
    created: bool = False,
    detail: str = "",
    actor_label: str | None = None,
) -> None:
    """Audit the change and put it on the child's chronology."""
    record_change(
        user,
        record,
        AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        actor_label=actor_label,
        person_id=person.pk,
        summary=summary,
    )
    add_event(person, kind, summary, occurred_at, detail=detail, actor=user)


def audit_only(
    user: Any,
    record: models.Model,
    summary: str,
    *,
    created: bool = False,
    person_id: int | None = None,
) -> None:
    """Audit a change that is not a step in a child's journey (a factor, an entity)."""
    record_change(
        user,
        record,
        AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        person_id=person_id,
        summary=summary,
    )
