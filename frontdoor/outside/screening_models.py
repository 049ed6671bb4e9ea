"""Exploitation screening (CSE and CCE): indicators rated by domain, the level the rules give
with the indicators that gave it, and a named person's judgement (domain.md §6).

Imported by `frontdoor.outside.models` so Django registers the model with this app.
"""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.outside.codes import ExploitationType, Level

AT_RISK_LEVELS = [Level.MEDIUM, Level.HIGH]


class ScreeningQuerySet(models.QuerySet["Screening"]):
    def screened_between(self, start: dt.date, end: dt.date) -> "ScreeningQuerySet":
        return self.filter(screened_on__gte=start, screened_on__lte=end)

    def of_type(self, kind: str) -> "ScreeningQuerySet":
        return self.filter(kind=kind)

    def at_risk(self) -> "ScreeningQuerySet":
        """Screenings whose final level (the judgement where one was made) is medium or high:
        the child is "at risk of" that exploitation."""
        return self.filter(final_level__in=AT_RISK_LEVELS)

    def latest_per_child(self) -> "ScreeningQuerySet":
        later = Screening.objects.filter(
            person=models.OuterRef("person"), kind=models.OuterRef("kind")
        ).filter(
            models.Q(screened_on__gt=models.OuterRef("screened_on"))
            | models.Q(screened_on=models.OuterRef("screened_on"), pk__gt=models.OuterRef("pk"))
        )
        return self.exclude(models.Exists(later))


class Screening(models.Model):
    """One screening of one child for one kind of exploitation."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=3, choices=ExploitationType.choices)
    screened_on = models.DateField(db_index=True)
    ratings = models.JSONField(default=dict, help_text="indicator code: none, low, medium, high")
    is_disclosure = models.BooleanField(default=False)
    age_at_screening = models.IntegerField(null=True, blank=True)
    # What the rules gave and why (outside/rules.py), kept as recorded.
    level = models.CharField(max_length=6, choices=Level.choices)
    is_significant = models.BooleanField(default=False)
    reasons = models.JSONField(default=list)
    # A named person's judgement, which may differ from the rules (with a reason).
    judged_level = models.CharField(max_length=6, choices=Level.choices, blank=True)
    judgement_reason = models.TextField(blank=True)
    final_level = models.CharField(max_length=6, choices=Level.choices, db_index=True)
    review_on = models.DateField(null=True, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = ScreeningQuerySet.as_manager()

    class Meta:
        ordering = ["-screened_on", "-pk"]

    @property
    def differs_from_rules(self) -> bool:
        return bool(self.judged_level) and self.judged_level != self.level
