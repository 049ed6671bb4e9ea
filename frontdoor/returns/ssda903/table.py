"""What a table of the return is: its file, the DfE's columns and how its rows are made."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from frontdoor.returns.ssda903.records import Child, Period, Return

Row = dict[str, str]


@dataclass(frozen=True)
class Table:
    name: str
    filename: str
    columns: list[str]
    rows: Callable[[Return], list[Row]]


def day(value: dt.date | None) -> str:
    """DfE dates are dd/mm/yyyy; an unknown date is empty."""
    return value.strftime("%d/%m/%Y") if value else ""


def flag(value: bool | None) -> str:
    """1 yes, 0 no, empty when not known."""
    return "" if value is None else ("1" if value else "0")


SEX_CODES = {"M": "1", "F": "2"}
# From 2024-25 SEX is M, F or U (not known), as Front Door records it (DfE rule 101).
SEX_AS_LETTERS_FROM = 2025
SEX_LETTERS = ("M", "F", "U")


def sex_codes(period: Period) -> tuple[str, ...]:
    """The SEX codes of the collection year."""
    if period.year >= SEX_AS_LETTERS_FROM:
        return SEX_LETTERS
    return tuple(SEX_CODES.values())


def sex(child: Child, period: Period) -> str:
    if period.year >= SEX_AS_LETTERS_FROM:
        return child.sex if child.sex in SEX_LETTERS else ""
    return SEX_CODES.get(child.sex, "")


def who(child: Child) -> Row:
    """CHILD and DOB, the first columns of most tables."""
    return {"CHILD": child.child_id, "DOB": day(child.date_of_birth)}
