"""Benchmark the synthetic-council seeder on a fresh database.

    uv run python bench/seed.py                      # SQLite in a temporary directory
    uv run python bench/seed.py --years 1 --children 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench uv run python bench/seed.py

Creates the database, migrates it, times `frontdoor seed` and prints the machine, the time
and the calibration figures of the last year, in the form recorded in docs/benchmarks.md.
For PostgreSQL, DATABASE_URL must name an empty database that you may write to.
"""

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path


def memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    return "unknown"


def frontdoor(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["frontdoor", *args], env=env, check=True, capture_output=True, text=True)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--end", default="2023-03-31")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--children", type=int)
    options = parser.parse_args()
    env = dict(os.environ)
    workdir = tempfile.mkdtemp(prefix="frontdoor-bench-")
    env.setdefault("FRONTDOOR_VAR_DIR", workdir)
    database = (
        "PostgreSQL"
        if env.get("DATABASE_URL", "").startswith("postgres")
        else (f"SQLite {sqlite3.sqlite_version}")
    )
    frontdoor("migrate", "--no-input", "-v0", env=env)
    command = ["seed", f"--years={options.years}", f"--end={options.end}", f"--seed={options.seed}"]
    if options.children:
        command.append(f"--children={options.children}")
    started = time.perf_counter()
    summary = frontdoor(*command, env=env)
    seconds = time.perf_counter() - started
    end = dt.date.fromisoformat(options.end)
    first = end.replace(year=end.year - 1) + dt.timedelta(days=1)
    figures = json.loads(
        frontdoor("kpis", f"--from={first}", f"--to={end}", "--format=json", env=env)
    )
    print(f"Command:  frontdoor {' '.join(command)}")
    print(
        f"Machine:  {os.cpu_count()} cores, {memory_gb()}, {platform.machine()}, "
        f"Python {platform.python_version()}, {database}"
    )
    print(f"Time:     {seconds:.0f} s (wall clock, including start-up)")
    print(summary)
    print(json.dumps({k: figures[k] for k in ("contacts", "referrals", "re_referral_rate")}))


if __name__ == "__main__":
    main()
