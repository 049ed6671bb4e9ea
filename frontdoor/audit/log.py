"""Write audit events. Call inside the action's transaction so the row commits with it."""

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from frontdoor.audit.middleware import client_ip, current_request
from frontdoor.audit.models import Event


def _actor(user: Any, actor_label: str | None) -> tuple[Any, str, str]:
    if user is not None and getattr(user, "is_authenticated", False):
        return user, actor_label or user.username, getattr(user, "role", "")
    return None, actor_label or "public", ""


def _event(
    user: Any,
    actor_label: str | None,
    action: str,
    record: models.Model,
    *,
    person_id: int | None = None,
    contact_id: int | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
    at: Any = None,
) -> Event:
    """An unsaved access-log row: who (from the request too: path and address), what, when."""
    request = current_request.get()
    db_user, label, role = _actor(user, actor_label)
    return Event(
        at=at or timezone.now(),
        user=db_user,
        actor_label=label[:150],
        role=role,
        action=action,
        record_type=record._meta.label_lower.split(".")[-1],
        record_id=str(record.pk),
        person_id=person_id,
        contact_id=contact_id,
        summary=summary[:300],
        changes=changes or {},
        path=request.get_full_path()[:300] if request else "",
        ip_address=client_ip(request) if request else None,
    )


def record_event(
    action: str,
    record: models.Model,
    *,
    user: Any = None,
    actor_label: str | None = None,
    person_id: int | None = None,
    contact_id: int | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> Event:
    event = _event(
        user,
        actor_label,
        action,
        record,
        person_id=person_id,
        contact_id=contact_id,
        summary=summary,
        changes=changes,
    )
    event.save(force_insert=True)
    return event


def record_view(user: Any, record: models.Model, **kwargs: Any) -> Event:
    """Log that `user` read `record` (a child's record, a contact, ...)."""
    return record_event(Event.Action.VIEW, record, user=user, **kwargs)


def record_list_view(
    user: Any,
    shown: Iterable[tuple[models.Model, int | None, int | None]],
    *,
    summary: str,
    action: str = Event.Action.VIEW,
    actor_label: str | None = None,
) -> int:
    """Log that `user` was shown each record of a list (a search result, a queue row, a
    child in a download): one access-log row per (record, person_id, contact_id), so each
    child's access log names the list. One INSERT for the whole list. Returns the count."""
    now = timezone.now()
    rows = [
        _event(
            user,
            actor_label,
            action,
            record,
            person_id=person_id,
            contact_id=contact_id,
            summary=summary,
            at=now,
        )
        for record, person_id, contact_id in shown
    ]
    Event.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def record_change(
    user: Any, record: models.Model, action: str = Event.Action.UPDATE, **kwargs: Any
) -> Event:
    return record_event(action, record, user=user, **kwargs)


def save_and_record(user: Any, record: models.Model, fields: dict[str, Any], summary: str) -> Any:
    """Set `fields` on `record`, save it and record the change with its before and after, in
    one transaction: the building block of actions that edit the council's own lists
    (agencies, levels of need, …). `summary` may name the saved record's fields: "{name}"."""
    with transaction.atomic():
        before = {key: getattr(record, key) for key in fields}
        for key, value in fields.items():
            setattr(record, key, value)
        record.save()
        record_change(
            user,
            record,
            summary=summary.format(**vars(record)),
            changes={"before": before, "after": fields},
        )
    return record
