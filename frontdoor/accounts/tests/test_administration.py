import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from frontdoor.accounts.models import Agency, Team, User
from frontdoor.audit.models import Event
from frontdoor.contacts.models import LevelOfNeed
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


def test_administrator_adds_an_agency_and_it_is_audited(persona):
    admin = client_for(persona("administrator"))
    response = admin.post(
        "/settings/agencies/new", {"name": "Fire service", "slug": "fire", "is_active": "on"}
    )
    assert response.status_code == 302
    agency = Agency.objects.get(slug="fire")
    assert Event.objects.filter(record_type="agency", record_id=str(agency.pk)).exists()


def test_levels_of_need_are_configurable_and_ranks_stay_unique(persona):
    admin = client_for(persona("administrator"))
    level = LevelOfNeed.objects.get(rank=2)
    admin.post(
        f"/settings/levels/{level.pk}",
        {"rank": 2, "name": "Early help", "description": "Universal plus"},
    )
    assert LevelOfNeed.objects.get(rank=2).name == "Early help"
    page = admin.post("/settings/levels/new", {"rank": 3, "name": "Clash"}).content.decode()
    assert "Level of need with this Rank already exists" in page or "already exists" in page
    assert LevelOfNeed.objects.count() == 4


def test_a_partner_account_needs_an_agency(persona):
    admin = client_for(persona("administrator"))
    page = admin.post(
        "/settings/users/new",
        {"username": "pc_smith", "role": "mash_partner", "password": "a long enough password"},
    )
    assert "Choose the agency this partner works for." in page.content.decode()
    police = Agency.objects.get(slug="police")
    admin.post(
        "/settings/users/new",
        {
            "username": "pc_smith",
            "role": "mash_partner",
            "agency": police.pk,
            "password": "a long enough password",
        },
    )
    assert User.objects.get(username="pc_smith").agency == police


def test_settings_are_404_for_a_team_manager(persona):
    assert client_for(persona("team_manager")).get("/settings/").status_code == 404


def test_an_administrator_changes_role_and_team_and_it_is_audited(persona):
    worker = persona("social_worker")
    team = Team.objects.create(name="Children in Need")
    admin = client_for(persona("administrator"))
    page = admin.get(f"/settings/users/{worker.pk}").content.decode()
    assert "Social worker" in page and "Deactivate account" in page
    response = admin.post(
        f"/settings/users/{worker.pk}",
        {
            "first_name": "Sam",
            "last_name": "Lee",
            "email": "",
            "role": "team_manager",
            "team": team.pk,
            "agency": "",
        },
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.role, worker.team, worker.first_name) == ("team_manager", team, "Sam")
    change = Event.objects.filter(record_type="user", record_id=str(worker.pk)).latest("pk")
    assert change.changes["before"]["role"] == "social_worker"
    assert change.changes["after"]["team"] == team.pk
    refused = admin.post(
        f"/settings/users/{worker.pk}",
        {"role": "mash_partner", "team": "", "agency": ""},
    )
    assert refused.status_code == 400
    assert "Choose the agency this partner works for." in refused.content.decode()
    worker.refresh_from_db()
    assert worker.role == "team_manager"


def test_a_deactivated_account_is_signed_out_at_its_next_request(persona):
    leaver = persona("social_worker")
    their_session = client_for(leaver)
    assert their_session.get("/contacts/").status_code == 200
    admin = client_for(persona("administrator"))
    response = admin.post(f"/settings/users/{leaver.pk}/deactivate")
    assert response.status_code == 302
    leaver.refresh_from_db()
    assert not leaver.is_active
    after = their_session.get("/contacts/")
    assert after.status_code == 302 and after["Location"].startswith("/sign-in")
    assert Event.objects.filter(
        record_type="user", record_id=str(leaver.pk), summary__contains="deactivated"
    ).exists()
    admin.post(f"/settings/users/{leaver.pk}/reactivate")
    leaver.refresh_from_db()
    assert leaver.is_active


def test_an_administrator_cannot_deactivate_their_own_account(persona):
    administrator = persona("administrator")
    page = client_for(administrator).post(
        f"/settings/users/{administrator.pk}/deactivate", follow=True
    )
    assert "You cannot deactivate your own account." in page.content.decode()
    administrator.refresh_from_db()
    assert administrator.is_active


def test_unlock_clears_failed_sign_ins_and_a_second_factor_lock(persona):
    locked = persona("contact_officer")
    AccessAttempt.objects.create(
        username=locked.username,
        ip_address="127.0.0.1",
        user_agent="test",
        failures_since_start=5,
        get_data="",
        post_data="",
    )
    locked.totp_locked_until = timezone.now() + dt.timedelta(minutes=10)
    locked.save()
    admin = client_for(persona("administrator"))
    page = admin.get(f"/settings/users/{locked.pk}").content.decode()
    assert "Locked after failed attempts" in page and "issue an enrolment code" in page
    admin.post(f"/settings/users/{locked.pk}/unlock")
    assert not AccessAttempt.objects.filter(username=locked.username).exists()
    locked.refresh_from_db()
    assert locked.totp_locked_until is None
    assert "Not locked" in admin.get(f"/settings/users/{locked.pk}").content.decode()
    assert Event.objects.filter(
        record_type="user", record_id=str(locked.pk), summary__contains="unlocked"
    ).exists()


def test_account_pages_are_404_to_everyone_but_administrators(persona):
    worker = persona("social_worker")
    for role in ("team_manager", "social_worker", "police_partner"):
        client = client_for(persona(role))
        assert client.get(f"/settings/users/{worker.pk}").status_code == 404
        assert client.post(f"/settings/users/{worker.pk}/deactivate").status_code == 404
    worker.refresh_from_db()
    assert worker.is_active
