"""Comparing names: spellings, nicknames, typos, double-barrelled surnames.

The table of given names is `data/given_names.txt` (see the notes at its top). Everything
here works on names folded by `search_keys.fold()`: lower case, letters only.
"""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from frontdoor.people.search_keys import fold, phonetic

DATA_FILE = Path(__file__).parent / "data" / "given_names.txt"


@dataclass
class NameTable:
    """Given names read from the data file, keyed by folded name."""

    canonical: dict[str, str] = field(default_factory=dict)  # a spelling -> its first form
    spellings: dict[str, set[str]] = field(default_factory=dict)  # first form -> all spellings
    short_forms: dict[str, set[str]] = field(default_factory=dict)  # full name -> short forms
    full_names: dict[str, set[str]] = field(default_factory=dict)  # short form -> full names
    known: set[str] = field(default_factory=set)

    def canon(self, name: str) -> str:
        return self.canonical.get(name, name)

    def all_spellings(self, name: str) -> set[str]:
        return self.spellings.get(self.canon(name), {name})


def _names(text: str) -> list[str]:
    return [fold(n) for n in text.split(",") if fold(n)]


@cache
def name_table() -> NameTable:
    table = NameTable()
    lines = [line.split("#")[0].strip() for line in DATA_FILE.read_text("utf-8").splitlines()]
    entries = [line.split(":", 1) for line in lines if ":" in line]
    for kind, text in entries:
        names = _names(text)
        table.known.update(names)
        if kind.strip() == "spelling":
            first = table.canonical.get(names[0], names[0])
            for name in names:
                table.canonical.setdefault(name, first)
                table.spellings.setdefault(first, {first}).add(name)
    for kind, text in entries:
        if kind.strip() == "nickname":
            full, *short = (table.canon(n) for n in _names(text))
            table.short_forms.setdefault(full, set()).update(short)
            for name in short:
                table.full_names.setdefault(name, set()).add(full)
    return table


def variants(name: str) -> set[str]:
    """Every given name that may be the same as `name`: spellings, full names, short forms.

    Used to look people up by given name (indexed), so it errs on the wide side.
    """
    folded = fold(name)
    if not folded:
        return set()
    table = name_table()
    canon = table.canon(folded)
    related = {canon} | table.short_forms.get(canon, set()) | table.full_names.get(canon, set())
    return {folded} | {s for r in related for s in table.all_spellings(r)}


def relation(a: str, b: str) -> str:
    """'spelling' if two folded given names are one name, 'nickname' if one is short for the other.

    Two short forms of one full name are not related: "Liam" and "Bill" are different names.
    """
    table = name_table()
    ca, cb = table.canon(a), table.canon(b)
    if ca == cb:
        return "spelling"
    if cb in table.short_forms.get(ca, ()) or ca in table.short_forms.get(cb, ()):
        return "nickname"
    return ""


def is_known_name(name: str) -> bool:
    return fold(name) in name_table().known


def is_typo(a: str, b: str, jaro: float = 0.94) -> bool:
    """One slip of the keyboard: a letter added, dropped, changed or two letters swapped
    (two in a name of eight letters or more), or Jaro-Winkler similarity of at least `jaro`."""
    if min(len(a), len(b)) < 3:
        return False
    distance = DamerauLevenshtein.distance(a, b)
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return distance <= limit or JaroWinkler.similarity(a, b) >= jaro


def given_name_parts(given_name: str) -> list[str]:
    """Each given name, folded: "Amelia Rose" -> ["amelia", "rose"]; "Mary-Jane" adds "maryjane"."""
    raw = (given_name or "").strip()
    parts = [fold(p) for p in re.split(r"[\s-]+", raw) if fold(p)]
    whole = fold(raw.split()[0]) if raw.split() else ""
    return parts if not whole or whole in parts else [whole, *parts]


@dataclass(frozen=True)
class Comparison:
    """How one field compares: a level name (used for weights) and a plain-English reason."""

    level: str
    reason: str = ""


NO_EVIDENCE = Comparison("none")


@lru_cache(maxsize=65536)
def compare_given_names(query: str, recorded: str) -> Comparison:
    """Compare a forename given in a search or contact with one recorded on a person."""
    q, names = fold(query.split()[0]) if query.split() else "", given_name_parts(recorded)
    if not q or not names:
        return NO_EVIDENCE
    first, shown = names[0], recorded.strip()
    if q == first:
        return Comparison("exact", "same forename")
    kind = relation(q, first)
    if kind == "spelling":
        return Comparison("spelling", f"forename is another spelling ({query} / {shown})")
    if kind == "nickname":
        return Comparison("nickname", f"forename is a known nickname ({query} / {shown})")
    if q in names[1:]:
        return Comparison(
            "middle", f"forename matches one of their given names ({query} / {shown})"
        )
    if len(q) == 1 or len(first) == 1:
        if q[0] == first[0]:
            return Comparison("initial", f"forename initial matches ({query} / {shown})")
        return Comparison("different", f"different forename ({query} / {shown})")
    if is_typo(q, first) and not (is_known_name(q) and is_known_name(first)):
        return Comparison("typo", f"forename spelt similarly ({query} / {shown})")
    return Comparison("different", f"different forename ({query} / {shown})")


@lru_cache(maxsize=65536)
def compare_surnames(query: str, recorded: str) -> Comparison:
    """Compare surnames, allowing for typos, sound-alikes and double-barrelled names."""
    q, r = fold(query), fold(recorded)
    if not q or not r:
        return NO_EVIDENCE
    if q == r:
        return Comparison("exact", "same surname")
    q_parts = [fold(p) for p in query.split("-") if fold(p)]
    r_parts = [fold(p) for p in recorded.split("-") if fold(p)]
    if (len(q_parts) > 1 or len(r_parts) > 1) and set(q_parts) & set(r_parts):
        return Comparison(
            "part", f"surname matches part of a double-barrelled surname ({query} / {recorded})"
        )
    if is_typo(q, r) or JaroWinkler.similarity(q, r) >= 0.92:
        return Comparison("similar", f"surname spelt similarly ({query} / {recorded})")
    if phonetic(q) == phonetic(r):
        return Comparison("similar", f"surname sounds alike ({query} / {recorded})")
    return Comparison("different", f"different surname ({query} / {recorded})")
