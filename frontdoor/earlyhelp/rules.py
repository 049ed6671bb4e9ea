"""Rules and bookkeeping shared by the early-help actions, so messages read the same."""

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.earlyhelp.models import Episode
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError


def check_within(episode: Episode, day: dt.date, what: str, field: str) -> None:
    """Nothing before the episode started; nothing after it closed."""
    if day < episode.start_date:
        raise ActionError(
            f"{what} cannot be before early help started on {govuk_date(episode.start_date)}.",
            field=field,
        )
    if episode.closure_date is not None and day > episode.closure_date:
        raise ActionError(
            f"{what} cannot be after the episode closed on {govuk_date(episode.closure_date)}.",
            field=field,
        )


def check_open(episode: Episode) -> None:
    if not episode.is_open:
        raise ActionError(f"This episode closed on {govuk_date(episode.closure_date)}.")


def check_text(value: str, message: str, field: str) -> str:
    if not value.strip():
        raise ActionError(message, field=field)
    return value.strip()


def locked(episode: Episode) -> Episode:
    """Re-read the episode under a row lock, so two workers cannot break a rule together."""
    return Episode.objects.select_for_update().get(pk=episode.pk)


def moment(day: dt.date, at: dt.datetime | None) -> dt.datetime:
    """When a dated event goes on the chronology: `at` if given, else midday that day."""
    return at or timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


def actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def log(
    user: Any,
    record: models.Model,
    children: list[Any],
    summary: str,
    when: dt.datetime,
    *,
    created: bool = False,
    detail: str = "",
    kind: str = Kind.EARLY_HELP,
    contact: Any = None,
) -> None:
    """Write the audit row and the chronology event of one early-help change, for each child
    (so each child's access log and chronology show it)."""
    action = AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE
    for person in children:
        record_change(user, record, action, person_id=person.pk, summary=summary)
        add_event(person, kind, summary, when, detail=detail, contact=contact, actor=user)
