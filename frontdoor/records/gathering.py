"""Everything held about a person, from every registered source, with third parties found.

A third party is anyone but the person: the other people linked to the record (family,
household, the other children on a contact, the network) and the professionals' personal
details each source names. An entry is offered for redaction when its text names one of
them, or when it holds what a partner agency gave.
"""

import re
from collections.abc import Iterable
from dataclasses import replace

from frontdoor.contacts.models import ContactSubject
from frontdoor.earlyhelp.models import Member
from frontdoor.lib.personal_data import Entry, Source
from frontdoor.outside.network_models import NetworkLink
from frontdoor.people.models import Person, Relationship
from frontdoor.records.registry import sources


def record_ids(person: Person) -> set[int]:
    """The person's record and every record merged into it (at any depth)."""
    ids = {person.pk}
    frontier = {person.pk}
    while frontier:
        frontier = (
            set(Person.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True))
            - ids
        )
        ids |= frontier
    return ids


def _names(given: str, family: str) -> list[str]:
    full = f"{given} {family}".strip()
    return [n for n in {full, given.strip()} if len(n) >= 2]


def linked_names(ids: set[int]) -> set[str]:
    """Names of the other people linked to these records: each full name and forename."""
    names: set[str] = set()
    others = set(Relationship.objects.filter(person_id__in=ids).values_list("other_id", flat=True))
    others |= set(
        NetworkLink.objects.filter(child_id__in=ids, other__isnull=False).values_list(
            "other_id", flat=True
        )
    )
    episodes = Member.objects.filter(person_id__in=ids).values("episode_id")
    others |= set(
        Member.objects.filter(episode_id__in=episodes).values_list("person_id", flat=True)
    )
    contacts = ContactSubject.objects.filter(person_id__in=ids).values("contact_id")
    for given, family, person_id in ContactSubject.objects.filter(
        contact_id__in=contacts
    ).values_list("given_name", "family_name", "person_id"):
        if person_id not in ids:
            names.update(_names(given, family))
    for given, family in Person.objects.filter(pk__in=others - ids).values_list(
        "given_name", "family_name"
    ):
        names.update(_names(given, family))
    own = {
        n.lower()
        for i in Person.objects.filter(pk__in=ids)
        for n in _names(i.given_name, i.family_name)
    }
    return {n for n in names if n.lower() not in own}


def mentions(text: str, term: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, flags=re.IGNORECASE) is not None


def with_third_parties(entry: Entry, names: Iterable[str]) -> Entry:
    text = "\n".join(value for _, value in entry.fields)
    found = [t for t in entry.third_parties if t and mentions(text, t)]
    found += [n for n in sorted(names) if n not in found and mentions(text, n)]
    return replace(entry, third_parties=found)


def gather(ids: set[int]) -> list[tuple[Source, Entry]]:
    """Every entry held about the people `ids`, source by source, third parties flagged."""
    names = linked_names(ids)
    return [
        (source, with_third_parties(entry, names))
        for source in sources()
        for entry in source.entries(ids)
    ]
