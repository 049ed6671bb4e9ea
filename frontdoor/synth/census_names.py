"""Names drawn at the frequencies people really have them, for benchmarks whose result
depends on how many people share a name (person search at national scale).

Source: the US Census Bureau's 1990 name frequency files (public domain), as shipped by the
`names` package on PyPI (MIT): 88,799 surnames covering 90.5% of the population, 4,275
female and 1,219 male forenames, each with its share of the population to 0.001%. No
comparable complete list is published for England (the ONS publishes baby names by year of
birth, not a surname distribution), and what the search benchmark needs is the *shape*: a
few very common names and a long tail. Names rounded to 0.000% in the files share the rest
of the list's total equally (each is rarer than 1 in 200,000). The demo council keeps the
small pools in `synth.names`, which are England-shaped but tiny.
"""

import bisect
import itertools
import random
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

SOURCE = "US Census Bureau, 1990 census name frequencies (via the PyPI package `names` 0.3.0)"
FILES = {"surname": "dist.all.last", "F": "dist.female.first", "M": "dist.male.first"}


@dataclass(frozen=True)
class Distribution:
    names: tuple[str, ...]
    cumulative: tuple[float, ...]

    def draw(self, rng: random.Random) -> str:
        """A name, as often as it is held."""
        at = rng.random() * self.cumulative[-1]
        return self.names[bisect.bisect_right(self.cumulative, at)]

    def share(self, name: str) -> float:
        """The share of people with `name` (0 if it is not in the list)."""
        try:
            index = self.names.index(name)
        except ValueError:
            return 0.0
        before = self.cumulative[index - 1] if index else 0.0
        return (self.cumulative[index] - before) / self.cumulative[-1]


@cache
def distribution(kind: str) -> Distribution:
    """ "surname", "F" or "M": the names and their running total of frequency, commonest first."""
    text = files("names").joinpath(FILES[kind]).read_text(encoding="ascii")
    rows = [line.split() for line in text.splitlines() if line.strip()]
    names = tuple(row[0].title() for row in rows)
    shares = [float(row[1]) for row in rows]
    listed_total = float(rows[-1][2])  # the file's cumulative share at its last name
    rounded = [i for i, share in enumerate(shares) if share == 0.0]
    if rounded:
        rest = max(listed_total - sum(shares), 0.0) / len(rounded)
        for i in rounded:
            shares[i] = rest
    return Distribution(names, tuple(itertools.accumulate(shares)))
