"""The sections of the administrators' settings page that other apps contribute.

Accounts sits below the domain apps and may not import them (ADR 0005), yet the settings page
lists every council-editable list: partner agencies and accounts (here), the continuum of
need (contacts), and the lists later apps add. Each app registers its section from its
`AppConfig.ready()`; the page shows them in order after the agencies.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingsSection:
    """A block of the settings page: its template and the context it needs."""

    key: str
    template: str
    context: Callable[[], dict[str, Any]]
    order: int = 100


_sections: dict[str, SettingsSection] = {}


def register_settings_section(section: SettingsSection) -> None:
    _sections[section.key] = section


def settings_sections() -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of every registered section, in order."""
    chosen = sorted(_sections.values(), key=lambda s: (s.order, s.key))
    return [(section.template, section.context()) for section in chosen]
