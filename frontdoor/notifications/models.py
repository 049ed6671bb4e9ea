"""The outbox: e-mails waiting to go, kept after sending and after failures.

A notification names the record it is about the way audit events do (its model's name and
primary key), so any app can queue one without this app knowing the app's models.
"""

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import Q


class NotificationQuerySet(models.QuerySet["Notification"]):
    def due_to_send(self, now: dt.datetime, max_attempts: int) -> "NotificationQuerySet":
        return self.filter(sent_at__isnull=True, attempts__lt=max_attempts).filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
        )

    def about(self, record: models.Model) -> "NotificationQuerySet":
        """Notifications queued about `record`."""
        return self.filter(about_type=record_type(record), about_id=str(record.pk))

    def about_any(self, records: "models.QuerySet[Any]") -> "NotificationQuerySet":
        """Notifications queued about any of `records` (one model's QuerySet)."""
        ids = [str(pk) for pk in records.values_list("pk", flat=True)]
        return self.filter(about_type=record_type(records.model), about_id__in=ids)


def record_type(record: models.Model | type[models.Model]) -> str:
    """The name a notification (like an audit event) gives a record's model: "agencycheck"."""
    return record._meta.label_lower.split(".")[-1]


class Notification(models.Model):
    """An e-mail waiting to go (outbox). Rows are kept after sending and after failures."""

    to = models.CharField(max_length=500, help_text="Comma-separated addresses.")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    about_type = models.CharField(max_length=40, blank=True)
    about_id = models.CharField(max_length=40, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["about_type", "about_id"]),
            models.Index(fields=["sent_at", "next_attempt_at"]),
        ]

    @property
    def recipients(self) -> list[str]:
        return [a.strip() for a in self.to.split(",") if a.strip()]
