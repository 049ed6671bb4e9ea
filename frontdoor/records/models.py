"""Subject access requests (what was gathered and how each entry was decided) and the
retention schedule (rules, legal holds, approvals, and the non-identifying record of each
destruction). ADR 0016."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Requester(models.TextChoices):
    SUBJECT = "subject", "The person themself"
    PARENT = "parent", "A parent with parental responsibility, for the child"
    REPRESENTATIVE = "representative", "A representative (solicitor, advocate) with authority"


class SubjectAccessRequest(models.Model):
    """A request by or for a person to see what the council holds about them.

    Due one calendar month after it was received; extendable once by two months if complex,
    with the reason recorded (UK GDPR Art 12(3)).
    """

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        GATHERED = "gathered", "Gathered: in review"
        COMPLETED = "completed", "Completed: disclosure made"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="subject_access_requests"
    )
    requester = models.CharField(max_length=20, choices=Requester.choices)
    requester_name = models.CharField(max_length=150)
    received_on = models.DateField()
    due_on = models.DateField()
    extended_to = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    gathered_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-pk"]

    @property
    def deadline(self):  # type: ignore[no-untyped-def]
        return self.extended_to or self.due_on


class Decision(models.TextChoices):
    PENDING = "pending", "Not decided"
    RELEASE = "release", "Release in full"
    REDACT = "redact", "Release with third-party details redacted"
    WITHHOLD = "withhold", "Withhold (serious harm exemption)"


class SarItem(models.Model):
    """One entry gathered for a request: a copy taken when gathered (the record itself is
    never changed), whether it names a third party, and the reviewer's decision."""

    request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField()
    source_key = models.CharField(max_length=40)
    source_label = models.CharField(max_length=100)
    ref = models.CharField(max_length=80)
    title = models.CharField(max_length=200)
    when = models.DateField(null=True, blank=True)
    fields = models.JSONField(default=list)
    third_parties = models.JSONField(default=list)
    partner_fields = models.JSONField(default=list)
    decision = models.CharField(max_length=8, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["request", "position"], name="one_item_per_position")
        ]

    @property
    def is_flagged(self) -> bool:
        """Names a third party or holds what a partner agency gave: needs a reviewer."""
        return bool(self.third_parties or self.partner_fields)


class RetentionRule(models.Model):
    """How long a kind of record is kept (domain.md §10; council-editable in settings).

    The review date is `years` after the anchor: the date of birth, the last activity on the
    record, or the event that defines the kind (the adoption). `until_age`, when set, keeps
    the record at least until that birthday as well ("CIN only: until 18, then 3 years
    inactive").
    """

    class Anchor(models.TextChoices):
        BIRTH = "birth", "Date of birth"
        LAST_ACTIVITY = "last_activity", "Last activity on the record"
        EVENT = "event", "The defining event (for adoption, the order)"

    code = models.SlugField(max_length=30, unique=True)
    label = models.CharField(max_length=100)
    priority = models.PositiveSmallIntegerField(help_text="Lower is the more serious kind.")
    anchor = models.CharField(max_length=15, choices=Anchor.choices)
    years = models.PositiveSmallIntegerField()
    until_age = models.PositiveSmallIntegerField(null=True, blank=True)
    basis = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["priority"]

    def __str__(self) -> str:
        return self.label


class LegalHold(models.Model):
    """A reason to keep a record past its review date (an inquiry, litigation, a complaint):
    while a hold is in place nothing about the person may be destroyed."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField()
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-placed_at", "-pk"]
        indexes = [
            models.Index(
                fields=["person"], condition=Q(lifted_at__isnull=True), name="hold_in_place"
            )
        ]


class DestructionApproval(models.Model):
    """A named information governance officer's approval to destroy one person's record,
    given for the review date and rule the review showed. Used once."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    rule = models.ForeignKey(RetentionRule, on_delete=models.PROTECT, related_name="+")
    review_date = models.DateField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-approved_at", "-pk"]


class Destruction(models.Model):
    """What was destroyed, with nothing that identifies whom: the rule, the review date's
    year, who approved and carried it out, when, and how many rows went from each table."""

    destroyed_at = models.DateTimeField()
    rule_code = models.CharField(max_length=30)
    rule_label = models.CharField(max_length=100)
    review_year = models.PositiveSmallIntegerField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField()
    carried_out_by = models.CharField(max_length=150)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-destroyed_at", "-pk"]


class DestroyedRecord(models.Model):
    """Marks a person's record as destroyed: the row left behind holds no name, date of
    birth or identifier, only what past statutory returns count (ADR 0016)."""

    person = models.OneToOneField("people.Person", on_delete=models.PROTECT, related_name="+")
    destruction = models.ForeignKey(Destruction, on_delete=models.PROTECT, related_name="records")
