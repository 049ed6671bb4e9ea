"""`frontdoor people dedupe --input people.csv --output clusters.csv`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

HELP = (
    "Find the records in a CSV (record_id,given_name,surname,date_of_birth,sex,postcode,"
    "address,nhs_number) that are one person; write record_id,cluster_id for every row."
)


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--input", required=True, type=Path, help="CSV of people")
    parser.add_argument("--output", required=True, type=Path, help="CSV to write")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="match probability at or above which two records are joined (default 0.9)",
    )
    parser.add_argument("--model", type=Path, help="model file (default: the shipped model)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from frontdoor.people.matching.dedupe import DEFAULT_THRESHOLD, dedupe
    from frontdoor.people.matching.model import load_model

    source: Path = options["input"]
    if not source.is_file():
        raise CommandError(f"{source} is not a file.")
    model = load_model(options["model"])
    threshold = options["threshold"] if options["threshold"] is not None else DEFAULT_THRESHOLD

    def report(bad: Any) -> None:
        command.stderr.write(f"{source}: {bad}")

    try:
        result = dedupe(
            source,
            options["output"],
            model,
            threshold=threshold,
            progress=not options["no_progress"],
            on_bad_row=report,
        )
    except ValueError as error:
        raise CommandError(str(error)) from error
    command.stdout.write(
        f"{result.records:,} records in {result.clusters:,} clusters "
        f"({result.pairs:,} pairs at or above {threshold}); "
        f"{len(result.bad):,} malformed rows reported, {result.unclustered:,} of them written "
        f"with no cluster_id (no record_id of their own). Written to {options['output']}."
    )
