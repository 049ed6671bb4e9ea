"""Bulk de-duplication of a CSV of people: which records are one person.

    record_id,given_name,surname,date_of_birth,sex,postcode,address,nhs_number

Every row is read and prepared (records.prepare); rows that cannot be read as a person are
reported with their line number and reason and kept as people of their own. Splink (DuckDB)
scores the pairs the blocking rules bring together with the shipped model; pairs at or above
the threshold are joined, most probable first, into clusters, except where two records in
the would-be cluster have clearly different forenames and no shared NHS number (twins and
siblings share a surname, date of birth and address; no chain of links may join them).
"""

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from frontdoor.lib.identifiers import normalise_nhs_number
from frontdoor.lib.progress import progress_bar
from frontdoor.people.matching.columns import Layout, layout_for, read_date
from frontdoor.people.matching.constraints import never_one_person
from frontdoor.people.matching.records import Prepared, name_columns, prepare

# None: the threshold is chosen from the model learnt on the file (learning.choose_threshold).
DEFAULT_THRESHOLD: float | None = None


@dataclass
class BadRow:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


RAW_COLUMNS = (
    "given_name",
    "surname",
    "dob",
    "sex",
    "postcode",
    "address",
    "nhs",
    "upn",
    "la_child_id",
    "former_names",
)
# The raw columns after the 8-column file's; read from a mapped file (columns.py).
EXTRA = RAW_COLUMNS[7:]


@dataclass
class Records:
    """The rows read, as columns of raw cells (a dict per record would not fit 2 million)."""

    ids: list[str] = field(default_factory=list)
    raw: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in RAW_COLUMNS})
    linkable: list[bool] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    names: dict[str, list[Any]] = field(default_factory=dict)
    # Rows with no record_id of their own (empty, or one already used): written with an
    # empty cluster_id, after the record they followed, so every row is accounted for.
    unclustered: list[tuple[int, str]] = field(default_factory=list)

    def add(self, record_id: str, cells: list[str], linkable: bool) -> None:
        self.ids.append(record_id)
        cells = [*cells, *[""] * (len(RAW_COLUMNS) - len(cells))]  # the 8-column file's 7
        for column, cell in zip(RAW_COLUMNS, cells, strict=True):
            self.raw[column].append(cell)
        self.linkable.append(linkable)

    def prepare_names(self) -> None:
        self.names = name_columns(self.raw["given_name"], self.raw["surname"])

    def frame_columns(self) -> dict[str, list[Any]]:
        """unique_id, the name columns and the raw cells: what splink_model.prepare_table reads."""
        if not self.names:
            self.prepare_names()
        return {
            "unique_id": self.ids,
            **self.names,
            **{c: self.raw[c] for c in ("dob", "sex", "postcode", "address", "nhs")},
            **{c: self.raw[c] for c in EXTRA},
        }

    def prepared(self, index: int) -> Prepared:
        """One record prepared as records.prepare() does it (for the clustering rules)."""
        cells = dict(zip(RAW_COLUMNS, (self.raw[c][index] for c in RAW_COLUMNS), strict=True))
        cells["date_of_birth"], cells["nhs_number"] = cells.pop("dob"), cells.pop("nhs")
        for extra in EXTRA:
            cells.pop(extra)
        return prepare({"record_id": self.ids[index], **cells})

    def __len__(self) -> int:
        return len(self.ids)


def _split(value: str) -> tuple[str, ...]:
    return tuple(value.split("|")) if value else ()


_SEXES = {"", "M", "F", "U", "MALE", "FEMALE", "UNKNOWN"}


def check_row(cells: list[str]) -> list[str]:
    """What is wrong with a row's cells (after record_id; empty if nothing)."""
    problems = []
    born, sex, nhs = cells[2], cells[3], cells[6]
    if born and read_date(born) is None:
        problems.append(
            f"date_of_birth {born!r} is not a date (2016-05-10, 10/05/2016 or 10 May 2016)"
        )
    if sex.strip().upper() not in _SEXES:
        problems.append(f"sex {sex!r} is not M, F or empty")
    if nhs and not (len(nhs) == 10 and nhs.isdigit()):
        clean = normalise_nhs_number(nhs)
        if not (len(clean) == 10 and clean.isdigit()):
            problems.append(f"nhs_number {nhs!r} is not 10 digits")
    return problems


_EMPTY = [""] * len(RAW_COLUMNS)


def _cells(layout: Layout, row: list[str]) -> tuple[str, list[str]]:
    """record_id and the RAW_COLUMNS cells of a row, the date of birth as ISO if it reads."""
    if layout.eight:
        cells = [*row[1:], *([""] * len(EXTRA))]
        cells[2] = read_date(cells[2]) or cells[2]
        return row[0].strip(), cells
    got = layout.read(row)
    born = got["date_of_birth"]
    return got["record_id"], [
        got["given_name"],
        got["surname"],
        read_date(born) or born,
        got["sex"],
        got["postcode"],
        got["address"],
        got["nhs_number"],
        re.sub(r"\s", "", got["upn"]).upper(),
        got["la_child_id"].upper(),
        got["former_names"],
    ]


def read_records(
    stream: TextIO, progress: Any = None, columns: dict[str, list[str]] | None = None
) -> Records:
    """Read every row; report malformed rows and keep them as people of their own.

    The 8-column header, or any header whose columns `columns` (columns.parse_columns) or
    their usual names say which field each is. Raises ValueError (columns.MappingError)
    with what is wrong and what would be right if the header cannot be read.
    """
    reader = csv.reader(stream)
    layout = layout_for(next(reader, []), columns)
    records = Records()
    seen: dict[str, int] = {}
    width = layout.width
    for count, row in enumerate(reader, start=1):
        if progress is not None and count % 10_000 == 0:
            progress.update(10_000)
        if not any(cell.strip() for cell in row):
            continue  # a blank line is no record
        record_id, cells = _cells(layout, row) if len(row) == width else (row[0].strip(), [])
        if not record_id or record_id in seen:
            reason = (
                f"record_id {record_id!r} already used on line {seen[record_id]}"
                if record_id
                else "record_id is empty"
            )
            records.bad.append(BadRow(reader.line_num, f"{reason}; written with no cluster_id"))
            records.unclustered.append((len(records), record_id))
            continue
        seen[record_id] = reader.line_num
        if len(row) == width:
            problems = check_row(cells)
        else:
            problems = [f"expected {width} fields, found {len(row)}"]
        for problem in problems:
            records.bad.append(BadRow(reader.line_num, f"{problem}; kept as a person of its own"))
        records.add(record_id, _EMPTY if problems else cells, linkable=not problems)
    return records


class Clusters:
    """Union-find over record numbers that refuses joins putting twins in one cluster."""

    def __init__(self, records: Records, twin_veto: bool = True) -> None:
        self.records = records
        self.twin_veto = twin_veto
        self.parent = list(range(len(records)))
        self.members: dict[int, list[int]] = {}
        self.prepared: dict[int, Prepared] = {}
        self.refused = 0  # joins the twins and siblings rule refused

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _members(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def _record(self, i: int) -> Prepared:
        found = self.prepared.get(i)
        if found is None:
            found = self.prepared[i] = self.records.prepared(i)
        return found

    def _compatible(self, a: int, b: int) -> bool:
        if not self.twin_veto:
            return True
        return not any(
            never_one_person(self._record(i), self._record(j))
            for i in self._members(a)
            for j in self._members(b)
        )

    def join(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if not self._compatible(a, b):
            self.refused += 1
            return False
        if len(self._members(a)) < len(self._members(b)):
            a, b = b, a
        self.members[a] = self._members(a) + self._members(b)
        self.members.pop(b, None)
        self.parent[b] = a
        return True


def clusters_of(
    records: Records,
    pairs: list[tuple[str, str, float]],
    progress: Any = None,
    twin_veto: bool = True,
) -> tuple[list[int], int]:
    """Cluster number (the record number of its first record) for each record, and how many
    joins the twins and siblings rule refused.

    `twin_veto=False` drops the cannot-link rule (never_one_person): only for a file known
    to hold no twins or siblings, such as a reference set whose errors replace forenames.
    """
    index = {record_id: n for n, record_id in enumerate(records.ids)}
    clusters = Clusters(records, twin_veto)
    linkable = list(records.linkable)
    for n in _ambiguous(records, pairs, index, clusters) if twin_veto else ():
        linkable[n] = False
    for left, right, _ in sorted(pairs, key=lambda p: (-p[2], p[0], p[1])):
        if progress is not None:
            progress.update(1)
        i, j = index[left], index[right]
        if linkable[i] and linkable[j]:
            clusters.join(i, j)
    first: dict[int, int] = {}
    out = []
    for n in range(len(records)):
        out.append(first.setdefault(clusters.find(n), n))
    return out, clusters.refused


def _ambiguous(
    records: Records,
    pairs: list[tuple[str, str, float]],
    index: dict[str, int],
    clusters: Clusters,
) -> set[int]:
    """Records with no forename, or only an initial, that match two people who differ.

    "O. Barnes" born on the twins' birthday at their address could be Oliver or Olivia: it
    is left unlinked rather than given to either.
    """
    vague = {
        n
        for n, forename in enumerate(records.names["forename"])
        if not forename or len(forename) == 1
    }
    neighbours: dict[int, list[int]] = {}
    for left, right, _ in pairs:
        i, j = index[left], index[right]
        if i in vague:
            neighbours.setdefault(i, []).append(j)
        if j in vague:
            neighbours.setdefault(j, []).append(i)
    record = clusters._record
    return {
        n
        for n, found in neighbours.items()
        if any(never_one_person(record(a), record(b)) for a in found for b in found if a < b)
    }


@dataclass
class Result:
    records: int
    clusters: int
    pairs: int
    bad: list[BadRow]
    unclustered: int = 0  # rows written with no cluster_id (no record_id of their own)
    threshold: float = 0.5  # the match probability at or above which records were joined
    refused: int = 0  # pairs at or above the threshold the twins and siblings rule kept apart


def dedupe(
    source: Path,
    target: Path,
    model: dict[str, Any],
    *,
    threshold: float | None = DEFAULT_THRESHOLD,
    progress: bool = True,
    on_bad_row: Any = None,
    twin_veto: bool = True,
    columns: dict[str, list[str]] | None = None,
) -> Result:
    """De-duplicate `source` into `target` (record_id,cluster_id for every readable row)."""
    from frontdoor.people.matching.splink_model import predict_file

    with (
        source.open(newline="", encoding="utf-8-sig") as stream,
        progress_bar(enabled=progress, desc="Reading", unit=" rows") as bar,
    ):
        records = read_records(stream, bar, columns)
    if on_bad_row is not None:
        for bad in records.bad:
            on_bad_row(bad)
    with progress_bar(enabled=progress, desc="Scoring pairs (Splink, DuckDB)", total=1) as bar:
        pairs, used = (
            predict_file(records.frame_columns(), model, threshold, twin_veto)
            if len(records) > 1
            else ([], threshold or 0.5)
        )
        bar.update(1)
    with progress_bar(enabled=progress, desc="Clustering", total=len(pairs), unit=" pairs") as bar:
        numbers, refused = clusters_of(records, pairs, bar, twin_veto)
    ids = records.ids
    with target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(("record_id", "cluster_id"))
        writer.writerows(_rows(ids, numbers, records.unclustered))
    return Result(
        len(ids),
        len(set(numbers)),
        len(pairs),
        records.bad,
        len(records.unclustered),
        used,
        refused,
    )


def _rows(
    ids: list[str], numbers: list[int], unclustered: list[tuple[int, str]]
) -> Iterator[tuple[str, str]]:
    """Every input row in input order: its record_id and cluster_id (empty if unclustered)."""
    before: dict[int, list[str]] = {}
    for position, record_id in unclustered:
        before.setdefault(position, []).append(record_id)
    for n, (record_id, number) in enumerate(zip(ids, numbers, strict=True)):
        for other in before.get(n, ()):
            yield other, ""
        yield record_id, ids[number]
    for other in before.get(len(ids), ()):
        yield other, ""
