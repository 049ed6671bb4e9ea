"""What the apps above casework add to it, without casework importing them (ADR 0006).

- `register_casework_section(Section(...))`: a block of a child's casework page. Risk outside
  the home lists the child's missing episodes there (the looked-after "missing from placement"
  record moved to it). The section's context function gets the user and the person.
- `register_on_closed(key, step)` / `register_on_plan_ended(key, step)`: what happens when a
  child in need episode closes or a CIN plan ends. Closing after assessment with RC9
  ("referred to early help"), or ending a CIN plan to early help, hands the family to early
  help in the same transaction: a step-down that opens (or joins) an early-help episode.
  `close_cin_episode()` and `end_cin_plan()` run every registered step inside their own
  transaction, so the closure and the step-down commit together or not at all (a step refuses
  by raising `ActionError`, which undoes the closure too).
- `register_caseload_section(key, section)`: a block of a worker's caseload page.
  `section(viewer, worker)` returns the block to show (a ShownSection) or None. Quality
  assurance lists the learning actions a worker owns there (ADR 0017).

Higher apps register from their `AppConfig.ready()`; registering twice under one key replaces
the earlier entry.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from frontdoor.people.hooks import Section, ShownSection
from frontdoor.people.models import Person

# step(episode, user=..., at=..., note=...): the episode is closed (reason and date set).
OnClosed = Callable[..., Any]
# step(plan, user=..., at=..., note=..., to_early_help=...): the plan has ended.
OnPlanEnded = Callable[..., Any]

_sections: dict[str, Section] = {}
_on_closed: dict[str, OnClosed] = {}
_on_plan_ended: dict[str, OnPlanEnded] = {}
# section(viewer, worker) -> ShownSection | None
CaseloadSection = Callable[[Any, Any], ShownSection | None]
_caseload_sections: dict[str, CaseloadSection] = {}


def register_caseload_section(key: str, section: CaseloadSection) -> None:
    _caseload_sections[key] = section


def caseload_sections(viewer: Any, worker: Any) -> list[ShownSection]:
    """The registered caseload blocks for `worker`'s caseload as `viewer` sees it, by key."""
    shown = (_caseload_sections[key](viewer, worker) for key in sorted(_caseload_sections))
    return [section for section in shown if section is not None]


def register_casework_section(section: Section) -> None:
    _sections[section.key] = section


def casework_sections(user: Any, person: Person) -> list[ShownSection]:
    """The registered sections in order, each with its context for `user`."""
    return [
        ShownSection(section.template, section.context(user, person))
        for section in sorted(_sections.values(), key=lambda s: (s.order, s.key))
    ]


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
