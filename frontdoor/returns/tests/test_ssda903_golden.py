"""The golden test: a small council built through actions exports to exactly the committed
SSDA903 files, whose rows were written out by hand (see ssda903_council for the story)."""

from pathlib import Path

import pytest

from frontdoor.returns.ssda903.collection import collect, collection_period
from frontdoor.returns.ssda903.records import Period
from frontdoor.returns.ssda903.rules import check
from frontdoor.returns.ssda903.tables import TABLES, to_csv, write_files
from frontdoor.returns.tests.ssda903_council import build_council

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden" / "ssda903-2025"


@pytest.fixture
def council(worker):
    return build_council(worker)


@pytest.mark.parametrize("table", TABLES, ids=[t.filename for t in TABLES])
def test_each_table_is_exactly_the_golden_file(council, table):
    expected = (GOLDEN / table.filename).read_bytes().decode()
    assert to_csv(table, collect(Period(2025))) == expected


def test_the_files_written_are_the_golden_files(council, tmp_path):
    counts = write_files(collect(Period(2025)), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.filename for t in TABLES)
    for table in TABLES:
        assert (tmp_path / table.filename).read_bytes() == (GOLDEN / table.filename).read_bytes()
    assert counts["episodes.csv"] == 7


def test_the_fixed_council_passes_every_rule(council):
    assert check(collect(Period(2025))) == []


def test_the_next_year_shows_the_adoption_that_came_after_31_march(council):
    later = collect(Period(2026))
    mia = next(c for c in later.children if c.child_id == "GL1")
    assert (mia.episodes[-1].end, mia.episodes[-1].reason_ceased) == (
        Period(2026).start.replace(month=6, day=16),
        "E11",
    )
    ad1 = next(t for t in TABLES if t.filename == "ad1.csv")
    assert ad1.rows(later) == [
        {
            "CHILD": "GL1",
            "DOB": "02/07/2021",
            "DATE_INT": "04/11/2024",
            "DATE_MATCH": "13/01/2025",
            "FOSTER_CARE": "0",
            "NB_ADOPTR": "2",
            "SEX_ADOPTR": "MF",
            "LS_ADOPTR": "L11",
        }
    ]


def test_the_period_runs_from_1_april_to_31_march():
    period = collection_period("2025")
    assert (period.start.isoformat(), period.end.isoformat()) == ("2024-04-01", "2025-03-31")


@pytest.mark.parametrize("year", ["twenty", "1999"])
def test_a_year_that_cannot_be_a_collection_year_is_refused(year):
    with pytest.raises(ValueError, match="collection year"):
        collection_period(year)
