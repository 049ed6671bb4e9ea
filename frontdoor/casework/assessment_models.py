"""Single (child and family) assessments and their 45-working-day clock.

Imported by `frontdoor.casework.models` so Django registers the model with casework.
"""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.casework.codes import NEEDS_SOCIAL_CARE, AssessmentOutcome


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def still_open(self) -> "AssessmentQuerySet":
        """Not yet authorised."""
        return self.filter(authorised_on__isnull=True)

    def open_on(self, day: dt.date) -> "AssessmentQuerySet":
        return self.filter(start_date__lte=day).filter(
            models.Q(authorised_on__isnull=True) | models.Q(authorised_on__gt=day)
        )

    def overdue(self, as_of: dt.date) -> "AssessmentQuerySet":
        """Open on `as_of` and past their 45-working-day due date."""
        return self.open_on(as_of).filter(due_date__lt=as_of)

    def authorised_between(self, start: dt.date, end: dt.date) -> "AssessmentQuerySet":
        return self.filter(authorised_on__gte=start, authorised_on__lte=end)

    def active_between(self, first: dt.date, last: dt.date) -> "AssessmentQuerySet":
        """Open some day from `first` to `last`: started by `last`, not authorised before
        `first`."""
        return self.filter(start_date__lte=last).filter(
            models.Q(authorised_on__isnull=True) | models.Q(authorised_on__gte=first)
        )

    def authorised_in_time(self) -> "AssessmentQuerySet":
        """Authorised on or before their due date."""
        return self.filter(authorised_on__isnull=False, authorised_on__lte=models.F("due_date"))

    def for_worker(self, user: object) -> "AssessmentQuerySet":
        return self.filter(episode__allocated_worker=user)


class Assessment(models.Model):
    """A single assessment within a CIN episode (DfE CIN census `Assessments`).

    `due_date` is 45 working days from the referral (Working Together): stored so that
    overdue work and the KPI are plain queries.
    """

    episode = models.ForeignKey(
        "casework.CINEpisode", on_delete=models.PROTECT, related_name="assessments"
    )
    start_date = models.DateField(db_index=True)
    due_date = models.DateField(db_index=True)
    child_seen_on = models.DateField(null=True, blank=True)
    is_seen_alone = models.BooleanField(null=True, blank=True)
    factors = models.JSONField(
        default=list, blank=True, help_text="DfE AssessmentFactors codes (codes.AssessmentFactor)."
    )
    outcome = models.CharField(max_length=16, choices=AssessmentOutcome.choices, blank=True)
    authorised_on = models.DateField(null=True, blank=True, db_index=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]

    def is_open(self) -> bool:
        return self.authorised_on is None

    def is_overdue(self, as_of: dt.date) -> bool:
        """Still open after its due date."""
        return self.authorised_on is None and as_of > self.due_date

    def is_within_timescale(self) -> bool | None:
        """Authorised within 45 working days of the referral; None while open."""
        if self.authorised_on is None:
            return None
        return self.authorised_on <= self.due_date

    def needs_social_care(self) -> bool | None:
        """Annex A List 4: was the child assessed as requiring social care support?"""
        if not self.outcome:
            return None
        return self.outcome in NEEDS_SOCIAL_CARE
