"""The golden test: a small fixed council exports to exactly the expected census file."""

import datetime as dt
from importlib.metadata import version
from pathlib import Path

import pytest

from frontdoor.returns.cin_census.collection import census_period, collect, make_header
from frontdoor.returns.cin_census.document import to_xml, validate
from frontdoor.returns.cin_census.records import CensusPeriod
from frontdoor.returns.cin_census.rulebook import QUERY
from frontdoor.returns.cin_census.rules import check
from frontdoor.returns.tests.conftest import golden_census

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden" / "cin-census-2025.xml"


def test_the_fixed_council_exports_to_exactly_the_golden_file(golden):
    assert to_xml(golden_census()).decode() == GOLDEN.read_text()


def test_the_golden_file_is_valid_against_the_census_schema():
    assert validate(GOLDEN.read_bytes()) == []


# The fixed council breaks no rule; what the DfE would query of it, and why it is right:
# 2887Q a three-child return uses two disability codes; 8530Q the unborn baby's expected
# date (January) has passed by 31 March (the referral closed NFA before the birth); 8770Q
# Oliver is of school age with no UPN recorded; 8873Q Oliver's one assessment found no
# factors (21) but his episode stays open on a child in need plan.
GOLDEN_QUERIES = ["2887Q", "8530Q", "8770Q", "8873Q"]


def test_the_fixed_council_breaks_no_rule_and_its_queries_are_the_expected_ones(golden):
    found = check(golden_census())
    assert sorted(f.rule.id for f in found) == GOLDEN_QUERIES
    assert {f.severity for f in found} == {QUERY}


def test_an_episode_closed_before_the_year_is_left_out_and_later_events_are_not_yet_known(
    golden,
):
    oliver = next(c for c in golden_census().children if c.la_child_id == "GOLD3")
    assert [e.referral_date for e in oliver.episodes] == [dt.date(2025, 1, 6)]
    assert oliver.episodes[0].closure_date is None  # closed 2 May 2025, after 31 March
    assert oliver.episodes[0].cin_plans[0].end_date is None


def test_the_year_before_has_only_the_child_referred_then(golden):
    census = golden_census(2023)
    assert [c.la_child_id for c in census.children] == ["GOLD3"]
    assert census.children[0].episodes[0].closure_date == dt.date(2023, 3, 1)


def test_a_child_without_an_la_child_id_gets_one_from_the_record(golden):
    from frontdoor.people.models import Person

    Person.objects.filter(pk=golden.baby.pk).update(la_child_id="")
    baby = next(c for c in golden_census().children if c.person_id == golden.baby.pk)
    assert baby.la_child_id == f"FD{golden.baby.pk:07d}"


def test_the_header_says_this_software_its_version_and_the_council():
    header = make_header(CensusPeriod(2025), created_at=dt.datetime(2025, 4, 2, 9, 0))
    assert (header.lea, header.software_code, header.release) == (
        "802",
        "FrontDoorPy",
        version("frontdoor"),
    )
    assert header.reference_date == dt.date(2025, 3, 31)


def test_the_la_code_comes_from_the_council_settings(settings, golden):
    settings.FRONTDOOR_LA_CODE = "201"
    assert b"<LEA>201</LEA>" in to_xml(collect(CensusPeriod(2025)))


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("twenty", "“twenty” is not a year. Give the collection year, for example 2025."),
        ("1999", "The collection year must be between 2000 and"),
    ],
)
def test_a_year_that_cannot_be_a_collection_year_is_refused(year, message):
    with pytest.raises(ValueError, match=message):
        census_period(year)


def test_the_period_runs_from_1_april_to_31_march():
    period = census_period("2025")
    assert (period.start, period.end) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))


def test_collecting_takes_the_same_few_queries_however_many_children(
    golden, worker, django_assert_num_queries
):
    from frontdoor.returns.tests.conftest import _oliver

    with django_assert_num_queries(8):  # episodes, 6 kinds of casework record, people
        assert len(golden_census().children) == 3
    _oliver(worker, la_child_id="GOLD4")  # one more child, two episodes: still 8 queries
    with django_assert_num_queries(8):
        assert len(golden_census().children) == 4
