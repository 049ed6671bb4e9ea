"""Access and change events. Append-only: the application never edits or deletes them."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("Audit events cannot be edited.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Audit events cannot be deleted.")


class Event(models.Model):
    """One read or change of a record: who, in which role, what, when and from where."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        EXPORT = "export", "Exported"
        SIGN_IN = "sign_in", "Signed in"
        BREAK_GLASS = "break_glass", "Opened a restricted record (break-glass)"

    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(max_length=150, help_text="User, agency token or 'public'.")
    role = models.CharField(max_length=32, blank=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    record_type = models.CharField(max_length=40)
    record_id = models.CharField(max_length=40)
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    contact_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    summary = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    path = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Guard, not a side effect: an existing event is never rewritten.
        if self.pk is not None:
            raise PermissionError("Audit events cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("Audit events cannot be deleted.")

    @property
    def role_label(self) -> str:
        """The role as people say it ("QA auditor", not "qa_auditor").

        Read from the user model's own choices, so that audit (below accounts) names no role.
        """
        labels = dict(get_user_model()._meta.get_field("role").choices or [])
        return str(labels.get(self.role, self.role))

    @property
    def description(self) -> str:
        """What happened, without saying "Viewed: Viewed contact ..."."""
        action = self.get_action_display()
        if not self.summary:
            return action
        if self.summary.split()[0] == action:
            return self.summary
        return f"{action}: {self.summary}"
