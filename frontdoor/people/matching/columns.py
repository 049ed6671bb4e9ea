"""Which column of a council's CSV export is which: the header-driven column mapping.

`frontdoor people dedupe` reads the 8-column file (record_id, given_name, surname,
date_of_birth, sex, postcode, address, nhs_number) as it always has. Any other header is
mapped onto the fields matching reads (`FIELDS`): by the usual names of each column in
case management exports (`SYNONYMS`: "Forename", "Date of Birth", "Address Line 1",
"Town", "UPN", "LA Child ID", "Former Surname"...), or as the user says with `--columns
"given_name=First Name,surname=Family Name"` or a mapping file of `field=Header` lines.
Address lines and the town are joined into one free-text address; several former-name
columns into one list. Dates of birth are read in the usual formats (`read_date`).

Errors say what is wrong and what would be right: a mapped header the file does not have
(with the headers it does have), an unknown field, a field mapped twice, a required field
(a record identifier and a name) with no column.
"""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The fields a row is read into. The last three are optional evidence.
FIELDS = (
    "record_id",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
    "upn",
    "la_child_id",
    "former_names",
)
# Fields that may take several columns, joined in the order given.
MANY = {"address": ", ", "former_names": "|"}
EIGHT = FIELDS[:8]


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


SYNONYMS: dict[str, tuple[str, ...]] = {
    "record_id": ("recordid", "id", "personid", "clientid", "personref", "reference", "ref"),
    "given_name": ("givenname", "forename", "forenames", "firstname", "firstnames", "first"),
    "surname": ("surname", "lastname", "familyname", "last"),
    "date_of_birth": ("dateofbirth", "dob", "birthdate", "datebirth", "birthday"),
    "sex": ("sex", "gender", "legalsex"),
    "postcode": ("postcode", "postalcode", "post", "zip"),
    "address": (
        "address",
        "addressline1",
        "addressline2",
        "addressline3",
        "addressline4",
        "address1",
        "address2",
        "address3",
        "addr1",
        "addr2",
        "street",
        "housenumber",
        "housename",
        "locality",
        "town",
        "city",
        "county",
        "posttown",
    ),
    "nhs_number": ("nhsnumber", "nhsno", "nhs"),
    "upn": ("upn", "uniquepupilnumber", "pupilnumber"),
    "la_child_id": ("lachildid", "childid", "lachildidentifier", "localauthoritychildid"),
    "former_names": (
        "formernames",
        "formersurname",
        "formersurnames",
        "previousnames",
        "previoussurname",
        "previoussurnames",
        "alias",
        "aliases",
        "alsoknownas",
        "aka",
    ),
}


class MappingError(ValueError):
    """The file's header cannot be read as people: says why and what would work."""


@dataclass(frozen=True)
class Layout:
    """For each field, the positions of the columns it is read from."""

    positions: dict[str, tuple[int, ...]]
    width: int

    def read(self, row: Sequence[str]) -> dict[str, str]:
        out = {}
        for name in FIELDS:
            cells = [row[i].strip() for i in self.positions.get(name, ()) if i < len(row)]
            out[name] = MANY.get(name, " ").join(c for c in cells if c)
        return out

    @property
    def eight(self) -> bool:
        return self.width == len(EIGHT) and all(
            self.positions.get(name) == (n,) for n, name in enumerate(EIGHT)
        )


def parse_columns(text: str) -> dict[str, list[str]]:
    """`given_name=First Name,address=Line 1,address=Town` (or one pair a line) as a dict."""
    mapping: dict[str, list[str]] = {}
    for part in re.split(r"[,\n]", text):
        part = part.strip()
        if not part or part.startswith("#"):
            continue
        if "=" not in part:
            raise MappingError(f"{part!r} is not field=Header (for example given_name=Forename).")
        field, header = (s.strip() for s in part.split("=", 1))
        if field not in FIELDS:
            raise MappingError(f"{field!r} is not a field; the fields are {', '.join(FIELDS)}.")
        if field in mapping and field not in MANY:
            raise MappingError(
                f"{field} is mapped twice; only address and former_names take several columns."
            )
        mapping.setdefault(field, []).append(header)
    return mapping


def read_mapping(value: str) -> dict[str, list[str]]:
    """`--columns`: the mapping itself, or the name of a file holding it."""
    path = Path(value)
    if "=" not in value and path.is_file():
        return parse_columns(path.read_text(encoding="utf-8"))
    if "=" not in value:
        raise MappingError(f"--columns {value!r} is neither field=Header pairs nor a file.")
    return parse_columns(value)


def layout_for(header: Sequence[str], mapping: dict[str, list[str]] | None = None) -> Layout:
    """The layout of a file with this header: the 8 columns, the mapping given, or synonyms."""
    cleaned = [h.strip() for h in header]
    if [h.lower() for h in cleaned] == list(EIGHT) and not mapping:
        return Layout({name: (n,) for n, name in enumerate(EIGHT)}, len(EIGHT))
    if not any(cleaned):
        raise MappingError(
            f"The first line must be the header {','.join(EIGHT)} or the file's own column "
            "names (see --columns); it is empty."
        )
    positions: dict[str, list[int]] = {}
    if mapping:
        by_name = {h.lower(): n for n, h in enumerate(cleaned)}
        for field, headers in mapping.items():
            for wanted in headers:
                if wanted.lower() not in by_name:
                    raise MappingError(
                        f"--columns maps {field} to {wanted!r}, which is not a column of the "
                        f"file; its columns are {', '.join(repr(h) for h in cleaned)}."
                    )
                positions.setdefault(field, []).append(by_name[wanted.lower()])
    taken = {i for found in positions.values() for i in found}
    for n, found in enumerate(cleaned):
        if n in taken:
            continue
        key = _key(found)
        for field, names in SYNONYMS.items():
            if key in names and (field in MANY or field not in positions):
                if mapping and field in mapping:
                    break  # the user said which column this field is
                positions.setdefault(field, []).append(n)
                break
    missing = [f for f in ("given_name", "surname") if f not in positions]
    if "record_id" not in positions:
        if "la_child_id" in positions:
            positions["record_id"] = positions["la_child_id"][:1]
        else:
            missing.insert(0, "record_id")
    if missing:
        raise MappingError(
            f"The first line must be the header {','.join(EIGHT)}, or name the columns: no "
            f"column found for {', '.join(missing)} among {', '.join(repr(h) for h in cleaned)}. "
            'Say which with --columns "record_id=Person ID,given_name=Forename,..." '
            "or a file of field=Header lines."
        )
    return Layout({k: tuple(v) for k, v in positions.items()}, len(cleaned))


_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:  # 16 is 2016 unless that is in the future
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def read_date(value: str, today: dt.date | None = None) -> str | None:
    """A date of birth as ISO (2016-05-10) from the usual ways of writing it, else None.

    2016-05-10, 2016-05-10 00:00:00 (a spreadsheet's), 20160510, 10/05/2016, 10-05-2016,
    10.05.2016, 10/05/16, 10 May 2016, 10-May-2016, 10th May 2016. Day before month, as
    British exports write it.
    """
    text = value.strip().lower()
    if not text:
        return ""
    today = today or dt.date.today()
    text = re.sub(r"[t ]00:00(:00(\.0+)?)?z?$", "", text)
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    try:
        if found:
            y, m, d = (int(g) for g in found.groups())
            return dt.date(y, m, d).isoformat()
        found = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})", text)
        if found:
            d, m = int(found.group(1)), int(found.group(2))
            return dt.date(_year(found.group(3), today), m, d).isoformat()
        found = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[ /.-]([a-z]+)[ /.,-]+(\d{4}|\d{2})", text)
        if found and found.group(2) in _MONTHS:
            d, m = int(found.group(1)), _MONTHS[found.group(2)]
            return dt.date(_year(found.group(3), today), m, d).isoformat()
    except ValueError:
        return None
    return None
