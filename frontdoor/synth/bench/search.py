"""The person search benchmark behind `frontdoor bench search` (results in docs/benchmarks.md).

It fills the configured database with N synthetic children (one record each, from
`synth.linkage`, by bulk insert with the same search keys the actions store), then asks
Q noisy questions a worker would type (a nickname or typo, day and month swapped, an
approximate age, an old postcode, an NHS number) whose true answer it knows, and times
`people.matching.search_people()` for each.
"""

import datetime as dt
import random
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from frontdoor.lib.dates import age_on
from frontdoor.lib.progress import progress_bar
from frontdoor.people.matching import search_people
from frontdoor.people.models import Household, Person, Residence
from frontdoor.people.search_keys import search_keys
from frontdoor.synth.linkage import Generator, Truth

MARK = "SB"  # LA child IDs of benchmark people: SB00000001, ...
AS_OF = dt.date(2026, 1, 1)
BATCH = 5000


@dataclass
class _Entry:
    """One benchmark child: its record values and its origin (for making noisy copies)."""

    child: Any  # synth.linkage's child, or _Stored
    origin: str


def _children(n: int, seed: int, names: str) -> Iterator[_Entry]:
    generator, truth = Generator(seed, names), Truth()
    made, house = 0, 0
    while made < n:
        for child in generator.household(len(truth.origin), house, truth):
            if made >= n:
                return
            yield _Entry(child, truth.origin[child.entity])
            made += 1
        house += 1


def _person(number: int, child: Any) -> Person:
    person = Person(
        kind=Person.Kind.CHILD,
        given_name=child.given,
        family_name=child.surname,
        date_of_birth=child.born,
        sex=child.sex,
        nhs_number=child.nhs,
        la_child_id=f"{MARK}{number:08d}",
    )
    for key, value in search_keys(child.given, child.surname).items():
        setattr(person, key, value)
    return person


def bench_people() -> Any:
    return Person.objects.filter(la_child_id__startswith=MARK)


@dataclass
class _Stored:
    """A benchmark child as stored (what `Generator.copy` needs to make a noisy copy)."""

    given: str
    surname: str
    born: dt.date
    sex: str
    postcode: str
    address: str
    nhs: str


def load_people(n: int, seed: int, names: str = "census") -> list[tuple[int, _Entry]]:
    """Insert n benchmark children (or reuse them if already there).

    Returns (person id, child as stored) read back from the database, so the questions are
    made from what is really there, whatever version of the generator loaded it. Children
    born after AS_OF (the generator makes some unborn) are left out of the questions.
    """
    existing = bench_people().count()
    if existing not in (0, n):
        raise ValueError(
            f"The database has {existing} benchmark people, not {n}: use a fresh database."
        )
    if existing == 0:
        entries = list(_children(n, seed, names))
        with progress_bar(total=n, desc="Loading people", unit=" people") as bar:
            for start in range(0, n, BATCH):
                _insert(entries[start : start + BATCH], start)
                bar.update(len(entries[start : start + BATCH]))
        _analyse()
    stored = (
        Residence.objects.filter(person__la_child_id__startswith=MARK, end_date__isnull=True)
        .order_by("person_id")
        .values_list(
            "person_id",
            "person__given_name",
            "person__family_name",
            "person__date_of_birth",
            "person__sex",
            "household__postcode",
            "household__line1",
            "person__nhs_number",
        )
    )
    rows: list[Any] = list(stored.iterator(chunk_size=10_000))
    return [
        (pk, _Entry(_Stored(*values), "british"))
        for pk, *values in rows
        if values[2] and values[2] <= AS_OF
    ]


def _analyse() -> None:
    """Fresh planner statistics after a bulk load, as a nightly ANALYZE would leave them."""
    tables = [m._meta.db_table for m in (Person, Residence, Household)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


def _insert(entries: list[_Entry], start: int) -> None:
    with transaction.atomic():
        people = Person.objects.bulk_create(
            [_person(start + i + 1, e.child) for i, e in enumerate(entries)]
        )
        if not all(p.pk for p in people):  # SQLite before 3.35 returns no ids
            ids = dict(
                bench_people()
                .filter(la_child_id__in=[p.la_child_id for p in people])
                .values_list("la_child_id", "pk")
            )
            for p in people:
                p.pk = ids[p.la_child_id]
        households = Household.objects.bulk_create(
            [Household(line1=e.child.address, postcode=e.child.postcode) for e in entries]
        )
        if not all(h.pk for h in households):
            raise RuntimeError("This database does not return ids from bulk inserts.")
        Residence.objects.bulk_create(
            [
                Residence(person=p, household=h, start_date=e.child.born)
                for p, h, e in zip(people, households, entries, strict=True)
            ]
        )


def _dmy(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day}/{day.month}/{day.year}"


def noisy_query(generator: Generator, entry: _Entry, rng: random.Random) -> str:
    """What a worker might type for this child: a noisy copy, in one of several shapes."""
    return noisy_question(generator, entry, rng)[1]


def noisy_question(generator: Generator, entry: _Entry, rng: random.Random) -> tuple[str, str]:
    """(shape, text): the shape names what was typed ("name + date of birth", ...)."""
    given, family, born, _sex, postcode, _address, nhs = generator.copy(entry.child, entry.origin)
    given = given.split()[0] if given.split() else ""
    shape = rng.random()
    if shape < 0.05 and nhs:
        return "NHS number", nhs
    if not born:
        return "name + postcode", " ".join(p for p in (given, family, postcode) if p)
    if shape < 0.45:
        return "name + date of birth", " ".join(p for p in (given, family, _dmy(born)) if p)
    if shape < 0.65:
        age = age_on(entry.child.born, AS_OF)
        return "name + age", " ".join(p for p in (given, family, f"age {age}") if p)
    if shape < 0.8:
        return "name + postcode", " ".join(p for p in (given, family, postcode) if p)
    if shape < 0.9:
        return "surname + date of birth", " ".join(p for p in (family, _dmy(born)) if p)
    return "name + date of birth + postcode", " ".join(
        p for p in (given, family, _dmy(born), postcode) if p
    )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _database() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"sqlite {cursor.fetchone()[0]}"
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"postgresql {cursor.fetchone()[0].split()[0]}"
    return connection.vendor


def run_search_bench(
    people: int, queries: int, seed: int = 1, names: str = "census"
) -> dict[str, Any]:
    """Load the people, ask the questions, and return the figures for the JSON line.

    `names`: "census" (the default: published name frequencies, synth.census_names) or
    "pools" (the demo council's small pools, as the benchmark was first run)."""
    entries = load_people(people, seed, names)
    rng = random.Random(seed + 1)
    generator = Generator(seed + 2, names)
    everyone = Person.objects.all()
    timings, cpu, top1, top10 = [], [], 0, 0
    asked: Counter[str] = Counter()
    found_by_shape: Counter[str] = Counter()
    for _ in progress_bar(range(queries), desc="Searching", unit=" queries"):
        truth, entry = entries[rng.randrange(len(entries))]
        shape, text = noisy_question(generator, entry, rng)
        started, started_cpu = time.perf_counter(), time.process_time()
        found = [c.person.pk for c in search_people(everyone, text, limit=10, as_of=AS_OF)]
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        top1 += found[:1] == [truth]
        top10 += truth in found
        asked[shape] += 1
        found_by_shape[shape] += truth in found
    return {
        "people": people,
        "queries": queries,
        "database": _database(),
        "names": names,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(_percentile(timings, 0.95), 2),
        "p99_ms": round(_percentile(timings, 0.99), 2),
        "recall_at_1": round(top1 / queries, 4),
        "recall_at_10": round(top10 / queries, 4),
        # This process's CPU time per search (all of it on SQLite; PostgreSQL's own work is
        # not counted): latency on a busy machine is mostly waiting for a core.
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "cpu_p95_ms": round(_percentile(cpu, 0.95), 2),
        # What was typed, how often, and the share found in the top ten.
        "recall_at_10_by_shape": {
            shape: {"queries": n, "recall_at_10": round(found_by_shape[shape] / n, 4)}
            for shape, n in sorted(asked.items())
        },
    }
