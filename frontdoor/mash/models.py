"""MASH enquiries, agency checks with their clocks, answers, and the notification outbox."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from frontdoor.contacts.codes import Consent, Rag


class MashEnquiry(models.Model):
    """The front door asking partner agencies what they know about a contact's family."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.PROTECT, related_name="mash_enquiries"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name_plural = "MASH enquiries"
        constraints = [
            models.UniqueConstraint(
                fields=["contact"], condition=Q(status="open"), name="one_open_enquiry_per_contact"
            )
        ]


class AgencyCheckQuerySet(models.QuerySet["AgencyCheck"]):
    def still_open(self) -> "AgencyCheckQuerySet":
        return self.filter(status=AgencyCheck.Status.OPEN)

    def for_agency(self, agency: object) -> "AgencyCheckQuerySet":
        return self.filter(agency=agency)

    def by_time_left(self) -> "AgencyCheckQuerySet":
        return self.order_by("due_at", "pk")

    def past_due_not_yet_flagged(self, now: dt.datetime) -> "AgencyCheckQuerySet":
        return self.still_open().filter(due_at__lt=now, overdue_notified_at__isnull=True)

    def requested_between(self, start: dt.datetime, end: dt.datetime) -> "AgencyCheckQuerySet":
        """Asked at a moment in [start, end)."""
        return self.filter(requested_at__gte=start, requested_at__lt=end)

    def overdue_at(self, moment: dt.datetime) -> "AgencyCheckQuerySet":
        """Asked and due before `moment` and still outstanding then: not answered by then,
        not withdrawn, and the contact not yet decided (a decision closes open checks)."""
        return (
            self.filter(requested_at__lt=moment, due_at__lt=moment)
            .exclude(status=AgencyCheck.Status.WITHDRAWN)
            .filter(Q(answer__isnull=True) | Q(answer__answered_at__gte=moment))
            .filter(
                Q(enquiry__contact__decided_at__isnull=True)
                | Q(enquiry__contact__decided_at__gte=moment)
            )
        )

    def closed_by_decision_between(
        self, start: dt.datetime, end: dt.datetime
    ) -> "AgencyCheckQuerySet":
        """Closed unanswered because their contact was decided at a moment in [start, end)."""
        return self.filter(
            status=AgencyCheck.Status.CLOSED,
            enquiry__contact__decided_at__gte=start,
            enquiry__contact__decided_at__lt=end,
        )


class AgencyCheck(models.Model):
    """One agency's part of an enquiry: a question, and a clock set by the contact's RAG."""

    class Status(models.TextChoices):
        OPEN = "open", "Awaiting answer"
        ANSWERED = "answered", "Answered"
        WITHDRAWN = "withdrawn", "Withdrawn"
        CLOSED = "closed", "Closed (enquiry decided)"

    enquiry = models.ForeignKey(MashEnquiry, on_delete=models.CASCADE, related_name="checks")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    question = models.TextField()
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    is_overdue = models.BooleanField(default=False, help_text="Set by the periodic tick.")
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    objects = AgencyCheckQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["enquiry", "agency"], name="one_check_per_agency")
        ]

    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_past_due(self, now: dt.datetime | None = None) -> bool:
        return self.is_open() and self.due_at < (now or timezone.now())

    def time_left(self, now: dt.datetime | None = None) -> dt.timedelta:
        return self.due_at - (now or timezone.now())


class RiskIndicator(models.Model):
    """A risk an agency can flag in its answer (reference data, editable by an administrator)."""

    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=80)
    rank = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["rank", "label"]

    def __str__(self) -> str:
        return self.label


class CheckAnswerQuerySet(models.QuerySet["CheckAnswer"]):
    def answered_between(self, start: dt.datetime, end: dt.datetime) -> "CheckAnswerQuerySet":
        """Given at a moment in [start, end), whenever the check was asked."""
        return self.filter(answered_at__gte=start, answered_at__lt=end)


class CheckAnswer(models.Model):
    """What an agency knows, with its provenance (who, when, from which system)."""

    class Via(models.TextChoices):
        PORTAL = "portal", "Partner portal"
        API = "api", "Partner API"

    check_request = models.OneToOneField(
        AgencyCheck, on_delete=models.CASCADE, related_name="answer", db_column="check_id"
    )
    known = models.BooleanField(help_text="Does the agency know the family?")
    what_is_known = models.TextField(blank=True)
    risk_indicators = models.JSONField(default=list, blank=True)
    source_system = models.CharField(max_length=120, blank=True)
    source_date = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_by_name = models.CharField(max_length=150)
    answered_at = models.DateTimeField()
    via = models.CharField(max_length=8, choices=Via.choices)
    is_late = models.BooleanField(default=False)

    objects = CheckAnswerQuerySet.as_manager()


class ExtensionRequest(models.Model):
    """A partner asking for more time to answer a check; a MASH manager decides."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Awaiting decision"
        GRANTED = "granted", "Granted"
        REFUSED = "refused", "Refused"

    check_request = models.ForeignKey(
        AgencyCheck,
        on_delete=models.CASCADE,
        related_name="extension_requests",
        db_column="check_id",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    requested_at = models.DateTimeField()
    decision = models.CharField(max_length=8, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(
        blank=True, help_text="Why more time was refused (shown to the partner)."
    )
    previous_due_at = models.DateTimeField(null=True, blank=True)
    granted_due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]


class RagChange(models.Model):
    """The audited history of a contact's RAG rating (who changed it, when and why)."""

    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, related_name="rag_changes"
    )
    from_rag = models.CharField(max_length=5, choices=Rag.choices, blank=True)
    to_rag = models.CharField(max_length=5, choices=Rag.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    reason = models.TextField()

    class Meta:
        ordering = ["-changed_at", "-pk"]


class ClockMode(models.TextChoices):
    WORKING_HOURS = "working_hours", "Working hours"
    WORKING_DAYS = "working_days", "Working days"
    CALENDAR_HOURS = "calendar_hours", "Calendar hours"


class CheckClockRule(models.Model):
    """How long an agency has to answer a check of a given RAG (council default or override)."""

    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: the council's default for every agency.",
    )
    rag = models.CharField(max_length=5, choices=Rag.choices)
    mode = models.CharField(max_length=16, choices=ClockMode.choices)
    amount = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "rag"], name="one_rule_per_agency_rag"),
            models.UniqueConstraint(
                fields=["rag"], condition=Q(agency__isnull=True), name="one_default_rule_per_rag"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rag_display()}: {self.amount} {self.get_mode_display().lower()}"


class AgencyMashSettings(models.Model):
    """Per-agency MASH settings: where overdue-check reminders go."""

    agency = models.OneToOneField(
        "accounts.Agency", on_delete=models.CASCADE, related_name="mash_settings"
    )
    lead_email = models.EmailField(blank=True)

    class Meta:
        verbose_name_plural = "agency MASH settings"


class CheckResponseKey(models.Model):
    """A partner system's Idempotency-Key for an answer, so a retry never answers twice."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    body_hash = models.CharField(max_length=64)
    answer = models.ForeignKey(CheckAnswer, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "key"], name="one_answer_per_key")]


class SharingDecision(models.TextChoices):
    SHARE = "share", "Share the information"
    DO_NOT_SHARE = "do_not_share", "Do not share the information"


class LawfulBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", "Public task (UK GDPR article 6(1)(e))"
    PUBLIC_TASK_SAFEGUARDING = (
        "public_task_safeguarding",
        "Public task, with special category data under the DPA 2018 condition "
        "'safeguarding of children and individuals at risk'",
    )
    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation (UK GDPR article 6(1)(c))"
    VITAL_INTERESTS = "vital_interests", "Vital interests (UK GDPR article 6(1)(d))"
    CONSENT = "consent", "Consent (UK GDPR article 6(1)(a))"


class InformationSharingDecision(models.Model):
    """A recorded decision to share (or not) what the MASH learned, and why (domain.md §5)."""

    enquiry = models.ForeignKey(
        MashEnquiry, on_delete=models.CASCADE, related_name="sharing_decisions"
    )
    decision = models.CharField(max_length=12, choices=SharingDecision.choices)
    what = models.TextField("what was shared (or asked for)")
    with_whom = models.CharField(max_length=300)
    purpose = models.TextField()
    lawful_basis = models.CharField(max_length=32, choices=LawfulBasis.choices, blank=True)
    consent_status = models.CharField(max_length=12, choices=Consent.choices)
    consent_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-pk"]


# Strategy discussions live in their own module (size); imported here so Django registers them.
from frontdoor.mash.strategy_models import (  # noqa: E402, F401
    Attendance,
    StrategyAction,
    StrategyDiscussion,
    StrategyInvitation,
    StrategyOutcome,
)
