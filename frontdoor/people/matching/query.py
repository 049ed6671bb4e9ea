"""What is being looked for, and reading it out of a worker's free-text search."""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone

from frontdoor.lib.identifiers import is_valid_postcode, normalise_nhs_number, normalise_postcode


@dataclass
class Query:
    """The details of the person being looked for. Empty strings and None mean 'not given'.

    `name` is a single name from a search, which may be a forename or a surname.
    """

    given_name: str = ""
    family_name: str = ""
    name: str = ""
    date_of_birth: dt.date | None = None
    age: int | None = None
    postcode: str = ""
    nhs_number: str = ""
    la_child_id: str = ""
    sex: str = ""
    as_of: dt.date = field(default_factory=timezone.localdate)

    def __post_init__(self) -> None:
        self.given_name = self.given_name.strip()
        self.family_name = self.family_name.strip()
        self.postcode = normalise_postcode(self.postcode) if self.postcode.strip() else ""
        self.nhs_number = normalise_nhs_number(self.nhs_number)
        self.sex = self.sex if self.sex in ("M", "F") else ""

    def is_empty(self) -> bool:
        return not any(
            [
                self.given_name,
                self.family_name,
                self.name,
                self.date_of_birth,
                self.age is not None,
                self.postcode,
                self.nhs_number,
                self.la_child_id,
            ]
        )

    def is_model_comparable(self) -> bool:
        """Whether the trained model compares everything this query gives.

        The model compares forename, surname, date of birth, sex, postcode and NHS number,
        as two records give them. A search may also give what it has no levels for: one
        name that may be either (`name`), an age, an LA child ID. Only the hand-set weights
        weigh those, so only they may rank such a query (candidates.rank()).
        """
        return not self.is_empty() and not self.name and self.age is None and not self.la_child_id

    def birth_window(self) -> tuple[dt.date, dt.date] | None:
        """Dates of birth worth looking at: a year either side of the date or age given."""
        if self.date_of_birth:
            year = self.date_of_birth.year
            return dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)
        if self.age is not None:
            year = self.as_of.year - self.age
            return dt.date(year - 2, 1, 1), dt.date(year + 1, 12, 31)
        return None


def swapped_day_and_month(day: dt.date) -> dt.date | None:
    """The date with day and month exchanged (3 April <-> 4 March), when that is a date."""
    if day.day > 12 or day.day == day.month:
        return None
    try:
        return dt.date(day.year, day.day, day.month)
    except ValueError:
        return None


_NHS = re.compile(r"(?<![\w])(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?![\w])")
_DMY = re.compile(r"(?<![\w])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\w])")
_YMD = re.compile(r"(?<![\w])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w])")
_AGE = re.compile(
    r"(?<![\w])(?:aged?\s*(\d{1,2})|(\d{1,2})\s*(?:y|yo|yrs?|years?)(?:\s+old)?)(?![\w])", re.I
)
_POSTCODE = re.compile(r"(?<![\w])([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})(?![\w])", re.I)
_SEX = {"boy": "M", "male": "M", "girl": "F", "female": "F"}


def _year(text: str, today: dt.date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year else year - 100


def _take_date(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        for found in pattern.finditer(text):
            parts = found.groups()
            try:
                year = _year(parts[order[0]], today)
                day = dt.date(year, int(parts[order[1]]), int(parts[order[2]]))
            except ValueError:
                continue
            return day, text[: found.start()] + " " + text[found.end() :]
    return None, text


def _take(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str] | None, str]:
    found = pattern.search(text)
    if not found:
        return None, text
    return found, text[: found.start()] + " " + text[found.end() :]


def _take_postcode(text: str) -> tuple[str, str]:
    for found in _POSTCODE.finditer(text):
        postcode = f"{found.group(1)} {found.group(2)}"
        if is_valid_postcode(postcode):
            return normalise_postcode(postcode), text[: found.start()] + " " + text[found.end() :]
    return "", text


def parse_search(text: str, as_of: dt.date | None = None) -> Query:
    """Read a search such as "Bill Smyth 03/04/2016 BS23 1UJ", "age 7 Okafor" or an NHS number.

    Names are what is left once numbers, dates, an age and a postcode are taken out. Two or
    more names are forename then surname; "Smith, John" is surname first. One name may be
    either.
    """
    today = as_of or timezone.localdate()
    nhs, text = _take(_NHS, text)
    born, text = _take_date(text, today)
    age, text = _take(_AGE, text)
    postcode, text = _take_postcode(text)
    query = Query(
        as_of=today,
        date_of_birth=born,
        postcode=postcode,
        nhs_number="".join(nhs.groups()) if nhs else "",
        age=int(age.group(1) or age.group(2)) if age else None,
    )
    names: list[str] = []
    for token in re.findall(r"[^\s,]+|,", text):
        if token.lower() in _SEX:
            query.sex = _SEX[token.lower()]
        elif token == ",":
            names.append(token)
        elif re.fullmatch(r"[^\W\d_][\w'’-]*", token) and not re.search(r"\d", token):
            names.append(token.strip("-'’"))
        elif re.fullmatch(r"[A-Za-z0-9]{4,20}", token):
            query.la_child_id = token.upper()
    _assign_names(query, names)
    return query


def _assign_names(query: Query, names: list[str]) -> None:
    if "," in names:
        cut = names.index(",")
        before, after = [n for n in names[:cut] if n != ","], [n for n in names[cut:] if n != ","]
        query.family_name, query.given_name = " ".join(before), " ".join(after)
        return
    names = [n for n in names if n]
    if len(names) == 1:
        query.name = names[0]
    elif len(names) > 1:
        query.given_name, query.family_name = names[0], names[-1]
