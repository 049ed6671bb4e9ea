"""Quality assurance of front-door decisions (ADR 0017): the council's audit programme, the
samples it draws, audits with their answers and agencies' views, moderation and learning."""

import datetime as dt

from django.conf import settings
from django.db import models

from frontdoor.quality.codes import Answer, Grade, Method, Stratum

USER = settings.AUTH_USER_MODEL


class AuditKind(models.Model):
    """A kind of audit the council runs (editable): its questions, one per line."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    is_multi_agency = models.BooleanField(
        default=False, help_text="Record each agency's attendance and view."
    )
    questions = models.JSONField(default=list)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A learning theme audits are tagged with (council-editable)."""

    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    """How many audits of a kind a month, who audits and how the sample is drawn."""

    month = models.DateField(help_text="The first day of the month audited.")
    kind = models.ForeignKey(AuditKind, on_delete=models.PROTECT, related_name="programmes")
    count = models.PositiveSmallIntegerField("audits this month")
    method = models.CharField(max_length=12, choices=Method.choices)
    stratum = models.CharField(max_length=8, choices=Stratum.choices, blank=True)
    target = models.CharField(max_length=40, blank=True, help_text="A name in quality.targets.")
    auditors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="audit_programmes")
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-month", "kind__name", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} – {self.month:%B %Y}"

    def last_day(self) -> dt.date:
        following = (self.month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)


class Sample(models.Model):
    """One draw for a programme: the seed is stored so the same draw can be repeated."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="samples")
    seed = models.BigIntegerField()
    population = models.PositiveIntegerField(help_text="Contacts the sample was drawn from.")
    drawn_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField()

    class Meta:
        ordering = ["-drawn_at", "-pk"]


class AuditQuerySet(models.QuerySet["Audit"]):
    def completed(self) -> "AuditQuerySet":
        return self.filter(completed_at__isnull=False)

    def completed_between(self, start: dt.datetime, end: dt.datetime) -> "AuditQuerySet":
        return self.filter(completed_at__gte=start, completed_at__lt=end)

    def good_or_better(self) -> "AuditQuerySet":
        return self.filter(grade__in=Grade.good_or_better())


class Audit(models.Model):
    """One contact's front-door decision audited by one auditor."""

    sample = models.ForeignKey(Sample, on_delete=models.PROTECT, related_name="audits")
    contact = models.ForeignKey("contacts.Contact", on_delete=models.PROTECT, related_name="+")
    auditor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="audits")
    grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    same_decision = models.BooleanField(null=True)
    summary = models.TextField(blank=True)
    child_unsafe = models.BooleanField(default=False)
    themes = models.ManyToManyField(Theme, blank=True, related_name="audits")
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["sample", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "contact"], name="quality_one_audit_per_draw")
        ]

    def __str__(self) -> str:
        return f"Audit {self.pk}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def kind(self) -> AuditKind:
        return self.sample.programme.kind


class AuditAnswer(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="answers")
    order = models.PositiveSmallIntegerField()
    question = models.CharField(max_length=300)
    answer = models.CharField(max_length=6, choices=Answer.choices)
    evidence = models.TextField()

    class Meta:
        ordering = ["audit", "order"]


class AgencyView(models.Model):
    """A multi-agency audit: did the agency attend, and what was its view."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="agency_views")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    attended = models.BooleanField()
    view = models.TextField(blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "agency"], name="quality_one_view_per_agency")
        ]


class ModerationQuerySet(models.QuerySet["Moderation"]):
    def between(self, start: dt.datetime, end: dt.datetime) -> "ModerationQuerySet":
        return self.filter(moderated_at__gte=start, moderated_at__lt=end)


class Moderation(models.Model):
    """A second auditor's grade of a completed audit; a disagreement is resolved with both
    grades kept (the agreed grade is recorded beside them)."""

    audit = models.OneToOneField(Audit, on_delete=models.PROTECT, related_name="moderation")
    moderator = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    grade = models.CharField(max_length=24, choices=Grade.choices)
    comment = models.TextField()
    moderated_at = models.DateTimeField(db_index=True)
    agreed_grade = models.CharField(max_length=24, choices=Grade.choices, blank=True)
    resolution = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ModerationQuerySet.as_manager()

    @property
    def agrees(self) -> bool:
        return self.grade == self.audit.grade

    @property
    def needs_resolution(self) -> bool:
        return not self.agrees and self.resolved_at is None


class LearningActionQuerySet(models.QuerySet["LearningAction"]):
    def open(self) -> "LearningActionQuerySet":
        return self.filter(done_at__isnull=True)

    def overdue(self, today: dt.date) -> "LearningActionQuerySet":
        return self.open().filter(due_date__lt=today)


class LearningAction(models.Model):
    """An action from an audit, owned by a worker (shown on their caseload) with a due date.
    An escalation (the auditor found the child unsafe) goes to the case's manager."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="actions")
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="learning_actions")
    what = models.TextField()
    due_date = models.DateField()
    is_escalation = models.BooleanField(default=False)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_note = models.TextField(blank=True)

    objects = LearningActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
