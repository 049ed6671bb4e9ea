"""Every state change of a strategy discussion: convening it, recording it, circulating the record.

Working Together 2023 (ch. 4): a strategy discussion is held whenever there is reasonable
cause to suspect significant harm, with local-authority children's social care, the police
and health; the record is circulated within one working day (domain.md §1). An outcome of a
section 47 enquiry starts it, dated the day of the discussion (DfE CIN census).
Each action opens its own transaction and writes its audit and chronology rows in it.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import start_s47_enquiry
from frontdoor.chronology.actions import add_contact_event, add_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts.models import Contact, Outcome, Rag
from frontdoor.lib.dates import govuk_datetime
from frontdoor.lib.errors import ActionError
from frontdoor.lib.workdays import end_of_next_working_day
from frontdoor.mash.models import MashEnquiry
from frontdoor.mash.strategy_models import (
    Attendance,
    StrategyAction,
    StrategyDiscussion,
    StrategyInvitation,
    StrategyOutcome,
)

# Working Together 2023: these agencies take part in every strategy discussion.
REQUIRED_AGENCIES = ("police", "health")
# Key for the local authority's own attendance in `record_strategy_discussion(attendance=)`.
SOCIAL_CARE = "social-care"
MAX_ACTIONS = 20


@dataclass(frozen=True)
class AttendanceInput:
    attendance: str
    attendee_name: str = ""


@dataclass(frozen=True)
class ActionInput:
    description: str
    due_date: dt.date | None
    owner_name: str = ""
    owner: Any = None


def may_convene(contact: Contact) -> bool:
    """Reasonable cause to suspect significant harm, as the front door has recorded it."""
    return (
        contact.outcome == Outcome.STRATEGY_DISCUSSION
        or contact.rag == Rag.RED
        or contact.mash_enquiries.exists()
    )


def _check_convening(
    contact: Contact, held_at: dt.datetime, agencies: Sequence[Agency], now: dt.datetime
) -> None:
    if not may_convene(contact):
        raise ActionError(
            "A strategy discussion needs reasonable cause to suspect significant harm: "
            "decide the contact as a strategy discussion, rate it red or open a MASH enquiry first."
        )
    if contact.strategy_discussions.filter(status=StrategyDiscussion.Status.CONVENED).exists():
        raise ActionError("A strategy discussion for this contact is already waiting to be held.")
    if held_at < contact.received_at:
        raise ActionError(
            "The strategy discussion cannot be before the contact was received.", field="held_at"
        )
    if held_at > now + dt.timedelta(days=60):
        raise ActionError("Hold the strategy discussion within 60 days.", field="held_at")
    slugs = [agency.slug for agency in agencies]
    if len(set(slugs)) != len(slugs):
        raise ActionError("Invite each agency only once.", field="agencies")
    for required in REQUIRED_AGENCIES:
        if required not in slugs:
            name = Agency.objects.filter(slug=required).values_list("name", flat=True).first()
            raise ActionError(
                f"Invite {name or required}: police and health take part in every "
                "strategy discussion.",
                field="agencies",
            )
    for agency in agencies:
        if not agency.is_active:
            raise ActionError(f"{agency.name} is no longer a MASH partner.", field="agencies")


def convene_strategy_discussion(
    contact: Contact,
    user: Any,
    *,
    held_at: dt.datetime,
    agencies: Sequence[Agency],
    enquiry: MashEnquiry | None = None,
    chair_name: str = "",
    at: dt.datetime | None = None,
) -> StrategyDiscussion:
    """Arrange a strategy discussion about a contact's children and invite the agencies.

    Children's social care convenes and always takes part; police and health must be invited.
    """
    now = at or timezone.now()
    _check_convening(contact, held_at, agencies, now)
    if enquiry is None:
        enquiry = contact.mash_enquiries.order_by("-opened_at").first()
    with transaction.atomic():
        discussion = StrategyDiscussion.objects.create(
            contact=contact,
            enquiry=enquiry,
            convened_by=user,
            convened_at=now,
            held_at=held_at,
            chair_name=chair_name.strip()[:150],
        )
        StrategyInvitation.objects.bulk_create(
            StrategyInvitation(discussion=discussion, agency=agency) for agency in agencies
        )
        names = ", ".join(agency.name for agency in agencies)
        when = govuk_datetime(held_at)
        summary = f"Strategy discussion convened for {when}: {names} invited"
        record_change(
            user, discussion, AuditEvent.Action.CREATE, contact_id=contact.pk, summary=summary
        )
        add_contact_event(contact, Kind.STRATEGY, summary, now, actor=user)
    return discussion


def _check_attendance(
    invitations: list[StrategyInvitation], attendance: Mapping[str, AttendanceInput]
) -> None:
    invited = {invitation.agency.slug: invitation.agency.name for invitation in invitations}
    unknown = sorted(set(attendance) - set(invited) - {SOCIAL_CARE})
    if unknown:
        raise ActionError(f"Not invited: {', '.join(unknown)}.", field="attendance")
    social_care = attendance.get(SOCIAL_CARE)
    if social_care is None or social_care.attendance != Attendance.ATTENDED:
        raise ActionError(
            "Children's social care leads every strategy discussion: record who attended for it.",
            field=f"attendance_{SOCIAL_CARE}",
        )
    for slug, name in [(SOCIAL_CARE, "children's social care"), *invited.items()]:
        given = attendance.get(slug)
        if given is None or given.attendance not in Attendance.values:
            raise ActionError(f"Say whether {name} attended.", field=f"attendance_{slug}")
        if given.attendance == Attendance.ATTENDED and not given.attendee_name.strip():
            raise ActionError(f"Give the name of who attended for {name}.", field=f"name_{slug}")


def _check_actions(actions: Sequence[ActionInput], held_on: dt.date) -> None:
    if len(actions) > MAX_ACTIONS:
        raise ActionError(f"Record at most {MAX_ACTIONS} actions.", field="actions")
    for number, action in enumerate(actions, start=1):
        if not action.description.strip():
            raise ActionError(f"Describe action {number}.", field=f"action_{number}_description")
        if action.owner is None and not action.owner_name.strip():
            raise ActionError(f"Say who owns action {number}.", field=f"action_{number}_owner")
        if action.due_date is None:
            raise ActionError(f"Give a due date for action {number}.", field=f"action_{number}_due")
        if action.due_date < held_on:
            raise ActionError(
                f"Action {number} cannot be due before the strategy discussion.",
                field=f"action_{number}_due",
            )


def _check_record(
    discussion: StrategyDiscussion,
    held_at: dt.datetime,
    now: dt.datetime,
    fields: dict[str, str],
) -> None:
    if discussion.status != StrategyDiscussion.Status.CONVENED:
        raise ActionError("This strategy discussion has already been recorded.")
    if held_at > now:
        when = govuk_datetime(held_at)
        raise ActionError(f"The strategy discussion is set for {when}: record it once held.")
    if held_at < discussion.contact.received_at:
        raise ActionError("The strategy discussion cannot be before the contact was received.")
    if not fields["chair_name"]:
        raise ActionError("Give the name of the chair.", field="chair_name")
    if not fields["information_shared"]:
        raise ActionError("Record the information each agency shared.", field="information_shared")
    if fields["outcome"] not in StrategyOutcome.values:
        raise ActionError("Choose the outcome of the strategy discussion.", field="outcome")
    if not fields["rationale"]:
        raise ActionError("Give the rationale for the outcome.", field="rationale")
    if fields["outcome"] == StrategyOutcome.SECTION_47:
        if discussion.contact.has_unlinked_children():
            raise ActionError(
                "Link every child to a record in the person index before starting a section 47 "
                "enquiry."
            )
        if not discussion.contact.linked_children():
            raise ActionError("A section 47 enquiry needs a child linked to the person index.")


def record_strategy_discussion(
    discussion: StrategyDiscussion,
    user: Any,
    *,
    attendance: Mapping[str, AttendanceInput],
    information_shared: str,
    outcome: str,
    rationale: str,
    actions: Sequence[ActionInput] = (),
    chair_name: str = "",
    held_at: dt.datetime | None = None,
    at: dt.datetime | None = None,
) -> StrategyDiscussion:
    """Record the meeting in one go: attendance, what was shared, outcome, rationale, actions.

    `attendance` is keyed by agency slug for every invited agency, plus SOCIAL_CARE. The
    record is due for circulation by the end of the next working day; a section 47 outcome
    starts an s47 enquiry for each child, dated the day of the discussion.
    """
    now = at or timezone.now()
    held = held_at or discussion.held_at
    fields = {
        "chair_name": (chair_name or discussion.chair_name).strip()[:150],
        "information_shared": information_shared.strip(),
        "outcome": outcome,
        "rationale": rationale.strip(),
    }
    with transaction.atomic():
        # Lock the row: two people recording the same meeting must not both succeed.
        discussion = StrategyDiscussion.objects.select_for_update().get(pk=discussion.pk)
        _check_record(discussion, held, now, fields)
        invitations = list(discussion.invitations.select_related("agency"))
        _check_attendance(invitations, attendance)
        held_on = timezone.localtime(held).date()
        _check_actions(actions, held_on)
        _save_record(discussion, user, held, now, fields, attendance)
        _save_attendance(invitations, attendance)
        StrategyAction.objects.bulk_create(
            StrategyAction(
                discussion=discussion,
                description=action.description.strip(),
                owner=action.owner,
                owner_name=action.owner_name.strip()[:150],
                due_date=action.due_date or held_on,
            )
            for action in actions
        )
        _write_history(discussion, user, now, invitations)
        if outcome == StrategyOutcome.SECTION_47:
            for person in discussion.contact.linked_children():
                start_s47_enquiry(person, strategy_discussion=discussion, user=user, at=now)
    return discussion


def _save_record(
    discussion: StrategyDiscussion,
    user: Any,
    held: dt.datetime,
    now: dt.datetime,
    fields: dict[str, str],
    attendance: Mapping[str, AttendanceInput],
) -> None:
    social_care = attendance[SOCIAL_CARE]
    for name, value in fields.items():
        setattr(discussion, name, value)
    discussion.held_at = held
    discussion.social_care_attendance = social_care.attendance
    discussion.social_care_attendee_name = social_care.attendee_name.strip()[:150]
    discussion.status = StrategyDiscussion.Status.HELD
    discussion.recorded_by = user
    discussion.recorded_at = now
    discussion.circulation_due_at = end_of_next_working_day(held)
    discussion.save()


def _save_attendance(
    invitations: list[StrategyInvitation], attendance: Mapping[str, AttendanceInput]
) -> None:
    for invitation in invitations:
        given = attendance[invitation.agency.slug]
        invitation.attendance = given.attendance
        invitation.attendee_name = (
            given.attendee_name.strip()[:150] if given.attendance == Attendance.ATTENDED else ""
        )
    StrategyInvitation.objects.bulk_update(invitations, ["attendance", "attendee_name"])


def _write_history(
    discussion: StrategyDiscussion,
    user: Any,
    now: dt.datetime,
    invitations: list[StrategyInvitation],
) -> None:
    summary = f"Strategy discussion held: {discussion.get_outcome_display()}"
    came = [i.agency.name for i in invitations if i.attendance == Attendance.ATTENDED]
    record_change(
        user,
        discussion,
        contact_id=discussion.contact_id,
        summary=summary,
        changes={
            "outcome": discussion.outcome,
            "attended": came,
            "held_at": discussion.held_at.isoformat(),
        },
    )
    for person in discussion.contact.linked_children():
        add_event(
            person,
            Kind.STRATEGY,
            summary,
            discussion.held_at,
            detail=discussion.rationale,
            contact=discussion.contact,
            actor=user,
        )


def mark_record_circulated(
    discussion: StrategyDiscussion, user: Any, *, at: dt.datetime | None = None
) -> StrategyDiscussion:
    """Record that the minutes went to everyone who took part (due within one working day)."""
    now = at or timezone.now()
    with transaction.atomic():
        discussion = StrategyDiscussion.objects.select_for_update().get(pk=discussion.pk)
        if discussion.status == StrategyDiscussion.Status.CONVENED:
            raise ActionError("Record the strategy discussion before circulating the record.")
        if discussion.status == StrategyDiscussion.Status.RECORDED:
            raise ActionError("The record of this strategy discussion has already been circulated.")
        if now < discussion.held_at:
            raise ActionError("The record cannot be circulated before the discussion was held.")
        discussion.status = StrategyDiscussion.Status.RECORDED
        discussion.record_circulated_at = now
        discussion.circulated_by = user
        discussion.save(update_fields=["status", "record_circulated_at", "circulated_by"])
        late = discussion.is_circulation_overdue(now)
        summary = "Strategy discussion record circulated" + (" late" if late else "")
        record_change(user, discussion, contact_id=discussion.contact_id, summary=summary)
        add_contact_event(discussion.contact, Kind.STRATEGY, summary, now, actor=user)
    return discussion


def mark_strategy_action_done(
    action: StrategyAction, user: Any, *, at: dt.datetime | None = None
) -> StrategyAction:
    """Tick off an action agreed at the strategy discussion."""
    now = at or timezone.now()
    with transaction.atomic():
        done = StrategyAction.objects.filter(pk=action.pk, done=False).update(
            done=True, done_at=now
        )
        if not done:
            raise ActionError("This action is already done.")
        action.done, action.done_at = True, now
        record_change(
            user,
            action,
            contact_id=action.discussion.contact_id,
            summary=f"Strategy discussion action done: {action.description[:200]}",
        )
    return action
