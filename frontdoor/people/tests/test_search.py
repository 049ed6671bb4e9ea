"""A worker's free-text search is read into its parts and answered with reasons."""

import datetime as dt

import pytest

from frontdoor.people.matching import parse_search, pool, search_people
from frontdoor.people.models import Person
from frontdoor.people.search_keys import search_keys
from frontdoor.people.tests.helpers import POSTCODE, add_person

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 1)


def test_a_search_is_read_into_names_date_postcode_and_nhs_number():
    query = parse_search("Bill Smyth 03/04/2016 bs231uj", as_of=TODAY)
    assert (query.given_name, query.family_name) == ("Bill", "Smyth")
    assert query.date_of_birth == dt.date(2016, 4, 3)
    assert query.postcode == "BS23 1UJ"
    assert parse_search("943 476 5919", as_of=TODAY).nhs_number == "9434765919"


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("3/4/2016", dt.date(2016, 4, 3)),
        ("2016-04-03", dt.date(2016, 4, 3)),
        ("03.04.2016", dt.date(2016, 4, 3)),
        ("3/4/16", dt.date(2016, 4, 3)),
        ("31/02/2016", None),
    ],
)
def test_dates_are_read_day_first_or_as_iso(text, born):
    assert parse_search(f"Okafor {text}", as_of=TODAY).date_of_birth == born


@pytest.mark.parametrize(
    "text", ["age 7 Okafor", "Okafor aged 7", "Okafor 7y", "Okafor 7 years old"]
)
def test_an_approximate_age_is_read(text):
    query = parse_search(text, as_of=TODAY)
    assert query.age == 7 and query.name == "Okafor"


def test_surname_first_with_a_comma():
    query = parse_search("Okafor, Amelia", as_of=TODAY)
    assert (query.given_name, query.family_name) == ("Amelia", "Okafor")


def test_boy_or_girl_is_read_as_sex_and_an_la_child_id_as_such():
    query = parse_search("girl FD0000012", as_of=TODAY)
    assert query.sex == "F" and query.la_child_id == "FD0000012"


@pytest.fixture
def okafors():
    return {
        "amelia": add_person(
            "Amelia", "Okafor", dt.date(2016, 5, 10), POSTCODE, nhs_number="9990000018"
        ),
        "grace": add_person("Grace", "Okafor", dt.date(2019, 2, 3), POSTCODE),
        "other": add_person("Amelia", "Jones", dt.date(2016, 5, 10), "BS22 6AA"),
    }


def _people(results):
    return [c.person for c in results]


def test_a_single_name_finds_everyone_with_it_as_surname(okafors):
    results = search_people(Person.objects.all(), "okafor", as_of=TODAY)
    assert set(_people(results)) == {okafors["amelia"], okafors["grace"]}
    assert all("same surname" in c.reasons for c in results)


def test_a_single_name_also_finds_it_as_a_forename(okafors):
    results = search_people(Person.objects.all(), "Amelia", as_of=TODAY)
    assert set(_people(results)) == {okafors["amelia"], okafors["other"]}
    assert all("same forename" in c.reasons for c in results)


def test_name_and_approximate_age_rank_the_right_child_first(okafors):
    results = search_people(Person.objects.all(), "Okafor age 9", as_of=TODAY)
    assert results[0].person == okafors["amelia"]
    assert "aged 9" in results[0].reasons


def test_a_nickname_and_a_date_with_day_and_month_swapped_still_find_the_child(okafors):
    results = search_people(Person.objects.all(), "Millie Okafor 05/10/2016", as_of=TODAY)
    top = results[0]
    assert top.person == okafors["amelia"]
    assert "forename is a known nickname (Millie / Amelia)" in top.reasons
    assert any(r.startswith("day and month of birth swapped") for r in top.reasons)


def test_an_nhs_number_alone_finds_the_child(okafors):
    results = search_people(Person.objects.all(), "999 000 0018", as_of=TODAY)
    assert _people(results) == [okafors["amelia"]]
    assert results[0].reasons == ["same NHS number"]


def test_the_forms_date_and_postcode_fields_join_the_text(okafors):
    results = search_people(
        Person.objects.all(),
        "Amelia",
        as_of=TODAY,
        date_of_birth=dt.date(2016, 5, 10),
        postcode="bs22 6aa",
    )
    assert results[0].person == okafors["other"]
    assert "lives at the same postcode" in results[0].reasons


def test_a_postcode_alone_lists_who_lives_there(okafors):
    results = search_people(Person.objects.all(), "BS23 1UJ", as_of=TODAY)
    assert set(_people(results)) == {okafors["amelia"], okafors["grace"]}


def test_an_empty_search_finds_nobody(okafors):
    assert search_people(Person.objects.all(), "   ", as_of=TODAY) == []


def test_a_date_of_birth_a_day_out_and_a_nearby_postcode_are_evidence(okafors):
    results = search_people(Person.objects.all(), "Grace Okafor 4/2/2019 BS23 1ZZ", as_of=TODAY)
    top = results[0]
    assert top.person == okafors["grace"]
    assert any(r.startswith("date of birth a few days apart") for r in top.reasons)
    assert "lives in the same postcode sector (BS23 1)" in top.reasons


def test_the_child_is_found_among_more_namesakes_and_birthday_sharers_than_a_look_up_reads():
    """Each look-up reads a capped number of rows: hundreds of children born on one day and
    hundreds of Ethan Martins must not hide the one Ethan Martin born that day."""
    born = dt.date(2017, 9, 16)
    others = [
        Person(given_name=f"Child{n}", family_name=f"Family{n}", date_of_birth=born)
        for n in range(pool.PER_LOOKUP + 10)
    ] + [
        Person(
            given_name="Ethan",
            family_name="Martin",
            date_of_birth=born - dt.timedelta(days=40 + n),
        )
        for n in range(pool.PER_LOOKUP + 10)
    ]
    for person in others:
        for key, value in search_keys(person.given_name, person.family_name).items():
            setattr(person, key, value)
    Person.objects.bulk_create(others)
    ethan = add_person("Ethan", "Martin", born, "BS22 6AA")
    results = search_people(Person.objects.all(), "Etan Martin 16/9/2017", as_of=TODAY)
    assert results[0].person == ethan
    assert results[0].reasons[:3] == [
        "forename spelt similarly (Etan / Ethan)",
        "same surname",
        "same date of birth",
    ]
