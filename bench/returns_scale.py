"""Time the statutory returns and the KPIs for a council many times the demo's size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_returns \
        uv run python bench/returns_scale.py --times 12

1. If the database holds no contacts yet, migrate it and seed North Somerset for three years
   to 31 March 2025 (`frontdoor seed --years 3 --end 2025-03-31 --seed 1`).
2. Copy the council until it is `--times` as large: every person, family, contact, MASH
   record and casework record is copied with new ids and every link between them
   re-pointed, so the copies keep the seeded council's shape (dates, pathways, clocks).
   Contact references get a prefix and UPNs a fresh valid number, so returns stay valid.
   Audit and chronology rows are not copied (the returns and KPIs do not read them).
   The population estimate is multiplied too.
3. Time, each as a fresh `frontdoor` process: the 2025 CIN census export, the Annex A
   export as of 31 March 2025, and `frontdoor kpis` for April 2024 to March 2025.

The last line of output is one JSON object with the sizes and the seconds of each step.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Copied: every row of these apps that hangs off a person or a contact, except bookkeeping
# about matching and API keys.
APPS = ("people", "contacts", "mash", "casework")
SKIP = {
    "people.duplicatepair",
    "people.merge",
    "contacts.idempotencyrecord",
    "contacts.levelofneed",
    "mash.checkresponsekey",
    "mash.checkclockrule",
    "mash.agencymashsettings",
    "mash.riskindicator",
}
BATCH = 5_000


def memory_gb() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    return "unknown"


def frontdoor(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(["frontdoor", *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0,):
        print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"frontdoor {' '.join(args)} exited {done.returncode}")
    return seconds, done.stdout


def upn(number: int) -> str:
    """A valid UPN for a synthetic child: the DfE check letter, then 12 digits."""
    from frontdoor.lib.identifiers import upn_check_letter

    body = f"999{number:09d}"  # characters 2-13: LA 999, then a serial
    return upn_check_letter(body) + body


def copyable_models() -> list[Any]:
    from django.apps import apps

    chosen = [
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label_lower not in SKIP
    ]
    # Parents before children: a model is ready once every copied model it points to is.
    ordered: list[Any] = []
    remaining = list(chosen)
    while remaining:
        for model in remaining:
            targets = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in chosen and f.related_model is not model
            }
            if targets <= set(ordered):
                ordered.append(model)
                remaining.remove(model)
                break
        else:
            raise SystemExit(f"Circular links between {[m.__name__ for m in remaining]}")
    return ordered


def copy_council(times: int, say: Any) -> None:
    from django.db import connection, transaction

    models = copyable_models()
    offsets = {
        model: (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
        for model in models
    }
    upn_serial = 0
    for model in models:
        fields = model._meta.concrete_fields
        names = [f.attname for f in fields]
        rows = list(model.objects.order_by("pk").values_list(*names))
        relations = {
            i: f.related_model
            for i, f in enumerate(fields)
            if f.is_relation and f.related_model in offsets
        }
        pk_index = names.index(model._meta.pk.attname)
        unique_text = [
            i
            for i, f in enumerate(fields)
            if f.unique and not f.primary_key and f.get_internal_type() == "CharField"
        ]
        upn_index = names.index("upn") if model._meta.label_lower == "people.person" else None
        started = time.perf_counter()
        with transaction.atomic():
            for copy in range(1, times):
                batch = []
                for row in rows:
                    values = list(row)
                    values[pk_index] = row[pk_index] + copy * offsets[model]
                    for i, target in relations.items():
                        if values[i] is not None:
                            values[i] += copy * offsets[target]
                    for i in unique_text:
                        if values[i]:
                            values[i] = f"{copy}~{values[i]}"
                    if upn_index is not None and values[upn_index]:
                        upn_serial += 1
                        values[upn_index] = upn(upn_serial)
                    batch.append(model(**dict(zip(names, values, strict=True))))
                    if len(batch) >= BATCH:
                        _insert(model, batch)
                        batch = []
                _insert(model, batch)
        say(
            f"  {model._meta.label}: {len(rows):,} rows x {times} in "
            f"{time.perf_counter() - started:.0f}s"
        )
    with connection.cursor() as cursor:
        from django.core.management.color import no_style

        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _insert(model: Any, objects: Iterable[Any]) -> None:
    objects = list(objects)
    if objects:
        # auto_now_add fields would be reset by save(); bulk_create keeps the copied values
        # only where the field is not auto_now_add, which is just a creation stamp here.
        model.objects.bulk_create(objects, batch_size=BATCH)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=12, help="copies of the seeded council")
    parser.add_argument("--year", type=int, default=2025, help="collection year to export")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from frontdoor.contacts.models import Contact
    from frontdoor.kpis.models import PopulationEstimate
    from frontdoor.people.models import Person

    say = print
    year = options.year
    end = f"{year}-03-31"
    call_command("migrate", "--no-input", verbosity=0)
    if not Contact.objects.exists():
        say(f"Seeding North Somerset, 3 years to {end}…")
        started = time.perf_counter()
        call_command("seed", "--years=3", f"--end={end}", "--seed=1")
        say(f"  seeded in {time.perf_counter() - started:.0f}s")
    population = PopulationEstimate.objects.order_by("-as_of").first()
    if population is None:
        raise SystemExit("No population estimate: seed the council first.")
    if population.children < 100_000:  # not yet copied
        say(f"Copying the council {options.times} times…")
        started = time.perf_counter()
        copy_council(options.times, say)
        PopulationEstimate.objects.filter(pk=population.pk).update(
            children=population.children * options.times
        )
        say(f"  copied in {time.perf_counter() - started:.0f}s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    population.refresh_from_db()
    out = Path(tempfile.mkdtemp(prefix="frontdoor-returns-"))
    census_s, _ = frontdoor("export", "cin-census", f"--year={year}", f"--out={out / 'cin.xml'}")
    annex_s, _ = frontdoor("export", "annex-a", f"--as-of={end}", f"--out={out / 'a.xlsx'}")
    kpis_s, _ = frontdoor("kpis", f"--from={year - 1}-04-01", f"--to={end}", "--format=json")
    children = (out / "cin.xml").read_text().count("<Child>")
    say(
        f"Machine: {os.cpu_count()} cores, {memory_gb()}, {platform.machine()}, "
        f"Python {platform.python_version()}, {connection.vendor}"
    )
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "population": population.children,
                "people": Person.objects.count(),
                "contacts": Contact.objects.count(),
                "census_children": children,
                "cin_census_seconds": round(census_s, 1),
                "annex_a_seconds": round(annex_s, 1),
                "kpis_seconds": round(kpis_s, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
