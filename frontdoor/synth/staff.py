"""The seeded workforce and the demo logins."""

import random
from dataclasses import dataclass, field
from typing import Any

from frontdoor.accounts.actions import create_staff_user, update_staff_user
from frontdoor.accounts.models import Agency, Role, Team, User
from frontdoor.synth.names import NAMES, STAFF_ORIGINS

FRONT_DOOR_TEAM = "Front Door"
DEMO_PASSWORD = "front-door-demo"  # demo only: printed on screen by demo-setup
SEEDER = "synthetic data"  # who the audit log says created the seeded accounts
# One login per role (teams and agencies as the test personas in frontdoor/test.py).
DEMO_LOGINS: list[tuple[str, str, str, str]] = [
    # username, role, team, agency slug
    ("contact_officer", Role.CONTACT_OFFICER, FRONT_DOOR_TEAM, ""),
    ("social_worker", Role.SOCIAL_WORKER, FRONT_DOOR_TEAM, ""),
    ("team_manager", Role.TEAM_MANAGER, FRONT_DOOR_TEAM, ""),
    ("other_manager", Role.TEAM_MANAGER, FRONT_DOOR_TEAM, ""),
    ("police_partner", Role.MASH_PARTNER, "", "police"),
    ("health_partner", Role.MASH_PARTNER, "", "health"),
    ("early_help", Role.EARLY_HELP, "Family Wellbeing", ""),
    ("roth_worker", Role.ROTH_WORKER, "Risk Outside the Home", ""),
    ("analyst", Role.ANALYST, "Performance", ""),
    ("qa_auditor", Role.QA_AUDITOR, "Quality Assurance", ""),
    ("information_governance", Role.INFORMATION_GOVERNANCE, "Data Protection", ""),
    ("administrator", Role.ADMINISTRATOR, "Systems", ""),
]


# Casework teams after the front door: key, name, prefix of the staff usernames.
CASEWORK_TEAMS = [
    ("assessment", "Assessment and Intervention", "aai"),
    ("protection", "Child Protection and Court", "cpc"),
    ("care", "Children in Care", "cic"),
]
CaseTeam = tuple[Team, list[User], list[User]]  # team, case holders, managers


@dataclass
class Staff:
    contact_officers: list[User]
    social_workers: list[User]
    managers: list[User]
    # Who holds episodes after the referral, by team key ("front_door" is the front door
    # team, whose case holders include the demo social worker login).
    teams: dict[str, CaseTeam] = field(default_factory=dict)
    # Family wellbeing: lead professionals (the demo login holds a good share) and managers.
    early_help: list[User] = field(default_factory=list)
    early_help_managers: list[User] = field(default_factory=list)


def _staff_member(rng: random.Random, username: str, role: str, team: Team) -> User:
    origin = rng.choice(STAFF_ORIGINS)
    boys, girls, surnames = NAMES[origin]
    first = rng.choice(girls if rng.random() < 0.8 else boys)
    last = rng.choice(surnames)  # drawn whether or not the account exists: same seed, same staff
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing
    # Seeded staff never sign in (no password); demo logins do.
    return create_staff_user(
        None,
        password=None,
        actor_label=SEEDER,
        username=username,
        role=role,
        team=team,
        first_name=first,
        last_name=last,
    )


def seed_staff(seed: int) -> Staff:
    """The front door's contact officers, social workers and team managers (no logins)."""
    rng = random.Random(f"{seed}-staff")
    team, _ = Team.objects.get_or_create(name=FRONT_DOOR_TEAM)
    staff = Staff(
        [_staff_member(rng, f"staff-co-{n:02d}", Role.CONTACT_OFFICER, team) for n in range(1, 7)],
        [_staff_member(rng, f"staff-sw-{n:02d}", Role.SOCIAL_WORKER, team) for n in range(1, 11)],
        [_staff_member(rng, f"staff-tm-{n:02d}", Role.TEAM_MANAGER, team) for n in range(1, 4)],
    )
    demo = User.objects.filter(username="social_worker").first() or create_staff_user(
        None,
        password=None,  # demo-setup gives it its password
        actor_label=SEEDER,
        username="social_worker",
        role=Role.SOCIAL_WORKER,
        team=team,
        first_name="Social Worker",
        last_name="(demo)",
    )
    # The demo social worker holds a good share of the front door's cases (a caseload to show).
    holders = [demo] * 3 + staff.social_workers[:4] if demo.team_id == team.pk else []
    staff.teams["front_door"] = (team, holders or staff.social_workers, staff.managers)
    for key, name, prefix in CASEWORK_TEAMS:
        unit, _ = Team.objects.get_or_create(name=name)
        workers = [
            _staff_member(rng, f"staff-{prefix}-sw-{n:02d}", Role.SOCIAL_WORKER, unit)
            for n in range(1, 7)
        ]
        managers = [
            _staff_member(rng, f"staff-{prefix}-tm-{n}", Role.TEAM_MANAGER, unit) for n in (1, 2)
        ]
        staff.teams[key] = (unit, workers, managers)
    wellbeing, _ = Team.objects.get_or_create(name="Family Wellbeing")
    leads = [
        _staff_member(rng, f"staff-fw-{n:02d}", Role.EARLY_HELP, wellbeing) for n in range(1, 9)
    ]
    staff.early_help_managers = [
        _staff_member(rng, f"staff-fw-tm-{n}", Role.TEAM_MANAGER, wellbeing) for n in (1, 2)
    ]
    demo_lead = User.objects.filter(username="early_help").first() or create_staff_user(
        None,
        password=None,  # demo-setup gives it its password
        actor_label=SEEDER,
        username="early_help",
        role=Role.EARLY_HELP,
        team=wellbeing,
        first_name="Early Help",
        last_name="(demo)",
    )
    staff.early_help = [demo_lead, *leads] if demo_lead.is_active else leads
    return staff


def demo_logins(password: str = DEMO_PASSWORD) -> list[User]:
    """Create (or reset the password of) one demo login per role."""
    users = []
    for username, role, team_name, agency_slug in DEMO_LOGINS:
        team = Team.objects.get_or_create(name=team_name)[0] if team_name else None
        agency = Agency.objects.get(slug=agency_slug) if agency_slug else None
        details: dict[str, Any] = {
            "role": role,
            "team": team,
            "agency": agency,
            "is_active": True,
            "first_name": username.replace("_", " ").title(),
            "last_name": "(demo)",
        }
        user = User.objects.filter(username=username).first()
        if user is None:
            user = create_staff_user(
                None, password=password, actor_label=SEEDER, username=username, **details
            )
        else:
            user = update_staff_user(None, user, password=password, actor_label=SEEDER, **details)
        users.append(user)
    return users
