"""Matching a contact's subjects against the person index, at intake (architecture.md, data
flow step 1): the candidates are stored with the contact in the same transaction.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.contacts.models import ContactSubject, SubjectCandidate
from frontdoor.lib.errors import ActionError
from frontdoor.people.matching import find_candidates
from frontdoor.people.models import Person

CANDIDATES_KEPT = 10


def store_candidates(subject: ContactSubject, at: dt.datetime) -> list[SubjectCandidate]:
    """Find who in the whole index may be `subject` and keep them, best first (call inside the
    calling action's transaction). What each viewer sees of them is filtered by their access."""
    SubjectCandidate.objects.filter(subject=subject).delete()
    subject.matched_at = at
    subject.save(update_fields=["matched_at"])
    return SubjectCandidate.objects.bulk_create(candidates_for(subject, at))


def candidates_for(subject: ContactSubject, at: dt.datetime) -> list[SubjectCandidate]:
    """The candidate rows for `subject`, unsaved: a new contact saves all its subjects' rows
    in one statement (intake.py), a subject matched again replaces its own (above)."""
    found = find_candidates(
        given_name=subject.given_name,
        family_name=subject.family_name,
        date_of_birth=subject.date_of_birth,
        postcode=subject.postcode,
        nhs_number=subject.nhs_number,
        people=Person.objects.all(),  # records merged away are never candidates
        limit=CANDIDATES_KEPT,
    )
    return [
        SubjectCandidate(
            subject=subject,
            person=candidate.person,
            rank=rank,
            probability=candidate.probability,
            band=candidate.band,
            evidence=candidate.evidence[:500],
            reasons=candidate.reasons,
            differences=candidate.differences,
            found_at=at,
        )
        for rank, candidate in enumerate(found, start=1)
    ]


def match_subject(subject: ContactSubject, user: Any) -> list[SubjectCandidate]:
    """Match an unlinked subject (again): for records added to the index since intake, or a
    subject received without matching."""
    if not subject.contact.is_open():
        raise ActionError("This contact has been decided; its subjects can no longer change.")
    if subject.person_id:
        raise ActionError("This person is already linked to a record.")
    with transaction.atomic():
        found = store_candidates(subject, timezone.now())
        record_change(
            user,
            subject.contact,
            contact_id=subject.contact_id,
            summary=f"Looked for matches for {subject.described_name}: {len(found)} found",
        )
    return found
