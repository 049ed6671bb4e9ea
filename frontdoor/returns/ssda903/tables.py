"""Every table of the return, in the DfE's order, and the CSV files they are written to."""

import csv
import io
import zipfile
from pathlib import Path

from frontdoor.returns.ssda903 import (
    ad1,
    episodes,
    header,
    missing,
    oc2,
    oc3,
    placed_for_adoption,
    previous_permanence,
    reviews,
    social_workers,
    uasc,
)
from frontdoor.returns.ssda903.records import Return
from frontdoor.returns.ssda903.table import Table

TABLES: list[Table] = [
    header.TABLE,
    episodes.TABLE,
    reviews.TABLE,
    uasc.TABLE,
    oc2.TABLE,
    oc3.TABLE,
    ad1.TABLE,
    placed_for_adoption.TABLE,
    previous_permanence.TABLE,
    missing.TABLE,
    social_workers.TABLE,
]


def to_csv(table: Table, ret: Return) -> str:
    """One table as CSV text: the DfE's header row, then a row per record."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=table.columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(table.rows(ret))
    return out.getvalue()


def write_files(ret: Return, directory: Path) -> dict[str, int]:
    """Write every table into `directory`; the number of rows of each, by file name."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        text = to_csv(table, ret)
        (directory / table.filename).write_text(text, encoding="utf-8", newline="")
        counts[table.filename] = text.count("\r\n") - 1
    return counts


def to_zip(ret: Return) -> bytes:
    """Every table's CSV file in one zip, for the download."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            archive.writestr(table.filename, to_csv(table, ret))
    return buffer.getvalue()
