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
