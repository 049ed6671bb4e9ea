"""Child in need episodes (opened by a referral), section 47 enquiries and initial conferences.

Assessments, plans and looked-after episodes live in their own modules (size), imported at
the end so Django registers them with this app. Every change goes through the actions in
`frontdoor.casework` (actions, assessments, protection, plans, looked_after).
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from frontdoor.casework.codes import PrimaryNeed


class ReasonForClosure(models.TextChoices):
    RC1 = "RC1", "Adopted"
    RC2 = "RC2", "Died"
    RC3 = "RC3", "Child arrangements order"
    RC4 = "RC4", "Special guardianship order"
    RC5 = "RC5", "Transferred to another local authority"
    RC6 = "RC6", "Transferred to adult social care"
    RC7 = "RC7", "Services ceased for any other reason"
    RC8 = "RC8", "Closed after assessment, no further action"
    RC9 = "RC9", "Closed after assessment, referred to early help"


class CINEpisodeQuerySet(models.QuerySet["CINEpisode"]):
    def open_on(self, day: dt.date) -> "CINEpisodeQuerySet":
        return self.filter(referral_date__lte=day).filter(
            Q(closure_date__isnull=True) | Q(closure_date__gt=day)
        )

    def currently_open(self) -> "CINEpisodeQuerySet":
        return self.filter(closure_date__isnull=True)

    def referred_between(self, start: dt.date, end: dt.date) -> "CINEpisodeQuerySet":
        return self.filter(referral_date__gte=start, referral_date__lte=end)

    def active_between(self, first: dt.date, last: dt.date) -> "CINEpisodeQuerySet":
        """Open on some day from `first` to `last`: referred by `last`, not closed before
        `first` (an episode closing on `first` was still open that day)."""
        return self.filter(referral_date__lte=last).filter(
            Q(closure_date__isnull=True) | Q(closure_date__gte=first)
        )

    def for_worker(self, user: object) -> "CINEpisodeQuerySet":
        return self.filter(allocated_worker=user)


class CINEpisode(models.Model):
    """From referral (CINreferralDate) to closure. One open episode per child at a time."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="episodes")
    contact = models.ForeignKey(
        "contacts.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="episodes",
    )
    referral_date = models.DateField(db_index=True)
    referral_source = models.CharField(max_length=2)
    referral_nfa = models.BooleanField(default=False)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    closure_date = models.DateField(null=True, blank=True)
    reason_for_closure = models.CharField(
        max_length=3, choices=ReasonForClosure.choices, blank=True
    )
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT)
    allocated_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = CINEpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-referral_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(closure_date__isnull=True),
                name="one_open_episode_per_child",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.closure_date is None


class S47EnquiryQuerySet(models.QuerySet["S47Enquiry"]):
    def started_between(self, start: dt.date, end: dt.date) -> "S47EnquiryQuerySet":
        return self.filter(start_date__gte=start, start_date__lte=end)

    def without_outcome(self) -> "S47EnquiryQuerySet":
        return self.filter(outcome_recorded_on__isnull=True)

    def awaiting_icpc(self) -> "S47EnquiryQuerySet":
        """No initial conference yet, and nobody has decided one is not needed."""
        return self.filter(initial_conference__isnull=True).exclude(is_icpc_required=False)

    def icpc_overdue(self, as_of: dt.date) -> "S47EnquiryQuerySet":
        """Awaiting an ICPC whose 15-working-day target has passed by `as_of`."""
        return self.awaiting_icpc().filter(icpc_due_date__lt=as_of)

    def for_worker(self, user: object) -> "S47EnquiryQuerySet":
        return self.filter(episode__allocated_worker=user)


class S47Enquiry(models.Model):
    """A section 47 enquiry (Children Act 1989), started by a strategy discussion.

    DfE CIN census: S47ActualStartDate is the date of the strategy discussion that initiated
    it; InitialCPCtarget is `icpc_due_date`, 15 working days from that discussion or from
    the last one if several were held (`last_strategy_discussion_on`); ICPCnotRequired is
    `is_icpc_required is False`.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="s47_enquiries"
    )
    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="s47_enquiries")
    strategy_discussion = models.ForeignKey(
        "mash.StrategyDiscussion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="s47_enquiries",
    )
    start_date = models.DateField(db_index=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    last_strategy_discussion_on = models.DateField(
        null=True, blank=True, help_text="A further strategy discussion restarts the ICPC clock."
    )
    icpc_due_date = models.DateField(null=True, blank=True, db_index=True)
    outcome_recorded_on = models.DateField(null=True, blank=True)
    is_substantiated = models.BooleanField(null=True, blank=True)
    is_icpc_required = models.BooleanField(null=True, blank=True)

    objects = S47EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "strategy_discussion"],
                name="one_s47_per_child_per_strategy_discussion",
            )
        ]

    @property
    def icpc_clock_start(self) -> dt.date:
        """The strategy discussion the ICPC clock runs from: the last one held."""
        return max(self.start_date, self.last_strategy_discussion_on or self.start_date)

    def has_outcome(self) -> bool:
        return self.outcome_recorded_on is not None

    def has_icpc(self) -> bool:
        return InitialConference.objects.filter(enquiry=self).exists()

    def is_icpc_overdue(self, as_of: dt.date) -> bool:
        """Still waiting for an ICPC after its 15-working-day target."""
        if self.is_icpc_required is False or self.icpc_due_date is None:
            return False
        return as_of > self.icpc_due_date and not self.has_icpc()


class InitialConferenceQuerySet(models.QuerySet["InitialConference"]):
    def held_between(self, start: dt.date, end: dt.date) -> "InitialConferenceQuerySet":
        return self.filter(held_on__gte=start, held_on__lte=end)

    def within_timescale(self) -> "InitialConferenceQuerySet":
        """Held on or before the enquiry's 15-working-day target."""
        return self.filter(held_on__lte=models.F("enquiry__icpc_due_date"))


class InitialConference(models.Model):
    """The initial child protection conference (ICPC) after a section 47 enquiry.

    DfE CIN census DateOfInitialCPC; Annex A List 5 "Did the ICPC result in a plan".
    """

    enquiry = models.OneToOneField(
        S47Enquiry, on_delete=models.PROTECT, related_name="initial_conference"
    )
    episode = models.ForeignKey(
        CINEpisode, on_delete=models.PROTECT, related_name="initial_conferences"
    )
    held_on = models.DateField(db_index=True)
    is_plan_required = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = InitialConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = "initial child protection conference"

    def is_within_timescale(self) -> bool:
        due = self.enquiry.icpc_due_date
        return due is None or self.held_on <= due


# Imported here so Django registers them with the casework app (modules kept small).
from frontdoor.casework.assessment_models import Assessment  # noqa: E402, F401
from frontdoor.casework.care_models import LookedAfterEpisode  # noqa: E402, F401
from frontdoor.casework.care_record_models import (  # noqa: E402, F401
    AdoptionPlan,
    CareLeaverContact,
    CareOutcomes,
    CareReview,
    HealthCheck,
    PreviousPermanence,
    UascStatus,
)
from frontdoor.casework.plan_models import (  # noqa: E402, F401
    CINPlan,
    CINPlanReview,
    CoreGroupMeeting,
    CPPlan,
    CPReview,
    StatutoryVisit,
)
from frontdoor.casework.safety_models import SafetyMap, ScalingScore  # noqa: E402, F401
