"""The linkage generator: records with known truth, twins and siblings named apart."""

from collections import Counter

import pytest

from frontdoor.people.matching.names import relation
from frontdoor.people.search_keys import fold
from frontdoor.synth.linkage import Generator, Truth, generate


def test_the_generator_knows_twins_and_origins():
    truth = Truth()
    rows = list(generate(3_000, seed=2, truth=truth))
    assert len(rows) == len(truth.entity) == 3_000
    assert truth.twins and len(set(truth.origin)) > 5


def test_the_generator_never_names_twins_or_siblings_with_forms_of_one_name():
    generator, truth = Generator(3), Truth()
    clashes = []
    for house in range(5_000):
        children = generator.household(len(truth.origin), house, truth)
        names = [fold(part) for child in children for part in child.given.split()]
        clashes += [(a, b) for a in names for b in names if a < b and relation(a, b)]
    assert clashes == []  # not Harry and Henry, nor "Vasile Matei" and "Matei"


def test_census_names_give_a_long_tail_of_surnames_and_the_pools_do_not():
    """The search benchmark's population (synth.census_names): real name frequencies."""
    surnames = {}
    for source in ("census", "pools"):
        generator, truth = Generator(5, names=source), Truth()
        people = [c for house in range(5000) for c in generator.household(0, house, truth)]
        surnames[source] = Counter(c.surname.split("-")[0] for c in people)
    census, pools = surnames["census"], surnames["pools"]
    assert len(census) > 2500 > 400 > len(pools)
    assert census.most_common(1)[0][0] == "Smith"
    # Smith is about 1.1% of people in the source; 5000 households hold ~9,000 children.
    share = census["Smith"] / sum(census.values())
    assert 0.006 < share < 0.017


def test_an_unknown_name_source_is_refused():
    with pytest.raises(ValueError, match="Names come from pools or census"):
        Generator(1, names="phonebook")
