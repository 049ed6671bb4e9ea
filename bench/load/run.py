"""Run the load bench: start the server on DATABASE_URL, drive it with Locust (headless,
bounded), stop it, and print the figures as a Markdown table for docs/benchmarks.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontdoor_load \\
      uv run python bench/load/run.py --server gunicorn --mode mixed --users 50 --time 3m

--server runserver is the baseline (Django's development server, what there was before).
The database must be migrated and seeded (`frontdoor demo-setup --years 1 --children 3000`).
"""

import argparse
import csv
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIXED = ["ContactOfficer", "SocialWorker", "Manager", "PartnerPortal", "Analyst", "PartnerAPI"]


def start_server(kind: str, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    frontdoor = [sys.executable, "-m", "frontdoor.cli"]
    if kind == "gunicorn":
        argv = [*frontdoor, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    else:
        argv = [*frontdoor, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        server = subprocess.Popen(
            argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2):
                return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not become ready; see {log}")


def recreate_from(url: str, template: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    assert name != template
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def api_token() -> str:
    command = [sys.executable, "-m", "frontdoor.cli", "api-token", "--agency", "police"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def table(stats_csv: Path, seconds: float) -> str:
    rows = list(csv.DictReader(stats_csv.open()))
    lines = [
        "| Page or endpoint | Requests | Failures | req/s | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        name = row["Name"] if row["Type"] in ("GET", "") else f"{row['Name']}"
        if row["Name"] == "Aggregated":
            name = "**all**"
        lines.append(
            f"| `{name}` | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} | "
            f"{float(row['Max Response Time']):.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=["gunicorn", "runserver"], default="gunicorn")
    parser.add_argument("--mode", choices=["mixed", "intake"], default="mixed")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--time", default="3m", help="Locust's --run-time (e.g. 3m, 60s)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: default)")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument(
        "--fresh-from",
        metavar="TEMPLATE",
        help="first recreate DATABASE_URL's PostgreSQL database as a copy of TEMPLATE (the "
        "seeded council), so every run starts from the same data: a run adds contacts",
    )
    args = parser.parse_args()
    assert os.environ.get("DATABASE_URL"), "set DATABASE_URL to the seeded database"
    if args.fresh_from:
        recreate_from(os.environ["DATABASE_URL"], args.fresh_from)

    out = Path(tempfile.mkdtemp(prefix="frontdoor-load-"))
    server = start_server(args.server, args.port, args.workers or 0, out / "server.log")
    try:
        env = dict(os.environ, FRONTDOOR_LOAD_TOKEN=api_token())
        classes = MIXED if args.mode == "mixed" else ["Intake"]
        command = [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--host",
            f"http://127.0.0.1:{args.port}",
            "-u",
            str(args.users),
            "-r",
            str(args.spawn_rate),
            "--run-time",
            args.time,
            "--stop-timeout",
            "10",
            "--csv",
            str(out / "load"),
            "--only-summary",
            "--loglevel",
            "WARNING",
            *classes,
        ]
        load_before = os.getloadavg()
        started = time.monotonic()
        subprocess.run(command, env=env, check=False)
        seconds = time.monotonic() - started
        load_after = os.getloadavg()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    print()
    print(f"Server: {args.server}; mode: {args.mode}; {args.users} users; {args.time}")
    print(f"Command: {' '.join(sys.argv)}")
    print(
        f"Machine: {os.cpu_count()} cores ({platform.machine()}), Python "
        f"{platform.python_version()}; load average before {load_before[0]:.2f}, "
        f"after {load_after[0]:.2f} (1 min)"
    )
    print(f"Wall time: {seconds:.0f} s; CSVs in {out}")
    print()
    print(table(out / "load_stats.csv", seconds))


if __name__ == "__main__":
    main()
