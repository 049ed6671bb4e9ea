"""Child protection plans (with reviews, core groups, visits) and child in need plans.

Clocks (Working Together 2023): core group within 10 working days of the ICPC; first review
conference within 3 months of the plan's start, then at most every 6 months. The due dates
are stored (set by the actions) so that overdue work is a plain query; the model methods
compute the same dates from the recorded meetings.
Imported by `frontdoor.casework.models` so Django registers the models with casework.
"""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.casework.clocks import core_group_due, cp_review_due
from frontdoor.casework.codes import CategoryOfAbuse, CPPlanEndReason


def _open_on(queryset: models.QuerySet, day: dt.date) -> models.QuerySet:  # type: ignore[type-arg]
    return queryset.filter(start_date__lte=day).filter(
        models.Q(end_date__isnull=True) | models.Q(end_date__gt=day)
    )


def _active_between(queryset: models.QuerySet, first: dt.date, last: dt.date) -> models.QuerySet:  # type: ignore[type-arg]
    return queryset.filter(start_date__lte=last).filter(
        models.Q(end_date__isnull=True) | models.Q(end_date__gte=first)
    )


class CPPlanQuerySet(models.QuerySet["CPPlan"]):
    def still_open(self) -> "CPPlanQuerySet":
        return self.filter(end_date__isnull=True)

    def open_on(self, day: dt.date) -> "CPPlanQuerySet":
        """On a plan on `day` (a plan ending that day no longer counts)."""
        return _open_on(self, day)  # type: ignore[return-value]

    def started_between(self, start: dt.date, end: dt.date) -> "CPPlanQuerySet":
        return self.filter(start_date__gte=start, start_date__lte=end)

    def active_between(self, first: dt.date, last: dt.date) -> "CPPlanQuerySet":
        """On a plan some day from `first` to `last` (a plan ending on `first` counts)."""
        return _active_between(self, first, last)  # type: ignore[return-value]

    def second_or_subsequent(self) -> "CPPlanQuerySet":
        return self.filter(previous_plans__gt=0)

    def review_overdue(self, as_of: dt.date) -> "CPPlanQuerySet":
        return self.still_open().filter(review_due_date__lt=as_of)

    def core_group_overdue(self, as_of: dt.date) -> "CPPlanQuerySet":
        return self.still_open().filter(
            core_group_meetings__isnull=True, core_group_due_date__lt=as_of
        )

    def for_worker(self, user: object) -> "CPPlanQuerySet":
        return self.filter(episode__allocated_worker=user)


class CPPlan(models.Model):
    """A child protection plan (DfE CIN census `ChildProtectionPlans`)."""

    episode = models.ForeignKey(
        "casework.CINEpisode", on_delete=models.PROTECT, related_name="cp_plans"
    )
    initial_conference = models.ForeignKey(
        "casework.InitialConference",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cp_plans",
    )
    start_date = models.DateField(db_index=True)
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    previous_plans = models.PositiveSmallIntegerField(
        default=0, help_text="DfE NumberOfPreviousCPP: earlier plans with this council."
    )
    core_group_due_date = models.DateField()
    review_due_date = models.DateField(db_index=True)
    end_date = models.DateField(null=True, blank=True, db_index=True)
    end_reason = models.CharField(max_length=16, choices=CPPlanEndReason.choices, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = CPPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = "child protection plan"

    def is_open(self) -> bool:
        return self.end_date is None

    def last_review_on(self) -> dt.date | None:
        review = self.reviews.order_by("-held_on").first()
        return review.held_on if review else None

    def next_review_due(self) -> dt.date | None:
        """The date by which the next review conference must be held (None once ended)."""
        if self.end_date is not None:
            return None
        return cp_review_due(self.start_date, self.last_review_on())

    def is_review_overdue(self, as_of: dt.date) -> bool:
        due = self.next_review_due()
        return due is not None and as_of > due

    def first_core_group_due(self) -> dt.date:
        return core_group_due(self.start_date)

    def is_core_group_overdue(self, as_of: dt.date) -> bool:
        """No core group meeting yet, 10 working days after the conference."""
        return (
            self.end_date is None
            and as_of > self.first_core_group_due()
            and not self.core_group_meetings.exists()
        )

    def is_second_or_subsequent(self) -> bool:
        return self.previous_plans > 0

    def last_visit(self) -> "StatutoryVisit | None":
        return self.visits.order_by("-visited_on", "-pk").first()


class CPReview(models.Model):
    """A review child protection conference (census `Reviews/CPPreviewDate`)."""

    plan = models.ForeignKey(CPPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    is_plan_continued = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = "child protection review conference"


class CoreGroupMeeting(models.Model):
    plan = models.ForeignKey(CPPlan, on_delete=models.PROTECT, related_name="core_group_meetings")
    held_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "pk"]


class StatutoryVisit(models.Model):
    """A statutory visit to a child on a plan (Annex A List 7: last visit, seen alone)."""

    plan = models.ForeignKey(CPPlan, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField()
    is_seen_alone = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-visited_on", "-pk"]


class CINPlanQuerySet(models.QuerySet["CINPlan"]):
    def still_open(self) -> "CINPlanQuerySet":
        return self.filter(end_date__isnull=True)

    def open_on(self, day: dt.date) -> "CINPlanQuerySet":
        return _open_on(self, day)  # type: ignore[return-value]

    def active_between(self, first: dt.date, last: dt.date) -> "CINPlanQuerySet":
        """Open some day from `first` to `last` (a plan ending on `first` counts)."""
        return _active_between(self, first, last)  # type: ignore[return-value]

    def started_between(self, start: dt.date, end: dt.date) -> "CINPlanQuerySet":
        return self.filter(start_date__gte=start, start_date__lte=end)

    def for_worker(self, user: object) -> "CINPlanQuerySet":
        return self.filter(episode__allocated_worker=user)


class CINPlan(models.Model):
    """A child in need plan under section 17 (census `CINPlanDates`)."""

    episode = models.ForeignKey(
        "casework.CINEpisode", on_delete=models.PROTECT, related_name="cin_plans"
    )
    start_date = models.DateField(db_index=True)
    end_date = models.DateField(null=True, blank=True, db_index=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = CINPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = "child in need plan"

    def is_open(self) -> bool:
        return self.end_date is None

    def last_review_on(self) -> dt.date | None:
        review = self.reviews.order_by("-held_on").first()
        return review.held_on if review else None


class CINPlanReview(models.Model):
    plan = models.ForeignKey(CINPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "pk"]
