"""`frontdoor bench SUBCOMMAND …`: benchmarks that print one JSON object on the last line.

They measure person matching on synthetic people and records with known truth, so they
belong to the synthetic-data app (frontdoor/synth/bench/), which may import anything.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from frontdoor.people.cli import add_subcommands, run_subcommand
from frontdoor.synth.cli import BENCH


class Command(BaseCommand):
    help = "Benchmarks of person matching; each prints one JSON object on its last line."

    def add_arguments(self, parser: CommandParser) -> None:
        add_subcommands(parser, BENCH)

    def handle(self, *args: Any, **options: Any) -> None:
        run_subcommand(self, BENCH, options)
