"""The public front of person matching. Nothing outside this package knows how it works.

`find_candidates()` proposes existing people for a subject named in a contact, with the
reasons for each; `search_people()` answers a worker's free-text search. A Candidate's
`score` runs from 0 to 1; at or above `LINK_THRESHOLD` it is a likely match.
"""

from frontdoor.people.matching.candidates import find_candidates, search_people
from frontdoor.people.matching.query import Query, parse_search
from frontdoor.people.matching.scoring import LINK_THRESHOLD, Candidate

__all__ = [
    "LINK_THRESHOLD",
    "Candidate",
    "Query",
    "find_candidates",
    "parse_search",
    "search_people",
]
