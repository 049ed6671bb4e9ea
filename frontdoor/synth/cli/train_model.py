"""`frontdoor people train-model`: retrain the matching model with Splink and export it.

Training needs records whose true person is known, and those are synthetic (synth.linkage;
no real data): so this subcommand lives in the synthetic-data app, which adds it to
`frontdoor people` from SynthConfig.ready(). The training itself is people.matching's
`train_model()`.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

HELP = (
    "Train the person-matching model (Fellegi-Sunter, Splink on DuckDB) on synthetic "
    "records with known truth and write it as data/model-vN.json."
)


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--records", type=int, default=100_000, help="synthetic records")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--output", type=Path, help="file to write (default: the next data/model-vN.json)"
    )


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from frontdoor.people.matching import train_model
    from frontdoor.synth.linkage import HEADER, Truth, generate

    truth = Truth()
    records = [
        dict(zip(HEADER, row, strict=True))
        for row in generate(options["records"], options["seed"], truth)
    ]
    description = f"frontdoor.synth.linkage, {options['records']:,} records, seed {options['seed']}"
    path = train_model(records, truth.entity, description, options["output"])
    command.stdout.write(f"Model written to {path}.")
