"""`frontdoor people SUBCOMMAND …`: person-index tools (see frontdoor/people/cli/)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from frontdoor.people.cli import PEOPLE, add_subcommands, run_subcommand


class Command(BaseCommand):
    help = "Person index tools: train the matching model, de-duplicate a CSV, find duplicates."

    def add_arguments(self, parser: CommandParser) -> None:
        add_subcommands(parser, PEOPLE)

    def handle(self, *args: Any, **options: Any) -> None:
        run_subcommand(self, PEOPLE, options)
