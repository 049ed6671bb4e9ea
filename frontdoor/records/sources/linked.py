"""Rows of apps the records app does not describe, found by their links (ADR 0016).

An app added after the records app should ship `personal_data.py`; until it does, its rows
that point at the person or at a contact about them are still gathered here, field by field,
and removed with the person's record."""

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.db import models

from frontdoor.contacts.models import Contact
from frontdoor.lib.personal_data import Entry, Source
from frontdoor.people.models import Person
from frontdoor.records.described import apps_with_sources
from frontdoor.records.rendering import ref, shown_fields
from frontdoor.records.sources.contacts import contacts_about

# The apps described in records/sources (or holding no one's personal data).
DESCRIBED = {
    "accounts",
    "audit",
    "notifications",
    "chronology",
    "people",
    "contacts",
    "mash",
    "casework",
    "earlyhelp",
    "outside",
    "kpis",
    "records",
}


def undescribed_links(described: set[str]) -> Iterator[tuple[type[models.Model], str, bool]]:
    """(model, field, points at a person rather than a contact) for every link from an app
    neither built in nor offering its own sources."""
    for model in apps.get_models():
        label = model._meta.app_label
        if not model.__module__.startswith("frontdoor.") or label in DESCRIBED | described:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in (Person, Contact):
                yield model, field.name, field.related_model is Person


def rows_linked(ids: set[int], described: set[str]) -> Iterator[tuple[str, "models.QuerySet[Any]"]]:
    contacts = contacts_about(ids).values("pk")
    for model, name, to_person in undescribed_links(described):
        target = ids if to_person else contacts
        yield (
            str(model._meta.verbose_name_plural),
            model._base_manager.filter(**{f"{name}__in": target}),
        )


def _entries(ids: set[int]) -> Iterator[Entry]:
    for plural, rows in rows_linked(ids, apps_with_sources()):
        for row in rows.order_by("pk"):
            yield Entry(
                ref(row), f"{str(plural).capitalize()}: entry {row.pk}", None, shown_fields(row)
            )


SOURCES = [Source("linked", "Other records", 85, _entries)]
