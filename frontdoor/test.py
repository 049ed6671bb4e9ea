"""Personas and helpers shared by the tests (style.md: one persona per kind of user)."""

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from frontdoor.accounts.models import Agency, Role, Team, User
from frontdoor.contacts import actions
from frontdoor.contacts.inputs import ContactInput, SubjectInput
from frontdoor.contacts.models import Contact

PASSWORD = "correct horse battery staple"

PERSONAS: dict[str, dict[str, Any]] = {
    "contact_officer": {"role": Role.CONTACT_OFFICER, "team": "Front Door"},
    "social_worker": {"role": Role.SOCIAL_WORKER, "team": "Front Door"},
    "team_manager": {"role": Role.TEAM_MANAGER, "team": "Front Door"},
    "other_manager": {"role": Role.TEAM_MANAGER, "team": "Front Door"},
    "police_partner": {"role": Role.MASH_PARTNER, "agency": "police"},
    "health_partner": {"role": Role.MASH_PARTNER, "agency": "health"},
    "other_team_worker": {"role": Role.SOCIAL_WORKER, "team": "Children with Disabilities"},
    "early_help": {"role": Role.EARLY_HELP, "team": "Family Wellbeing"},
    "roth_worker": {"role": Role.ROTH_WORKER, "team": "Risk Outside the Home"},
    "analyst": {"role": Role.ANALYST, "team": "Performance"},
    "qa_auditor": {"role": Role.QA_AUDITOR, "team": "Quality Assurance"},
    "information_governance": {"role": Role.INFORMATION_GOVERNANCE, "team": "Data Protection"},
    "administrator": {"role": Role.ADMINISTRATOR, "team": "Systems"},
}


def make_persona(name: str) -> User:
    spec = PERSONAS[name]
    team = Team.objects.get_or_create(name=spec["team"])[0] if spec.get("team") else None
    agency = Agency.objects.get(slug=spec["agency"]) if spec.get("agency") else None
    user, _ = User.objects.get_or_create(
        username=name,
        defaults={
            "role": spec["role"],
            "team": team,
            "agency": agency,
            "first_name": name.replace("_", " ").title(),
            "last_name": "Persona",
        },
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sample_contact_input(**overrides: Any) -> ContactInput:
    child = SubjectInput(
        role="child",
        given_name="Amelia",
        family_name="Okafor",
        date_of_birth=dt.date(2016, 5, 10),
        sex="F",
        postcode="BS23 1UJ",
    )
    fields: dict[str, Any] = {
        "source": "2A",
        "worry": "Amelia has come to school hungry and with bruises.",
        "consent": "given",
        "subjects": [child],
        "referrer_name": "Ms Teacher",
        "referrer_organisation": "Hillside Primary",
    }
    fields.update(overrides)
    return ContactInput(**fields)


def make_contact(received_at: dt.datetime | None = None, **overrides: Any) -> Contact:
    return actions.receive_contact(
        sample_contact_input(**overrides),
        channel="phone",
        actor_label="test",
        received_at=received_at or timezone.now(),
    )


# The data migrations that install a council's editable defaults (agencies, levels of need,
# MASH clocks and risk indicators, early help services, push and pull factors). Each one's
# forward function is idempotent (get_or_create), so it is replayed on the live registry.
DEFAULTS_MIGRATIONS = [
    ("frontdoor.accounts.migrations.0002_default_agencies", "add_agencies"),
    ("frontdoor.contacts.migrations.0002_default_levels_of_need", "add_levels"),
    ("frontdoor.mash.migrations.0002_default_clocks_and_risk_indicators", "add_defaults"),
    ("frontdoor.earlyhelp.migrations.0002_default_services", "add_services"),
    ("frontdoor.outside.migrations.0002_default_push_pull_factors", "add_factors"),
    ("frontdoor.records.migrations.0002_default_retention_rules", "install"),
    ("frontdoor.quality.migrations.0002_default_kinds_and_themes", "add_defaults"),
]


def put_back_council_defaults() -> None:
    """A transactional test's flush removes what the data migrations made; put it back."""
    import importlib

    from django.apps import apps

    for module, function in DEFAULTS_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)
