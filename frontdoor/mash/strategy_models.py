"""Strategy discussions: who was invited and came, what was shared, the outcome, the actions.

Working Together 2023 (ch. 4): a strategy discussion must be held whenever there is
reasonable cause to suspect that a child is suffering, or is likely to suffer, significant
harm; local-authority children's social care, the police and health take part. The record
is circulated within one working day (domain.md §1, local practice).

Imported by `frontdoor.mash.models` so Django registers these models with the MASH app.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class StrategyOutcome(models.TextChoices):
    SECTION_47 = "s47", "Section 47 enquiry"
    SINGLE_ASSESSMENT = "single_assessment", "No section 47 enquiry – single assessment"
    NO_FURTHER_ACTION = "nfa", "No further action"


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
    APOLOGIES = "apologies", "Sent apologies"


class StrategyDiscussionQuerySet(models.QuerySet["StrategyDiscussion"]):
    def upcoming(self, now: dt.datetime) -> "StrategyDiscussionQuerySet":
        return self.filter(status=StrategyDiscussion.Status.CONVENED, held_at__gte=now)

    def awaiting_record(self, now: dt.datetime) -> "StrategyDiscussionQuerySet":
        """Convened for a time that has passed, with no record of the meeting yet."""
        return self.filter(status=StrategyDiscussion.Status.CONVENED, held_at__lt=now)

    def awaiting_circulation(self) -> "StrategyDiscussionQuerySet":
        return self.filter(status=StrategyDiscussion.Status.HELD)

    def circulation_overdue(self, now: dt.datetime) -> "StrategyDiscussionQuerySet":
        return self.awaiting_circulation().filter(circulation_due_at__lt=now)

    def held(self) -> "StrategyDiscussionQuerySet":
        return self.filter(
            status__in=[StrategyDiscussion.Status.HELD, StrategyDiscussion.Status.RECORDED]
        )

    def held_between(self, start: dt.datetime, end: dt.datetime) -> "StrategyDiscussionQuerySet":
        """Held (and recorded) at a moment in [start, end)."""
        return self.held().filter(held_at__gte=start, held_at__lt=end)


class StrategyDiscussion(models.Model):
    """One strategy discussion about the children of a contact."""

    class Status(models.TextChoices):
        CONVENED = "convened", "Convened"
        HELD = "held", "Held – record not yet circulated"
        RECORDED = "recorded", "Record circulated"

    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    enquiry = models.ForeignKey(
        "mash.MashEnquiry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="strategy_discussions",
    )
    convened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    convened_at = models.DateTimeField()
    held_at = models.DateTimeField(
        db_index=True, help_text="When it is to be held; once recorded, when it was held."
    )
    chair_name = models.CharField(max_length=150, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.CONVENED, db_index=True
    )
    social_care_attendance = models.CharField(
        "children's social care attendance", max_length=16, choices=Attendance.choices, blank=True
    )
    social_care_attendee_name = models.CharField(max_length=150, blank=True)
    information_shared = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=StrategyOutcome.choices, blank=True)
    rationale = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    circulation_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    record_circulated_at = models.DateTimeField(null=True, blank=True)
    circulated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = StrategyDiscussionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_at", "-pk"]

    def __str__(self) -> str:
        return f"Strategy discussion {self.pk} on contact {self.contact_id}"

    def is_recorded(self) -> bool:
        return self.status != self.Status.CONVENED

    def is_circulation_overdue(self, now: dt.datetime | None = None) -> bool:
        if self.circulation_due_at is None:
            return False
        if self.record_circulated_at is not None:
            return self.record_circulated_at > self.circulation_due_at
        return self.circulation_due_at < (now or timezone.now())

    def circulation_time_left(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        if self.circulation_due_at is None:
            return None
        return self.circulation_due_at - (now or timezone.now())


class StrategyInvitation(models.Model):
    """A partner agency invited to a strategy discussion, and whether it came."""

    discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.CASCADE, related_name="invitations"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    attendance = models.CharField(max_length=16, choices=Attendance.choices, blank=True)
    attendee_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["agency__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["discussion", "agency"], name="one_invitation_per_agency"
            )
        ]


class StrategyAction(models.Model):
    """Something agreed at the discussion: what, who owns it (a user or a name), by when."""

    discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_name = models.CharField(max_length=150, blank=True)
    due_date = models.DateField()
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    @property
    def owner_label(self) -> str:
        if self.owner is not None:
            return str(self.owner)
        return self.owner_name
