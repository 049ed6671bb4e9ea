"""The Annex A workbook: every list as at a date, written as one .xlsx file."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from frontdoor.returns.annex_a.care import list_8
from frontdoor.returns.annex_a.columns import HEADERS, SHEET_NAMES
from frontdoor.returns.annex_a.lists import list_1, list_2, list_3, list_4, list_5
from frontdoor.returns.annex_a.plans import list_6, list_7
from frontdoor.returns.annex_a.window import Window

DATE_FORMAT = "dd/mm/yyyy"
BUILDERS = [list_1, list_2, list_3, list_4, list_5, list_6, list_7, list_8]


@dataclass
class Sheet:
    name: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def build_lists(as_of: dt.date) -> list[Sheet]:
    """Lists 1 to 8 as at `as_of`, each with its headers and rows."""
    window = Window.ending(as_of)
    return [
        Sheet(name, HEADERS[name], builder(window))
        for name, builder in zip(SHEET_NAMES, BUILDERS, strict=True)
    ]


def _cells(sheet: Any, row: Iterable[Any]) -> list[Any]:
    cells: list[Any] = []
    for value in row:
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(sheet, value=dt.datetime.combine(value, dt.time()))
            cell.number_format = DATE_FORMAT
            cells.append(cell)
        else:
            cells.append(None if value == "" else value)
    return cells


def write_workbook(sheets: list[Sheet], target: str | Path | IO[bytes]) -> None:
    """Write the lists as one .xlsx workbook (streamed, so a large council fits in memory)."""
    book = Workbook(write_only=True)
    for sheet in sheets:
        out = book.create_sheet(sheet.name)
        out.append(sheet.headers)
        for row in sheet.rows:
            out.append(_cells(out, row))
    book.save(target)
