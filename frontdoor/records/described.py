"""Which apps describe their own personal data (filled in by `registry.discover()`)."""

_labels: set[str] = set()


def add(label: str) -> None:
    _labels.add(label)


def apps_with_sources() -> set[str]:
    """Labels of the apps that ship `personal_data.py`."""
    return set(_labels)
