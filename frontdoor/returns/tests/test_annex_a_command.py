"""`frontdoor export annex-a --as-of 2025-03-31 --out annex-a.xlsx`."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from frontdoor.returns.tests.annex_a_data import Council

pytestmark = pytest.mark.django_db


def test_export_writes_the_workbook_and_prints_each_lists_rows(tmp_path):
    council = Council()
    child = council.child("CMD1", sex="M", date_of_birth=dt.date(2015, 1, 1))
    council.refer(child, dt.date(2025, 3, 3), "6")
    out = StringIO()
    target = tmp_path / "annex-a.xlsx"
    call_command("export", "annex-a", "--as-of", "2025-03-31", "--out", str(target), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:8] == [
        "List 1: 1 row",
        "List 2: 0 rows",
        "List 3: 1 row",
        "List 4: 0 rows",
        "List 5: 0 rows",
        "List 6: 1 row",
        "List 7: 0 rows",
        "List 8: 0 rows",
    ]
    book = load_workbook(target)
    assert book.sheetnames == [f"List {n}" for n in range(1, 9)]
    contact = book["List 1"]
    assert contact["A2"].value == "CMD1"
    assert contact["F2"].value == dt.datetime(2025, 3, 3)
    assert contact["F2"].number_format == "dd/mm/yyyy"
    assert contact["G2"].value == "q) 6: Police"


@pytest.mark.parametrize("as_of", ["31/03/2025", "2025-02-30", "yesterday"])
def test_an_as_of_date_that_is_not_a_date_is_refused_plainly(tmp_path, as_of):
    with pytest.raises(CommandError, match="--as-of must be a date written YYYY-MM-DD"):
        call_command("export", "annex-a", "--as-of", as_of, "--out", str(tmp_path / "a.xlsx"))
    assert not (tmp_path / "a.xlsx").exists()


def test_a_folder_that_does_not_exist_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Could not write"):
        call_command(
            "export", "annex-a", "--as-of", "2025-03-31", "--out", str(tmp_path / "no" / "a.xlsx")
        )
