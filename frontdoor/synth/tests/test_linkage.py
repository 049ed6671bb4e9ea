"""The linkage generator: records with known truth, twins and siblings named apart."""

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
