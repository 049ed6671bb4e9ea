"""What a table of the return is: its file, the DfE's columns and how its rows are made."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from frontdoor.returns.ssda903.records import Child, Return

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


def sex(child: Child) -> str:
    return SEX_CODES.get(child.sex, "")


def who(child: Child) -> Row:
    """CHILD and DOB, the first columns of most tables."""
    return {"CHILD": child.child_id, "DOB": day(child.date_of_birth)}
