"""Queueing and sending e-mail through the outbox.

A notification is queued inside the transaction of whatever made it necessary, so it exists
if and only if that change committed; `send_notifications()` sends later (from `frontdoor
tick`), retrying with back-off, so a mail server that is down loses nothing.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone

from frontdoor.notifications.models import Notification, record_type

MAX_SEND_ATTEMPTS = 10


def queue_notification(
    *, to: list[str], subject: str, body: str, about: models.Model, now: dt.datetime
) -> Notification:
    """Put an e-mail about `about` in the outbox (call inside the caller's transaction)."""
    return Notification.objects.create(
        to=", ".join(to),
        subject=subject,
        body=body,
        created_at=now,
        about_type=record_type(about),
        about_id=str(about.pk),
    )


def retry_delay(attempts: int) -> dt.timedelta:
    """Back off 5, 10, 20 ... minutes, at most 6 hours."""
    return min(dt.timedelta(minutes=5 * 2 ** max(attempts - 1, 0)), dt.timedelta(hours=6))


def send_notifications(now: dt.datetime | None = None, limit: int = 200) -> tuple[int, int]:
    """Send queued e-mails; returns (sent, failed). A failed row waits and is tried again.

    Each row is locked while it is sent (skipped by a concurrent sender), so two senders
    do not send the same e-mail twice.
    """
    now = now or timezone.now()
    sent = failed = 0
    due = Notification.objects.due_to_send(now, MAX_SEND_ATTEMPTS)
    for pk in list(due.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            row = (
                Notification.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, sent_at__isnull=True)
                .first()
            )
            if row is None:
                continue
            if _send(row, now):
                sent += 1
            else:
                failed += 1
    return sent, failed


def _send(row: Notification, now: dt.datetime) -> bool:
    row.attempts += 1
    try:
        send_mail(
            row.subject,
            row.body,
            getattr(settings, "DEFAULT_FROM_EMAIL", None),
            row.recipients,
            fail_silently=False,
        )
    except Exception as error:  # any transport failure: keep the row and try later
        row.last_error = f"{type(error).__name__}: {error}"[:500]
        row.next_attempt_at = now + retry_delay(row.attempts)
        row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        return False
    row.sent_at = now
    row.last_error = ""
    row.save(update_fields=["attempts", "sent_at", "last_error"])
    return True
