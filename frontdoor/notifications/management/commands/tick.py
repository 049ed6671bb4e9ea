"""`frontdoor tick`: sweep every app's clocks, then send the notification outbox.

Run it every few minutes (cron or a systemd timer); running it twice is harmless.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from frontdoor.notifications.actions import send_notifications
from frontdoor.notifications.clocks import sweep_all


class Command(BaseCommand):
    help = "Flag what is newly overdue on every app's clocks and send queued e-mails."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        for clock, flagged in sweep_all(now):
            self.stdout.write(f"{flagged} {clock.label}")
        sent, failed = send_notifications(now)
        self.stdout.write(f"{sent} notifications sent, {failed} failed")
