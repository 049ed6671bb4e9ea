"""`frontdoor people …`: subcommands from a table that other apps may add to."""

import pytest

from frontdoor.people.cli import PEOPLE, register_subcommand


def test_an_app_adds_a_subcommand_to_the_table_once():
    table = dict(PEOPLE)
    register_subcommand(table, "tidy", "frontdoor.example.tidy")
    register_subcommand(table, "tidy", "frontdoor.example.tidy")  # ready() may run again
    assert table == {**PEOPLE, "tidy": "frontdoor.example.tidy"}


def test_a_name_already_taken_by_another_module_is_refused():
    with pytest.raises(ValueError, match="'dedupe' is already defined"):
        register_subcommand(dict(PEOPLE), "dedupe", "frontdoor.example.dedupe")
