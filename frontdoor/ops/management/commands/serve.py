"""`frontdoor serve`: the production application server (gunicorn, ADR 0014).

Replaces this process with gunicorn (so a process manager's signals reach gunicorn itself):
sync worker processes, one per core plus one, by default; access log to stdout, errors to
stderr.
Run `frontdoor migrate` first; put TLS in front of it at a reverse proxy (docs/howto/deploy.md).
"""

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


def default_workers() -> int:
    """gunicorn's advice is 2 x cores + 1; the database shares these cores on a small host,
    so Front Door starts one per core plus one (FRONTDOOR_WORKERS overrides)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return int(os.environ.get("FRONTDOOR_WORKERS", "0")) or (cores or 1) + 1


def gunicorn_argv(options: dict[str, Any]) -> list[str]:
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "frontdoor.wsgi:application",
        "--bind",
        options["bind"],
        "--workers",
        str(options["workers"] or default_workers()),
        "--timeout",
        str(options["timeout"]),
        "--graceful-timeout",
        "20",
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--access-logfile",
        "-",
        "--error-logfile",
        "-",
        "--forwarded-allow-ips",
        options["forwarded_allow_ips"],
        "--no-control-socket",  # one per user by default: two instances would share it
    ]
    if options["threads"] > 1:  # gunicorn's gthread worker
        argv += ["--threads", str(options["threads"])]
    return argv


class Command(BaseCommand):
    help = "Serve Front Door with gunicorn (production). TLS belongs to the proxy in front."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("FRONTDOOR_BIND", "127.0.0.1:8000"),
            help="host:port or unix:PATH to listen on (default 127.0.0.1:8000, FRONTDOOR_BIND)",
        )
        parser.add_argument(
            "--workers", type=int, default=0, help="worker processes (default: cores + 1)"
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("FRONTDOOR_THREADS", "1")),
            help="threads per worker (default 1: sync workers; FRONTDOOR_THREADS). More uses "
            "gunicorn's gthread worker; see ADR 0014 and docs/benchmarks.md before you do",
        )
        parser.add_argument(
            "--timeout", type=int, default=60, help="seconds before a stuck worker is restarted"
        )
        parser.add_argument(
            "--forwarded-allow-ips",
            default=os.environ.get("FRONTDOOR_FORWARDED_ALLOW_IPS", "127.0.0.1"),
            help="proxies trusted to set X-Forwarded-* headers",
        )
        parser.add_argument(
            "--print", action="store_true", help="print the gunicorn command instead of running it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        argv = gunicorn_argv(options)
        if options["print"]:
            self.stdout.write(" ".join(argv))
            return
        sys.stdout.flush()
        os.execv(argv[0], argv)
