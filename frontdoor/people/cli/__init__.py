"""Subcommands of `frontdoor people …`, one module each, and the registry other apps add to.

A subcommand module defines:

    HELP = "one line shown by --help"

    def add_arguments(parser: CommandParser) -> None: ...

    def handle(command: BaseCommand, options: dict[str, Any]) -> None: ...

and is listed by name in a table such as `PEOPLE` below. Modules are imported only when
their command runs (`--help` imports them all), so keep heavy imports (Splink) inside
functions.

The person index never imports the apps above it. An app that adds a person-index tool
built on its own code registers it from its `AppConfig.ready()` with
`register_subcommand(PEOPLE, name, module_path)`: the synthetic-data app adds
`train-model` this way (frontdoor/synth/apps.py), because training draws synthetic records.
"""

import importlib
from collections.abc import Callable
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandError, CommandParser

# `frontdoor people` subcommands: name -> module path. Other apps add theirs with
# register_subcommand() from their AppConfig.ready().
PEOPLE: dict[str, str] = {
    "dedupe": "frontdoor.people.cli.dedupe",
    "find-duplicates": "frontdoor.people.cli.find_duplicates",
}


class Subcommand(Protocol):
    HELP: str
    add_arguments: Callable[[CommandParser], None]
    handle: Callable[[BaseCommand, dict[str, Any]], None]


def register_subcommand(table: dict[str, str], name: str, module_path: str) -> None:
    """Add subcommand `name`, defined in `module_path`, to `table` (such as PEOPLE).

    Registering the same module again is harmless (ready() may run more than once in
    tests); another module under a name already taken is a mistake and raises.
    """
    if table.get(name, module_path) != module_path:
        raise ValueError(f"Subcommand {name!r} is already defined by {table[name]}.")
    table[name] = module_path


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
