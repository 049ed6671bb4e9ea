"""Who read or changed the person's record (the access log)."""

from collections.abc import Iterator

from frontdoor.audit.models import Event
from frontdoor.lib.personal_data import Entry, Source
from frontdoor.records.rendering import as_text, ref


def _reads(ids: set[int]) -> Iterator[Entry]:
    rows = Event.objects.filter(person_id__in=ids).order_by("at", "id")
    for event in rows.iterator(2000):
        fields = [
            ("When", as_text(event.at)),
            ("Who", event.actor_label),
            ("Role", event.role_label),
            ("What", event.description),
        ]
        yield Entry(ref(event), "Access log entry", event.at.date(), [f for f in fields if f[1]])


SOURCES = [Source("access-log", "Who has read or changed the record", 90, _reads)]
