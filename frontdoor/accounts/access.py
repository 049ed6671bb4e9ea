"""Who may do what: every role and permission in Front Door, as named predicates.

This module is the only place that names a role (a meta-test fails on a `.role ==` or
`.role in` comparison anywhere else). It knows no domain app: each app decides which of its
records a user may see in its own `<app>/access.py` (`visible_to(user)` QuerySets and
`can_…(user, record)` predicates), built only from the predicates here (ADR 0005).

- Route level: every view is wrapped by `public` or `allow(POLICY)`; a meta-test fails if one
  is not. Anonymous users are sent to sign in; signed-in users the policy does not admit get
  404, as does a record they may not see.
- Permissions: `can_record_decisions(user)`, `can_authorise_decisions(user)`, … say what a
  user may do wherever it is asked (a view showing a button, an action refusing, a model's
  predicate), so the answer is the same everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from frontdoor.accounts.models import Role, User

View = TypeVar("View", bound=Callable[..., HttpResponse])


class AuthenticatedRequest(HttpRequest):
    """The request a view wrapped by `allow()` receives: the user is signed in."""

    user: User


# --- which roles each permission admits: the only place roles are named --------------------

_EVERYONE: frozenset[str] = frozenset(Role)
_PARTNER_ROLES: frozenset[str] = frozenset({Role.MASH_PARTNER})
_STAFF_ROLES: frozenset[str] = _EVERYONE - _PARTNER_ROLES
_FRONT_DOOR_ROLES: frozenset[str] = frozenset(
    {Role.CONTACT_OFFICER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER}
)
# Social workers recommend decisions (and hold cases); team managers also authorise them.
_DECIDER_ROLES: frozenset[str] = frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER})
_MANAGER_ROLES: frozenset[str] = frozenset({Role.TEAM_MANAGER})
_ANALYST_ROLES: frozenset[str] = frozenset(
    {Role.ANALYST, Role.TEAM_MANAGER, Role.QA_AUDITOR, Role.ADMINISTRATOR}
)
_AUDITOR_ROLES: frozenset[str] = frozenset({Role.QA_AUDITOR, Role.ADMINISTRATOR})
_ADMINISTRATOR_ROLES: frozenset[str] = frozenset({Role.ADMINISTRATOR})
# Quality assurance of front-door decisions (ADR 0017): team managers, senior social workers
# and QA auditors audit; managers and QA auditors set the programme and moderate.
_QA_LEAD_ROLES: frozenset[str] = frozenset({Role.TEAM_MANAGER, Role.QA_AUDITOR, Role.ADMINISTRATOR})
_QA_ROLES: frozenset[str] = _QA_LEAD_ROLES | frozenset({Role.SOCIAL_WORKER})
# Who keeps the person index whole: reviews possible duplicates, merges and unmerges records.
# A wrong merge hides one child's history inside another's, so it is a manager's decision.
_RECORD_KEEPER_ROLES: frozenset[str] = frozenset({Role.TEAM_MANAGER, Role.ADMINISTRATOR})
# Risk outside the home (missing children, exploitation, the network map): the ROTH team and
# the MASH's team managers. Family wellbeing support workers hold return home interviews
# allocated to them by the ROTH team (003_…txt), and see only those.
_ROTH_ROLES: frozenset[str] = frozenset({Role.ROTH_WORKER, Role.TEAM_MANAGER})
_RETURN_INTERVIEWER_ROLES: frozenset[str] = frozenset({Role.ROTH_WORKER, Role.EARLY_HELP})
# Early help (family wellbeing): family support workers record the work and team managers
# allocate it and decide steps up and down; a partner's practitioner may lead a family's
# early help (earlyhelp.access narrows partners to the families they lead or are part of).
_EARLY_HELP_ROLES: frozenset[str] = frozenset({Role.EARLY_HELP})
_EARLY_HELP_WORKER_ROLES: frozenset[str] = frozenset({Role.EARLY_HELP, Role.TEAM_MANAGER})
_EARLY_HELP_ROUTE_ROLES: frozenset[str] = _EARLY_HELP_WORKER_ROLES | _PARTNER_ROLES
_BREAK_GLASS_ROLES: frozenset[str] = _FRONT_DOOR_ROLES | _ROTH_ROLES | _EARLY_HELP_ROLES
# Information governance (the data protection officer's team): subject access requests and the
# retention schedule, which read — and, for destruction, delete — across every app (ADR 0016).
_INFORMATION_GOVERNANCE_ROLES: frozenset[str] = frozenset({Role.INFORMATION_GOVERNANCE})


def _has_role(user: Any, roles: frozenset[str]) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "role", None) in roles
    )


# --- permissions ------------------------------------------------------------------------------


def is_partner(user: Any) -> bool:
    """A MASH partner: sees only what was shared with their agency."""
    return _has_role(user, _PARTNER_ROLES)


def is_staff_member(user: Any) -> bool:
    """Council staff of any role (everyone signed in who is not a partner)."""
    return _has_role(user, _STAFF_ROLES)


def works_at_front_door(user: Any) -> bool:
    """Contact officers, front-door social workers and their managers: take and triage contacts."""
    return _has_role(user, _FRONT_DOOR_ROLES)


def can_record_decisions(user: Any) -> bool:
    """May triage a contact, recommend its decision and record casework."""
    return _has_role(user, _DECIDER_ROLES)


def can_authorise_decisions(user: Any) -> bool:
    """May authorise (or return) another worker's decision: a team manager."""
    return _has_role(user, _MANAGER_ROLES)


def can_hold_cases(user: Any) -> bool:
    """May be the allocated worker of a case: social workers and their managers."""
    return _has_role(user, _DECIDER_ROLES)


def can_change_case(user: Any, *, worker_id: int | None, team_id: int | None) -> bool:
    """May change a child's casework: the allocated worker, a member of the team that holds
    the case, or a team manager; a case not yet allocated to anyone is the front door's, so
    any social worker may. Reading follows the record's visibility, not this."""
    if not can_record_decisions(user):
        return False
    if _has_role(user, _MANAGER_ROLES) or (worker_id is None and team_id is None):
        return True
    in_team = team_id is not None and user.team_id == team_id
    return in_team or (worker_id is not None and user.pk == worker_id)


def can_manage_team_caseloads(user: Any) -> bool:
    """May open the caseloads of the workers in their team: a team manager with a team."""
    return _has_role(user, _MANAGER_ROLES) and user.team_id is not None


def can_read_performance(user: Any) -> bool:
    """May read the performance dashboard and statutory returns."""
    return _has_role(user, _ANALYST_ROLES)


def is_performance_analyst(user: Any) -> bool:
    """A performance analyst (whose work starts on the performance dashboard)."""
    return _has_role(user, frozenset({Role.ANALYST}))


def can_audit_decisions(user: Any) -> bool:
    """May audit front-door decisions when named in an audit programme."""
    return _has_role(user, _QA_ROLES)


def can_lead_quality_assurance(user: Any) -> bool:
    """May set the audit programme, draw samples, moderate and resolve: managers, QA auditors."""
    return _has_role(user, _QA_LEAD_ROLES)


def possible_auditors() -> QuerySet[User]:
    """Active users who may be named auditors in a programme."""
    return User.objects.filter(is_active=True, role__in=_QA_ROLES)


def team_managers(team_id: int | None) -> QuerySet[User]:
    """Active team managers of a team (none when no team is given)."""
    if team_id is None:
        return User.objects.none()
    return User.objects.filter(is_active=True, role__in=_MANAGER_ROLES, team=team_id)


def can_read_access_logs(user: Any) -> bool:
    """May read who viewed or changed a record (QA auditors and administrators)."""
    return _has_role(user, _AUDITOR_ROLES)


def can_keep_person_index(user: Any) -> bool:
    """May review possible duplicates and merge or unmerge people."""
    return _has_role(user, _RECORD_KEEPER_ROLES)


def can_administer(user: Any) -> bool:
    """May edit accounts, agencies and the council's reference data."""
    return _has_role(user, _ADMINISTRATOR_ROLES)


def works_on_risk_outside_home(user: Any) -> bool:
    """The ROTH team and MASH managers: missing episodes, screening, the network, meetings."""
    return _has_role(user, _ROTH_ROLES)


def can_hold_return_interviews(user: Any) -> bool:
    """May be allocated a return home interview: ROTH workers, family wellbeing workers."""
    return _has_role(user, _RETURN_INTERVIEWER_ROLES)


def can_hold_return_interviews_only(user: Any) -> bool:
    """Holds return home interviews but is not in the ROTH team (family wellbeing workers)."""
    return can_hold_return_interviews(user) and not works_on_risk_outside_home(user)


def can_report_missing(user: Any) -> bool:
    """May record a child missing or away from placement: the ROTH team, and social workers
    (the looked-after child's "missing from placement" was recorded in casework)."""
    return _has_role(user, _ROTH_ROLES | _DECIDER_ROLES)


def return_interviewers() -> QuerySet[User]:
    """Active users to whom a return home interview may be allocated."""
    return User.objects.filter(is_active=True, role__in=_RETURN_INTERVIEWER_ROLES)


def sees_every_restricted_record(user: Any) -> bool:
    """Administrators see records restricted to a team (to lift or change a restriction)."""
    return _has_role(user, _ADMINISTRATOR_ROLES)


def works_in_early_help(user: Any) -> bool:
    """An early-help (family wellbeing) practitioner."""
    return _has_role(user, _EARLY_HELP_ROLES)


def can_record_early_help(user: Any) -> bool:
    """May record early-help work on any family they may see: practitioners and managers."""
    return _has_role(user, _EARLY_HELP_WORKER_ROLES)


def can_break_glass(user: Any) -> bool:
    """May open a record restricted to another team by stating why (logged, reported to
    auditors): staff who may need a child's history urgently — the front door, the ROTH team
    and early help; not analysts or partners."""
    return _has_role(user, _BREAK_GLASS_ROLES)


def works_in_information_governance(user: Any) -> bool:
    """May answer subject access requests (gather, redact, release) and keep the retention
    schedule: place legal holds, review what is due and approve its destruction (ADR 0016)."""
    return _has_role(user, _INFORMATION_GOVERNANCE_ROLES)


def information_governance_officers() -> QuerySet[User]:
    """Active users who may approve the destruction of a record."""
    return User.objects.filter(is_active=True, role__in=_INFORMATION_GOVERNANCE_ROLES)


def can_use_early_help(user: Any) -> bool:
    """May open the early-help pages: practitioners, managers and partners (who see only the
    families they lead or are part of the team around)."""
    return _has_role(user, _EARLY_HELP_ROUTE_ROLES)


def can_lead_early_help(user: Any) -> bool:
    """May be a family's lead professional: a family support worker, or a named practitioner
    of a partner agency (a school, a health visitor)."""
    return _has_role(user, _EARLY_HELP_ROLES) or (is_partner(user) and user.agency_id is not None)


def can_decide_steps(user: Any) -> bool:
    """May decide a step up to social care or down to early help: one decision by one named
    team manager (Ofsted, North Somerset 2022: no second approval, nothing to overturn it)."""
    return _has_role(user, _MANAGER_ROLES)


def can_allocate_early_help(user: Any) -> bool:
    """May choose a family's lead professional: a team manager."""
    return _has_role(user, _MANAGER_ROLES)


def staff_who_lead_early_help() -> QuerySet[User]:
    """Active users who may be named a family's lead professional."""
    partners = Q(role__in=_PARTNER_ROLES, agency__isnull=False)
    return User.objects.filter(is_active=True).filter(Q(role__in=_EARLY_HELP_ROLES) | partners)


def staff_who_hold_cases() -> QuerySet[User]:
    """Active users who may be allocated a case."""
    return User.objects.filter(is_active=True, role__in=_DECIDER_ROLES)


def partner_roles() -> frozenset[str]:
    """The roles that belong to a partner agency (an account of such a role needs an agency)."""
    return _PARTNER_ROLES


# --- route policies ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """Who may open a route: a name (shown by the meta-tests) and the roles it admits."""

    name: str
    roles: frozenset[str]

    def admits(self, user: Any) -> bool:
        return _has_role(user, self.roles)


SIGNED_IN = Policy("signed_in", _EVERYONE)
STAFF = Policy("staff", _STAFF_ROLES)
PARTNERS = Policy("partners", _PARTNER_ROLES)
FRONT_DOOR = Policy("front_door", _FRONT_DOOR_ROLES)
DECIDERS = Policy("deciders", _DECIDER_ROLES)
MANAGERS = Policy("managers", _MANAGER_ROLES)
ANALYSTS = Policy("analysts", _ANALYST_ROLES)
AUDITORS = Policy("auditors", _AUDITOR_ROLES)
ADMINISTRATORS = Policy("administrators", _ADMINISTRATOR_ROLES)
RECORD_KEEPERS = Policy("record_keepers", _RECORD_KEEPER_ROLES)
ROTH = Policy("roth", _ROTH_ROLES)
MISSING_REPORTERS = Policy("missing_reporters", _ROTH_ROLES | _DECIDER_ROLES)
RETURN_INTERVIEWERS = Policy("return_interviewers", _ROTH_ROLES | _RETURN_INTERVIEWER_ROLES)
EARLY_HELP = Policy("early_help", _EARLY_HELP_ROUTE_ROLES)
BREAK_GLASS = Policy("break_glass", _BREAK_GLASS_ROLES)
INFORMATION_GOVERNANCE = Policy("information_governance", _INFORMATION_GOVERNANCE_ROLES)
QUALITY = Policy("quality", _QA_ROLES)
QUALITY_LEADS = Policy("quality_leads", _QA_LEAD_ROLES)


def public(view: View) -> View:
    """Open to everyone, signed in or not (online forms, sign-in, health check)."""
    view.access_policy = "public"  # type: ignore[attr-defined]
    return view


def allow(policy: Policy) -> Callable[[View], View]:
    """Signed-in users `policy` admits; everyone else signed in gets 404."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("accounts:sign-in"))
            if not policy.admits(request.user):
                raise Http404("Not found")
            return view(request, *args, **kwargs)

        wrapped.access_policy = policy.name  # type: ignore[attr-defined]
        wrapped.access_roles = policy.roles  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorate


def signed_in(view: View) -> View:
    """Any signed-in user, whatever their role."""
    return allow(SIGNED_IN)(view)
