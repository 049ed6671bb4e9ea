"""`frontdoor bench search`: person search latency and recall on the configured database."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

HELP = "Time person search over N synthetic people with Q noisy queries (JSON on the last line)."


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--names",
        choices=["census", "pools"],
        default="census",
        help="census: published name frequencies (88,799 surnames); pools: the demo's pools",
    )


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from frontdoor.synth.bench.search import run_search_bench

    try:
        result = run_search_bench(
            options["people"], options["queries"], options["seed"], options["names"]
        )
    except ValueError as error:
        raise CommandError(str(error)) from error
    command.stdout.write(json.dumps(result))
