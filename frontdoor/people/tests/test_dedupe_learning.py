"""De-duplication that learns from the file: blocking, the bulk levels, the veto, the CSV."""

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from frontdoor.people.matching.columns import MappingError, layout_for, parse_columns, read_date
from frontdoor.people.matching.constraints import never_one_person
from frontdoor.people.matching.dedupe import RAW_COLUMNS, Records
from frontdoor.people.matching.learning import (
    BULK_BLOCKING_RULES,
    BULK_COLUMNS_SQL,
    BULK_COMPARISONS,
    choose_threshold,
    estimate_prior,
)
from frontdoor.people.matching.records import prepare
from frontdoor.people.matching.splink_model import BLOCKING_RULES, prepare_table

FIELDS = ("given_name", "surname", "date_of_birth", "sex", "postcode", "address", "nhs_number")


def _table(rows: list[dict[str, str]]) -> Any:
    import duckdb

    records = Records()
    for n, row in enumerate(rows):
        cells = [row.get(f, "") for f in FIELDS]
        records.add(f"R{n}", cells + [""] * (len(RAW_COLUMNS) - len(cells)), linkable=True)
    connection = duckdb.connect()
    prepare_table(connection, records.frame_columns())
    connection.execute(BULK_COLUMNS_SQL)
    return connection


def _reached(connection: Any, rules: list[str]) -> bool:
    joined = " OR ".join(f"({rule})" for rule in rules)
    found = connection.execute(
        f"SELECT count(*) FROM people_bulk l JOIN people_bulk r "
        f"ON l.unique_id = 'R0' AND r.unique_id = 'R1' AND ({joined})"
    ).fetchall()[0][0]
    return bool(found)


def _level(connection: Any, comparison: str) -> str:
    levels = BULK_COMPARISONS[comparison]
    columns = [d[0] for d in connection.execute("SELECT * FROM people_bulk LIMIT 0").description]
    left = ", ".join(f'l."{c}" AS "{c}_l"' for c in columns)
    right = ", ".join(f'r."{c}" AS "{c}_r"' for c in columns)
    whens = " ".join(f"WHEN {lv.sql} THEN {i}" for i, lv in enumerate(levels[:-1]))
    index = connection.execute(
        f"WITH p AS (SELECT {left}, {right} FROM people_bulk l, people_bulk r "
        "WHERE l.unique_id = 'R0' AND r.unique_id = 'R1') "
        f"SELECT CASE {whens} ELSE {len(levels) - 1} END FROM p"
    ).fetchall()[0][0]
    return levels[index].label


NO_DOB_NO_POSTCODE = [
    {"given_name": "Zebedee", "surname": "Quixley", "address": "14 Larkspur Way, Nailsea"},
    {"given_name": "Zebedie", "surname": "Quixley", "address": "14 Larkspur Way Nailsea"},
]


def test_blocking_reaches_a_pair_with_no_date_of_birth_and_no_postcode():
    connection = _table(NO_DOB_NO_POSTCODE)
    assert not _reached(connection, BLOCKING_RULES)  # the shipped rules never compare them
    assert _reached(connection, BULK_BLOCKING_RULES)


def test_blocking_reaches_swapped_names_with_nothing_else_in_common():
    connection = _table(
        [
            {"given_name": "Nathan", "surname": "Morrison", "address": "3 Elm Close"},
            {"given_name": "Morrison", "surname": "Nathan", "address": "Flat 2, Mill Lane"},
        ]
    )
    assert not _reached(connection, BLOCKING_RULES)
    assert _reached(connection, BULK_BLOCKING_RULES)
    assert _level(connection, "forename") == "swapped"
    assert _level(connection, "surname") == "swapped"


def test_a_common_name_alone_does_not_block_beyond_the_limit():
    from frontdoor.people.matching.learning import BLOCK_LIMIT

    rows = [{"given_name": "Oliver", "surname": "Smith"} for _ in range(BLOCK_LIMIT + 1)]
    connection = _table(rows)
    keys = connection.execute("SELECT count(name_key), count(full_key) FROM people_bulk")
    assert keys.fetchall()[0] == (0, 0)
    connection = _table(rows[:2])
    assert _reached(connection, ["l.name_key = r.name_key"])


def test_a_free_text_address_is_compared_by_the_words_it_shares():
    connection = _table(
        [
            {"given_name": "Amy", "surname": "Lee", "address": "14 Larkspur Way, Nailsea"},
            {"given_name": "Amy", "surname": "Lee", "address": "14 Larkspur Wy Nailsea Somerset"},
        ]
    )
    assert _level(connection, "residence") == "address_half"
    connection = _table(
        [
            {"given_name": "Amy", "surname": "Lee", "address": "14 Larkspur Way, Nailsea"},
            {"given_name": "Amy", "surname": "Lee", "address": "Larkspur Way 14 Nailsea"},
        ]
    )
    assert _level(connection, "residence") == "address_most"
    connection = _table(
        [
            {"given_name": "Amy", "surname": "Lee", "address": "14 Larkspur Way, Nailsea"},
            {"given_name": "Amy", "surname": "Lee", "address": "2 Station Road, Yatton"},
        ]
    )
    assert _level(connection, "residence") == "different"


def test_a_postcode_inside_the_address_is_used_as_the_postcode():
    record = prepare({"given_name": "Amy", "address": "14 Larkspur Way, Nailsea bs48 1ab"})
    assert record["postcode"] == "BS48 1AB"
    connection = _table(
        [
            {"given_name": "Amy", "surname": "Lee", "address": "14 Larkspur Way BS48 1AB"},
            {"given_name": "Amy", "surname": "Lee", "postcode": "BS48 1AB"},
        ]
    )
    assert connection.execute("SELECT DISTINCT postcode FROM people").fetchall() == [("BS48 1AB",)]


def _person(given: str, surname: str, born: str = "2016-05-10", **more: str) -> dict[str, Any]:
    return prepare(
        {
            "given_name": given,
            "surname": surname,
            "date_of_birth": born,
            "postcode": more.get("postcode", "BS23 1UJ"),
            "address": more.get("address", "1 Oak Road"),
            "sex": more.get("sex", ""),
        }
    )


def test_the_veto_still_refuses_twins_and_siblings():
    assert never_one_person(_person("Emma", "Barnes"), _person("Ella", "Barnes"))
    assert never_one_person(_person("Oliver", "Barnes"), _person("Harry", "Barnes"))
    # One twin's forename is a surname too: a crossed name does not make them one child.
    assert never_one_person(_person("Ali", "Khan"), _person("Omar", "Ali"))
    # An initial at the same home, born years apart: a brother or sister, not this child.
    assert never_one_person(_person("Olivia", "Barnes"), _person("H", "Barnes", "2019-03-01"))


def test_the_veto_lets_a_typo_a_nickname_or_swapped_names_join():
    # A slip in the forename and the date of birth recorded differently: one child.
    assert not never_one_person(
        _person("Jessica", "Barnes"), _person("Jesica", "Barnes", "2016-07-11")
    )
    # A nickname, date of birth recorded differently, same home: not a sibling.
    assert not never_one_person(
        _person("William", "Barnes"), _person("Bill", "Barnes", "2016-10-05")
    )
    # Given name and surname in each other's boxes.
    assert not never_one_person(_person("Nathan", "Morrison"), _person("Morrison", "Nathan"))
    assert not never_one_person(_person("Vincent", "Luke"), _person("Luke", "Vincen"))


def test_the_prior_is_the_share_of_pairs_the_model_expects_to_be_one_person():
    # 100 pairs with a Bayes factor so large they are surely one person, among 1e6 pairs.
    prior = estimate_prior([1e12] * 100 + [1e-3] * 1000, 1_000_000, start=1e-3)
    assert prior == pytest.approx(1e-4, rel=0.01)


def test_the_threshold_is_what_the_model_says_and_never_below_a_half():
    assert choose_threshold([0.99] * 50 + [0.2] * 50) == 0.99
    assert choose_threshold([0.99] * 50 + [0.97] * 50) == 0.97
    # Precision weighs 25 times: pairs at 0.9 are left out where F1, or F-beta with beta
    # 1/2, would take them.
    assert choose_threshold([0.99] * 50 + [0.9] * 50) == 0.99
    assert choose_threshold([0.99] * 50 + [0.9] * 50, beta=0.5) == 0.9
    assert choose_threshold([0.99] * 50 + [0.6] * 50) == 0.99
    assert choose_threshold([0.99] * 50 + [0.6] * 50, beta=1.0) == 0.6
    assert choose_threshold([0.3, 0.2]) == 0.5


# --- the migration-ready CSV ------------------------------------------------------------------


def test_the_usual_date_formats_are_read():
    for written in (
        "2016-05-10",
        "2016-05-10 00:00:00",
        "20160510",
        "10/05/2016",
        "10-05-2016",
        "10.05.2016",
        "10/5/16",
        "10 May 2016",
        "10-May-2016",
        "10th May 2016",
    ):
        assert read_date(written) == "2016-05-10", written
    assert read_date("31/02/2016") is None
    assert read_date("next Tuesday") is None
    assert read_date("") == ""


def test_a_council_header_is_mapped_by_the_usual_names():
    header = [
        "Person ID",
        "Forename",
        "Surname",
        "DOB",
        "Gender",
        "Address Line 1",
        "Town",
        "Post Code",
        "UPN",
        "Former Surname",
    ]
    layout = layout_for(header)
    row = [
        "P1",
        "Amy",
        "Lee",
        "10/05/2016",
        "F",
        "14 Larkspur Way",
        "Nailsea",
        "BS48 1AB",
        "A123456789012",
        "Smith",
    ]
    got = layout.read(row)
    assert got["record_id"] == "P1"
    assert got["address"] == "14 Larkspur Way, Nailsea"
    assert got["postcode"] == "BS48 1AB"
    assert got["upn"] == "A123456789012"
    assert got["former_names"] == "Smith"
    assert not layout.eight


def test_columns_given_by_the_user_win_and_mistakes_are_explained():
    mapping = parse_columns("record_id=Ref No,given_name=Known As,address=Line 1,address=Line 2")
    layout = layout_for(["Ref No", "Known As", "Surname", "Line 1", "Line 2"], mapping)
    assert layout.read(["7", "Amy", "Lee", "Flat 2", "Mill Lane"])["address"] == "Flat 2, Mill Lane"
    with pytest.raises(MappingError, match="'Nickname', which is not a column of the file"):
        layout_for(["Ref No", "Surname"], parse_columns("given_name=Nickname"))
    with pytest.raises(MappingError, match="'shoe_size' is not a field"):
        parse_columns("shoe_size=Shoes")
    with pytest.raises(MappingError, match="given_name is mapped twice"):
        parse_columns("given_name=A,given_name=B")
    with pytest.raises(MappingError, match="no column found for record_id, given_name"):
        layout_for(["Colour", "Surname"])


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_dedupe_reads_a_council_export_with_a_mapping_file(tmp_path):
    rows = [
        ["Ref No", "Known As", "Family Name", "Date of Birth", "Line 1", "Town", "UPN"],
        ["1", "Zebedee", "Quixley", "10/05/2016", "14 Larkspur Way", "Nailsea", ""],
        ["2", "Zebedie", "Quixley", "10 May 2016", "14 Larkspur Wy", "Nailsea", ""],
        ["3", "Harriet", "Onslow", "", "2 Station Road", "Yatton", "H801200001004"],
        ["4", "Hattie", "Onslow-Price", "", "", "Portishead", "H801200001004"],
        ["5", "Amos", "Ferrand", "31/02/2015", "9 Mill Lane", "Clevedon", ""],
    ]
    source = tmp_path / "export.csv"
    with source.open("w", newline="") as stream:
        csv.writer(stream).writerows(rows)
    mapping = _write(
        tmp_path / "columns.txt",
        "# which column is which\nrecord_id=Ref No\ngiven_name=Known As\nsurname=Family Name\n"
        "address=Line 1\naddress=Town\n",
    )
    target = tmp_path / "clusters.csv"
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "people",
        "dedupe",
        "--input",
        str(source),
        "--output",
        str(target),
        "--columns",
        str(mapping),
        "--no-progress",
        stdout=out,
        stderr=err,
    )
    with target.open(newline="") as stream:
        clusters = dict(list(csv.reader(stream))[1:])
    assert clusters["1"] == clusters["2"]  # no postcode; two ways of writing one date
    assert clusters["3"] == clusters["4"]  # one UPN
    assert clusters["1"] != clusters["3"]
    assert "line 6: date_of_birth '31/02/2015' is not a date" in err.getvalue()


def test_dedupe_explains_a_mapping_to_a_missing_column(tmp_path):
    source = _write(tmp_path / "people.csv", "Ref,Forename,Surname\n1,Amy,Lee\n")
    with pytest.raises(CommandError, match="'Family Name', which is not a column"):
        call_command(
            "people",
            "dedupe",
            "--input",
            str(source),
            "--output",
            str(tmp_path / "out.csv"),
            "--columns",
            "record_id=Ref,surname=Family Name",
        )


def test_one_digit_of_a_date_of_birth_mistyped_has_a_level_of_its_own():
    connection = _table(
        [
            {"given_name": "Kirra", "surname": "Gaskin", "date_of_birth": "1990-11-11"},
            {"given_name": "Kirra", "surname": "Gaskin", "date_of_birth": "1909-11-11"},
        ]
    )
    assert _level(connection, "dob") == "digit"


def test_blocking_reaches_a_house_and_initials_when_names_and_birthday_are_mistyped():
    connection = _table(
        [
            {
                "given_name": "Jake",
                "surname": "Gillard",
                "date_of_birth": "1959-08-28",
                "address": "121 Blackbutt Street Maitland",
            },
            {
                "given_name": "Jakd",
                "surname": "Gillatd",
                "date_of_birth": "1959-08-08",
                "address": "121 Ethnam Farm Blackbutt Street Maitland",
            },
        ]
    )
    without = [
        rule for rule in BULK_BLOCKING_RULES if rule != "l.house_initials = r.house_initials"
    ]
    assert not _reached(connection, without)
    assert _reached(connection, BULK_BLOCKING_RULES)


def test_the_veto_counts_the_joins_it_refused_and_the_command_says_so(tmp_path):
    source = tmp_path / "twins.csv"
    rows = [
        ("A1", "Emma", "Barnes", "2016-05-10", "", "BS23 1UJ", "1 Oak Road", ""),
        ("A2", "Emma", "Barnes", "2016-05-10", "", "BS23 1UJ", "1 Oak Road", ""),
        ("B1", "Ella", "Barnes", "2016-05-10", "", "BS23 1UJ", "1 Oak Road", ""),
    ]
    with source.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(("record_id", *FIELDS))
        writer.writerows(rows)
    out = io.StringIO()
    call_command(
        "people",
        "dedupe",
        "--input",
        str(source),
        "--output",
        str(tmp_path / "o.csv"),
        "--no-progress",
        "--threshold",
        "0.5",
        stdout=out,
    )
    with (tmp_path / "o.csv").open() as stream:
        clusters = dict(list(csv.reader(stream))[1:])
    assert clusters["A1"] == clusters["A2"] != clusters["B1"]
    assert "kept" in out.getvalue() and "--no-twin-veto" in out.getvalue()
