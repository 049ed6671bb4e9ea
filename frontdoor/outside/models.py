"""Missing episodes for any child and the return home interview after each (domain.md §6).

One record for every missing episode: a looked-after child's "missing from placement" is one
of these (with its looked-after episode), which Annex A List 8 and, later, SSDA903's missing
table read (`started_on`, `ended_on`, kind, return interview offered and accepted).
Screening, the network and meetings are in their own modules, imported at the end so Django
registers them with this app.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from frontdoor.outside.codes import (
    EpisodeKind,
    FactorDirection,
    FoundBy,
    InterviewOutcome,
    MissingFrom,
    PoliceRisk,
)

COUNTED_KINDS = [EpisodeKind.MISSING, EpisodeKind.AWAY]  # "missing episodes" in the KPIs


class MissingEpisodeQuerySet(models.QuerySet["MissingEpisode"]):
    def started_between(self, start: dt.date, end: dt.date) -> "MissingEpisodeQuerySet":
        """Episodes that started (local date) from `start` to `end`, both included."""
        return self.filter(started_on__gte=start, started_on__lte=end)

    def counted(self) -> "MissingEpisodeQuerySet":
        """Missing and away-from-placement episodes (police "absent" is counted apart)."""
        return self.filter(kind__in=COUNTED_KINDS)

    def from_care(self) -> "MissingEpisodeQuerySet":
        """A looked-after child missing or away from placement (Annex A List 8, SSDA903)."""
        return self.filter(looked_after_episode__isnull=False)

    def still_missing(self) -> "MissingEpisodeQuerySet":
        return self.filter(returned_at__isnull=True, ended_on__isnull=True)

    def returned_between(self, first: dt.datetime, last: dt.datetime) -> "MissingEpisodeQuerySet":
        return self.filter(returned_at__gte=first, returned_at__lt=last)

    def interview_due(self) -> "MissingEpisodeQuerySet":
        """Returned, and the return home interview not yet offered (the 72-hour clock runs)."""
        return self.filter(rhi_due_at__isnull=False, interview__offered_at__isnull=True)

    def interview_overdue_not_flagged(self, now: dt.datetime) -> "MissingEpisodeQuerySet":
        return self.interview_due().filter(rhi_due_at__lt=now, rhi_overdue_notified_at__isnull=True)

    def for_child(self, person: object) -> "MissingEpisodeQuerySet":
        return self.filter(person=person)


class MissingEpisode(models.Model):
    """A child missing, absent or away from placement, from report to return."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="missing_episodes"
    )
    kind = models.CharField(max_length=8, choices=EpisodeKind.choices)
    missing_from = models.CharField(max_length=10, choices=MissingFrom.choices)
    looked_after_episode = models.ForeignKey(
        "casework.LookedAfterEpisode",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="missing_episodes",
        help_text="The period of care a looked-after child went missing from.",
    )
    # SSDA903 missing table: start and end dates. `started_on` is the local date of
    # `missing_since` (or the date recorded when the time is not known).
    started_on = models.DateField(db_index=True)
    ended_on = models.DateField(null=True, blank=True)
    missing_since = models.DateTimeField(null=True, blank=True, help_text="Last seen.")
    reported_at = models.DateTimeField(null=True, blank=True, help_text="Reported to police.")
    returned_at = models.DateTimeField(null=True, blank=True, db_index=True)
    police_risk = models.CharField(max_length=12, choices=PoliceRisk.choices, blank=True)
    police_reference = models.CharField(max_length=40, blank=True)
    circumstances = models.TextField(blank=True)
    found_by = models.CharField(max_length=12, choices=FoundBy.choices, blank=True)
    where_found = models.CharField(max_length=200, blank=True)
    found_with = models.CharField(max_length=200, blank=True)
    reported_by_agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # SSDA903 and Annex A: was a return interview offered, and accepted (kept by the actions).
    is_return_interview_offered = models.BooleanField(null=True, blank=True)
    is_return_interview_accepted = models.BooleanField(null=True, blank=True)
    rhi_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    rhi_overdue_notified_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = MissingEpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="missing_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on}"

    @property
    def has_returned(self) -> bool:
        return self.returned_at is not None or self.ended_on is not None

    def hours_missing(self) -> float | None:
        if self.missing_since is None or self.returned_at is None:
            return None
        return round((self.returned_at - self.missing_since).total_seconds() / 3600, 1)


class PushPullFactorQuerySet(models.QuerySet["PushPullFactor"]):
    def active(self) -> "PushPullFactorQuerySet":
        return self.filter(is_active=True)


class PushPullFactor(models.Model):
    """What took a child away (push) or drew them (pull): the council's own list."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    direction = models.CharField(max_length=4, choices=FactorDirection.choices)
    is_active = models.BooleanField(default=True)
    order = models.PositiveIntegerField(default=100)

    objects = PushPullFactorQuerySet.as_manager()

    class Meta:
        ordering = ["direction", "order", "name"]

    def __str__(self) -> str:
        return self.name


class ReturnInterview(models.Model):
    """The return home interview after an episode: offered within 72 hours of the return by
    someone independent of the child's allocated social worker (domain.md §6)."""

    episode = models.OneToOneField(
        MissingEpisode, on_delete=models.CASCADE, related_name="interview"
    )
    allocated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    allocated_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True, db_index=True)
    outcome = models.CharField(max_length=14, choices=InterviewOutcome.choices, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    factors = models.ManyToManyField(PushPullFactor, blank=True, related_name="interviews")
    child_said = models.TextField(blank=True)
    where_went = models.CharField(max_length=300, blank=True)
    with_whom = models.CharField(max_length=300, blank=True)
    actions_agreed = models.TextField(blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)

    def is_offered_within_72_hours(self) -> bool | None:
        returned = self.episode.returned_at
        if returned is None or self.offered_at is None:
            return None
        return self.offered_at <= returned + dt.timedelta(hours=72)


class EpisodeKey(models.Model):
    """A partner system's Idempotency-Key for a missing episode: a retry never makes two."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    body_hash = models.CharField(max_length=64)
    episode = models.ForeignKey(MissingEpisode, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="one_missing_episode_per_key")
        ]


class SharingDecisionQuerySet(models.QuerySet["SharingDecision"]):
    def with_agency(self, agency_id: int | None) -> "SharingDecisionQuerySet":
        """Decisions in force to share with the agency: the latest decision about each person
        (a later decision not to share withdraws an earlier one)."""
        later = SharingDecision.objects.filter(
            person=models.OuterRef("person"), agency=models.OuterRef("agency")
        ).filter(
            Q(decided_at__gt=models.OuterRef("decided_at"))
            | Q(decided_at=models.OuterRef("decided_at"), pk__gt=models.OuterRef("pk"))
        )
        return self.filter(agency_id=agency_id, is_shared=True).exclude(models.Exists(later))


class SharingDecision(models.Model):
    """A recorded decision to share (or not) a child's or an adult's ROTH record with a
    partner agency (DfE information sharing advice: record the decision and the reasons)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    is_shared = models.BooleanField()
    reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    objects = SharingDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-pk"]


from frontdoor.outside.meeting_models import Meeting, MeetingAction, MeetingNote  # noqa: E402, F401
from frontdoor.outside.network_models import (  # noqa: E402, F401
    ContextReferral,
    Entity,
    NetworkLink,
)
from frontdoor.outside.screening_models import Screening  # noqa: E402, F401
