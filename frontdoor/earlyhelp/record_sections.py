"""What early help adds to other apps' pages (registered from `EarlyhelpConfig.ready()`):

- the child's record page (people.hooks): the child's early help, with a link to it;
- the decision screen (contacts.hooks): each child's early-help history and the step-up
  request the contact carries, so the manager decides with the history in front of them;
- a merge rule (people.hooks): two records each in an open early-help episode are not merged.
"""

from typing import Any

from frontdoor.contacts.hooks import register_contact_section
from frontdoor.earlyhelp import access
from frontdoor.earlyhelp.codes import Direction
from frontdoor.earlyhelp.models import Member, StepDecision
from frontdoor.earlyhelp.summary import early_help_history
from frontdoor.lib.errors import ActionError
from frontdoor.people.hooks import Section, register_merge_check, register_section
from frontdoor.people.models import Person


def person_context(user: Any, person: Person) -> dict[str, Any]:
    episodes = access.visible_to(user).filter(members__person=person).distinct()
    return {"early_help": list(episodes.select_related("service")), "person": person}


def contact_context(user: Any, contact: Any) -> dict[str, Any] | None:
    """Each linked child's early help (visible to `user`) and the step-up request, if any."""
    children = contact.linked_children()
    visible = access.visible_to(user)
    episodes = list(visible.filter(members__person__in=children).distinct()[:10])
    request = (
        StepDecision.objects.filter(contact=contact, direction=Direction.UP, episode__in=visible)
        .select_related("requested_by", "decided_by")
        .first()
    )
    if not episodes and request is None:
        return None
    return {
        "request": request,
        "histories": [(e, early_help_history(e)) for e in episodes],
    }


def check_one_open_episode(survivor: Person, merged: Person) -> None:
    """Refuse to merge two records each in an open early-help episode."""
    held = Member.objects.currently_open().filter(person__in=[survivor, merged])
    if len({m.person_id for m in held}) > 1:
        raise ActionError(
            "Both records are in an open early-help episode. Close one first: a child has one "
            "open early-help episode at a time."
        )


def register() -> None:
    register_section(Section("early-help", "earlyhelp/_person_section.html", person_context))
    register_contact_section("early-help", "earlyhelp/_contact_section.html", contact_context)
    register_merge_check("earlyhelp:one-open-episode", check_one_open_episode)
