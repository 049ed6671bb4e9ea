"""The public front of person matching. Nothing outside this package knows how it works.

`find_candidates()` proposes existing people for a subject named in a contact, with the
reasons for each; `search_people()` answers a worker's free-text search. A Candidate's
`score` runs from 0 to 1; at or above `LINK_THRESHOLD` it is a likely match.
`score(a, b)` applies the trained Fellegi-Sunter model (data/model-vN.json, trained with
Splink by `frontdoor people train-model`) to two records: probability, band and evidence.
"""

from frontdoor.people.matching.candidates import find_candidates, search_people
from frontdoor.people.matching.model import Match, band, score, thresholds
from frontdoor.people.matching.query import Query, parse_search
from frontdoor.people.matching.scoring import LINK_THRESHOLD, Candidate

__all__ = [
    "LINK_THRESHOLD",
    "Candidate",
    "Match",
    "Query",
    "band",
    "find_candidates",
    "parse_search",
    "score",
    "search_people",
    "thresholds",
]
