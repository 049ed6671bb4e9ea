"""The online scorer: the exported model's match weights applied in plain Python.

No Splink here (it is for training and bulk work). For a pair of records each comparison
in comparisons.COMPARISONS finds its level; the level's Bayes factor m/u (with the
term-frequency adjustment for an exact forename or surname: a shared "Muhammad Khan" says
less than a shared "Ottoline Pryce") multiplies the prior odds. The result is a match
probability, a band (suggest / review / new, from settings FRONTDOOR_MATCH_SUGGEST and
FRONTDOOR_MATCH_REVIEW) and the evidence in plain words.

A different forename with no shared NHS number, a brother or sister (same home, date of
birth not near) or different NHS numbers cap the probability below the review band,
whatever else agrees: twins and siblings share a surname, an address and (twins) a date of
birth.
"""

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from frontdoor.people.matching.comparisons import COMPARISONS, level
from frontdoor.people.matching.constraints import could_be_siblings, could_be_twins
from frontdoor.people.matching.records import Prepared, prepare

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_SUGGEST = 0.95
DEFAULT_REVIEW = 0.5
# The order evidence is given in: the strongest kinds first.
EVIDENCE_ORDER = ("nhs_number", "dob", "forename", "surname", "residence", "sex")


def model_paths() -> list[Path]:
    found = [
        (int(m.group(1)), p)
        for p in DATA_DIR.glob("model-v*.json")
        if (m := re.fullmatch(r"model-v(\d+)\.json", p.name))
    ]
    return [p for _, p in sorted(found)]


def next_model_path() -> Path:
    paths = model_paths()
    number = int(re.findall(r"\d+", paths[-1].name)[0]) + 1 if paths else 1
    return DATA_DIR / f"model-v{number}.json"


def load_model(path: Path | None = None) -> dict[str, Any]:
    """The model file's content: `path`, or the newest data/model-vN.json."""
    if path is None:
        paths = model_paths()
        if not paths:
            raise FileNotFoundError("No model file: run `frontdoor people train-model`.")
        path = paths[-1]
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@dataclass(frozen=True)
class _Level:
    weight: float  # log2 of m/u
    u: float
    tf_column: str
    tf_weight: float
    tf_minimum_u: float


class Scorer:
    """Match weights of one model file, ready to apply."""

    def __init__(self, model: dict[str, Any]) -> None:
        splink = model["splink"]
        prior = splink["probability_two_random_records_match"]
        self.prior = math.log2(prior / (1 - prior))
        self.version = model.get("version", "")
        self.levels: dict[str, dict[str, _Level]] = {}
        for comparison in splink["comparisons"]:
            levels: dict[str, _Level] = {}
            for entry in comparison["comparison_levels"]:
                if entry.get("is_null_level"):
                    continue
                m = entry.get("m_probability") or 1e-6
                u = entry.get("u_probability") or 1e-6
                levels[entry["label_for_charts"]] = _Level(
                    math.log2(m / u),
                    u,
                    entry.get("tf_adjustment_column") or "",
                    float(entry.get("tf_adjustment_weight") or 0.0),
                    float(entry.get("tf_minimum_u_value") or 0.0),
                )
            self.levels[comparison["output_column_name"]] = levels
        self.frequencies: dict[str, dict[str, float]] = model.get("term_frequencies", {})

    def weight_of(self, comparison: str, label: str, a: Prepared) -> float:
        found = self.levels.get(comparison, {}).get(label)
        if found is None:
            return 0.0
        weight = found.weight
        if found.tf_column and found.tf_weight:
            frequency = self.frequencies.get(found.tf_column, {}).get(a[found.tf_column] or "")
            if frequency:
                weight += found.tf_weight * math.log2(found.u / max(frequency, found.tf_minimum_u))
        return weight


@dataclass
class Match:
    """How likely two records are one person, and why."""

    probability: float
    weight: float
    band: str  # "suggest", "review" or "new"
    levels: dict[str, str] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)  # what agrees
    differences: list[str] = field(default_factory=list)  # what differs
    could_be_twins: bool = False

    @property
    def evidence_text(self) -> str:
        return "; ".join(self.evidence + self.differences)


def thresholds() -> tuple[float, float]:
    """(suggest, review): suggest a link at or above the first; ask about one above the second."""
    suggest = float(getattr(settings, "FRONTDOOR_MATCH_SUGGEST", DEFAULT_SUGGEST))
    review = float(getattr(settings, "FRONTDOOR_MATCH_REVIEW", DEFAULT_REVIEW))
    return suggest, min(review, suggest)


def band(probability: float) -> str:
    suggest, review = thresholds()
    if probability >= suggest:
        return "suggest"
    if probability >= review:
        return "review"
    return "new"


@cache
def scorer() -> Scorer:
    return Scorer(load_model())


def _prepared(record: Mapping[str, Any]) -> Prepared:
    if "forename_canon" in record:
        return dict(record)
    values = dict(record)
    born = values.get("date_of_birth")
    if isinstance(born, dt.date):
        values["date_of_birth"] = born.isoformat()
    if "surname" not in values and "family_name" in values:
        values["surname"] = values["family_name"]
    return prepare(values)


def score_prepared(a: Prepared, b: Prepared, model: Scorer | None = None) -> Match:
    model = model or scorer()
    weight = model.prior
    levels: dict[str, str] = {}
    says: dict[str, tuple[float, str]] = {}
    for name in COMPARISONS:
        found = level(name, a, b)
        levels[name] = found.label
        if found.label == "null":
            continue
        value = model.weight_of(name, found.label, a)
        weight += value
        if found.says:
            says[name] = (value, found.says)
    probability = 1 / (1 + 2 ** (-weight)) if weight > -1000 else 0.0
    twins = could_be_twins(levels)
    _, review = thresholds()
    if twins or could_be_siblings(levels) or levels.get("nhs_number") == "different":
        probability = min(probability, review / 2)
    evidence = [says[n][1] for n in EVIDENCE_ORDER if n in says and says[n][0] > 0]
    differences = [says[n][1] for n in EVIDENCE_ORDER if n in says and says[n][0] <= 0]
    if (
        twins
        and levels.get("surname") in ("exact", "part", "typo")
        and levels.get("dob") == "exact"
    ):
        differences.append(
            "same surname and date of birth but a different forename: could be a twin"
        )
    return Match(
        probability=probability,
        weight=weight,
        band=band(probability),
        levels=levels,
        evidence=evidence,
        differences=differences,
        could_be_twins=twins,
    )


def score(a: Mapping[str, Any], b: Mapping[str, Any]) -> Match:
    """How likely records `a` and `b` are one person, with the evidence in plain words.

    Each is a mapping with any of given_name, surname (or family_name), date_of_birth
    (a date or YYYY-MM-DD), sex, postcode, address, nhs_number.
    """
    return score_prepared(_prepared(a), _prepared(b))
