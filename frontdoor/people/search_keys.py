"""Keys stored on each person (and alias) so candidate look-ups use indexes.

Anything that writes a name must store these keys with it: `create_person`, `update_person`
and `add_alias` do. A bulk loader can call `search_keys()` / `alias_search_keys()` itself.
"""

import re
import unicodedata
from functools import lru_cache

import jellyfish


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, accents removed, only letters (for comparing names)."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in decomposed if ch.isalpha()).lower()


@lru_cache(maxsize=65536)
def phonetic(name: str) -> str:
    folded = fold(name)
    return jellyfish.metaphone(folded)[:20] if folded else ""


def first_given_name(given_name: str) -> str:
    """The first of someone's given names ("Amelia Rose" -> "amelia"), folded."""
    parts = (given_name or "").split()
    return fold(parts[0]) if parts else ""


def surname_parts(family_name: str) -> list[str]:
    """The parts of a double-barrelled surname, folded ("Smith-Jones" -> ["smith", "jones"])."""
    return [p for p in (fold(part) for part in re.split(r"-", family_name or "")) if p]


def search_keys(given_name: str, family_name: str) -> dict[str, str]:
    """The Person fields to store beside a name."""
    parts = surname_parts(family_name)
    return {
        "search_given_name": first_given_name(given_name),
        "search_family_name": fold(family_name),
        "family_name_phonetic": phonetic(parts[0]) if parts else "",
        "family_name_last_phonetic": phonetic(parts[-1]) if parts else "",
    }


def alias_search_keys(given_name: str, family_name: str) -> dict[str, str]:
    """The Alias fields to store beside another name someone is or was known by."""
    keys = search_keys(given_name, family_name)
    del keys["family_name_last_phonetic"]
    return keys
