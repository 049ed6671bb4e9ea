"""`frontdoor export cin-census --year 2025 --out cin.xml [--strict]`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from frontdoor.casework.models import CINEpisode
from frontdoor.returns.cin_census.document import validate

pytestmark = pytest.mark.django_db


def export(tmp_path, *args):
    out, err = StringIO(), StringIO()
    path = tmp_path / "cin.xml"
    call_command("export", "cin-census", *args, f"--out={path}", stdout=out, stderr=err)
    return out.getvalue(), path


def test_a_clean_census_is_written_valid_and_summarised(golden, tmp_path):
    output, path = export(tmp_path, "--year=2025", "--strict")
    lines = output.splitlines()
    assert [line.split(" ")[1] for line in lines[:4]] == ["2887Q", "8530Q", "8770Q", "8873Q"]
    assert lines[4:] == [
        "CIN census 2025: 3 children, 0 errors, 4 queries.",
        f"Wrote {path}: valid against the census schema.",
    ]
    document = path.read_bytes()
    assert validate(document) == []
    assert document.count(b"<Child>") == 3


def test_each_failure_is_printed_with_the_child_the_rule_and_why(golden, tmp_path):
    CINEpisode.objects.filter(person=golden.oliver).update(primary_need="")
    output, path = export(tmp_path, "--year=2025")
    lines = output.splitlines()
    assert (
        "GOLD3: 8610 Primary need missing (error): The episode referred on 6 January 2025 "
        "has no primary need recorded."
    ) in lines
    assert lines[-2] == "CIN census 2025: 3 children, 1 errors, 4 queries."
    assert path.exists()  # without --strict the file is still written


def test_strict_fails_while_an_error_remains_but_still_writes_the_file(golden, tmp_path):
    CINEpisode.objects.filter(person=golden.oliver).update(primary_need="")
    with pytest.raises(CommandError, match="1 errors remain: fix them before submitting"):
        export(tmp_path, "--year=2025", "--strict")
    assert (tmp_path / "cin.xml").exists()


def test_strict_passes_with_only_queries(golden, tmp_path):
    closed = CINEpisode.objects.get(person=golden.baby)
    CINEpisode.objects.filter(pk=closed.pk).update(reason_for_closure="RC8", referral_nfa=False)
    CINEpisode.objects.filter(pk=closed.pk).update(primary_need="N9")
    output, _ = export(tmp_path, "--year=2025", "--strict")
    assert "GOLD2: 8825Q RC8 or RC9 without an assessment (query)" in output
    assert "0 errors, 5 queries." in output


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1850", "The collection year must be between 2000 and"),
        ("next", "argument --year: invalid int value: 'next'"),
    ],
)
def test_a_bad_year_is_a_clear_error(year, message, tmp_path):
    with pytest.raises(CommandError, match=message):
        export(tmp_path, f"--year={year}")
    assert not (tmp_path / "cin.xml").exists()


def test_a_year_with_no_children_in_need_says_so(tmp_path):
    with pytest.raises(CommandError, match="No child had a child in need episode open"):
        export(tmp_path, "--year=2025")
    assert not (tmp_path / "cin.xml").exists()
