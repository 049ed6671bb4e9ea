"""What a partner agency is shown about a check: the minimum needed to search its systems.

DfE Information sharing advice (2024): share what is necessary and proportionate. A
partner gets names, dates of birth and addresses of the people named, and the question;
never the referrer's worry, other agencies' checks or their answers.
"""

import datetime as dt
from dataclasses import dataclass

from frontdoor.contacts.models import Contact, ContactSubject


@dataclass(frozen=True)
class PersonToSearch:
    role: str
    name: str
    date_of_birth: dt.date | None
    expected_date_of_birth: dt.date | None
    address: str
    person_id: int | None


def _address(subject: ContactSubject) -> str:
    if subject.person is not None:
        residence = subject.person.current_residence()
        if residence is not None:
            return str(residence.household)
    return ", ".join(part for part in [subject.address, subject.postcode] if part)


def people_to_search(contact: Contact) -> list[PersonToSearch]:
    """The people named in the contact, as the person index (or the referrer) has them."""
    found = []
    for subject in contact.subjects.select_related("person"):
        person = subject.person
        found.append(
            PersonToSearch(
                role=subject.get_role_display(),
                name=person.full_name if person else subject.described_name,
                date_of_birth=(person.date_of_birth if person else None) or subject.date_of_birth,
                expected_date_of_birth=(person.expected_date_of_birth if person else None)
                or subject.expected_date_of_birth,
                address=_address(subject),
                person_id=subject.person_id,
            )
        )
    return found
