"""Child in need episodes (opened by a referral). Assessments and plans come later."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q


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
    primary_need = models.CharField(max_length=2, blank=True)
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
