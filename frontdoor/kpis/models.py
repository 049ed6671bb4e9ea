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


class NeighbourFigure(models.Model):
    """A statistical neighbour's published figure for a comparator measure (entered by an
    administrator from the DfE tables; the council's ten neighbours are its choice)."""

    measure = models.CharField(max_length=60, help_text="A key in kpis/data/england.json.")
    year = models.PositiveSmallIntegerField(help_text="Year ending 31 March.")
    neighbour = models.CharField(max_length=120)
    value = models.DecimalField(max_digits=10, decimal_places=1)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["measure", "-year", "neighbour"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "year", "neighbour"], name="kpis_one_neighbour_figure"
            )
        ]


class PartnerFigure(models.Model):
    """A partner agency's own monthly figure (police CSE crimes, missing reports, ...),
    entered by the agency: shown beside, never added to, the council's own counts."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    measure = models.CharField(max_length=120)
    value = models.PositiveIntegerField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField()

    class Meta:
        ordering = ["agency__name", "-month", "measure"]
