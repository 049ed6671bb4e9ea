"""Where every app's personal data is described (ADR 0016).

Each app that holds personal data offers `SOURCES` in `frontdoor/<app>/personal_data.py`
(`frontdoor.lib.personal_data.Source`); `discover()` finds those modules when the service
starts. The apps that came before this one are described in `records/sources/` (one module
per app), so they need no change; an app added later brings its own module.
"""

import importlib
import importlib.util

from django.apps import apps

from frontdoor.lib.personal_data import Source
from frontdoor.records import described

_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    _sources[source.key] = source


def discover() -> None:
    from frontdoor.records.sources import BUILT_IN

    for source in BUILT_IN:
        register(source)
    for config in apps.get_app_configs():
        if not config.name.startswith("frontdoor.") or config.name == "frontdoor.records":
            continue
        module = f"{config.name}.personal_data"
        if importlib.util.find_spec(module) is None:
            continue
        for source in getattr(importlib.import_module(module), "SOURCES", []):
            register(source)
        described.add(config.label)


def sources() -> list[Source]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.key))


def app_destroyers() -> list[Source]:
    """Sources that remove their own rows (apps added after the records app)."""
    return [source for source in sources() if source.destroy is not None]
