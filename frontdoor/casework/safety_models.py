"""Signs of Safety assessment maps and their dated scaling scores (domain.md §7).

A map belongs to one occasion: a single assessment, an initial child protection conference or
a child protection review conference. Its three columns: what are we worried about (harm
statement, danger statements, complicating factors), what is working well, and what needs to
happen (safety goals, next steps); the child's own words are a field of their own. Scaling
scores (0 to 10) are stored per participant and date so that a child's trend can be shown.
Imported by `frontdoor.casework.models` so Django registers the models with casework.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from frontdoor.lib.dates import govuk_date

# Signs of Safety: "10 means everyone knows the children are safe enough to close the case;
# 0 means things are so bad the children can't live at home."
LOWEST_SCORE = 0
HIGHEST_SCORE = 10


class Participant(models.TextChoices):
    FAMILY = "family", "Family"
    WORKER = "worker", "Social worker"
    AGENCY = "agency", "Agency"


class SafetyMapQuerySet(models.QuerySet["SafetyMap"]):
    def for_person(self, person: object) -> "SafetyMapQuerySet":
        return self.filter(episode__person=person)


class SafetyMap(models.Model):
    """A Signs of Safety assessment map, on an assessment, an ICPC or a CP review."""

    episode = models.ForeignKey(
        "casework.CINEpisode", on_delete=models.PROTECT, related_name="safety_maps"
    )
    assessment = models.ForeignKey(
        "casework.Assessment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="safety_maps",
    )
    initial_conference = models.ForeignKey(
        "casework.InitialConference",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="safety_maps",
    )
    cp_review = models.ForeignKey(
        "casework.CPReview",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="safety_maps",
    )
    mapped_on = models.DateField(db_index=True)
    harm_statement = models.TextField(help_text="What has happened: the harm or past harm.")
    danger_statements = models.TextField(
        help_text="Who is worried, about what, and what could happen if nothing changes."
    )
    complicating_factors = models.TextField(blank=True)
    working_well = models.TextField(help_text="Existing strengths and existing safety.")
    safety_goals = models.TextField(help_text="One for each danger statement.")
    next_steps = models.TextField()
    child_words = models.TextField(help_text="The voice of the child, in their own words.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = SafetyMapQuerySet.as_manager()

    class Meta:
        ordering = ["-mapped_on", "-pk"]
        verbose_name = "Signs of Safety map"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        assessment__isnull=False,
                        initial_conference__isnull=True,
                        cp_review__isnull=True,
                    )
                    | Q(
                        assessment__isnull=True,
                        initial_conference__isnull=False,
                        cp_review__isnull=True,
                    )
                    | Q(
                        assessment__isnull=True,
                        initial_conference__isnull=True,
                        cp_review__isnull=False,
                    )
                ),
                name="safety_map_on_exactly_one_occasion",
            )
        ]

    def occasion(self) -> str:
        """The occasion, in words: "Assessment started 3 March 2025"."""
        if self.assessment_id:
            return f"Assessment started {govuk_date(self.assessment.start_date)}"  # type: ignore[union-attr]
        if self.initial_conference_id:
            held = self.initial_conference.held_on  # type: ignore[union-attr]
            return f"Initial child protection conference on {govuk_date(held)}"
        return f"Child protection review conference on {govuk_date(self.cp_review.held_on)}"  # type: ignore[union-attr]


class ScalingScore(models.Model):
    """One participant's safety scale score (0 to 10) on a date."""

    safety_map = models.ForeignKey(SafetyMap, on_delete=models.PROTECT, related_name="scores")
    participant = models.CharField(max_length=8, choices=Participant.choices)
    agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    scored_on = models.DateField(db_index=True)
    score = models.PositiveSmallIntegerField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["scored_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=LOWEST_SCORE, score__lte=HIGHEST_SCORE),
                name="scaling_score_0_to_10",
            ),
            models.CheckConstraint(
                condition=(
                    Q(participant=Participant.AGENCY, agency__isnull=False)
                    | (~Q(participant=Participant.AGENCY) & Q(agency__isnull=True))
                ),
                name="scaling_score_agency_only_for_agencies",
            ),
        ]

    def participant_name(self) -> str:
        if self.participant == Participant.AGENCY and self.agency is not None:
            return self.agency.name
        return Participant(self.participant).label
