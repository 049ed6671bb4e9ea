"""How a person's details read on a page (ages, addresses), kept out of templates."""

import datetime as dt

from django.utils import timezone

from frontdoor.lib.dates import govuk_date, months_of_age_on
from frontdoor.people.models import Disability, Person


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'} old"


def age_text(person: Person, today: dt.date | None = None) -> str:
    """ "7 years old", "14 months old", "Unborn (due 3 March 2026)", or "" if not known."""
    today = today or timezone.localdate()
    if person.date_of_birth is None:
        due = person.expected_date_of_birth
        if person.kind == Person.Kind.UNBORN and due:
            return f"Unborn (due {govuk_date(due)})"
        return "Unborn" if person.kind == Person.Kind.UNBORN else ""
    born = person.date_of_birth
    years = person.age_on(today) or 0
    if years >= 2:
        return _plural(years, "year")
    months = months_of_age_on(born, today)
    if months >= 1:
        return _plural(months, "month")
    days = (today - born).days
    return _plural(days // 7, "week") if days >= 7 else _plural(days, "day")


def nhs_number_text(value: str) -> str:
    """NHS numbers are read and written in groups of 3, 3 and 4 digits."""
    return f"{value[:3]} {value[3:6]} {value[6:]}" if len(value) == 10 else value


def current_postcode(person: Person) -> str:
    """The postcode of the current address (uses prefetched residences when there are some)."""
    current = [r for r in person.residences.all() if r.end_date is None]
    return current[0].household.postcode if current else ""


def disability_labels(codes: list[str]) -> str:
    """DfE disability codes as words ("Hearing, Vision")."""
    labels = dict(Disability.choices)
    return ", ".join(labels.get(code, code) for code in codes)
