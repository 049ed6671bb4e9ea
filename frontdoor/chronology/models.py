"""The child's journey: one ordered list of events written by every app's actions."""

from django.conf import settings
from django.db import models


class Kind(models.TextChoices):
    CONTACT = "contact", "Contact"
    TRIAGE = "triage", "Triage"
    DECISION = "decision", "Decision"
    AUTHORISATION = "authorisation", "Authorisation"
    REFERRAL = "referral", "Referral"
    EPISODE = "episode", "Episode"
    RECORD = "record", "Record change"
    MASH = "mash", "MASH enquiry"
    STRATEGY = "strategy", "Strategy discussion"
    S47 = "s47", "Section 47 enquiry"
    ASSESSMENT = "assessment", "Assessment"
    PLAN = "plan", "Plan"
    HANDOVER = "handover", "Out-of-hours handover"
    MERGE = "merge", "Records merged"
    MISSING = "missing", "Missing episode"
    RETURN_INTERVIEW = "return_interview", "Return home interview"
    SCREENING = "screening", "Exploitation screening"
    ROTH_MEETING = "roth_meeting", "Missing or MACE meeting"
    EARLY_HELP = "early_help", "Early help"
    STEP = "step", "Step up or down"


class Event(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    contact = models.ForeignKey(
        "contacts.Contact", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Another person the summary names (a sibling recorded, …): the event is shown only to
    # those who may open that person's record too, so a restricted record is never named.
    about = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["person", "-occurred_at"])]
