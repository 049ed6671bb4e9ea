"""Looked-after episodes (SSDA903).

A change of legal status or placement ends an episode (reason X1) and starts the next on
the same day, as SSDA903 counts them; a *period* of care is a run of such episodes.
A looked-after child missing or away from placement is a missing episode of the risk
outside the home app (`frontdoor.outside`), tied to the period of care it happened in.
Imported by `frontdoor.casework.models` so Django registers the models with casework.
"""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.casework.care_codes import PlacementProvider, ReasonPlaceChange
from frontdoor.casework.codes import (
    LegalStatus,
    PlacementType,
    ReasonCeased,
)


class LookedAfterEpisodeQuerySet(models.QuerySet["LookedAfterEpisode"]):
    def still_open(self) -> "LookedAfterEpisodeQuerySet":
        return self.filter(end_date__isnull=True)

    def open_on(self, day: dt.date) -> "LookedAfterEpisodeQuerySet":
        """Looked after on `day` (an episode ending that day no longer counts)."""
        return self.filter(start_date__lte=day).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gt=day)
        )

    def period_starts(self) -> "LookedAfterEpisodeQuerySet":
        """Episodes that start a period of care (not a same-day continuation)."""
        return self.filter(is_new_period=True)

    def started_between(self, start: dt.date, end: dt.date) -> "LookedAfterEpisodeQuerySet":
        return self.filter(start_date__gte=start, start_date__lte=end)

    def active_between(self, first: dt.date, last: dt.date) -> "LookedAfterEpisodeQuerySet":
        """Looked after some day from `first` to `last` (an episode ending on `first` counts)."""
        return self.filter(start_date__lte=last).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=first)
        )

    def ceased_between(self, start: dt.date, end: dt.date) -> "LookedAfterEpisodeQuerySet":
        return self.filter(end_date__gte=start, end_date__lte=end).exclude(
            reason_ceased=ReasonCeased.X1
        )

    def for_worker(self, user: object) -> "LookedAfterEpisodeQuerySet":
        return self.filter(episode__allocated_worker=user)


class LookedAfterEpisode(models.Model):
    """An episode of care for a looked-after child."""

    episode = models.ForeignKey(
        "casework.CINEpisode", on_delete=models.PROTECT, related_name="looked_after_episodes"
    )
    start_date = models.DateField(db_index=True)
    is_new_period = models.BooleanField(
        default=True, help_text="False when it continues the previous episode (after X1)."
    )
    legal_status = models.CharField(max_length=2, choices=LegalStatus.choices)
    category_of_need = models.CharField(max_length=2, blank=True, help_text="N1 to N8")
    placement_type = models.CharField(max_length=2, choices=PlacementType.choices)
    placement_postcode = models.CharField(max_length=8, blank=True)
    placement_provider = models.CharField(
        max_length=3, choices=PlacementProvider.choices, blank=True, help_text="SSDA903 PR0 to PR5"
    )
    home_postcode = models.CharField(
        max_length=8, blank=True, help_text="Where the child lived before (SSDA903 HOME_POST)."
    )
    reason_place_change = models.CharField(
        max_length=6, choices=ReasonPlaceChange.choices, blank=True, help_text="After a move."
    )
    end_date = models.DateField(null=True, blank=True, db_index=True)
    reason_ceased = models.CharField(max_length=3, choices=ReasonCeased.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = LookedAfterEpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]

    def is_open(self) -> bool:
        return self.end_date is None
