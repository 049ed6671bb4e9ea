"""The weekly missing meeting and MACE: the meeting is prepared (its pack is built from the
records, outside/pack.py), and decisions and actions are recorded per child or context."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError
from frontdoor.outside.actions.bookkeeping import actor, audit_only, log
from frontdoor.outside.codes import MeetingKind
from frontdoor.outside.models import Entity, Meeting, MeetingAction, MeetingNote
from frontdoor.people.models import Person

DEFAULT_DAYS_COVERED = 7


def previous_meeting(kind: str, held_on: dt.date) -> Meeting | None:
    return Meeting.objects.filter(kind=kind, held_on__lt=held_on).order_by("-held_on").first()


def prepare_meeting(
    kind: str, held_on: dt.date, *, user: Any, at: dt.datetime | None = None
) -> Meeting:
    """The meeting of that kind on that day (made once): it covers the children missing since
    the previous one, or the 7 days before if there was none."""
    if kind not in MeetingKind.values:
        raise ActionError("Choose the weekly missing meeting or MACE.", field="kind")
    existing = Meeting.objects.filter(kind=kind, held_on=held_on).first()
    if existing is not None:
        return existing
    earlier = previous_meeting(kind, held_on)
    covers_from = earlier.held_on if earlier else held_on - dt.timedelta(days=DEFAULT_DAYS_COVERED)
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                kind=kind,
                held_on=held_on,
                covers_from=covers_from,
                created_by=actor(user),
                created_at=at or timezone.now(),
            )
            audit_only(
                user, meeting, f"{MeetingKind(kind).label} on {held_on} prepared", created=True
            )
    except IntegrityError:
        return Meeting.objects.get(kind=kind, held_on=held_on)
    return meeting


def record_meeting_note(
    meeting: Meeting,
    *,
    decision: str,
    user: Any,
    person: Person | None = None,
    entity: Entity | None = None,
    actions: list[tuple[str, str, dt.date]] | None = None,
    at: dt.datetime | None = None,
) -> MeetingNote:
    """What the meeting decided about one child or one context, with its actions
    (text, owner, due date)."""
    now = at or timezone.now()
    if (person is None) == (entity is None):
        raise ActionError("Record the decision about one child or one context.")
    if not decision.strip():
        raise ActionError("Record what was decided.", field="decision")
    for text, owner, due_on in actions or []:
        if not text.strip() or not owner.strip():
            raise ActionError("Give each action and who will do it.", field="action")
        if due_on < meeting.held_on:
            raise ActionError("An action cannot be due before the meeting.", field="due_on")
    with transaction.atomic():
        note = MeetingNote.objects.create(
            meeting=meeting,
            person=person,
            entity=entity,
            decision=decision,
            recorded_by=actor(user),
            recorded_at=now,
        )
        for text, owner, due_on in actions or []:
            MeetingAction.objects.create(
                note=note, text=text[:300], owner=owner[:120], due_on=due_on
            )
        label = MeetingKind(meeting.kind).label
        if person is not None:
            log(
                user,
                note,
                person,
                Kind.ROTH_MEETING,
                f"Discussed at the {label.lower()}",
                now,
                created=True,
                detail=decision,
            )
        else:
            audit_only(
                user, note, f"Context discussed at the {label.lower()}: {entity}", created=True
            )
    return note


def complete_meeting_action(action: MeetingAction, *, done_on: dt.date, user: Any) -> MeetingAction:
    """Mark an agreed action done."""
    if done_on < action.note.meeting.held_on:
        raise ActionError("An action cannot be done before the meeting.", field="done_on")
    with transaction.atomic():
        if not MeetingAction.objects.filter(pk=action.pk, done_on__isnull=True).update(
            done_on=done_on
        ):
            raise ActionError("This action is already done.")
        action.done_on = done_on
        audit_only(
            user, action, f"Meeting action done: {action.text}", person_id=action.note.person_id
        )
    return action
