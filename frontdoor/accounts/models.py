"""Staff, teams, partner agencies and roles."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    CONTACT_OFFICER = "contact_officer", "Contact officer"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    MASH_PARTNER = "mash_partner", "MASH partner"
    EARLY_HELP = "early_help", "Early-help practitioner"
    ROTH_WORKER = "roth_worker", "Risk outside the home worker"
    ANALYST = "analyst", "Performance analyst"
    QA_AUDITOR = "qa_auditor", "QA auditor"
    INFORMATION_GOVERNANCE = "information_governance", "Information governance officer"
    ADMINISTRATOR = "administrator", "Administrator"


class Agency(models.Model):
    """A partner agency in the MASH (police, health, education, ...). Editable."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.SOCIAL_WORKER)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT)
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="For MASH partners: the agency whose checks they answer.",
    )
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_confirmed = models.BooleanField(default=False)
    # Wrong second-factor codes in a row; at the limit the second factor locks (ADR 0013).
    totp_failures = models.PositiveSmallIntegerField(default=0)
    totp_locked_until = models.DateTimeField(null=True, blank=True)
    # A one-time code an administrator issues so the person can set up a second factor
    # (first sign-in, or a lost phone); only its hash is kept, and only until it is used.
    enrolment_code_hash = models.CharField(max_length=64, blank=True)
    enrolment_code_expires = models.DateTimeField(null=True, blank=True)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def __str__(self) -> str:
        return self.display_name


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, agency__is_active=True)


class ApiToken(models.Model):
    """A bearer token for one agency's system. Only its hash is stored."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="api_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    @staticmethod
    def new_secret(agency_slug: str) -> str:
        return f"fd_{agency_slug}_{secrets.token_urlsafe(32)}"
