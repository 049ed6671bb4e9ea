"""Subcommands of `frontdoor people …` and `frontdoor bench …`, one module each.

A subcommand module defines:

    HELP = "one line shown by --help"

    def add_arguments(parser: CommandParser) -> None: ...

    def handle(command: BaseCommand, options: dict[str, Any]) -> None: ...

and is listed by name in `PEOPLE` or `BENCH` below. Modules are imported only when their
command runs (`--help` imports them all), so keep heavy imports (Splink) inside functions.
"""

import importlib
from collections.abc import Callable
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandError, CommandParser

# name -> module path. Add a subcommand with one line here.
PEOPLE: dict[str, str] = {
    "train-model": "frontdoor.people.cli.train_model",
    "dedupe": "frontdoor.people.cli.dedupe",
    "find-duplicates": "frontdoor.people.cli.find_duplicates",
}

BENCH: dict[str, str] = {
    "dedupe": "frontdoor.people.cli.bench_dedupe",
    "search": "frontdoor.people.cli.bench_search",
}


class Subcommand(Protocol):
    HELP: str
    add_arguments: Callable[[CommandParser], None]
    handle: Callable[[BaseCommand, dict[str, Any]], None]


def load(path: str) -> Subcommand:
    module: Any = importlib.import_module(path)
    return module  # type: ignore[no-any-return]


def add_subcommands(parser: CommandParser, table: dict[str, str]) -> None:
    subparsers = parser.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
    for name, path in table.items():
        module = load(path)
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)


def run_subcommand(command: BaseCommand, table: dict[str, str], options: dict[str, Any]) -> None:
    name = options.get("subcommand")
    if name not in table:
        raise CommandError(f"Choose a subcommand: {', '.join(sorted(table))}.")
    load(table[name]).handle(command, options)
