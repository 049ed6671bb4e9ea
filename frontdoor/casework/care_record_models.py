"""What the SSDA903 return needs about a looked-after child beyond their episodes of care:
statutory reviews, health and dental checks, the year's outcomes (OC2), unaccompanied
asylum-seeking status, adoption steps (AD1, placed for adoption), previous permanence and
care leavers' contacts at their birthdays (OC3). Codes in `care_codes`.
Imported by `frontdoor.casework.models` so Django registers the models with casework.
"""

from django.conf import settings
from django.db import models

from frontdoor.casework.care_codes import (
    Accommodation,
    Activity,
    AdoptersLegalStatus,
    AdoptersSex,
    HealthCheckKind,
    InTouch,
    PlacedCeasedReason,
    PreviousPermanenceKind,
    ReviewParticipation,
    SDQReason,
)


def _recorded_by() -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class CareReview(models.Model):
    """A statutory review of a looked-after child's care plan (IRO-chaired)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_reviews"
    )
    held_on = models.DateField(db_index=True)
    participation = models.CharField(max_length=3, choices=ReviewParticipation.choices)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = "looked-after review"


class HealthCheck(models.Model):
    """A looked-after child's health assessment or dental check."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="health_checks"
    )
    kind = models.CharField(max_length=6, choices=HealthCheckKind.choices)
    done_on = models.DateField(db_index=True)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-done_on", "-pk"]


class CareOutcomes(models.Model):
    """The year's outcomes for a child looked after for 12 months at 31 March (OC2)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_outcomes"
    )
    year_ending = models.DateField(help_text="The 31 March the outcomes are for.")
    is_immunisations_up_to_date = models.BooleanField()
    is_convicted = models.BooleanField(default=False)
    has_substance_misuse = models.BooleanField(default=False)
    intervention_received = models.BooleanField(null=True, blank=True)
    intervention_offered = models.BooleanField(null=True, blank=True)
    sdq_score = models.PositiveSmallIntegerField(null=True, blank=True)
    sdq_reason = models.CharField(max_length=4, choices=SDQReason.choices, blank=True)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-year_ending", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year_ending"], name="one_oc2_a_year"),
        ]


class UascStatus(models.Model):
    """The child is an unaccompanied asylum-seeking child; the status ceases (DUC) at 18 or
    when asylum is decided."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="uasc_status"
    )
    ceased_on = models.DateField()
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()


class AdoptionPlan(models.Model):
    """The decision that a child should be placed for adoption, the match and the adopters
    (AD1, placed for adoption). Adoption itself ends the episode of care (E11, E12)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="adoption_plans"
    )
    decided_on = models.DateField(db_index=True)
    matched_on = models.DateField(null=True, blank=True)
    is_adopted_by_foster_carers = models.BooleanField(null=True, blank=True)
    number_of_adopters = models.PositiveSmallIntegerField(null=True, blank=True)
    adopters_sex = models.CharField(max_length=2, choices=AdoptersSex.choices, blank=True)
    adopters_legal_status = models.CharField(
        max_length=3, choices=AdoptersLegalStatus.choices, blank=True
    )
    ceased_on = models.DateField(null=True, blank=True)
    ceased_reason = models.CharField(max_length=3, choices=PlacedCeasedReason.choices, blank=True)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def is_active(self) -> bool:
        return self.ceased_on is None


class PreviousPermanence(models.Model):
    """Before this period of care, was the child adopted or under a special guardianship or
    child arrangements order? Recorded once for the episode that starts the period."""

    looked_after_episode = models.OneToOneField(
        "casework.LookedAfterEpisode", on_delete=models.PROTECT, related_name="previous_permanence"
    )
    kind = models.CharField(max_length=2, choices=PreviousPermanenceKind.choices)
    la_code = models.CharField(max_length=3, blank=True, help_text="The council that made it.")
    order_date = models.DateField(null=True, blank=True)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()


class CareLeaverContact(models.Model):
    """A care leaver's accommodation and activity around a birthday (17 to 21, OC3)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_leaver_contacts"
    )
    birthday = models.DateField(help_text="The birthday the information is for.")
    in_touch = models.CharField(max_length=4, choices=InTouch.choices)
    activity = models.CharField(max_length=2, choices=Activity.choices, blank=True)
    accommodation = models.CharField(max_length=2, choices=Accommodation.choices, blank=True)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-birthday", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "birthday"], name="one_oc3_a_birthday"),
        ]
