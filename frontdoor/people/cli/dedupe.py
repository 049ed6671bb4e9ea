"""`frontdoor people dedupe --input people.csv --output clusters.csv`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

HELP = (
    "Find the records in a CSV (record_id,given_name,surname,date_of_birth,sex,postcode,"
    "address,nhs_number, or a council's export with --columns) that are one person; write "
    "record_id,cluster_id for every row. The model is learnt from the file."
)


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--input", required=True, type=Path, help="CSV of people")
    parser.add_argument("--output", required=True, type=Path, help="CSV to write")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="match probability at or above which two records are joined "
        "(default: chosen from the model learnt on the file, at least 0.5)",
    )
    parser.add_argument(
        "--columns",
        help='which column is which: "given_name=Forename,surname=Surname,address=Line 1,'
        'address=Town,upn=UPN" or a file of field=Header lines (default: the 8-column header, '
        "or the columns' usual names)",
    )
    parser.add_argument(
        "--no-twin-veto",
        action="store_true",
        help="for a file known to hold no twins or siblings: no rule keeps clearly different "
        "forenames apart, the model learns from the file how often one person's forename and "
        "date of birth differ, and the threshold weighs precision 4 (not 25) times recall",
    )
    parser.add_argument("--model", type=Path, help="model file (default: the shipped model)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from frontdoor.people.matching.columns import MappingError, read_mapping
    from frontdoor.people.matching.dedupe import dedupe
    from frontdoor.people.matching.model import load_model

    source: Path = options["input"]
    if not source.is_file():
        raise CommandError(f"{source} is not a file.")
    threshold = options["threshold"]
    if threshold is not None and not 0 < threshold < 1:
        raise CommandError(f"--threshold {threshold} is not a probability between 0 and 1.")
    try:
        columns = read_mapping(options["columns"]) if options["columns"] else None
    except MappingError as error:
        raise CommandError(str(error)) from error
    model = load_model(options["model"])

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
            twin_veto=not options["no_twin_veto"],
            columns=columns,
        )
    except ValueError as error:
        raise CommandError(str(error)) from error
    command.stdout.write(
        f"{result.records:,} records in {result.clusters:,} clusters "
        f"({result.pairs:,} pairs at or above {result.threshold:.3f}); "
        f"{len(result.bad):,} malformed rows reported, {result.unclustered:,} of them written "
        f"with no cluster_id (no record_id of their own). Written to {options['output']}."
    )
    if result.refused:
        command.stdout.write(
            f"The twins and siblings rule kept {result.refused:,} pairs apart that the model "
            "would have joined (different forenames, or a brother's or sister's birthday at "
            "one home). If this file cannot hold twins or siblings, run it again with "
            "--no-twin-veto."
        )
