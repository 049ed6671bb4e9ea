"""The weekly missing meeting and the MACE panel: the meeting, what was decided per child or
per context, and the actions agreed (domain.md §6). Imported by `outside.models`."""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.outside.codes import MeetingKind


class Meeting(models.Model):
    kind = models.CharField(max_length=16, choices=MeetingKind.choices)
    held_on = models.DateField(db_index=True)
    covers_from = models.DateField(help_text="The pack covers children missing since this day.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "held_on"], name="one_meeting_a_day")
        ]


class MeetingNote(models.Model):
    """What the meeting decided about one child or one context."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entity = models.ForeignKey(
        "outside.Entity", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]


class MeetingActionQuerySet(models.QuerySet["MeetingAction"]):
    def still_open(self) -> "MeetingActionQuerySet":
        return self.filter(done_on__isnull=True)


class MeetingAction(models.Model):
    """An action agreed at a meeting, for a child or a context, until it is done."""

    note = models.ForeignKey(MeetingNote, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(max_length=300)
    owner = models.CharField(max_length=120)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    objects = MeetingActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def is_overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on < today
