"""The apps that came before the records app, described as `Source`s (ADR 0016)."""

from frontdoor.lib.personal_data import Source
from frontdoor.records.sources import (
    access_log,
    casework,
    chronology,
    contacts,
    earlyhelp,
    linked,
    mash,
    outside,
    people,
)

BUILT_IN: list[Source] = [
    *people.SOURCES,
    *contacts.SOURCES,
    *mash.SOURCES,
    *casework.SOURCES,
    *earlyhelp.SOURCES,
    *outside.SOURCES,
    *chronology.SOURCES,
    *access_log.SOURCES,
    *linked.SOURCES,
]
