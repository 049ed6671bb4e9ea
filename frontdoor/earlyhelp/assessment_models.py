"""The Family Strengths and Needs assessment (North Somerset's early help assessment).

Imported by `frontdoor.earlyhelp.models` so Django registers the models with early help.
"""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.earlyhelp.codes import Consent, Heading


class FamilyAssessmentQuerySet(models.QuerySet["FamilyAssessment"]):
    def still_open(self) -> "FamilyAssessmentQuerySet":
        return self.filter(completed_on__isnull=True)

    def completed_between(self, first: dt.date, last: dt.date) -> "FamilyAssessmentQuerySet":
        return self.filter(completed_on__gte=first, completed_on__lte=last)

    def active_between(self, first: dt.date, last: dt.date) -> "FamilyAssessmentQuerySet":
        """In progress some day from `first` to `last`, or completed in those days."""
        return self.filter(started_on__lte=last).filter(
            models.Q(completed_on__isnull=True) | models.Q(completed_on__gte=first)
        )


class FamilyAssessment(models.Model):
    """A Family Strengths and Needs assessment: the family's and each child's strengths and
    needs by Supporting Families heading, the child's voice, the family's own words, the level
    of need and consent to share. Its completion date is Annex A List 2's."""

    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="assessments"
    )
    started_on = models.DateField(db_index=True)
    completed_on = models.DateField(null=True, blank=True, db_index=True)
    level_of_need = models.ForeignKey(
        "contacts.LevelOfNeed", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    family_strengths = models.TextField(blank=True)
    family_needs = models.TextField(blank=True)
    family_words = models.TextField("the family's own words", blank=True)
    consent = models.CharField(max_length=8, choices=Consent.choices, blank=True)
    consent_note = models.TextField(blank=True)
    organisation = models.CharField(
        max_length=150, blank=True, help_text="Annex A: organisation completing the assessment."
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = FamilyAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None

    def need_labels(self) -> list[str]:
        """The headings with needs (the family's or a child's), in plain words."""
        return list(dict.fromkeys(Heading(n.heading).label for n in self.needs.all()))

    def family_headings(self) -> list[str]:
        return [n.heading for n in self.needs.all() if n.person_id is None]


class AssessmentNeed(models.Model):
    """A heading under which the family (no person) or one child has needs."""

    assessment = models.ForeignKey(FamilyAssessment, on_delete=models.CASCADE, related_name="needs")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    heading = models.CharField(max_length=20, choices=Heading.choices)

    class Meta:
        ordering = ["pk"]


class ChildView(models.Model):
    """One child in the assessment: their voice, in their own words, and their strengths."""

    assessment = models.ForeignKey(
        FamilyAssessment, on_delete=models.CASCADE, related_name="child_views"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    voice = models.TextField("the child's voice")
    strengths = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "person"], name="one_view_per_child")
        ]
