"""What an app holds about a person, described so that one place can gather it (a subject
access request) and remove it (destruction at the end of its retention period): ADR 0016.

Domain-free: an app that holds personal data offers `SOURCES` (a list of `Source`) in a module
`frontdoor/<app>/personal_data.py`; the records app finds those modules when it starts, so no
app imports the records app and the records app needs no change when an app is added.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """One thing held about a person, as a subject access request shows it.

    `fields` are (label, text) pairs. `third_parties` are exact strings that name or identify
    someone else (another person linked to the record, a professional's phone number) and
    `partner_fields` the labels of fields whose text a partner agency gave: both are offered
    to the reviewer for redaction.
    """

    ref: str
    title: str
    when: dt.date | None
    fields: list[tuple[str, str]]
    third_parties: list[str] = field(default_factory=list)
    partner_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    """A kind of record an app holds about people.

    `entries(ids)` yields what is held about the people with these ids (a person and the
    records merged into them). `destroy(ids)`, when given, removes it at the end of its
    retention period inside the caller's transaction and returns {table: rows removed}.
    """

    key: str
    label: str
    order: int
    entries: Callable[[set[int]], Iterable[Entry]]
    destroy: Callable[[set[int]], dict[str, int]] | None = None
