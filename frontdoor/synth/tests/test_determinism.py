import io

import pytest
from django.core.management import call_command
from django.db import transaction

from frontdoor.accounts.models import User
from frontdoor.casework.models import Assessment, CINEpisode, CPPlan, LookedAfterEpisode
from frontdoor.contacts.models import Contact, Decision
from frontdoor.people.models import Person
from frontdoor.synth.staff import DEMO_LOGINS, DEMO_PASSWORD
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db


def seed_and_describe(seed: int) -> tuple[str, list[tuple[object, ...]]]:
    """Seed a tiny council, describe what was stored, and roll it back."""
    out = io.StringIO()
    with transaction.atomic():
        call_command(
            "seed", "--children=300", "--years=2", "--end=2023-03-31", f"--seed={seed}", stdout=out
        )
        stored = [
            *Contact.objects.order_by("received_at", "pk").values_list(
                "received_at", "source", "status", "outcome", "rag", "decided_at"
            ),
            *Person.objects.order_by("pk").values_list(
                "given_name", "family_name", "date_of_birth", "nhs_number", "upn"
            ),
            *CINEpisode.objects.order_by("pk").values_list("referral_date", "closure_date"),
            *Decision.objects.order_by("pk").values_list("outcome", "recorded_at", "status"),
            *Assessment.objects.order_by("pk").values_list(
                "episode__referral_date", "start_date", "authorised_on", "outcome", "factors"
            ),
            *CPPlan.objects.order_by("pk").values_list(
                "episode__referral_date",
                "start_date",
                "end_date",
                "initial_category",
                "previous_plans",
            ),
            *LookedAfterEpisode.objects.order_by("pk").values_list(
                "episode__referral_date", "start_date", "end_date", "legal_status"
            ),
            *CINEpisode.objects.order_by("pk").values_list(
                "reason_for_closure", "team__name", "allocated_worker__username"
            ),
        ]
        transaction.set_rollback(True)
    summary = out.getvalue().split("seconds:")[1]  # all but the time taken
    return summary, stored


def test_the_same_seed_stores_the_same_council():
    first = seed_and_describe(11)
    assert first[1]
    assert seed_and_describe(11) == first


def test_demo_setup_makes_one_login_per_role_with_the_printed_password():
    make_contact()  # not empty: demo-setup must not seed
    out = io.StringIO()
    call_command("demo-setup", stdout=out)
    text = out.getvalue()
    assert "not seeded again" in text
    assert Contact.objects.count() == 1
    for username, role, _, agency in DEMO_LOGINS:
        assert username in text
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD) and user.role == role and user.is_active
        assert (user.agency.slug if user.agency else "") == agency
    assert DEMO_PASSWORD in text
    call_command("demo-setup", stdout=io.StringIO())  # again: passwords reset, no duplicates
    assert User.objects.filter(username__in=[u for u, *_ in DEMO_LOGINS]).count() == len(
        DEMO_LOGINS
    )
