"""A stored row as the (label, text) pairs a subject access disclosure shows."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.text import capfirst

from frontdoor.lib.dates import govuk_date, govuk_datetime
from frontdoor.lib.personal_data import Entry, Source

# Staff, teams and agencies are shown by name; other linked rows (the person, the contact)
# are entries of their own.
_NAMED_BY_STR = {settings.AUTH_USER_MODEL, "accounts.Agency", "accounts.Team"}
# Keys and machinery, not information about the person.
_HIDDEN_SUFFIXES = ("_phonetic", "_hash", "_due_at", "_notified_at")
_HIDDEN_PREFIXES = ("search_",)
# Field names whose default label would read badly.
_LABELS = {"nhs_number": "NHS number", "rag": "RAG rating"}


def as_text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return govuk_datetime(value)
    if isinstance(value, dt.date):
        return govuk_date(value)
    if isinstance(value, list):
        return ", ".join(as_text(v) for v in value if as_text(v))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {as_text(v)}" for k, v in value.items() if as_text(v))
    return str(value)


def label_of(field: Any) -> str:
    return _LABELS.get(field.name) or capfirst(str(field.verbose_name))


def _user_name(user: Any) -> str:
    full = getattr(user, "get_full_name", None)
    return (full() if full else "") or str(user)


def shown_fields(row: models.Model, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Every filled-in field of `row` a person may be shown, labelled in plain words."""
    skipped = set(skip)
    pairs: list[tuple[str, str]] = []
    for field in row._meta.concrete_fields:
        name = field.name
        if (
            name in skipped
            or field.primary_key
            or name.endswith(_HIDDEN_SUFFIXES)
            or name.startswith(_HIDDEN_PREFIXES)
        ):
            continue
        if field.is_relation:
            target = field.related_model
            if target is None or target._meta.label not in _NAMED_BY_STR:
                continue
            linked = getattr(row, name)
            text = _user_name(linked) if linked is not None else ""
        elif field.choices:
            text = as_text(getattr(row, f"get_{name}_display")())
        else:
            text = as_text(getattr(row, field.attname))
        if text:
            pairs.append((label_of(field), text))
    return pairs


def ref(row: models.Model) -> str:
    return f"{row._meta.label_lower}:{row.pk}"


def _when(row: models.Model, path: str | None) -> dt.date | None:
    value: Any = row
    for part in (path or "").split("__") if path else []:
        value = getattr(value, part, None)
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def rows_source(
    key: str,
    label: str,
    order: int,
    rows: Callable[[set[int]], "models.QuerySet[Any]"],
    title: Callable[[Any], str],
    when: str | None = None,
    third_parties: Callable[[Any], list[str]] | None = None,
    partner_fields: Iterable[str] = (),
    skip: Iterable[str] = (),
) -> Source:
    """A source whose entries are rows of one model, each shown field by field.

    `when` names the date field (or a path through relations: "episode__start_date");
    `partner_fields` are field names whose text a partner agency gave.
    """
    partner_names = list(partner_fields)

    def entries(ids: set[int]) -> Iterator[Entry]:
        for row in rows(ids):
            fields = shown_fields(row, skip)
            labels = {f.name: label_of(f) for f in row._meta.concrete_fields}
            partner = [labels[name] for name in partner_names if getattr(row, name, "")]
            others = [t for t in (third_parties(row) if third_parties else []) if t]
            yield Entry(ref(row), title(row), _when(row, when), fields, others, partner)

    return Source(key, label, order, entries)
