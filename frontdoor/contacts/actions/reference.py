"""The council's own lists that contacts use (the continuum of need)."""

from typing import Any

from frontdoor.audit.log import save_and_record
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
    return save_and_record(user, level or LevelOfNeed(), fields, "Level of need {rank} saved")
