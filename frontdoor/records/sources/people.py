"""The person index: the record itself, other names, addresses, relationships."""

from collections.abc import Iterator

from frontdoor.lib.personal_data import Entry, Source
from frontdoor.people.models import Alias, Person, Relationship, Residence
from frontdoor.records.rendering import ref, shown_fields


def _record(ids: set[int]) -> Iterator[Entry]:
    for person in Person.objects.filter(pk__in=ids).order_by("pk"):
        fields = shown_fields(person, skip={"merged_into", "restricted_to_team", "created_at"})
        yield Entry(ref(person), f"Record: {person.full_name}", None, fields)
    for alias in Alias.objects.filter(person_id__in=ids).order_by("pk"):
        yield Entry(ref(alias), "Other name", None, shown_fields(alias))
    residences = Residence.objects.filter(person_id__in=ids).select_related("household")
    for residence in residences.order_by("start_date", "pk"):
        fields = [("Address", str(residence.household)), *shown_fields(residence)]
        yield Entry(ref(residence), "Address", residence.start_date, fields)


def _relationships(ids: set[int]) -> Iterator[Entry]:
    rows = Relationship.objects.filter(person_id__in=ids).select_related("other")
    for link in rows.order_by("pk"):
        name = link.other.full_name
        fields = [("Relationship", link.get_kind_display()), ("Name", name)]
        if link.note:
            fields.append(("Note", link.note))
        yield Entry(ref(link), f"Relationship: {link.get_kind_display()}", None, fields, [name])


SOURCES = [
    Source("people", "The person's record", 10, _record),
    Source("relationships", "Family and other relationships", 11, _relationships),
]
