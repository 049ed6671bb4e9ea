"""Making people for the tests, through the actions (as every caller must)."""

import datetime as dt
from typing import Any

from frontdoor.people.actions import create_person
from frontdoor.people.models import Person

ADDRESS = "14 Orchard Street"
POSTCODE = "BS23 1UJ"


def add_person(
    given_name: str,
    family_name: str,
    born: dt.date | None = None,
    postcode: str = "",
    address: str = ADDRESS,
    **fields: Any,
) -> Person:
    return create_person(
        None,
        given_name=given_name,
        family_name=family_name,
        date_of_birth=born,
        postcode=postcode,
        address=address if postcode else "",
        **fields,
    )
