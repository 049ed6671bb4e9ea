"""Every state change of a contact: intake, its subjects, triage, decision and authorisation.

One module per concept; import from here (`from frontdoor.contacts.actions import …`).
"""

from frontdoor.contacts.actions.decisions import authorise_decision, record_decision, triage_contact
from frontdoor.contacts.actions.intake import (
    admit_online_submission,
    new_reference,
    receive_contact,
    receive_contact_once,
    record_consultation,
)
from frontdoor.contacts.actions.matching import match_subject
from frontdoor.contacts.actions.reference import save_level_of_need
from frontdoor.contacts.actions.subjects import add_subject, create_person_for_subject, link_subject

__all__ = [
    "add_subject",
    "admit_online_submission",
    "authorise_decision",
    "create_person_for_subject",
    "link_subject",
    "match_subject",
    "new_reference",
    "receive_contact",
    "receive_contact_once",
    "record_consultation",
    "record_decision",
    "save_level_of_need",
    "triage_contact",
]
