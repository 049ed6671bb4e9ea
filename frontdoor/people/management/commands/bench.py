"""`frontdoor bench SUBCOMMAND …`: benchmarks that print one JSON object on the last line."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from frontdoor.people.cli import BENCH, add_subcommands, run_subcommand


class Command(BaseCommand):
    help = "Benchmarks of person matching; each prints one JSON object on its last line."

    def add_arguments(self, parser: CommandParser) -> None:
        add_subcommands(parser, BENCH)

    def handle(self, *args: Any, **options: Any) -> None:
        run_subcommand(self, BENCH, options)
