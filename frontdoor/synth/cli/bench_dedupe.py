"""`frontdoor bench dedupe --records N`: generate, de-duplicate, measure against the truth."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

HELP = (
    "De-duplicate N synthetic records with known truth; print one JSON object on the last "
    "line (records, seconds, peak_mb, precision, recall, f1, cluster_f1, false_merges_per_10k)."
)


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--keep", help="directory to keep the generated CSV and the output in")
    parser.add_argument("--no-progress", action="store_true")


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from frontdoor.synth.bench.dedupe import run_dedupe_benchmark

    figures = run_dedupe_benchmark(
        options["records"],
        seed=options["seed"],
        threshold=options["threshold"],
        keep=options["keep"],
        progress=not options["no_progress"],
        say=command.stdout.write,
    )
    command.stdout.write(json.dumps(figures))
