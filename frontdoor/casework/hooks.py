"""What the apps above casework add to a child's casework page, without casework importing
them (ADR 0006): risk outside the home lists the child's missing episodes there (the
looked-after "missing from placement" record moved to it).

`register_casework_section(Section(...))` from the higher app's `AppConfig.ready()`; the
section's context function gets the user and the person and returns the template's context.
Registering twice under one key replaces the earlier entry.
"""

from typing import Any

from frontdoor.people.hooks import Section, ShownSection
from frontdoor.people.models import Person

_sections: dict[str, Section] = {}


def register_casework_section(section: Section) -> None:
    _sections[section.key] = section


def casework_sections(user: Any, person: Person) -> list[ShownSection]:
    """The registered sections in order, each with its context for `user`."""
    return [
        ShownSection(section.template, section.context(user, person))
        for section in sorted(_sections.values(), key=lambda s: (s.order, s.key))
    ]
