"""State changes of quality assurance (ADR 0017). Each is one transaction, logged."""

import datetime as dt
import secrets
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.accounts.models import Agency, User
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.models import Contact, Decision
from frontdoor.lib.errors import ActionError
from frontdoor.notifications.actions import queue_notification
from frontdoor.quality.codes import Answer, Grade, Method, Stratum
from frontdoor.quality.models import (
    AgencyView,
    Audit,
    AuditAnswer,
    AuditKind,
    LearningAction,
    Moderation,
    Programme,
    Sample,
    Theme,
)
from frontdoor.quality.sampling import draw
from frontdoor.quality.targets import TARGETS

CREATE = AuditEvent.Action.CREATE


def _now(at: dt.datetime | None) -> dt.datetime:
    return at or timezone.now()


def save_kind(
    user: Any,
    kind: AuditKind | None,
    *,
    name: str,
    questions: Sequence[str],
    is_multi_agency: bool,
    slug: str = "",
) -> AuditKind:
    """Add or change a kind of audit and its questions (one per line, at least one)."""
    asked = [q.strip()[:300] for q in questions if q.strip()]
    if not name.strip():
        raise ActionError("Enter the name of the kind of audit.", field="name")
    if not asked:
        raise ActionError("Enter at least one question, one per line.", field="questions")
    with transaction.atomic():
        if kind is None:
            kind = AuditKind(slug=slug or f"kind-{AuditKind.objects.count() + 1}")
        kind.name, kind.questions, kind.is_multi_agency = name.strip(), asked, is_multi_agency
        kind.save()
        record_change(user, kind, summary=f"Audit kind saved: {kind.name}")
    return kind


def set_programme(
    user: Any,
    *,
    month: dt.date,
    kind: AuditKind,
    count: int,
    method: str,
    auditors: Sequence[User],
    stratum: str = "",
    target: str = "",
    at: dt.datetime | None = None,
) -> Programme:
    """A month's programme for one kind of audit."""
    if not access.can_lead_quality_assurance(user):
        raise ActionError("Only a team manager or QA auditor may set the audit programme.")
    if count < 1:
        raise ActionError("Enter how many audits, 1 or more.", field="count")
    if method == Method.STRATIFIED and stratum not in Stratum.values:
        raise ActionError("Choose what to stratify the sample by.", field="stratum")
    if method == Method.TARGETED and target not in TARGETS:
        raise ActionError("Choose the theme to target.", field="target")
    if not auditors or any(not access.can_audit_decisions(a) for a in auditors):
        raise ActionError("Choose at least one auditor.", field="auditors")
    with transaction.atomic():
        programme = Programme.objects.create(
            month=month.replace(day=1),
            kind=kind,
            count=count,
            method=method,
            stratum=stratum if method == Method.STRATIFIED else "",
            target=target if method == Method.TARGETED else "",
            created_by=user,
            created_at=_now(at),
        )
        programme.auditors.set(auditors)
        record_change(user, programme, CREATE, summary=f"Audit programme set: {programme}")
    return programme


def draw_sample(
    user: Any, programme: Programme, *, seed: int | None = None, at: dt.datetime | None = None
) -> Sample:
    """Draw the programme's sample (seeded; the seed is kept) and assign each audit."""
    seed = secrets.randbits(48) if seed is None else seed
    auditors = list(programme.auditors.values_list("pk", flat=True))
    drawn = draw(programme, seed, auditors)
    if not drawn.chosen:
        raise ActionError("No contacts decided that month can be audited by these auditors.")
    with transaction.atomic():
        sample = Sample.objects.create(
            programme=programme,
            seed=seed,
            population=drawn.population,
            drawn_by=user,
            drawn_at=_now(at),
        )
        Audit.objects.bulk_create(
            Audit(sample=sample, contact_id=contact, auditor_id=auditor)
            for contact, auditor in drawn.chosen
        )
        record_change(
            user,
            sample,
            CREATE,
            summary=f"Sample of {len(drawn.chosen)} drawn from {drawn.population} (seed {seed})",
        )
    return sample


def complete_audit(
    user: Any,
    audit: Audit,
    *,
    answers: Sequence[tuple[str, str]],
    grade: str,
    same_decision: bool,
    summary: str,
    themes: Sequence[Theme] = (),
    agency_views: Sequence[tuple[Agency, bool, str]] = (),
    child_unsafe: bool = False,
    at: dt.datetime | None = None,
) -> Audit:
    """Record the auditor's answers with evidence, the grade and "same decision?"."""
    if audit.auditor_id != user.pk:
        raise ActionError("Only the auditor the audit was given to may complete it.")
    if audit.is_completed:
        raise ActionError("This audit has already been completed.")
    questions = audit.kind.questions
    if len(answers) != len(questions):
        raise ActionError("Answer every question.")
    for i, (answer, evidence) in enumerate(answers):
        if answer not in Answer.values:
            raise ActionError("Answer every question.", field=f"answer_{i}")
        if not evidence.strip():
            raise ActionError("Give the evidence for every answer.", field=f"evidence_{i}")
    if grade not in Grade.values:
        raise ActionError("Choose the overall grade.", field="grade")
    with transaction.atomic():
        AuditAnswer.objects.bulk_create(
            AuditAnswer(audit=audit, order=i, question=q, answer=a, evidence=e.strip())
            for i, (q, (a, e)) in enumerate(zip(questions, answers, strict=True))
        )
        AgencyView.objects.bulk_create(
            AgencyView(audit=audit, agency=agency, attended=attended, view=view.strip())
            for agency, attended, view in agency_views
        )
        audit.grade, audit.same_decision, audit.summary = grade, same_decision, summary.strip()
        audit.child_unsafe, audit.completed_at = child_unsafe, _now(at)
        audit.save()
        audit.themes.set(themes)
        record_change(user, audit, contact_id=audit.contact_id, summary=f"Audit completed: {grade}")
        if child_unsafe:
            escalate_unsafe(user, audit, at=audit.completed_at)
    return audit


def moderate(
    user: Any, audit: Audit, *, grade: str, comment: str, at: dt.datetime | None = None
) -> Moderation:
    """A second auditor's grade of a completed audit (never the first auditor's own)."""
    if not access.can_lead_quality_assurance(user):
        raise ActionError("Only a team manager or QA auditor may moderate an audit.")
    if audit.auditor_id == user.pk:
        raise ActionError("An audit is moderated by someone other than its auditor.")
    if not audit.is_completed:
        raise ActionError("Only a completed audit can be moderated.")
    if Moderation.objects.filter(audit=audit).exists():
        raise ActionError("This audit has already been moderated.")
    if grade not in Grade.values:
        raise ActionError("Choose the moderator's grade.", field="grade")
    if not comment.strip():
        raise ActionError("Say why you gave this grade.", field="comment")
    with transaction.atomic():
        moderation = Moderation.objects.create(
            audit=audit, moderator=user, grade=grade, comment=comment.strip(), moderated_at=_now(at)
        )
        if moderation.agrees:
            moderation.agreed_grade = grade
            moderation.save(update_fields=["agreed_grade"])
        record_change(user, moderation, CREATE, summary=f"Audit moderated: {grade}")
    return moderation


def resolve(
    user: Any,
    moderation: Moderation,
    *,
    agreed_grade: str,
    resolution: str,
    at: dt.datetime | None = None,
) -> Moderation:
    """Settle a disagreement: the agreed grade and why; both auditors' grades are kept."""
    if not access.can_lead_quality_assurance(user):
        raise ActionError("Only a team manager or QA auditor may resolve a disagreement.")
    if not moderation.needs_resolution:
        raise ActionError("There is no disagreement to resolve.")
    if agreed_grade not in Grade.values:
        raise ActionError("Choose the agreed grade.", field="agreed_grade")
    if not resolution.strip():
        raise ActionError("Say how the disagreement was resolved.", field="resolution")
    with transaction.atomic():
        moderation.agreed_grade, moderation.resolution = agreed_grade, resolution.strip()
        moderation.resolved_by, moderation.resolved_at = user, _now(at)
        moderation.save()
        record_change(user, moderation, summary=f"Disagreement resolved: {agreed_grade}")
    return moderation


def add_learning_action(
    user: Any,
    audit: Audit,
    *,
    owner: User,
    what: str,
    due_date: dt.date,
    at: dt.datetime | None = None,
) -> LearningAction:
    """An action from an audit for a worker, shown on their caseload until done."""
    if not (audit.auditor_id == user.pk or access.can_lead_quality_assurance(user)):
        raise ActionError("Only the auditor or a team manager may add an action.")
    if not access.can_hold_cases(owner):
        raise ActionError("Choose a social worker or team manager to own the action.", "owner")
    if not what.strip():
        raise ActionError("Say what needs to happen.", field="what")
    with transaction.atomic():
        action = LearningAction.objects.create(
            audit=audit,
            owner=owner,
            what=what.strip(),
            due_date=due_date,
            created_by=user,
            created_at=_now(at),
        )
        record_change(user, action, CREATE, summary=f"Learning action for {owner.username}")
    return action


def case_manager(contact: Contact) -> User | None:
    """Who manages the child's case: a manager of the team holding an open episode, else the
    manager who authorised the front-door decision."""
    episodes = CINEpisode.objects.filter(
        person__in=[p.pk for p in contact.linked_children()], closure_date__isnull=True
    )
    for episode in episodes.order_by("-referral_date"):
        manager = access.team_managers(episode.team_id).order_by("pk").first()
        if manager is not None:
            return manager
    decision = (
        Decision.objects.current()
        .filter(contact=contact, authorised_by__isnull=False)
        .order_by("-recorded_at")
        .first()
    )
    return decision.authorised_by if decision else None


def escalate_unsafe(user: Any, audit: Audit, *, at: dt.datetime | None = None) -> LearningAction:
    """The auditor found the child unsafe: an action due today for the case's manager, and an
    e-mail to them, in the same transaction."""
    manager = case_manager(audit.contact)
    if manager is None:
        raise ActionError("No manager holds this child's case: tell the Head of Front Door.")
    now = _now(at)
    with transaction.atomic():
        action = LearningAction.objects.create(
            audit=audit,
            owner=manager,
            what="An audit found the child may be unsafe: review the case today.",
            due_date=timezone.localdate(now),
            is_escalation=True,
            created_by=user,
            created_at=now,
        )
        if not audit.child_unsafe:
            audit.child_unsafe = True
            audit.save(update_fields=["child_unsafe"])
        if manager.email:
            queue_notification(
                to=[manager.email],
                subject=f"Audit escalation: contact {audit.contact.reference}",
                body="An audit found a child may be unsafe. Open your caseload in Front Door.",
                about=action,
                now=now,
            )
        record_change(
            user, action, CREATE, contact_id=audit.contact_id, summary="Child unsafe: escalated"
        )
    return action


def complete_learning_action(
    user: Any, action: LearningAction, *, note: str, at: dt.datetime | None = None
) -> LearningAction:
    if action.owner_id != user.pk and not access.can_lead_quality_assurance(user):
        raise ActionError("Only the action's owner or a manager may mark it done.")
    if action.done_at is not None:
        raise ActionError("This action is already done.")
    with transaction.atomic():
        action.done_at, action.done_note = _now(at), note.strip()
        action.save(update_fields=["done_at", "done_note"])
        record_change(user, action, summary="Learning action done")
    return action


def add_theme(user: Any, name: str) -> Theme:
    if not name.strip():
        raise ActionError("Enter the theme.", field="name")
    with transaction.atomic():
        theme, _ = Theme.objects.get_or_create(name=name.strip()[:120])
        record_change(user, theme, CREATE, summary=f"Learning theme: {theme.name}")
    return theme
