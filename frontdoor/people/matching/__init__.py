"""The public front of person matching. Nothing outside this package knows how it works.

`find_candidates()` proposes existing people for a subject named in a contact, with the
reasons for each; `search_people()` answers a worker's free-text search. A Candidate's
`score` runs from 0 to 1; at or above `LINK_THRESHOLD` it is a likely match.
`score(a, b)` applies the trained Fellegi-Sunter model (data/model-vN.json, trained with
Splink by `train_model()`, which `frontdoor people train-model` calls) to two records:
probability, band and evidence. `dedupe()` finds the records of a CSV that are one person
(`frontdoor people dedupe`): the model `load_model()` reads is its starting point, and the
parameters, prior and threshold are learnt from the file itself (learning.py). `name_table()` is the
table of given names, spellings and nicknames that matching knows.

Other apps import matching from here only; Splink, DuckDB and pandas are imported inside
the functions that need them, so importing this package stays cheap.
"""

from frontdoor.people.matching.candidates import find_candidates, search_people
from frontdoor.people.matching.dedupe import DEFAULT_THRESHOLD as DEDUPE_THRESHOLD
from frontdoor.people.matching.dedupe import dedupe
from frontdoor.people.matching.model import Match, band, load_model, score, thresholds
from frontdoor.people.matching.names import name_table
from frontdoor.people.matching.query import Query, parse_search
from frontdoor.people.matching.scoring import LINK_THRESHOLD, Candidate
from frontdoor.people.matching.training import train_model

__all__ = [
    "DEDUPE_THRESHOLD",
    "LINK_THRESHOLD",
    "Candidate",
    "Match",
    "Query",
    "band",
    "dedupe",
    "find_candidates",
    "load_model",
    "name_table",
    "parse_search",
    "score",
    "search_people",
    "thresholds",
    "train_model",
]
