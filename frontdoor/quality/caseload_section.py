"""The learning actions a worker owns, on their caseload page (casework.hooks)."""

from typing import Any

from django.utils import timezone

from frontdoor.casework.hooks import register_caseload_section
from frontdoor.people.hooks import ShownSection
from frontdoor.quality.models import LearningAction


def actions_section(viewer: Any, worker: Any) -> ShownSection | None:
    """Open actions owned by `worker` (the viewer is the worker or their team manager)."""
    actions = list(
        LearningAction.objects.open()
        .filter(owner=worker)
        .select_related("audit__contact")
        .order_by("-is_escalation", "due_date", "pk")
    )
    if not actions:
        return None
    return ShownSection(
        "quality/_caseload_actions.html",
        {"actions": actions, "today": timezone.localdate()},
    )


def register() -> None:
    register_caseload_section("quality-actions", actions_section)
