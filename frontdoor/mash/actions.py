"""Every state change of a MASH enquiry: opening it, answers, more time, RAG changes, the
overdue-check clock (swept by `frontdoor tick`, registered with notifications.clocks).

Each action opens its own transaction and writes its audit and chronology rows in it.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_contact_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts.actions import triage_contact
from frontdoor.contacts.models import Consent, Contact, Rag
from frontdoor.lib.dates import govuk_datetime
from frontdoor.lib.errors import ActionError
from frontdoor.mash.clocks import check_due_at, clock_rules
from frontdoor.mash.models import (
    AgencyCheck,
    AgencyMashSettings,
    CheckAnswer,
    CheckResponseKey,
    ExtensionRequest,
    InformationSharingDecision,
    LawfulBasis,
    MashEnquiry,
    RagChange,
    RiskIndicator,
    SharingDecision,
)
from frontdoor.notifications.actions import queue_notification
from frontdoor.notifications.models import Notification

DEFAULT_MASH_MANAGER_EMAIL = "mash-manager@example.invalid"


def _check_enquiry_request(contact: Contact, checks: Sequence[tuple[Agency, str]]) -> None:
    if not contact.is_open():
        raise ActionError("This contact has already been decided.")
    if not contact.rag:
        raise ActionError("Triage the contact (RAG rating) before opening a MASH enquiry.")
    if not checks:
        raise ActionError("Choose at least one agency to ask.", field="agencies")
    agencies = [agency for agency, _ in checks]
    if len({a.pk for a in agencies}) != len(agencies):
        raise ActionError("Ask each agency only once.", field="agencies")
    for agency, question in checks:
        if not agency.is_active:
            raise ActionError(f"{agency.name} is no longer a MASH partner.", field="agencies")
        if not question.strip():
            raise ActionError(f"Write the question for {agency.name}.", field="question")
    if contact.mash_enquiries.filter(status=MashEnquiry.Status.OPEN).exists():
        raise ActionError("This contact already has an open MASH enquiry.")


def open_mash_enquiry(
    contact: Contact,
    user: Any,
    checks: Sequence[tuple[Agency, str]],
    *,
    at: dt.datetime | None = None,
) -> MashEnquiry:
    """Ask partner agencies what they know; each check's clock runs from now by the RAG.

    domain.md §5: the RAG rating sets how quickly partners must answer, so a contact must
    be triaged first.
    """
    _check_enquiry_request(contact, checks)
    now = at or timezone.now()
    with transaction.atomic():
        enquiry = MashEnquiry.objects.create(contact=contact, opened_by=user, opened_at=now)
        rules = clock_rules(contact.rag)  # one query for every agency's clock
        AgencyCheck.objects.bulk_create(
            AgencyCheck(
                enquiry=enquiry,
                agency=agency,
                question=question.strip(),
                requested_at=now,
                due_at=check_due_at(now, contact.rag, agency, rules=rules),
            )
            for agency, question in checks
        )
        names = ", ".join(agency.name for agency, _ in checks)
        record_change(
            user,
            enquiry,
            AuditEvent.Action.CREATE,
            contact_id=contact.pk,
            summary=f"MASH enquiry opened: checks asked of {names}",
        )
        add_contact_event(
            contact, Kind.MASH, f"MASH enquiry opened: checks asked of {names}", now, actor=user
        )
    return enquiry


def _check_answer_fields(
    check: AgencyCheck,
    known: bool,
    what_is_known: str,
    risk_indicators: Iterable[str],
    source_date: dt.date | None,
    now: dt.datetime,
) -> None:
    if check.status == AgencyCheck.Status.ANSWERED:
        raise ActionError("This check has already been answered.")
    if check.status == AgencyCheck.Status.WITHDRAWN:
        raise ActionError("This check was withdrawn, so it no longer needs an answer.")
    if check.status == AgencyCheck.Status.CLOSED:
        raise ActionError(
            "This check was closed because the MASH enquiry was decided; "
            "it no longer needs an answer."
        )
    if known and not what_is_known.strip():
        raise ActionError("Say what your agency knows.", field="what_is_known")
    chosen = set(risk_indicators)
    allowed = RiskIndicator.objects.filter(is_active=True).values_list("code", flat=True)
    unknown = sorted(chosen - set(allowed)) if chosen else []
    if unknown:
        raise ActionError(f"Unknown risk indicator: {', '.join(unknown)}.", field="risk_indicators")
    if source_date and source_date > timezone.localdate(now):
        raise ActionError(
            "The date of the source record must be today or in the past.", field="source_date"
        )


def answer_check(
    check: AgencyCheck,
    *,
    answered_by: Any,
    answered_by_name: str,
    known: bool,
    what_is_known: str = "",
    risk_indicators: Sequence[str] = (),
    source_system: str = "",
    source_date: dt.date | None = None,
    via: str = CheckAnswer.Via.PORTAL,
    at: dt.datetime | None = None,
) -> CheckAnswer:
    """Record an agency's answer with its provenance; late if after the check's due time.

    The MASH decision relies on who said what, from which system and when (DfE
    Information sharing advice 2024: record what was shared, with whom and why).
    """
    now = at or timezone.now()
    name = answered_by_name.strip() or getattr(answered_by, "display_name", "")
    if not name:
        raise ActionError("Give the name of the person answering.", field="answered_by_name")
    with transaction.atomic():
        # Lock the check: two answers arriving together must not both be recorded.
        check = (
            AgencyCheck.objects.select_for_update(of=("self",))
            .select_related("agency", "enquiry__contact")
            .get(pk=check.pk)
        )
        _check_answer_fields(check, known, what_is_known, risk_indicators, source_date, now)
        answer = CheckAnswer.objects.create(
            check_request=check,
            known=known,
            what_is_known=what_is_known.strip(),
            risk_indicators=sorted(set(risk_indicators)),
            source_system=source_system.strip(),
            source_date=source_date,
            answered_by=answered_by if getattr(answered_by, "is_authenticated", False) else None,
            answered_by_name=name[:150],
            answered_at=now,
            via=via,
            is_late=now > check.due_at,
        )
        check.status = AgencyCheck.Status.ANSWERED
        check.save(update_fields=["status"])
        contact = check.enquiry.contact
        summary = f"{check.agency.name} answered the MASH check" + (
            " late" if answer.is_late else ""
        )
        record_change(
            answered_by,
            answer,
            AuditEvent.Action.CREATE,
            actor_label=None if answer.answered_by else f"{check.agency.slug} system",
            contact_id=contact.pk,
            summary=summary,
        )
        add_contact_event(contact, Kind.MASH, summary, now, actor=answered_by)
    return answer


def request_more_time(
    check: AgencyCheck, user: Any, reason: str, *, at: dt.datetime | None = None
) -> ExtensionRequest:
    """A partner asks for more time; the clock keeps running until a manager agrees."""
    if not check.is_open():
        raise ActionError("This check is no longer waiting for an answer.")
    if not reason.strip():
        raise ActionError("Say why your agency needs more time.", field="reason")
    pending = check.extension_requests.filter(decision=ExtensionRequest.Decision.PENDING)
    if pending.exists():
        raise ActionError("Your agency has already asked for more time on this check.")
    now = at or timezone.now()
    with transaction.atomic():
        request = ExtensionRequest.objects.create(
            check_request=check, requested_by=user, reason=reason.strip(), requested_at=now
        )
        record_change(
            user,
            request,
            AuditEvent.Action.CREATE,
            contact_id=check.enquiry.contact_id,
            summary=f"{check.agency.name} asked for more time on a MASH check",
            changes={"reason": reason.strip()},
        )
    return request


def recompute_open_clocks(
    contact: Contact, user: Any, new_rag: str, reason: str, *, at: dt.datetime | None = None
) -> list[AgencyCheck]:
    """Change the contact's RAG and re-time every open check from when it was asked.

    domain.md §5 (Surrey, Luton): the grade can change as information arrives, and a
    change needs a recorded rationale.
    """
    if new_rag not in Rag.values:
        raise ActionError("Choose a RAG rating.", field="rag")
    if new_rag == contact.rag:
        raise ActionError(f"The contact is already rated {contact.get_rag_display()}.", field="rag")
    if not reason.strip():
        raise ActionError("Say why the RAG rating is changing.", field="reason")
    now = at or timezone.now()
    with transaction.atomic():
        from_rag = contact.rag
        triage_contact(
            contact, user, rag=new_rag, level_of_need=contact.level_of_need, note=reason, at=now
        )
        RagChange.objects.create(
            contact=contact,
            from_rag=from_rag,
            to_rag=new_rag,
            changed_by=user,
            changed_at=now,
            reason=reason.strip(),
        )
        open_checks = (
            AgencyCheck.objects.still_open()
            .filter(enquiry__contact=contact)
            .select_related("agency")
        )
        changed = [_retime(check, new_rag, user, now) for check in open_checks]
    return changed


def _retime(check: AgencyCheck, rag: str, user: Any, now: dt.datetime) -> AgencyCheck:
    before = check.due_at
    check.due_at = check_due_at(check.requested_at, rag, check.agency)
    if check.due_at >= now:
        # No longer overdue: a later lapse is a new one and is notified again.
        check.is_overdue = False
        check.overdue_notified_at = None
    check.save(update_fields=["due_at", "is_overdue", "overdue_notified_at"])
    record_change(
        user,
        check,
        contact_id=check.enquiry.contact_id,
        summary=f"Check for {check.agency.name} re-timed after RAG change to {rag}",
        changes={"before": before.isoformat(), "after": check.due_at.isoformat()},
    )
    return check


def mash_manager_email() -> str:
    return getattr(settings, "MASH_MANAGER_EMAIL", DEFAULT_MASH_MANAGER_EMAIL)


def _overdue_recipients(check: AgencyCheck) -> list[str]:
    lead = AgencyMashSettings.objects.filter(agency=check.agency).first()
    addresses = [lead.lead_email] if lead and lead.lead_email else []
    return [*addresses, mash_manager_email()]


def _queue_overdue_notice(check: AgencyCheck, now: dt.datetime) -> Notification:
    # No child's name or worry in an e-mail: only the reference and the times.
    contact = check.enquiry.contact
    due = govuk_datetime(check.due_at)
    return queue_notification(
        to=_overdue_recipients(check),
        subject=f"Overdue MASH check for {check.agency.name} ({contact.reference})",
        body=(
            f"The MASH check asked of {check.agency.name} about contact {contact.reference} "
            f"was due at {due} and has not been answered.\n\n"
            f"Sign in to Front Door to answer it or to ask for more time."
        ),
        about=check,
        now=now,
    )


def flag_overdue_checks(now: dt.datetime | None = None) -> int:
    """Flag open checks past their due time and queue one reminder for each.

    Safe to run twice or in two processes at once: a check is claimed by a conditional
    update, so only one run queues its notification. Returns how many were flagged.
    """
    now = now or timezone.now()
    flagged = 0
    candidates = AgencyCheck.objects.past_due_not_yet_flagged(now).select_related(
        "agency", "enquiry__contact"
    )
    for check in candidates:
        with transaction.atomic():
            claimed = AgencyCheck.objects.filter(
                pk=check.pk, status=AgencyCheck.Status.OPEN, overdue_notified_at__isnull=True
            ).update(is_overdue=True, overdue_notified_at=now)
            if not claimed:
                continue
            _queue_overdue_notice(check, now)
            record_change(
                None,
                check,
                actor_label="tick",
                contact_id=check.enquiry.contact_id,
                summary=f"Check for {check.agency.name} is overdue",
            )
            flagged += 1
    return flagged


def answer_check_once(
    check: AgencyCheck, *, agency: Agency, key: str, body_hash: str, **fields: Any
) -> tuple[CheckAnswer, bool]:
    """Record a partner system's answer unless its Idempotency-Key was seen before.

    Returns the answer and whether it was recorded now. The key is stored in the answer's
    transaction, so a retry replays the first answer; a key reused with another body is
    refused.
    """
    earlier = _earlier_key(agency, key)
    if earlier is None:
        try:
            with transaction.atomic():
                answer = answer_check(check, via=CheckAnswer.Via.API, **fields)
                CheckResponseKey.objects.create(
                    agency=agency, key=key, body_hash=body_hash, answer=answer
                )
            return answer, True
        except IntegrityError:
            earlier = _earlier_key(agency, key)
            if earlier is None:
                raise
    if earlier.body_hash != body_hash or earlier.answer.check_request_id != check.pk:
        raise ActionError(
            "Idempotency-Key was already used with a different request",
            field="Idempotency-Key",
        )
    return earlier.answer, False


def _earlier_key(agency: Agency, key: str) -> CheckResponseKey | None:
    return CheckResponseKey.objects.select_related("answer").filter(agency=agency, key=key).first()


def _check_sharing_fields(fields: dict[str, str]) -> None:
    if fields["decision"] not in SharingDecision.values:
        raise ActionError("Choose whether to share the information.", field="decision")
    for name, message in [
        ("what", "Say what information was shared, or what was asked for."),
        ("with_whom", "Say who the information was shared with, or who asked for it."),
        ("purpose", "Say why: the purpose of sharing, or the reason for not sharing."),
    ]:
        if not fields[name].strip():
            raise ActionError(message, field=name)
    sharing = fields["decision"] == SharingDecision.SHARE
    if sharing and fields["lawful_basis"] not in LawfulBasis.values:
        raise ActionError("Choose the lawful basis for sharing.", field="lawful_basis")
    if fields["consent_status"] not in Consent.values:
        raise ActionError("Choose whether consent was sought.", field="consent_status")
    if fields["lawful_basis"] == LawfulBasis.CONSENT and fields["consent_status"] != "given":
        raise ActionError(
            "Consent can only be the lawful basis when it was given.", field="lawful_basis"
        )
    if fields["consent_status"] != "given" and not fields["consent_reason"].strip():
        raise ActionError(
            "Say why consent was not sought or given, or why you shared without it.",
            field="consent_reason",
        )


def record_information_sharing(
    enquiry: MashEnquiry, user: Any, *, at: dt.datetime | None = None, **fields: str
) -> InformationSharingDecision:
    """Record a decision to share information, or not to, with its reasons.

    DfE Information sharing advice (2024), golden rule 7: record the decision and the
    reasons, whether or not information is shared; consent is usually not the right lawful
    basis in safeguarding, and the DPA 2018 lets special category data be shared for the
    safeguarding of children without it.
    """
    keys = ["decision", "what", "with_whom", "purpose", "lawful_basis", "consent_status"]
    values = {key: str(fields.get(key) or "") for key in [*keys, "consent_reason"]}
    _check_sharing_fields(values)
    now = at or timezone.now()
    with transaction.atomic():
        record = InformationSharingDecision.objects.create(
            enquiry=enquiry,
            **{key: value.strip() for key, value in values.items()},
            decided_by=user,
            decided_at=now,
        )
        summary = f"Information-sharing decision: {record.get_decision_display().lower()}"
        summary += f" with {record.with_whom}"
        record_change(
            user,
            record,
            AuditEvent.Action.CREATE,
            contact_id=enquiry.contact_id,
            summary=summary,
            changes={key: getattr(record, key) for key in [*keys, "consent_reason"]},
        )
        add_contact_event(enquiry.contact, Kind.MASH, summary, now, actor=user)
    return record
