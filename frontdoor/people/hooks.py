"""What the apps above the person index add to it, without the index importing them.

The person index sits below intake, MASH and casework (docs/architecture.md, ADR 0005): it
may not import them, yet a child's record page shows their contacts and episodes, the
chronology links each contact event to its contact, and casework has a rule about which
records may be merged. Each app registers its part here from its `AppConfig.ready()`:

- `register_section(Section(...))`: a block of the child's record page: a template, included
  at the top (a warning) or in the body, and the context it needs for a user and a person.
- `register_link_check(field, check)`: for a chronology event's link to another record (its
  `field`, e.g. "contact"), which of the linked ids the user may open; links to the others
  are not shown.
- `register_merge_check(check)`: a rule two records must meet to be merged; it raises
  `ActionError` to refuse.

Registering twice under one key replaces the earlier entry (tests and reloads stay clean).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from frontdoor.people.models import Person


@dataclass(frozen=True)
class Section:
    """A block of the child's record page that another app contributes."""

    key: str
    template: str
    context: Callable[[Any, Person], dict[str, Any]]
    place: str = "body"  # "top" (warnings, under the heading) or "body" (after the details)
    order: int = 100


@dataclass(frozen=True)
class ShownSection:
    template: str
    context: dict[str, Any]


LinkCheck = Callable[[Any, set[int]], set[int]]
MergeCheck = Callable[[Person, Person], None]

_sections: dict[str, Section] = {}
_link_checks: dict[str, LinkCheck] = {}
_merge_checks: dict[str, MergeCheck] = {}


def register_section(section: Section) -> None:
    _sections[section.key] = section


def register_link_check(field: str, check: LinkCheck) -> None:
    _link_checks[field] = check


def register_merge_check(key: str, check: MergeCheck) -> None:
    _merge_checks[key] = check


def sections_for(user: Any, person: Person) -> dict[str, list[ShownSection]]:
    """The registered sections by place ("top", "body"), in order, each with its context for
    `user`. Sections sharing one context function have it computed once."""
    contexts: dict[Any, dict[str, Any]] = {}
    shown: dict[str, list[ShownSection]] = {"top": [], "body": []}
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        if section.context not in contexts:
            contexts[section.context] = section.context(user, person)
        shown.setdefault(section.place, []).append(
            ShownSection(section.template, contexts[section.context])
        )
    return shown


def linkable(user: Any, field: str, ids: Iterable[int | None]) -> set[int]:
    """Those of `ids` (records reached through `field`) that `user` may open; none when no
    app has said how to tell."""
    wanted = {i for i in ids if i}
    check = _link_checks.get(field)
    return check(user, wanted) if wanted and check else set()


def check_mergeable(survivor: Person, merged: Person) -> None:
    """Run every registered merge rule; the first broken one raises ActionError."""
    for key in sorted(_merge_checks):
        _merge_checks[key](survivor, merged)
