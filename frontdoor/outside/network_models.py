"""People, places and contexts around children at risk outside the home (domain.md §6).

A link joins a child to another person in the index (an adult of concern, another child) or
to an entity (a place, vehicle, phone number, online account, peer group or school), and
carries where it came from, when and how sure it is. Imported by `outside.models`.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from frontdoor.outside.codes import Confidence, EntityKind, LinkSource


class Entity(models.Model):
    """A place, vehicle, phone number, online account, peer group or school."""

    kind = models.CharField(max_length=10, choices=EntityKind.choices)
    name = models.CharField(max_length=200)
    postcode = models.CharField(max_length=8, blank=True, db_index=True)
    detail = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name", "postcode"], name="one_entity_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.postcode})" if self.postcode else self.name

    @property
    def area(self) -> str:
        """The postcode district (BS23), or "Not known"."""
        return self.postcode.split(" ")[0] if self.postcode else "Not known"


class NetworkLinkQuerySet(models.QuerySet["NetworkLink"]):
    def to_people(self) -> "NetworkLinkQuerySet":
        return self.filter(other__isnull=False)

    def to_entities(self) -> "NetworkLinkQuerySet":
        return self.filter(entity__isnull=False)

    def seen_between(self, start: dt.date, end: dt.date) -> "NetworkLinkQuerySet":
        return self.filter(seen_on__gte=start, seen_on__lte=end)

    def from_interviews(self) -> "NetworkLinkQuerySet":
        return self.filter(source="interview")


class NetworkLink(models.Model):
    """A child linked to a person or an entity, with its source, date and confidence."""

    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    is_of_concern = models.BooleanField(
        default=False, help_text="The other person is an adult (or peer) of concern."
    )
    relation = models.CharField(max_length=120, blank=True, help_text="e.g. went to, seen with")
    source = models.CharField(max_length=10, choices=LinkSource.choices)
    seen_on = models.DateField(db_index=True)
    confidence = models.CharField(max_length=10, choices=Confidence.choices)
    interview = models.ForeignKey(
        "outside.ReturnInterview",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="links",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = NetworkLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-seen_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(other__isnull=False) & Q(entity__isnull=True))
                | (Q(other__isnull=True) & Q(entity__isnull=False)),
                name="link_to_one_thing",
            ),
            models.CheckConstraint(condition=~Q(child=models.F("other")), name="link_not_self"),
        ]

    @property
    def target_name(self) -> str:
        return self.other.full_name if self.other is not None else str(self.entity)


class ContextReferral(models.Model):
    """A child or a context (peer group, school, place) referred to the MACE panel."""

    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    reason = models.TextField()
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField()

    class Meta:
        ordering = ["-referred_at", "-pk"]
