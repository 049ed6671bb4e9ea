"""The duplicate review queue, the pair page, merging, keeping apart and undoing a merge."""

import datetime as dt

import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.people.duplicates import propose_duplicates
from frontdoor.people.models import DuplicatePair, Merge, Person
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import client_for, make_persona

pytestmark = pytest.mark.django_db

BORN = dt.date(2016, 5, 10)


@pytest.fixture
def pair():
    add_person("Amelia", "Okafor", BORN, POSTCODE)
    add_person("Millie", "Okafor", BORN, POSTCODE, nhs_number="9434765919")
    propose_duplicates()
    return DuplicatePair.objects.get()


@pytest.fixture
def manager():
    return client_for(make_persona("team_manager"))


def test_the_queue_lists_pairs_with_their_evidence(pair, manager):
    page = manager.get("/people/duplicates/").content.decode()
    assert "Amelia Okafor and Millie Okafor" in page
    assert "forename is a known nickname" in page


def test_the_pair_page_shows_both_records_side_by_side_and_logs_the_reads(pair, manager):
    page = manager.get(f"/people/duplicates/{pair.pk}/").content.decode()
    assert "Which forename should the record keep?" in page
    assert "943 476 5919" in page
    assert AuditEvent.objects.filter(
        action="view", person_id=pair.second_id, summary="Viewed as a possible duplicate"
    ).exists()


def test_merging_keeps_the_chosen_values_and_the_tombstone_redirects(pair, manager):
    response = manager.post(
        f"/people/duplicates/{pair.pk}/",
        {"given_name": "first", "nhs_number": "second", "la_child_id": "first"},
    )
    assert response.status_code == 302
    survivor = Person.objects.get(pk=pair.first_id)
    assert (survivor.given_name, survivor.nhs_number) == ("Amelia", "9434765919")
    tombstone = manager.get(f"/people/{pair.second_id}/")
    assert tombstone.status_code == 302 and tombstone.url == f"/people/{pair.first_id}/"
    pair.refresh_from_db()
    assert pair.status == DuplicatePair.Status.MERGED


def test_a_merge_without_a_choice_shows_an_error(pair, manager):
    response = manager.post(
        f"/people/duplicates/{pair.pk}/", {"nhs_number": "second", "la_child_id": "first"}
    )
    assert response.status_code == 400
    assert "Choose which forename to keep." in response.content.decode()
    assert not Merge.objects.exists()


def test_a_merge_can_be_undone_from_the_queue(pair, manager):
    manager.post(
        f"/people/duplicates/{pair.pk}/",
        {"given_name": "second", "nhs_number": "second", "la_child_id": "first"},
    )
    merge = Merge.objects.get()
    assert "Undo merge" in manager.get("/people/duplicates/").content.decode()
    response = manager.post(f"/people/merges/{merge.pk}/undo")
    assert response.status_code == 302
    assert Person.objects.get(pk=pair.first_id).given_name == "Amelia"
    assert Person.objects.get(pk=pair.second_id).merged_into is None


def test_marking_different_people_takes_the_pair_off_the_queue(pair, manager):
    response = manager.post(f"/people/duplicates/{pair.pk}/different")
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == DuplicatePair.Status.DIFFERENT
    assert "There are no pairs to review." in manager.get("/people/duplicates/").content.decode()


def test_twins_are_listed_apart_and_need_a_confirmation_to_merge(manager):
    add_person("Amelia", "Okafor", BORN, POSTCODE)
    add_person("Grace", "Okafor", BORN, POSTCODE)
    propose_duplicates()
    twins = DuplicatePair.objects.get()
    assert "There are no pairs to review." in manager.get("/people/duplicates/").content.decode()
    assert (
        "Amelia Okafor and Grace Okafor"
        in manager.get("/people/duplicates/?show=twins").content.decode()
    )
    response = manager.post(
        f"/people/duplicates/{twins.pk}/", {"given_name": "first", "la_child_id": "first"}
    )
    assert response.status_code == 400 and not Merge.objects.exists()


def test_a_restricted_record_keeps_its_pair_hidden(pair):
    from frontdoor.accounts.models import Team

    other = Team.objects.create(name="Adoption")
    Person.objects.filter(pk=pair.second_id).update(restricted_to_team=other)
    manager = client_for(make_persona("team_manager"))
    assert manager.get(f"/people/duplicates/{pair.pk}/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/people/duplicates/", "/people/duplicates/{pk}/"], ids=["queue", "pair"]
)
def test_anonymous_is_sent_to_sign_in_and_workers_get_404(pair, client, url):
    url = url.format(pk=pair.pk)
    assert client.get(url).url.startswith("/sign-in")
    assert client_for(make_persona("social_worker")).get(url).status_code == 404


def test_wrong_methods_get_405(pair, manager):
    assert manager.post("/people/duplicates/").status_code == 405
    assert manager.get(f"/people/duplicates/{pair.pk}/different").status_code == 405
    assert manager.get("/people/merges/1/undo").status_code == 405
    assert manager.delete(f"/people/duplicates/{pair.pk}/").status_code == 405
