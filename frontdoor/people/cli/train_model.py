"""`frontdoor people train-model`: retrain the matching model with Splink and export it."""

import re
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
    from frontdoor.people.matching import splink_model
    from frontdoor.people.matching.features import INPUT_COLUMNS, prepare
    from frontdoor.people.matching.model import next_model_path
    from frontdoor.synth.linkage import Truth, generate

    truth = Truth()
    records = [
        prepare(dict(zip(INPUT_COLUMNS, row, strict=True)))
        for row in generate(options["records"], options["seed"], truth)
    ]
    description = f"frontdoor.synth.linkage, {options['records']:,} records, seed {options['seed']}"
    model = splink_model.train(records, truth.entity, description)
    path = options["output"] or next_model_path()
    number = re.findall(r"model-v(\d+)\.json$", path.name)
    model = {"format": model.pop("format"), "version": int(number[0]) if number else 0, **model}
    splink_model.save(model, path)
    command.stdout.write(f"Model written to {path}.")
