"""Quality-assurance measures (issue 16, ADR 0017): audits completed, graded good or better,
moderation agreement (rate and Cohen's kappa, with the number of pairs), learning actions
open and overdue.

An audit belongs to the period of the moment it was completed; a moderation to the moment
it was recorded. An action is open at the period's end if it was set by then and not done by
then; overdue if, besides, it was due before the period's last day.
Each count has a `…_rows` QuerySet: the records behind it (the dashboards' drill-down).
"""

from django.db.models import F, Q

from frontdoor.kpis.measures import Kpi
from frontdoor.kpis.periods import Period, percent
from frontdoor.quality.agreement import agreement
from frontdoor.quality.models import (
    Audit,
    AuditQuerySet,
    LearningAction,
    LearningActionQuerySet,
    Moderation,
)


def audits_completed_rows(period: Period) -> AuditQuerySet:
    return Audit.objects.completed_between(*period.moments())


def audits_good_or_better_rows(period: Period) -> AuditQuerySet:
    return audits_completed_rows(period).good_or_better()


def moderated_rows(period: Period) -> AuditQuerySet:
    return Audit.objects.filter(moderation__in=Moderation.objects.between(*period.moments()))


def moderation_agreed_rows(period: Period) -> AuditQuerySet:
    return moderated_rows(period).filter(moderation__grade=F("grade"))


def actions_open_rows(period: Period) -> LearningActionQuerySet:
    _, end = period.moments()
    done_later = Q(done_at__isnull=True) | Q(done_at__gte=end)
    return LearningAction.objects.filter(created_at__lt=end).filter(done_later)


def actions_overdue_rows(period: Period) -> LearningActionQuerySet:
    return actions_open_rows(period).filter(due_date__lt=period.last)


def audits_completed(period: Period) -> int:
    """Audits completed in the period."""
    return audits_completed_rows(period).count()


def audits_good_or_better_rate(period: Period) -> float | None:
    """Audits graded outstanding or good ÷ audits completed, per cent."""
    return percent(audits_good_or_better_rows(period).count(), audits_completed(period))


def moderation_pairs(period: Period) -> int:
    """Audits moderated in the period (pairs of grades)."""
    return moderated_rows(period).count()


def moderation_agreement_rate(period: Period) -> float | None:
    """Moderated audits whose moderator gave the auditor's grade ÷ audits moderated, per cent."""
    return percent(moderation_agreed_rows(period).count(), moderation_pairs(period))


def moderation_kappa(period: Period) -> float | None:
    """Cohen's kappa between auditors' and moderators' grades of the audits moderated."""
    pairs = moderated_rows(period).values_list("grade", "moderation__grade")
    return agreement(list(pairs)).kappa


def actions_open(period: Period) -> int:
    """Learning actions set by the end of the period and not done by then."""
    return actions_open_rows(period).count()


def actions_overdue(period: Period) -> int:
    """Those open actions that were due before the period's last day."""
    return actions_overdue_rows(period).count()


KPIS: list[Kpi] = [
    Kpi(
        "quality_audits_completed",
        "Audits completed",
        audits_completed,
        "Audits of front-door decisions completed in the period.",
    ),
    Kpi(
        "quality_good_or_better_rate",
        "Audits graded good or better",
        audits_good_or_better_rate,
        "Audits graded outstanding or good ÷ audits completed, as a percentage.",
        "%",
    ),
    Kpi(
        "quality_moderation_pairs",
        "Audits moderated",
        moderation_pairs,
        "Audits a second auditor graded in the period (the number of pairs).",
    ),
    Kpi(
        "quality_moderation_agreement_rate",
        "Moderation agreement",
        moderation_agreement_rate,
        "Moderated audits given the same grade by both ÷ audits moderated, as a percentage.",
        "%",
    ),
    Kpi(
        "quality_moderation_kappa",
        "Moderation agreement (Cohen’s kappa)",
        moderation_kappa,
        "Agreement between auditor and moderator beyond chance: 1 is full agreement, 0 no "
        "better than chance.",
    ),
    Kpi(
        "quality_actions_open",
        "Learning actions open",
        actions_open,
        "Actions from audits set by the end of the period and not done by then.",
    ),
    Kpi(
        "quality_actions_overdue",
        "Learning actions overdue",
        actions_overdue,
        "Open actions due before the last day of the period.",
    ),
]
