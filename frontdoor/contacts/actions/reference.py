"""The council's own lists that contacts use (the continuum of need)."""

from typing import Any

from django.db import transaction

from frontdoor.audit.log import record_change
from frontdoor.contacts.models import LevelOfNeed
from frontdoor.lib.errors import ActionError


def save_level_of_need(user: Any, level: LevelOfNeed | None, **fields: Any) -> LevelOfNeed:
    """Add or change a step of the council's continuum of need (threshold document)."""
    rank = int(fields["rank"])
    clash = LevelOfNeed.objects.filter(rank=rank)
    if level is not None:
        clash = clash.exclude(pk=level.pk)
    if clash.exists():
        raise ActionError(f"Level {rank} already exists. Choose another number.", field="rank")
    with transaction.atomic():
        level = level or LevelOfNeed()
        before = {k: getattr(level, k) for k in fields}
        for key, value in fields.items():
            setattr(level, key, value)
        level.save()
        record_change(
            user,
            level,
            summary=f"Level of need {level.rank} saved",
            changes={"before": before, "after": fields},
        )
    return level
