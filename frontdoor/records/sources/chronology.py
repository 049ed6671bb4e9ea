"""The child's chronology."""

from frontdoor.chronology.models import Event
from frontdoor.lib.personal_data import Source
from frontdoor.records.rendering import rows_source

SOURCES: list[Source] = [
    rows_source(
        "chronology",
        "Chronology",
        70,
        lambda ids: (
            Event.objects.filter(person_id__in=ids)
            .select_related("about")
            .order_by("occurred_at", "pk")
        ),
        lambda e: f"Chronology: {e.get_kind_display()}",
        when="occurred_at",
        third_parties=lambda e: [e.about.full_name] if e.about else [],
    ),
]
