"""The team around the family: its members, meetings (reviews score the plan), the family
plan's outcomes and the headings achieved at closure.

Imported by `frontdoor.earlyhelp.models` so Django registers the models with early help.
"""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.earlyhelp.codes import Heading, OutcomeResult


class TafMember(models.Model):
    """A practitioner in the team around the family (a partner sees the families whose team
    they are in)."""

    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="taf_members"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_on = models.DateField()

    class Meta:
        ordering = ["added_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["episode", "user"], name="one_membership_per_team")
        ]


class TafMeetingQuerySet(models.QuerySet["TafMeeting"]):
    def held_between(self, first: dt.date, last: dt.date) -> "TafMeetingQuerySet":
        return self.filter(held_on__gte=first, held_on__lte=last)


class TafMeeting(models.Model):
    """A team around the family meeting, with who came (by agency); a review scores each
    open outcome of the family plan."""

    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField(db_index=True)
    is_review = models.BooleanField(default=False)
    agencies = models.ManyToManyField("accounts.Agency", blank=True, related_name="+")
    family_attended = models.BooleanField(default=True)
    child_attended = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = TafMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["held_on", "pk"]


class PlanOutcomeQuerySet(models.QuerySet["PlanOutcome"]):
    def still_open(self) -> "PlanOutcomeQuerySet":
        return self.filter(result="")


class PlanOutcome(models.Model):
    """One outcome of the family plan: what will be different, whose job it is, by when."""

    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="outcomes"
    )
    heading = models.CharField(max_length=20, choices=Heading.choices)
    description = models.TextField("what will be different")
    owner = models.CharField(max_length=150)
    due_on = models.DateField()
    added_on = models.DateField(help_text="The day the team agreed it.")
    result = models.CharField(max_length=20, choices=OutcomeResult.choices, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = PlanOutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def latest_score(self) -> int | None:
        score = self.scores.order_by("-meeting__held_on", "-pk").first()
        return score.score if score else None


class ReviewScore(models.Model):
    """Progress on one outcome at a review, 0 (no progress) to 10 (achieved)."""

    meeting = models.ForeignKey(TafMeeting, on_delete=models.CASCADE, related_name="scores")
    outcome = models.ForeignKey(PlanOutcome, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "outcome"], name="one_score_per_review"),
            models.CheckConstraint(condition=models.Q(score__lte=10), name="review_score_0_to_10"),
        ]


class AchievedHeading(models.Model):
    """A Supporting Families heading under which the family achieved its outcome by closure."""

    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="achieved"
    )
    heading = models.CharField(max_length=20, choices=Heading.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["episode", "heading"], name="one_heading_per_episode")
        ]

    @property
    def label(self) -> str:
        return str(Heading(self.heading).label)
