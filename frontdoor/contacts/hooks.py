"""What the apps above intake do when a contact's decision takes effect.

Intake sits below the MASH (a MASH enquiry belongs to a contact), so it may not import it
(ADR 0005). Yet a decision closes the contact's open MASH enquiry in the same transaction, so
that no partner is left answering a question already decided. The MASH registers that from
`MashConfig.ready()`; `authorise_decision()` runs every registered step inside its own
transaction, so the decision and what follows from it commit together or not at all.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

OnDecided = Callable[[Any, Any, dt.datetime], Any]

_on_decided: dict[str, OnDecided] = {}


def register_on_decided(key: str, step: OnDecided) -> None:
    """Run `step(contact, user, at)` whenever a contact's decision takes effect."""
    _on_decided[key] = step


def decided(contact: Any, user: Any, at: dt.datetime) -> None:
    """Called by `authorise_decision()` inside its transaction."""
    for key in sorted(_on_decided):
        _on_decided[key](contact, user, at)


# --- the decision screen ------------------------------------------------------------------
# Blocks the apps above intake add to a contact's page (the decision screen), e.g. early
# help's history of the children and the step-up request a contact carries. `context(user,
# contact)` returns the block's context, or None to show nothing for that user and contact.

ContactContext = Callable[[Any, Any], dict[str, Any] | None]
_sections: dict[str, tuple[str, ContactContext]] = {}


def register_contact_section(key: str, template: str, context: ContactContext) -> None:
    """Show `template` with `context(user, contact)` on every contact page, under History."""
    _sections[key] = (template, context)


def contact_sections(user: Any, contact: Any) -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of every registered block that has something for `user`."""
    shown = []
    for key in sorted(_sections):
        template, context = _sections[key]
        found = context(user, contact)
        if found is not None:
            shown.append((template, found))
    return shown
