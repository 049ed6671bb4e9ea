"""Allocation: the team and the social worker responsible for an open CIN episode."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.accounts.models import Team, User
from frontdoor.casework.models import CINEpisode
from frontdoor.casework.rules import locked, log
from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError


def allocate_episode(
    episode: CINEpisode,
    *,
    team: Team,
    worker: User | None,
    user: Any,
    at: dt.datetime | None = None,
) -> CINEpisode:
    """Allocate an open episode to a team and (optionally) to a worker in that team."""
    if worker is not None:
        if not access.can_hold_cases(worker):
            raise ActionError(
                f"{worker.get_full_name() or worker.username} cannot hold cases: choose a "
                "social worker or a team manager.",
                field="worker",
            )
        if worker.team_id is not None and worker.team_id != team.pk:
            raise ActionError(
                f"{worker.get_full_name() or worker.username} is not in {team.name}.",
                field="worker",
            )
    with transaction.atomic():
        episode = locked(episode)
        if not episode.is_open:
            raise ActionError("This episode is closed, so it cannot be allocated.")
        if episode.team_id == team.pk and episode.allocated_worker_id == getattr(
            worker, "pk", None
        ):
            raise ActionError("The episode is already allocated to this team and worker.")
        episode.team = team
        episode.allocated_worker = worker
        episode.save(update_fields=["team", "allocated_worker"])
        who = worker.get_full_name() or worker.username if worker else "no named worker"
        log(
            user,
            episode,
            episode,
            Kind.EPISODE,
            f"Allocated to {team.name} ({who})",
            timezone.localdate(),
            at=at or timezone.now(),
        )
    return episode
