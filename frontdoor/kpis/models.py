"""Figures the KPIs need that the case records do not hold: the child population."""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.lib.dates import govuk_date


class PopulationEstimateQuerySet(models.QuerySet["PopulationEstimate"]):
    def for_period_ending(self, day: dt.date) -> "PopulationEstimate | None":
        """The latest estimate made on or before `day` (else the earliest there is)."""
        return self.filter(as_of__lte=day).order_by("-as_of", "-id").first() or (
            self.order_by("as_of", "id").first()
        )


class PopulationEstimate(models.Model):
    """Children aged 0 to 17 living in the area (ONS mid-year estimate): the rate denominator."""

    as_of = models.DateField()
    children = models.PositiveIntegerField("children aged 0 to 17")
    source = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = PopulationEstimateQuerySet.as_manager()

    class Meta:
        ordering = ["-as_of", "-id"]

    def __str__(self) -> str:
        return f"{self.children:,} children aged 0 to 17 ({govuk_date(self.as_of)})"
