"""The records behind every number on the dashboards (issue 16: drill-down).

A dashboard number is a `Figure`: a key, a label and `rows(period, arg)`, the QuerySet of the
records it counts; the number shown is `rows(...).count()` and links to the drill-down page,
which lists exactly those rows, so its length is the number (a meta-test checks every link).
A row the reader may not open (a child restricted to another team) is listed without naming
the child, so the count still adds up and nothing restricted is named.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.urls import reverse

from frontdoor.casework.models import CINEpisode, CPPlan, LookedAfterEpisode
from frontdoor.contacts import access as contact_access
from frontdoor.contacts.models import Contact, ContactSubject
from frontdoor.kpis import intake, quality
from frontdoor.kpis.casework import CHILD_OF_EPISODE, CHILD_OF_WORK
from frontdoor.kpis.periods import Period
from frontdoor.mash.models import CheckAnswer
from frontdoor.mash.strategy_models import Attendance, StrategyDiscussion, StrategyInvitation
from frontdoor.people import access as people_access
from frontdoor.quality.codes import Grade
from frontdoor.quality.models import Audit, LearningAction

Rows = Callable[[Period, str], QuerySet[Any]]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    kind: str  # how a row is shown: see ROW_KINDS
    rows: Rows

    def count(self, period: Period, arg: str = "") -> int:
        return self.rows(period, arg).count()

    def href(self, period: Period, arg: str = "") -> str:
        query = f"?from={period.first.isoformat()}&to={period.last.isoformat()}"
        return reverse("kpis:drill", args=[self.key]) + query + (f"&arg={arg}" if arg else "")


@dataclass(frozen=True)
class Row:
    """One line of a drill-down: what it is, a link if the reader may open it, and who."""

    text: str
    detail: str
    href: str | None
    person_id: int | None
    contact_id: int | None
    record: Any


HIDDEN = "A record you may not open (restricted to another team)"


def _contact_row(record: Any, contact: Contact, visible: set[int], detail: str) -> Row:
    if contact.pk not in visible:
        return Row(HIDDEN, "", None, None, None, record)
    href = reverse("contacts:contact", args=[contact.pk])
    return Row(f"Contact {contact.reference}", detail, href, None, contact.pk, record)


def _audit_rows(user: Any, rows: Iterable[Audit]) -> list[Row]:
    rows = list(rows)
    visible = contact_access.visible_ids(user, {a.contact_id for a in rows})
    found = []
    for audit in rows:
        row = _contact_row(audit, audit.contact, visible, audit.get_grade_display())
        if row.href:
            row = Row(
                row.text,
                row.detail,
                reverse("quality:audit", args=[audit.pk]),
                None,
                audit.contact_id,
                audit,
            )
        found.append(row)
    return found


def _action_rows(user: Any, rows: Iterable[LearningAction]) -> list[Row]:
    rows = list(rows)
    visible = contact_access.visible_ids(user, {a.audit.contact_id for a in rows})
    return [
        _contact_row(a, a.audit.contact, visible, f"{a.what} (due {a.due_date:%d/%m/%Y})")
        for a in rows
    ]


def _subject_rows(user: Any, rows: Iterable[ContactSubject]) -> list[Row]:
    rows = list(rows)
    visible = contact_access.visible_ids(user, {s.contact_id for s in rows})
    found = []
    for subject in rows:
        if subject.contact_id not in visible:
            found.append(Row(HIDDEN, "", None, None, None, subject))
            continue
        href = reverse("contacts:contact", args=[subject.contact_id])
        found.append(
            Row(
                subject.described_name,
                f"Contact {subject.contact.reference}",
                href,
                subject.person_id,
                subject.contact_id,
                subject,
            )
        )
    return found


def _episode_rows(user: Any, rows: Iterable[CINEpisode]) -> list[Row]:
    rows = list(rows)
    visible = people_access.visible_ids(user, {e.person_id for e in rows})
    return [
        Row(
            e.person.full_name,
            f"Referred {e.referral_date:%d/%m/%Y}",
            reverse("casework:child", args=[e.person_id]),
            e.person_id,
            None,
            e,
        )
        if e.person_id in visible
        else Row(HIDDEN, "", None, None, None, e)
        for e in rows
    ]


def _contact_rows(user: Any, rows: Iterable[Contact]) -> list[Row]:
    rows = list(rows)
    visible = contact_access.visible_ids(user, {c.pk for c in rows})
    return [_contact_row(c, c, visible, c.get_outcome_display()) for c in rows]


def _answer_rows(user: Any, rows: Iterable[CheckAnswer]) -> list[Row]:
    rows = list(rows)
    contacts = {a.check_request.enquiry.contact for a in rows}
    visible = contact_access.visible_ids(user, {c.pk for c in contacts})
    return [
        _contact_row(a, a.check_request.enquiry.contact, visible, a.check_request.agency.name)
        for a in rows
    ]


def _invitation_rows(user: Any, rows: Iterable[StrategyInvitation]) -> list[Row]:
    rows = list(rows)
    visible = contact_access.visible_ids(user, {i.discussion.contact_id for i in rows})
    return [
        _contact_row(i, i.discussion.contact, visible, i.get_attendance_display()) for i in rows
    ]


ROW_KINDS: dict[str, tuple[Callable[[Any, Iterable[Any]], list[Row]], tuple[str, ...]]] = {
    "audit": (_audit_rows, ("contact",)),
    "action": (_action_rows, ("audit__contact",)),
    "subject": (_subject_rows, ("contact",)),
    "episode": (_episode_rows, ("person",)),
    "contact": (_contact_rows, ()),
    "answer": (_answer_rows, ("check_request__enquiry__contact", "check_request__agency")),
    "invitation": (_invitation_rows, ("discussion__contact", "agency")),
}


def rows_for(user: Any, figure: Figure, period: Period, arg: str = "") -> list[Row]:
    shown, related = ROW_KINDS[figure.kind]
    queryset = figure.rows(period, arg)
    if related:
        queryset = queryset.select_related(*related)
    return shown(user, queryset.order_by("pk"))


# --- the figures -----------------------------------------------------------------------------


def _grade_rows(period: Period, grade: str) -> QuerySet[Audit]:
    return quality.audits_completed_rows(period).filter(
        grade=grade if grade in Grade.values else ""
    )


def _theme_rows(period: Period, theme: str) -> QuerySet[Audit]:
    return quality.audits_completed_rows(period).filter(
        themes__pk=int(theme) if theme.isdigit() else 0
    )


def _no_attendance(period: Period, agency: str) -> QuerySet[Audit]:
    return quality.audits_completed_rows(period).filter(
        agency_views__agency__slug=agency, agency_views__attended=False
    )


def _checks_answered(period: Period, agency: str) -> QuerySet[CheckAnswer]:
    return CheckAnswer.objects.answered_between(*period.moments()).filter(
        check_request__agency__slug=agency
    )


def _checks_on_time(period: Period, agency: str) -> QuerySet[CheckAnswer]:
    return _checks_answered(period, agency).filter(answered_at__lte=F("check_request__due_at"))


def _invited(period: Period, agency: str) -> QuerySet[StrategyInvitation]:
    held = StrategyDiscussion.objects.held_between(*period.moments())
    return StrategyInvitation.objects.filter(discussion__in=held, agency__slug=agency)


def _attended(period: Period, agency: str) -> QuerySet[StrategyInvitation]:
    return _invited(period, agency).filter(attendance=Attendance.ATTENDED)


def _contacts_from(period: Period, source: str) -> QuerySet[ContactSubject]:
    return intake._child_contacts(period).filter(contact__source=source)


def _referred_from(period: Period, source: str) -> QuerySet[ContactSubject]:
    return _contacts_from(period, source).filter(
        contact__outcome__in=["referral", "strategy_discussion"]
    )


def _one_episode_per_child(pairs: Iterable[tuple[int, int]]) -> QuerySet[CINEpisode]:
    """From (child, episode) pairs, each child's latest episode: the child counts once, as
    the child in need, CP and looked-after counts do (kpis.casework counts children)."""
    latest: dict[int, int] = {}
    for child, episode in pairs:
        latest[child] = max(episode, latest.get(child, 0))
    return CINEpisode.objects.filter(pk__in=latest.values())


def _children_in_need_at_end(period: Period, arg: str) -> QuerySet[CINEpisode]:
    open_ = CINEpisode.objects.open_on(period.last).exclude(referral_nfa=True)
    return _one_episode_per_child(open_.annotate(child=CHILD_OF_EPISODE).values_list("child", "pk"))


def _work_episodes(work: QuerySet[Any]) -> QuerySet[CINEpisode]:
    return _one_episode_per_child(
        work.annotate(child=CHILD_OF_WORK).values_list("child", "episode")
    )


FIGURES: dict[str, Figure] = {
    f.key: f
    for f in [
        # quality
        Figure(
            "audits-completed",
            "Audits completed",
            "audit",
            lambda p, a: quality.audits_completed_rows(p),
        ),
        Figure(
            "audits-good",
            "Graded good or better",
            "audit",
            lambda p, a: quality.audits_good_or_better_rows(p),
        ),
        Figure("audits-grade", "Audits with this grade", "audit", _grade_rows),
        Figure("audits-theme", "Audits tagged with this theme", "audit", _theme_rows),
        Figure(
            "audits-different-decision",
            "Auditor would have decided differently",
            "audit",
            lambda p, a: quality.audits_completed_rows(p).filter(same_decision=False),
        ),
        Figure(
            "audits-agency-absent",
            "Multi-agency audits the agency did not attend",
            "audit",
            _no_attendance,
        ),
        Figure("moderated", "Audits moderated", "audit", lambda p, a: quality.moderated_rows(p)),
        Figure(
            "moderation-agreed",
            "Moderated with the same grade",
            "audit",
            lambda p, a: quality.moderation_agreed_rows(p),
        ),
        Figure(
            "actions-open",
            "Learning actions open",
            "action",
            lambda p, a: quality.actions_open_rows(p),
        ),
        Figure(
            "actions-overdue",
            "Learning actions overdue",
            "action",
            lambda p, a: quality.actions_overdue_rows(p),
        ),
        # front door
        Figure(
            "contacts", "Contacts (per child)", "subject", lambda p, a: intake._child_contacts(p)
        ),
        Figure("referrals", "Referrals", "episode", lambda p, a: intake._referrals(p)),
        # against England: the counts behind the council's rates
        Figure(
            "children-in-need-at-end",
            "Children in need on the last day",
            "episode",
            _children_in_need_at_end,
        ),
        Figure(
            "cp-plans-at-end",
            "Children on a child protection plan on the last day",
            "episode",
            lambda p, a: _work_episodes(CPPlan.objects.open_on(p.last)),
        ),
        Figure(
            "cp-started",
            "Children starting a child protection plan",
            "episode",
            lambda p, a: _work_episodes(CPPlan.objects.started_between(p.first, p.last)),
        ),
        Figure(
            "looked-after-at-end",
            "Children looked after on the last day",
            "episode",
            lambda p, a: _work_episodes(LookedAfterEpisode.objects.open_on(p.last)),
        ),
        Figure(
            "re-referrals", "Re-referrals", "episode", lambda p, a: intake.re_referral_episodes(p)
        ),
        Figure(
            "decisions",
            "Contacts decided",
            "contact",
            lambda p, a: Contact.objects.decided_between(*p.moments()),
        ),
        Figure(
            "decisions-in-time",
            "Decided within 1 working day",
            "contact",
            lambda p, a: Contact.objects.decided_between(*p.moments()).filter(
                decided_at__lte=F("decision_due_at")
            ),
        ),
        # partnership
        Figure("checks-answered", "Checks answered", "answer", _checks_answered),
        Figure("checks-on-time", "Checks answered by the deadline", "answer", _checks_on_time),
        Figure("strategy-invited", "Strategy discussions invited to", "invitation", _invited),
        Figure("strategy-attended", "Strategy discussions attended", "invitation", _attended),
        Figure("contacts-from", "Contacts from this source (per child)", "subject", _contacts_from),
        Figure("referrals-from", "Of those, became referrals", "subject", _referred_from),
    ]
}
