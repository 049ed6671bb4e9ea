"""What intake adds to the person index: the child's contact history on their record page,
links from chronology events to contacts, and (ADR 0005) nothing the index has to import.

Registered from `ContactsConfig.ready()` through `people.hooks`.
"""

from typing import Any

from frontdoor.contacts import access
from frontdoor.contacts.history import child_history
from frontdoor.people.hooks import Section, register_link_check, register_section
from frontdoor.people.models import Person


def history_context(user: Any, person: Person) -> dict[str, Any]:
    """The child's contacts, referrals and open episodes, and which contacts `user` may open."""
    contact_ids = set(person.contact_subjects.values_list("contact_id", flat=True))
    return {
        "history": child_history(person),
        "linkable_contacts": access.visible_ids(user, contact_ids),
    }


def register() -> None:
    register_section(
        Section("cumulative-concern", "contacts/_person_warning.html", history_context, "top")
    )
    register_section(Section("contact-history", "contacts/_person_history.html", history_context))
    register_link_check("contact", access.visible_ids)
