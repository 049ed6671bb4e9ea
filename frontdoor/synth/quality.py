"""Quality assurance for the synthetic council, through the quality actions only (issue 16).

At the seeds' rates (003_…txt, "Quality Assurance"): the team manager and a senior social
worker complete 9 to 12 single-agency decision audits a month, multi-agency MASH audits 12 a
month (the police rarely attend), the Head of Front Door 3 dip audits of re-referrals.
Grades follow a council that "requires improvement" (Ofsted 002_…txt): about half good or
better; a quarter of audits moderated, three in four of those agreeing; weaker audits set a
learning action for the worker who recorded the decision, most done by their due date.
"""

import datetime as dt
import random
from collections.abc import Callable

from django.db import transaction

from frontdoor.accounts.access import can_hold_cases
from frontdoor.accounts.models import Agency, Role, Team, User
from frontdoor.contacts.models import Decision
from frontdoor.lib.dates import add_months
from frontdoor.lib.errors import ActionError
from frontdoor.lib.workdays import add_working_days
from frontdoor.quality import actions as qa
from frontdoor.quality.codes import Answer, Grade, Method
from frontdoor.quality.models import Audit, AuditKind, Theme
from frontdoor.synth.plan import Plan
from frontdoor.synth.staff import FRONT_DOOR_TEAM, _staff_member
from frontdoor.synth.timing import local

GRADES: list[str] = [g.value for g in Grade]  # best first
GRADE_WEIGHTS = [4, 46, 38, 12]
# How often each answer is "yes" for an audit of each grade (else partly or no).
YES_BY_GRADE = {"outstanding": 0.95, "good": 0.8, "requires_improvement": 0.5, "inadequate": 0.25}
# Agencies' attendance at multi-agency audits ("police have not attended").
ATTENDS = {"police": 0.08, "health": 0.8, "education": 0.75}
MODERATED, AGREES, UNSAFE, DONE = 0.25, 0.75, 0.01, 0.8


class QualityStory:
    def __init__(
        self, plan: Plan, seed: int, advance: Callable[[int], object] | None = None
    ) -> None:
        self.plan, self.rng = plan, random.Random(f"{seed}-quality")
        self.advance = advance or (lambda _: None)
        self.as_of = plan.as_of
        self.manager, self.senior, self.auditor, self.head = self._auditors()
        self.kinds = {k.slug: k for k in AuditKind.objects.all()}
        self.themes = list(Theme.objects.order_by("pk"))
        self.agencies = list(Agency.objects.filter(is_active=True))

    def _auditors(self) -> tuple[User, User, User, User]:
        """The team manager, a senior social worker, the QA auditor, the Head of Front Door."""
        rng = random.Random(f"{self.rng.random()}-auditors")
        front_door = Team.objects.get_or_create(name=FRONT_DOOR_TEAM)[0]
        qa_team = Team.objects.get_or_create(name="Quality Assurance")[0]
        return (
            _staff_member(rng, "staff-tm-01", Role.TEAM_MANAGER, front_door),
            _staff_member(rng, "staff-sw-01", Role.SOCIAL_WORKER, front_door),
            _staff_member(rng, "staff-qa-01", Role.QA_AUDITOR, qa_team),
            _staff_member(rng, "staff-head-01", Role.TEAM_MANAGER, front_door),
        )

    def run(self) -> None:
        """Each complete month of the plan, one transaction a month."""
        month = self.plan.first.replace(day=1)
        while add_months(month, 1) <= self.as_of.date() and month <= self.plan.last:
            with transaction.atomic():
                self._month(month)
            month = add_months(month, 1)
        self.advance(1)

    def _month(self, month: dt.date) -> None:
        rng = self.rng
        plans = [
            (
                "front-door-decision",
                rng.randint(9, 12),
                Method.RANDOM,
                "",
                [self.manager, self.senior],
            ),
            ("mash-multi-agency", 12, Method.RANDOM, "", [self.auditor, self.manager]),
            ("dip", 3, Method.TARGETED, "re_referrals", [self.head]),
        ]
        set_at = local(month, 9)
        for slug, count, method, target, auditors in plans:
            kind = self.kinds.get(slug)
            if kind is None:
                continue
            programme = qa.set_programme(
                self.manager,
                month=month,
                kind=kind,
                count=count,
                method=method,
                target=target,
                auditors=auditors,
                at=set_at,
            )
            drawn_at = local(add_months(month, 1), 9)
            try:
                sample = qa.draw_sample(
                    self.manager, programme, seed=rng.randrange(2**40), at=drawn_at
                )
            except ActionError:
                continue  # nothing decided that month this team may audit
            for audit in sample.audits.select_related("auditor", "contact"):
                self._audit(audit, kind, add_months(month, 1))

    def _when(self, first: dt.date, days: int) -> dt.datetime:
        moment = local(
            first + dt.timedelta(days=self.rng.randrange(days)), 10 + self.rng.randrange(7)
        )
        return min(moment, self.as_of)

    def _audit(self, audit: Audit, kind: AuditKind, following: dt.date) -> None:
        rng = self.rng
        grade = rng.choices(GRADES, GRADE_WEIGHTS)[0]
        yes = YES_BY_GRADE[grade]
        answers = [
            (
                Answer.YES if rng.random() < yes else rng.choice([Answer.PARTLY, Answer.NO]),
                "Seen in the decision record and the case notes.",
            )
            for _ in kind.questions
        ]
        views = (
            [(agency, rng.random() < ATTENDS.get(agency.slug, 0.5), "") for agency in self.agencies]
            if kind.is_multi_agency
            else []
        )
        views = [(a, came, "Agreed with the decision." if came else "") for a, came, _ in views]
        themes = rng.sample(
            self.themes, k=min(len(self.themes), 1 if grade in ("outstanding", "good") else 2)
        )
        if grade in ("requires_improvement", "inadequate") and self.themes:
            themes = [self.themes[0], *themes]  # partners' views not sought: Ofsted's finding
        done_at = self._when(following, 14)
        qa.complete_audit(
            audit.auditor,
            audit,
            answers=answers,
            grade=grade,
            same_decision=grade != Grade.INADEQUATE or rng.random() < 0.3,
            summary="Decision audited against the threshold document.",
            themes=list(dict.fromkeys(themes)),
            agency_views=views,
            at=done_at,
        )
        if rng.random() < UNSAFE and qa.case_manager(audit.contact) is not None:
            qa.escalate_unsafe(audit.auditor, audit, at=done_at)
        if rng.random() < MODERATED:
            self._moderate(audit, grade, done_at)
        if grade in (Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE):
            self._action(audit, done_at)

    def _moderate(self, audit: Audit, grade: str, after: dt.datetime) -> None:
        rng = self.rng
        moderator = next(
            (u for u in (self.auditor, self.head, self.manager) if u.pk != audit.auditor_id), None
        )
        if moderator is None:
            return
        at = min(after + dt.timedelta(days=rng.randint(1, 10)), self.as_of)
        if rng.random() < AGREES:
            other = grade
        else:
            i = GRADES.index(grade)
            other = (
                GRADES[max(0, i - 1)]
                if i == len(GRADES) - 1 or rng.random() < 0.5
                else GRADES[i + 1]
            )
        moderation = qa.moderate(
            moderator, audit, grade=other, comment="Moderated at the QA panel.", at=at
        )
        if moderation.needs_resolution:
            qa.resolve(
                self.head if self.head.pk != moderator.pk else self.manager,
                moderation,
                agreed_grade=rng.choice([grade, other]),
                resolution="Discussed by both auditors with the Head of Front Door.",
                at=min(at + dt.timedelta(days=3), self.as_of),
            )

    def _action(self, audit: Audit, at: dt.datetime) -> None:
        decision = (
            Decision.objects.current()
            .filter(contact=audit.contact)
            .order_by("-recorded_at")
            .first()
        )
        owner = decision.recorded_by if decision else None
        if owner is None or not can_hold_cases(owner):
            return
        due = add_working_days(at.date(), 20)
        action = qa.add_learning_action(
            audit.auditor,
            audit,
            owner=owner,
            what="Discuss the audit in supervision and record partners' views next time.",
            due_date=due,
            at=at,
        )
        finished = local(due - dt.timedelta(days=self.rng.randrange(10)), 15)
        if self.rng.random() < DONE and finished <= self.as_of:
            qa.complete_learning_action(
                owner, action, note="Discussed in supervision.", at=finished
            )
