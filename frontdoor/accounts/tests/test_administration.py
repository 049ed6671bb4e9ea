import pytest

from frontdoor.accounts.models import Agency, User
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
