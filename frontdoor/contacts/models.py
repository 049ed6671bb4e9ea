"""Contacts, their subjects, triage, decisions and professional consultations."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.contacts.codes import Channel, Consent, Outcome, Rag, ReferralSource

__all__ = ["Channel", "Consent", "Outcome", "Rag", "ReferralSource"]


class LevelOfNeed(models.Model):
    """A step of the council's continuum of need (configurable, default four levels)."""

    rank = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=60)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["rank"]

    def __str__(self) -> str:
        return f"Level {self.rank}: {self.name}"


class ContactQuerySet(models.QuerySet["Contact"]):
    def awaiting_decision(self) -> "ContactQuerySet":
        return self.filter(status__in=Contact.Status.open_statuses())

    def awaiting_authorisation(self) -> "ContactQuerySet":
        return self.filter(status=Contact.Status.AWAITING_AUTHORISATION)

    def by_urgency(self) -> "ContactQuerySet":
        """Immediate danger first, then red/amber/green/untriaged, then least time left."""
        rag_order = models.Case(
            models.When(rag=Rag.RED, then=0),
            models.When(rag=Rag.AMBER, then=1),
            models.When(rag="", then=2),
            models.When(rag=Rag.GREEN, then=3),
            default=4,
        )
        return self.annotate(rag_order=rag_order).order_by(
            "-immediate_danger", "rag_order", "decision_due_at", "received_at", "pk"
        )

    def received_between(self, start: dt.date, end: dt.date) -> "ContactQuerySet":
        return self.filter(received_date__gte=start, received_date__lte=end)

    def decided_between(self, start: dt.datetime, end: dt.datetime) -> "ContactQuerySet":
        """Contacts whose decision was authorised (took effect) at a moment in [start, end)."""
        return self.filter(decided_at__gte=start, decided_at__lt=end)

    def overdue(self, now: dt.datetime | None = None) -> "ContactQuerySet":
        return self.awaiting_decision().filter(decision_due_at__lt=now or timezone.now())


class Contact(models.Model):
    class Status(models.TextChoices):
        AWAITING_TRIAGE = "awaiting_triage", "Awaiting triage"
        AWAITING_DECISION = "awaiting_decision", "Awaiting decision"
        AWAITING_AUTHORISATION = "awaiting_authorisation", "Awaiting authorisation"
        DECIDED = "decided", "Decided"
        PASSED_TO_ALLOCATED_WORKER = "passed_to_worker", "Passed to allocated worker"

        @classmethod
        def open_statuses(cls) -> list[str]:
            return [cls.AWAITING_TRIAGE, cls.AWAITING_DECISION, cls.AWAITING_AUTHORISATION]

    reference = models.CharField(max_length=20, unique=True)
    received_at = models.DateTimeField(db_index=True)
    received_date = models.DateField(db_index=True, help_text="Local date of receipt.")
    channel = models.CharField(max_length=24, choices=Channel.choices)
    source = models.CharField("referral source", max_length=2, choices=ReferralSource.choices)
    referrer_name = models.CharField(max_length=150, blank=True)
    referrer_role = models.CharField(max_length=150, blank=True)
    referrer_organisation = models.CharField(max_length=150, blank=True)
    referrer_agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="contacts"
    )
    referrer_phone = models.CharField(max_length=40, blank=True)
    referrer_email = models.EmailField(blank=True)
    worry = models.TextField("the worry, in the referrer's words")
    referrer_wants = models.TextField("what the referrer wants to happen", blank=True)
    child_views = models.TextField("the child's views, if known", blank=True)
    consent = models.CharField(max_length=12, choices=Consent.choices)
    consent_reason = models.TextField(blank=True)
    immediate_danger = models.BooleanField(default=False)
    is_domestic_abuse = models.BooleanField(default=False)
    status = models.CharField(
        max_length=24, choices=Status.choices, default=Status.AWAITING_TRIAGE, db_index=True
    )
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices, blank=True)
    level_of_need = models.ForeignKey(LevelOfNeed, null=True, blank=True, on_delete=models.PROTECT)
    triage_note = models.TextField(blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)
    decision_due_at = models.DateTimeField(db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_consultation = models.OneToOneField(
        "Consultation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="converted_contact",
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.reference

    def is_open(self) -> bool:
        return self.status in Contact.Status.open_statuses()

    def is_overdue(self, now: dt.datetime | None = None) -> bool:
        return self.is_open() and self.decision_due_at < (now or timezone.now())

    def time_left(self, now: dt.datetime | None = None) -> dt.timedelta:
        return self.decision_due_at - (now or timezone.now())

    def child_subjects(self) -> "models.QuerySet[ContactSubject]":
        return self.subjects.children()

    def linked_children(self) -> list[Any]:
        """The people index records of the contact's children that have been linked."""
        return [s.person for s in self.child_subjects().select_related("person") if s.person]

    def has_unlinked_children(self) -> bool:
        return self.child_subjects().filter(person__isnull=True).exists()


class ContactSubjectQuerySet(models.QuerySet["ContactSubject"]):
    def children(self) -> "ContactSubjectQuerySet":
        return self.filter(role=ContactSubject.Role.CHILD)

    def received_between(self, start: dt.date, end: dt.date) -> "ContactSubjectQuerySet":
        """Named in a contact received (local date) from `start` to `end`, both included."""
        return self.filter(contact__received_date__gte=start, contact__received_date__lte=end)


class ContactSubject(models.Model):
    """A child or adult named in a contact, as the referrer described them."""

    class Role(models.TextChoices):
        CHILD = "child", "Subject child"
        ADULT = "adult", "Involved adult"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="subjects")
    role = models.CharField(max_length=6, choices=Role.choices)
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact_subjects",
    )
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, blank=True)
    nhs_number = models.CharField(max_length=10, blank=True)
    address = models.CharField(max_length=250, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    relationship_to_child = models.CharField(max_length=80, blank=True)
    matched_at = models.DateTimeField(
        null=True, blank=True, help_text="When the person index was last searched for them."
    )

    objects = ContactSubjectQuerySet.as_manager()

    class Meta:
        ordering = ["role", "id"]

    @property
    def is_child(self) -> bool:
        """A subject child (the worry is about them), not an involved adult."""
        return self.role == self.Role.CHILD

    @property
    def described_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip() or "Name not given"


class SubjectCandidate(models.Model):
    """Someone in the person index who may be a subject the referrer described.

    Found by `people.matching` when the contact is received (or the subject added, or the
    worker asks again), in the same transaction, and kept: the worker sees what the service
    suggested and why, and an audit can see it later. Only those the viewer may open are shown.
    """

    subject = models.ForeignKey(ContactSubject, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(help_text="1 for the best match.")
    probability = models.FloatField(help_text="The trained model's match probability, 0-1.")
    band = models.CharField(max_length=8, help_text="suggest, review or new.")
    evidence = models.CharField(max_length=500, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    differences = models.JSONField(default=list, blank=True)
    found_at = models.DateTimeField()

    class Meta:
        ordering = ["subject", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["subject", "person"], name="one_candidate_per_person")
        ]


class DecisionQuerySet(models.QuerySet["Decision"]):
    def current(self) -> "DecisionQuerySet":
        return self.exclude(status=Decision.Status.RETURNED)


class Decision(models.Model):
    """A recommended decision on a contact and its authorisation by a manager."""

    class Status(models.TextChoices):
        AWAITING_AUTHORISATION = "awaiting", "Awaiting authorisation"
        AUTHORISED = "authorised", "Authorised"
        RETURNED = "returned", "Not agreed – returned"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=24, choices=Outcome.choices)
    rationale = models.TextField()
    worries = models.TextField("what are we worried about?")
    working_well = models.TextField("what is working well?")
    needs_to_happen = models.TextField("what needs to happen?")
    scaling = models.PositiveSmallIntegerField(
        help_text="0: so unsafe the child cannot live at home; 10: safe enough to close."
    )
    child_views_sought = models.BooleanField()
    child_views_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.AWAITING_AUTHORISATION
    )
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    authorised_at = models.DateTimeField(null=True, blank=True)
    manager_comment = models.TextField(blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scaling__gte=0) & Q(scaling__lte=10), name="scaling_0_to_10"
            ),
            models.CheckConstraint(
                condition=~Q(authorised_by=models.F("recorded_by")),
                name="authoriser_is_not_recorder",
            ),
        ]

    def can_authorise(self, user: Any) -> bool:
        return (
            self.status == self.Status.AWAITING_AUTHORISATION
            and access.can_authorise_decisions(user)
            and user.pk != self.recorded_by_id
        )


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def received_between(self, start: dt.datetime, end: dt.datetime) -> "ConsultationQuerySet":
        """Received at a moment in [start, end)."""
        return self.filter(received_at__gte=start, received_at__lt=end)


class Consultation(models.Model):
    """A professional's "no names" consultation: advice given, no child identified."""

    received_at = models.DateTimeField(db_index=True)
    professional_name = models.CharField(max_length=150)
    professional_role = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=150, blank=True)
    agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.PROTECT)
    summary = models.TextField("what the professional described")
    advice = models.TextField("advice given")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]


class IdempotencyRecord(models.Model):
    """Remembers a partner system's Idempotency-Key so a retry never makes a second record."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE)
    key = models.CharField(max_length=200)
    scope = models.CharField(max_length=40, default="contacts")
    body_hash = models.CharField(max_length=64)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "scope", "key"], name="one_use_per_key")
        ]


class OnlineSubmission(models.Model):
    """Counts public form submissions per client for rate limiting (works across processes)."""

    client_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)


class OnlineClient(models.Model):
    """One row per client that has used the public forms: locked (`select_for_update`) while
    its submissions are counted, so concurrent posts from one client are counted one by one."""

    client_hash = models.CharField(max_length=64, unique=True)


class HandoverItemQuerySet(models.QuerySet["HandoverItem"]):
    def awaiting_acceptance(self) -> "HandoverItemQuerySet":
        """The morning handover list: nobody in the day team has taken these on yet."""
        return self.filter(accepted_at__isnull=True).order_by("recorded_at", "pk")

    def accepted_not_done(self) -> "HandoverItemQuerySet":
        return self.filter(accepted_at__isnull=False, done_at__isnull=True)


class HandoverItem(models.Model):
    """Something the emergency duty team needs the day team to do about an out-of-hours contact."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="handover_items")
    done_overnight = models.TextField("what was done overnight", blank=True)
    needs_doing = models.TextField("what needs doing")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(db_index=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_note = models.TextField(blank=True)

    objects = HandoverItemQuerySet.as_manager()

    class Meta:
        ordering = ["recorded_at", "pk"]

    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    def is_done(self) -> bool:
        return self.done_at is not None
