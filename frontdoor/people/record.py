"""What the child's record page shows beside the person: addresses, names, links, and the
sections other apps add (people.hooks: contacts, episodes, ...).

Other people are shown only if the user may open their records; a restricted record is
named as such, never by name.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import F

from frontdoor.accounts.models import User
from frontdoor.people import access as people_access
from frontdoor.people.hooks import sections_for
from frontdoor.people.models import Person, Relationship, Residence


@dataclass
class Link:
    """Another person linked to this one, as the page shows them."""

    description: str
    person: Person | None  # None when the user may not open that record
    note: str = ""


def _relationships(user: User, person: Person) -> list[Link]:
    mine = list(Relationship.objects.filter(person=person).select_related("other"))
    # One-way links recorded on the other person (no reciprocal kind), e.g. significant adult.
    named_by = list(
        Relationship.objects.filter(
            other=person, kind__in=[Relationship.Kind.SIGNIFICANT_ADULT]
        ).select_related("person")
    )
    visible = people_access.visible_ids(
        user, {r.other_id for r in mine} | {r.person_id for r in named_by}
    )
    links = [
        Link(r.get_kind_display(), r.other if r.other_id in visible else None, r.note) for r in mine
    ]
    links += [
        Link(
            f"Named them as {r.get_kind_display().lower()}",
            r.person if r.person_id in visible else None,
            r.note,
        )
        for r in named_by
    ]
    return links


def _household_members(user: User, residence: Residence | None) -> list[Person]:
    if residence is None:
        return []
    members = (
        Person.objects.filter(
            residences__household=residence.household_id,
            residences__end_date__isnull=True,
        )
        .exclude(pk=residence.person_id)
        .distinct()
    )
    visible = people_access.visible_ids(user, set(members.values_list("pk", flat=True)))
    return [p for p in members if p.pk in visible]


def addresses(person: Person) -> list[Residence]:
    """The address history, current address first, then newest to oldest."""
    return list(
        person.residences.select_related("household").order_by(
            F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True), "-pk"
        )
    )


def record_context(user: User, person: Person) -> dict[str, Any]:
    history = addresses(person)
    current = history[0] if history and history[0].end_date is None else None
    sections = sections_for(user, person)
    return {
        "current_address": current,
        "addresses": history,
        "aliases": list(person.aliases.all()),
        "links": _relationships(user, person),
        "household_members": _household_members(user, current),
        "sections_top": sections["top"],
        "sections_body": sections["body"],
    }
