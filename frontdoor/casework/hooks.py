"""What the apps above casework do when a child in need episode closes or a CIN plan ends.

Casework sits below early help (early help imports casework, ADR 0009), so it may not import
it. Yet closing an episode after assessment with RC9 ("referred to early help"), or ending a
child in need plan to early help, hands the family to early help in the same transaction: a
step-down that opens (or joins) an early-help episode. Early help registers that from
`EarlyhelpConfig.ready()`; `close_cin_episode()` and `end_cin_plan()` run every registered
step inside their own transaction, so the closure and the step-down commit together or not at
all (a step refuses by raising `ActionError`, which undoes the closure too).
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

# step(episode, user=..., at=..., note=...): the episode is closed (reason and date set).
OnClosed = Callable[..., Any]
# step(plan, user=..., at=..., note=..., to_early_help=...): the plan has ended.
OnPlanEnded = Callable[..., Any]

_on_closed: dict[str, OnClosed] = {}
_on_plan_ended: dict[str, OnPlanEnded] = {}


def register_on_closed(key: str, step: OnClosed) -> None:
    """Run `step(episode, user=, at=, note=)` whenever a CIN episode closes."""
    _on_closed[key] = step


def register_on_plan_ended(key: str, step: OnPlanEnded) -> None:
    """Run `step(plan, user=, at=, note=, to_early_help=)` whenever a CIN plan ends."""
    _on_plan_ended[key] = step


def closed(episode: Any, *, user: Any, at: dt.datetime, note: str) -> None:
    """Called by `close_cin_episode()` inside its transaction."""
    for key in sorted(_on_closed):
        _on_closed[key](episode, user=user, at=at, note=note)


def plan_ended(plan: Any, *, user: Any, at: dt.datetime, note: str, to_early_help: bool) -> None:
    """Called by `end_cin_plan()` inside its transaction."""
    for key in sorted(_on_plan_ended):
        _on_plan_ended[key](plan, user=user, at=at, note=note, to_early_help=to_early_help)
