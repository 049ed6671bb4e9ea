"""The trained matching model: duplicates found, twins kept apart, evidence in plain words."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from frontdoor.people.matching import find_candidates, score, thresholds
from frontdoor.people.matching.comparisons import COMPARISONS, level
from frontdoor.people.matching.model import load_model
from frontdoor.people.matching.records import prepare
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.synth.linkage import HEADER, generate, write_csv

CHILD = {
    "given_name": "William",
    "surname": "Hughes",
    "date_of_birth": "2016-05-10",
    "sex": "M",
    "postcode": "BS23 1UJ",
    "address": "12 Oak Road",
    "nhs_number": "",
}
SUGGEST, REVIEW = thresholds()


@pytest.mark.parametrize(
    ("kind", "changes", "said"),
    [
        ("nickname", {"given_name": "Bill"}, "forename is a known nickname"),
        ("transliteration", {"given_name": "Muhammad"}, "forename is another spelling"),
        ("surname typo", {"surname": "Hughs"}, "surname spelt similarly"),
        ("forename typo", {"given_name": "Willaim"}, "forename spelt similarly"),
        ("swapped date", {"date_of_birth": "2016-10-05"}, "day and month of birth swapped"),
        ("moved house", {"postcode": "LS1 4AB", "address": "3 Park Lane"}, "same date of birth"),
        ("double-barrelled", {"surname": "Hughes-Patel"}, "part of a double-barrelled surname"),
    ],
)
def test_a_duplicate_with_a_usual_error_is_scored_above_the_suggest_threshold(kind, changes, said):
    original = CHILD if kind != "transliteration" else {**CHILD, "given_name": "Mohammed"}
    match = score(original, {**original, **changes})
    assert match.probability >= SUGGEST, kind
    assert match.band == "suggest"
    assert said in match.evidence_text


def test_a_twin_is_scored_below_the_review_threshold_and_named_as_a_possible_twin():
    match = score(CHILD, {**CHILD, "given_name": "Harry"})
    assert match.probability < REVIEW
    assert match.band == "new"
    assert match.could_be_twins
    assert "could be a twin" in match.evidence_text


def test_twins_named_alike_are_not_read_as_a_typo():
    emma = {**CHILD, "given_name": "Emma", "sex": "F"}
    assert score(emma, {**emma, "given_name": "Ella"}).probability < REVIEW


def test_a_sibling_at_the_same_address_is_a_new_person():
    sibling = {**CHILD, "given_name": "Grace", "sex": "F", "date_of_birth": "2019-02-03"}
    assert score(CHILD, sibling).band == "new"


def test_the_same_nhs_number_outweighs_a_different_spelling_of_everything_else():
    a = {**CHILD, "nhs_number": "9990000018"}
    b = {**a, "given_name": "Liam", "surname": "Hews", "postcode": "", "address": ""}
    assert score(a, b).probability >= SUGGEST


def test_evidence_reads_in_plain_words_strongest_first():
    match = score(CHILD, {**CHILD, "given_name": "Bill", "postcode": "", "address": ""})
    assert match.evidence_text == ("same date of birth; forename is a known nickname; same surname")


def test_a_common_name_says_less_than_a_rare_one():
    frequencies = load_model()["term_frequencies"]["surname"]
    common = max(frequencies, key=frequencies.__getitem__)
    rare = min(frequencies, key=frequencies.__getitem__)
    both = {"given_name": "", "date_of_birth": "2016-05-10"}
    assert (
        score({**both, "surname": common}, {**both, "surname": common}).weight
        < score({**both, "surname": rare}, {**both, "surname": rare}).weight
    )


@override_settings(FRONTDOOR_MATCH_SUGGEST=0.9999999, FRONTDOOR_MATCH_REVIEW=0.2)
def test_the_bands_follow_the_configured_thresholds():
    assert score(CHILD, {**CHILD, "postcode": "", "address": ""}).band == "review"


def test_the_python_levels_agree_with_the_sql_levels_on_generated_pairs():
    """The online scorer and Splink must put every pair in the same level."""
    import duckdb

    from frontdoor.people.matching.dedupe import Records
    from frontdoor.people.matching.splink_model import prepare_table

    rows = [dict(zip(HEADER, row, strict=True)) for row in generate(600, seed=3)]
    records = Records()
    for row in rows:
        records.add(row["record_id"], [row[c] for c in HEADER[1:]], linkable=True)
    connection = duckdb.connect()
    prepare_table(connection, records.frame_columns())
    prepared = {r["record_id"]: prepare(r) for r in rows}
    columns = [d[0] for d in connection.execute("SELECT * FROM people LIMIT 0").description]
    for row in connection.execute("SELECT * FROM people").fetchall():
        in_sql = dict(zip(columns, row, strict=True))
        in_python = prepared[in_sql["unique_id"]]
        for column in ("dob", "dob_swapped", "sex", "postcode", "postcode_sector", "address"):
            assert in_sql[column] == in_python[column], column
    cases = []
    for name, levels in COMPARISONS.items():
        whens = " ".join(f"WHEN {lv.sql} THEN {i}" for i, lv in enumerate(levels[:-1]))
        cases.append(f"CASE {whens} ELSE {len(levels) - 1} END AS {name}")
    left = ", ".join(f'l."{c}" AS "{c}_l"' for c in columns)
    right = ", ".join(f'r."{c}" AS "{c}_r"' for c in columns)
    pairs = connection.execute(
        f"WITH pairs AS (SELECT {left}, {right} FROM people l JOIN people r "
        "ON l.unique_id < r.unique_id AND (l.surname_phonetic = r.surname_phonetic "
        "OR l.dob = r.dob OR l.postcode = r.postcode)) "
        f"SELECT unique_id_l, unique_id_r, {', '.join(cases)} FROM pairs"
    ).fetchall()
    assert len(pairs) > 500
    names = list(COMPARISONS)
    for a, b, *levels in pairs:
        for name, index in zip(names, levels, strict=True):
            python = level(name, prepared[a], prepared[b]).label
            assert python == COMPARISONS[name][index].label, (name, a, b)


@pytest.mark.django_db
def test_find_candidates_gives_probability_evidence_and_band():
    william = add_person("William", "Hughes", dt.date(2016, 5, 10), POSTCODE)
    twin = add_person("Harry", "Hughes", dt.date(2016, 5, 10), POSTCODE)
    found = find_candidates("Bill", "Hughes", dt.date(2016, 5, 10), POSTCODE)
    assert found[0].person == william
    assert found[0].band == "suggest" and found[0].probability >= SUGGEST
    assert "forename is a known nickname" in found[0].evidence
    other = [c for c in found if c.person == twin]
    assert not other or other[0].band == "new"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_dedupe_writes_one_row_per_input_row_and_reports_bad_rows_by_line(tmp_path):
    source = tmp_path / "people.csv"
    truth = write_csv(source, 2_000, seed=5)
    lines = source.read_text().splitlines()
    lines.insert(11, "BAD1,Amelia,Okafor,31/02/2016,F,BS23 1UJ,1 Oak Road,")  # line 12
    lines.insert(21, "BAD2,too,few,fields")  # line 22
    lines.insert(31, "BAD3,Amelia,Okafor,2016-05-10,F,BS23 1UJ,1 Oak Road,12345")  # line 32
    first = lines[1].split(",")[0]
    lines.insert(41, f"{first},Amelia,Okafor,2016-05-10,F,BS23 1UJ,1 Oak Road,")  # line 42
    _write(source, "\n".join(lines) + "\n")
    target = tmp_path / "clusters.csv"
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "people", "dedupe", "--input", str(source), "--output", str(target), stdout=out, stderr=err
    )
    with target.open(newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["record_id", "cluster_id"]
    written = [r[0] for r in rows[1:]]
    assert written == [line.split(",")[0] for line in lines[1:]]  # every row, in order
    assert "line 12: date_of_birth '31/02/2016' is not a date" in err.getvalue()
    assert "line 22: expected 8 fields, found 4; kept as a person of its own" in err.getvalue()
    assert "line 32: nhs_number '12345' is not 10 digits" in err.getvalue()
    assert f"line 42: record_id '{first}' already used on line 2" in err.getvalue()
    assert rows[41] == [first, ""]  # written, but in no cluster
    clusters = {record: cluster for record, cluster in rows[1:] if cluster}
    for bad in ("BAD1", "BAD2", "BAD3"):
        assert clusters[bad] == bad  # a malformed row is kept as a person of its own
    by_entity: dict[int, set[str]] = {}
    for number, entity in enumerate(truth.entity, start=1):
        by_entity.setdefault(entity, set()).add(clusters[f"R{number:08d}"])
    for a, b in truth.twins:
        if a in by_entity and b in by_entity:
            assert not by_entity[a] & by_entity[b], "twins merged"


def test_dedupe_refuses_a_file_without_the_header(tmp_path):
    from django.core.management.base import CommandError

    source = _write(tmp_path / "people.csv", "id,name\n1,Amelia\n")
    with pytest.raises(CommandError, match="The first line must be the header"):
        call_command(
            "people", "dedupe", "--input", str(source), "--output", str(tmp_path / "out.csv")
        )


def test_a_slip_of_a_nickname_may_join_its_full_name_but_two_short_names_may_not():
    from frontdoor.people.matching.constraints import never_one_person

    robert = prepare({**CHILD, "given_name": "Robert"})
    boby = prepare({**CHILD, "given_name": "Boby"})
    assert not never_one_person(robert, boby)  # Boby is Bobby mistyped: Robert's nickname
    yu, to = prepare({**CHILD, "given_name": "Yu"}), prepare({**CHILD, "given_name": "To"})
    assert never_one_person(yu, to)  # two letters apart in a two-letter name: two children
    emma, ella = prepare({**CHILD, "given_name": "Emma"}), prepare({**CHILD, "given_name": "Ella"})
    assert never_one_person(emma, ella)


def test_the_prior_falls_as_the_file_grows():
    from frontdoor.people.matching.splink_model import prior_for

    model = load_model()
    trained = model["splink"]["probability_two_random_records_match"]
    assert prior_for(model, model["records"]) == pytest.approx(trained)
    assert prior_for(model, model["records"] * 10) == pytest.approx(trained / 10, rel=0.01)
