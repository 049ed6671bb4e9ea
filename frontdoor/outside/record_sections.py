"""What risk outside the home adds to a child's record page and casework page (ADR 0006):
the child's missing episodes, and for the ROTH team the latest screening levels and a link
to the child's ROTH page. Registered from `OutsideConfig.ready()`."""

from typing import Any

from frontdoor.accounts import access
from frontdoor.casework.hooks import register_casework_section
from frontdoor.outside import access as outside_access
from frontdoor.outside.models import Screening
from frontdoor.people.hooks import Section, register_section
from frontdoor.people.models import Person


def missing_context(user: Any, person: Person) -> dict[str, Any]:
    """The child's missing episodes (anyone who may open the record), and what the ROTH
    team also sees."""
    episodes = list(
        outside_access.episodes_on_child_record(user, person).select_related("interview")[:20]
    )
    is_roth = access.works_on_risk_outside_home(user)
    screenings = list(Screening.objects.filter(person=person).latest_per_child()) if is_roth else []
    return {
        "person": person,
        "episodes": episodes,
        "screenings": screenings,
        "is_roth": is_roth,
        "can_report": access.can_report_missing(user) and person.is_child,
    }


def register() -> None:
    register_section(
        Section("outside:missing", "outside/_record_section.html", missing_context, order=60)
    )
    register_casework_section(
        Section("outside:missing", "outside/_record_section.html", missing_context, order=60)
    )
