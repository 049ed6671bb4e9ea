"""Early-help episodes of a family, its children, and the step decisions between early help
and children's social care.

The assessment and the team around the family live in their own modules (size), imported at
the end so Django registers them with this app. Every change goes through `earlyhelp.actions`.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from frontdoor.earlyhelp.codes import (
    ClosureReason,
    Direction,
    Route,
    StepOutcome,
    StepRoute,
)


class Service(models.Model):
    """A council-editable early-help service (intensive support, group work, youth support)."""

    name = models.CharField(max_length=120, unique=True)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class EpisodeQuerySet(models.QuerySet["Episode"]):
    def open_on(self, day: dt.date) -> "EpisodeQuerySet":
        """Open on `day`: started by then, not closed by then (closing on `day` ends it)."""
        return self.filter(start_date__lte=day).filter(
            Q(closure_date__isnull=True) | Q(closure_date__gt=day)
        )

    def currently_open(self) -> "EpisodeQuerySet":
        return self.filter(closure_date__isnull=True)

    def started_between(self, first: dt.date, last: dt.date) -> "EpisodeQuerySet":
        return self.filter(start_date__gte=first, start_date__lte=last)

    def closed_between(self, first: dt.date, last: dt.date) -> "EpisodeQuerySet":
        return self.filter(closure_date__gte=first, closure_date__lte=last)

    def led_by(self, user: object) -> "EpisodeQuerySet":
        return self.filter(lead_professional=user)

    def awaiting_allocation(self) -> "EpisodeQuerySet":
        return self.currently_open().filter(lead_professional__isnull=True)


class Episode(models.Model):
    """A family's early help, from its start to its closure. One open episode per child
    (Member); a sibling joins the family's episode."""

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="episodes")
    lead_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(db_index=True)
    reason = models.TextField("why early help")
    route = models.CharField(max_length=20, choices=Route.choices)
    contact = models.ForeignKey(
        "contacts.Contact", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cin_episode = models.ForeignKey(
        "casework.CINEpisode", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    social_care_summary = models.TextField(blank=True)
    review_weeks = models.PositiveSmallIntegerField(
        default=6, help_text="How often the team around the family reviews the plan."
    )
    closure_date = models.DateField(null=True, blank=True, db_index=True)
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    closure_note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = EpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]

    @property
    def is_open(self) -> bool:
        return self.closure_date is None

    def children(self) -> list[Any]:
        """The children in the episode now (all of them once it has closed)."""
        members = self.members.select_related("person").order_by("joined_on", "pk")
        if self.is_open:
            members = members.filter(left_on__isnull=True)
        return [m.person for m in members]

    def family_name(self) -> str:
        """How pages and letters name the family: "Amelia and Ben Okafor"."""
        return children_names(self.children()) or f"Family {self.pk}"


def children_names(children: list[object]) -> str:
    """ "Amelia Okafor", "Amelia and Ben Okafor", "Amelia, Ben and Cara Okafor"."""
    given = [str(getattr(p, "given_name", "")) for p in children]
    if not given:
        return ""
    names = given[0] if len(given) == 1 else ", ".join(given[:-1]) + " and " + given[-1]
    surnames = sorted({str(getattr(p, "family_name", "")) for p in children})
    return f"{names} {' and '.join(surnames)}".strip()


class MemberQuerySet(models.QuerySet["Member"]):
    def currently_open(self) -> "MemberQuerySet":
        return self.filter(left_on__isnull=True)

    def open_on(self, day: dt.date) -> "MemberQuerySet":
        return self.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))


class Member(models.Model):
    """A child in a family's early-help episode, from joining to leaving (or its closure)."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="early_help_memberships"
    )
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(left_on__isnull=True),
                name="one_open_early_help_episode_per_child",
            )
        ]


class StepDecisionQuerySet(models.QuerySet["StepDecision"]):
    def decided_between(self, start: dt.datetime, end: dt.datetime) -> "StepDecisionQuerySet":
        """Decided at a moment in [start, end)."""
        return self.filter(decided_at__gte=start, decided_at__lt=end)

    def awaiting(self) -> "StepDecisionQuerySet":
        return self.filter(decided_at__isnull=True)

    def step_ups(self) -> "StepDecisionQuerySet":
        """Decided up to children's social care (a request or a referral of a family in
        early help)."""
        return self.filter(direction=Direction.UP, outcome=StepOutcome.STEPPED_UP)

    def step_downs(self) -> "StepDecisionQuerySet":
        """Social care handing a family to early help (RC9, or a CIN plan ending)."""
        return self.filter(
            direction=Direction.DOWN, route__in=[StepRoute.ASSESSMENT, StepRoute.CIN_PLAN]
        )


class StepDecision(models.Model):
    """One decision, by one named team manager, to step a family up to children's social care
    or down to early help, with its reason. Never changed once decided: a later change is a
    new, separate decision (Ofsted, North Somerset, September 2022)."""

    direction = models.CharField(max_length=4, choices=Direction.choices)
    route = models.CharField(max_length=12, choices=StepRoute.choices)
    outcome = models.CharField(max_length=14, choices=StepOutcome.choices, blank=True)
    episode = models.ForeignKey(
        Episode, null=True, blank=True, on_delete=models.PROTECT, related_name="step_decisions"
    )
    contact = models.ForeignKey(
        "contacts.Contact", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cin_episode = models.ForeignKey(
        "casework.CINEpisode", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    children = models.ManyToManyField("people.Person", related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    request_reason = models.TextField(blank=True)
    tried = models.TextField("what has been tried", blank=True)
    summary = models.TextField(
        blank=True, help_text="The early-help history (up) or social-care summary (down)."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reason = models.TextField(blank=True)

    objects = StepDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "direction"],
                condition=Q(contact__isnull=False),
                name="one_step_decision_per_contact",
            ),
            models.UniqueConstraint(
                fields=["cin_episode", "route"],
                condition=Q(cin_episode__isnull=False),
                name="one_step_down_per_cin_episode_and_route",
            ),
            models.CheckConstraint(
                condition=~Q(decided_by=models.F("requested_by")),
                name="step_decided_by_another_person",
            ),
        ]

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None


# Imported here so Django registers them with the early help app (modules kept small).
from frontdoor.earlyhelp.assessment_models import (  # noqa: E402, F401
    AssessmentNeed,
    ChildView,
    FamilyAssessment,
)
from frontdoor.earlyhelp.taf_models import (  # noqa: E402, F401
    AchievedHeading,
    PlanOutcome,
    ReviewScore,
    TafMeeting,
    TafMember,
)
