"""Intake and search rank candidates by one rule, in one place (candidates.rank())."""

import datetime as dt

import pytest

from frontdoor.people.matching import find_candidates, parse_search, search_people
from frontdoor.people.models import Person
from frontdoor.people.tests.helpers import POSTCODE, add_person

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 1)
BORN = dt.date(2016, 5, 10)


def _people(found):
    return [c.person for c in found]


def test_intake_and_search_give_the_same_list_for_the_same_details():
    william = add_person("William", "Hughes", BORN, POSTCODE)
    twin = add_person("Harry", "Hughes", BORN, POSTCODE)
    add_person("Bill", "Hughes", dt.date(2009, 1, 3), "BS22 6AA")
    intake = find_candidates("Bill", "Hughes", BORN, POSTCODE)
    search = search_people(Person.objects.all(), "Bill Hughes 10/5/2016 BS23 1UJ", as_of=TODAY)
    assert _people(search) == _people(intake)
    assert _people(search)[0] == william and twin in _people(search)
    assert [(c.probability, c.band, c.evidence) for c in search] == [
        (c.probability, c.band, c.evidence) for c in intake
    ]
    assert search[0].band == "suggest"


def test_a_list_the_model_can_judge_runs_best_probability_first():
    """Found by forename and postcode under another surname (a changed surname), the child
    who lives at the postcode comes above a namesake who lives elsewhere: the model weighs a
    shared home against a shared surname, as the hand-set weights alone did not."""
    moved_on = add_person("Jessica", "Scott", dt.date(2020, 5, 11), "TS10 7WJ")
    namesake = add_person("Jessica", "Morgan", dt.date(2011, 5, 22), "CM17 7XY")
    found = search_people(Person.objects.all(), "Jessica Morgan TS10 7WJ", as_of=TODAY)
    assert _people(found) == [moved_on, namesake]
    assert found[0].probability > found[1].probability
    assert found[0].score < found[1].score  # the hand-set weights alone would put her second
    assert "same postcode" in found[0].evidence


@pytest.mark.parametrize("text", ["Okafor", "Okafor age 9", "Amelia Okafor age 9"])
def test_a_search_the_model_cannot_judge_whole_is_ranked_by_the_hand_set_weights(text):
    add_person("Amelia", "Okafor", BORN, POSTCODE)
    add_person("Grace", "Okafor", dt.date(2019, 2, 3), POSTCODE)
    assert not parse_search(text, as_of=TODAY).is_model_comparable()
    found = search_people(Person.objects.all(), text, as_of=TODAY)
    assert len(found) >= 1
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    assert all(c.probability == 0 and c.band == "" and c.evidence == "" for c in found)


def test_the_model_judges_a_search_of_names_date_postcode_or_nhs_number():
    for text in ("Amelia Okafor", "Okafor, Amelia 10/5/2016", "BS23 1UJ", "999 000 0018"):
        assert parse_search(text, as_of=TODAY).is_model_comparable(), text


def test_candidates_addresses_are_read_in_one_statement(django_assert_max_num_queries):
    for day in range(6):
        add_person("Amelia", "Okafor", BORN + dt.timedelta(days=day), f"BS23 1U{'ABDEFG'[day]}")
    with django_assert_max_num_queries(3):  # the look-ups, other names, addresses
        found = find_candidates("Amelia", "Okafor", BORN, "BS23 1UA")
        assert [r.household.line1 for c in found for r in c.person.residences.all()]
    assert len(found) == 6
