"""Golden test: a small council built through the real actions exports exactly the
expected Annex A workbook (golden/annex-a-2025-03-31.xlsx, stated by hand in
golden/make_annex_a_golden.py)."""

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from frontdoor.returns.annex_a.workbook import build_lists, write_workbook
from frontdoor.returns.tests.annex_a_data import build_golden_council
from frontdoor.returns.tests.golden import make_annex_a_golden as golden

pytestmark = pytest.mark.django_db


def read(source: Path | BytesIO) -> dict[str, list[list[tuple[Any, str | None]]]]:
    """Every sheet as rows of (value, number format of a date cell or None)."""
    book = load_workbook(source)
    return {
        sheet.title: [
            [
                (cell.value, cell.number_format if isinstance(cell.value, dt.datetime) else None)
                for cell in row
            ]
            for row in sheet.iter_rows()
        ]
        for sheet in book.worksheets
    }


def test_the_committed_golden_workbook_is_the_one_its_script_states(tmp_path):
    fresh = tmp_path / "golden.xlsx"
    golden.write(fresh)
    assert read(golden.GOLDEN) == read(fresh)


def test_a_small_council_exports_exactly_the_golden_workbook():
    build_golden_council()
    exported = BytesIO()
    write_workbook(build_lists(dt.date(2025, 3, 31)), exported)
    exported.seek(0)
    actual, expected = read(exported), read(golden.GOLDEN)
    assert list(actual) == list(expected) == [f"List {n}" for n in range(1, 9)]
    for name in expected:
        assert actual[name][0] == expected[name][0], f"{name} headers"
        assert actual[name][1:] == expected[name][1:], f"{name} rows"
    assert actual == expected
