"""The 72-hour clock's sweep, run by `frontdoor tick` (registered in OutsideConfig.ready)."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.lib.dates import govuk_datetime
from frontdoor.notifications.actions import queue_notification
from frontdoor.outside.models import MissingEpisode


def _recipients(episode: MissingEpisode) -> list[str]:
    interview = getattr(episode, "interview", None)
    worker = interview.allocated_to if interview is not None else None
    addresses = [worker.email] if worker is not None and worker.email else []
    return [*addresses, settings.FRONTDOOR_ROTH_EMAIL]


def flag_overdue_interviews(now: dt.datetime | None = None) -> int:
    """Flag episodes whose return home interview was not offered within 72 hours of the
    return, and e-mail the allocated worker and the ROTH team once for each.

    Claimed by a conditional update, so two ticks at once flag each episode once. The
    e-mail names no child: only the episode number and the times.
    """
    now = now or timezone.now()
    flagged = 0
    for episode in MissingEpisode.objects.interview_overdue_not_flagged(now).select_related(
        "interview__allocated_to"
    ):
        with transaction.atomic():
            claimed = MissingEpisode.objects.filter(
                pk=episode.pk, rhi_overdue_notified_at__isnull=True
            ).update(rhi_overdue_notified_at=now)
            if not claimed:
                continue
            assert episode.rhi_due_at is not None
            queue_notification(
                to=_recipients(episode),
                subject=f"Return home interview overdue (missing episode {episode.pk})",
                body=(
                    f"The return home interview after missing episode {episode.pk} was due to "
                    f"be offered by {govuk_datetime(episode.rhi_due_at)} (72 hours after the "
                    "return) and has not been recorded.\n\nSign in to Front Door to record it."
                ),
                about=episode,
                now=now,
            )
            record_change(
                None,
                episode,
                actor_label="tick",
                person_id=episode.person_id,
                summary="Return home interview not offered within 72 hours",
            )
            flagged += 1
    return flagged
