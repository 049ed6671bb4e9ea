"""The code sets the rules check values against, read from the census schema that the
export is validated with (cin-census.xsd), so a code is valid in one place only; and the
DfE's local authority codes that a UPN's characters 2 to 4 must be (rule 1530)."""

import re
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

SCHEMA = Path(__file__).with_name("cin-census.xsd")
XS = "{http://www.w3.org/2001/XMLSchema}"


@cache
def codes(type_name: str) -> frozenset[str]:
    """The enumerated values of the schema's simple type `type_name` (e.g. "DisabilityType")."""
    tree = ElementTree.parse(SCHEMA)
    for simple in tree.iter(f"{XS}simpleType"):
        if simple.get("name") == type_name:
            return frozenset(e.get("value", "") for e in simple.iter(f"{XS}enumeration"))
    raise KeyError(type_name)


@cache
def pattern(type_name: str) -> re.Pattern[str]:
    """The schema's pattern for simple type `type_name` (e.g. "PrimaryNeedType": N[0-9])."""
    tree = ElementTree.parse(SCHEMA)
    for simple in tree.iter(f"{XS}simpleType"):
        if simple.get("name") == type_name:
            facet = simple.find(f".//{XS}pattern")
            if facet is not None:
                return re.compile(facet.get("value", ""))
    raise KeyError(type_name)


def is_code(type_name: str, value: str) -> bool:
    """Whether `value` is one of the schema's codes (or matches its pattern) for the type."""
    listed = codes(type_name)
    if listed:
        return value in listed
    return bool(value) and bool(pattern(type_name).fullmatch(value))


# Post-April-1999 local authority codes and the DfE's pseudo-LA codes (DfE common basic data
# set, UPN characters 2 to 4; rule 1530 in the CIN census validation rules 2024-25).
LA_CODE_RANGES = [
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 837), (840, 841),
    (845, 846), (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916),
    (919, 919), (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938),
]  # fmt: skip
LA_CODES = frozenset(f"{n:03d}" for low, high in LA_CODE_RANGES for n in range(low, high + 1))
