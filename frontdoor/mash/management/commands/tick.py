"""`frontdoor tick`: flag overdue MASH checks, then send the notification outbox.

Run it every few minutes (cron or a systemd timer); running it twice is harmless.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from frontdoor.mash.actions import send_notifications, tick


class Command(BaseCommand):
    help = "Flag overdue MASH checks, queue their reminders and send queued e-mails."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        flagged = tick(now)
        sent, failed = send_notifications(now)
        self.stdout.write(f"{flagged} checks newly overdue")
        self.stdout.write(f"{sent} notifications sent, {failed} failed")
