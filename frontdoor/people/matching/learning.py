"""Bulk de-duplication that learns from the file it is given (Splink on DuckDB).

The shipped model (data/model-vN.json) was trained once on generated records; a council's
export or a public reference set has other errors, other names and other addresses. So for
a file, the model is estimated on the file itself:

- comparisons (`BULK_COMPARISONS`): the online model's levels plus a swapped-names level
  (given name and surname in each other's boxes), a level for a slip between two real
  forenames (Isabella, Isabelle), and a free-text address compared by how many of its words
  the two addresses share (a postcode inside the address is found by records.prepare);
- u by random sampling on the file; m by Splink's expectation maximisation on the file,
  starting from the shipped model's m (for a file of at least `LEARN_FROM` records: a
  smaller file has too few pairs to learn from and keeps the shipped m and u);
- the prior from the file: the share of pairs the model itself expects to be one person,
  found as a fixed point over the pairs the blocking rules reach (`estimate_prior`);
- blocking rules (`BULK_BLOCKING_RULES`) that reach records with no date of birth and no
  postcode: name keys with address words, names alone where the name is rare enough that
  its block stays small (`BLOCK_LIMIT`), and swapped names;
- the threshold chosen from the model (`choose_threshold`): the probability that maximises
  the F-beta (beta 1/5: a false merge costs far more than a missed link) the model expects
  from its own probabilities, never below 0.5.
"""

import math
from collections.abc import Sequence
from typing import Any

from frontdoor.people.matching.comparisons import COMPARISONS, Level
from frontdoor.people.matching.splink_model import BLOCKING_RULES, M_FLOOR, _level

LEARN_FROM = 1_000
BLOCK_LIMIT = 40  # records sharing a key beyond which the key alone does not block

_SWAPPED = (
    '("forename_l" = "surname_r" AND "surname_l" = "forename_r") OR ('
    'jaro_winkler_similarity("forename_l", "surname_r") >= 0.9 AND '
    'jaro_winkler_similarity("surname_l", "forename_r") >= 0.9)'
)


_CROSSED = (
    'least(length("forename_l"), length("surname_r"), length("surname_l"), '
    'length("forename_r")) >= 3 AND ('
    'jaro_winkler_similarity("forename_l", "surname_r") >= 0.9 OR '
    'jaro_winkler_similarity("surname_l", "forename_r") >= 0.9)'
)


def _none(a: Any, b: Any) -> bool:  # the bulk-only levels are read in SQL only
    raise NotImplementedError


def _add(levels: list[Level], after: str, new: Level) -> list[Level]:
    out: list[Level] = []
    for existing in levels:
        out.append(existing)
        if existing.label == after:
            out.append(new)
    return out


def _overlap(share: float) -> str:
    return (
        'len(list_intersect("address_tokens_l", "address_tokens_r")) >= '
        f'{share} * greatest(len("address_tokens_l"), len("address_tokens_r"))'
    )


def _bulk_comparisons() -> dict[str, list[Level]]:
    out = dict(COMPARISONS)
    swapped = Level("swapped", _SWAPPED, _none, "given name and surname swapped")
    out["forename"] = _add(list(COMPARISONS["forename"]), "exact", swapped)
    crossed = Level("crossed", _CROSSED, _none, "a name is in the other box")
    out["forename"] = _add(out["forename"], "initial", crossed)
    out["forename"] = _add(
        out["forename"],
        "typo",
        Level(
            "typo_known",
            'least(length("forename_l"), length("forename_r")) >= 3 AND ('
            'damerau_levenshtein("forename_l", "forename_r") <= 1 '
            'OR jaro_winkler_similarity("forename_l", "forename_r") >= 0.94)',
            _none,
            "forename spelt similarly",
        ),
    )
    out["surname"] = _add(list(COMPARISONS["surname"]), "exact", swapped)
    out["dob"] = _add(
        list(COMPARISONS["dob"]),
        "year",
        Level(
            "digit",
            'damerau_levenshtein("dob_l", "dob_r") <= 1',
            _none,
            "one digit of the date of birth wrong",
        ),
    )
    residence = list(COMPARISONS["residence"])
    residence = _add(
        residence,
        "address",
        Level("address_most", _overlap(0.75), _none, "most of the address is the same"),
    )
    residence = _add(
        residence,
        "address_most",
        Level("address_half", _overlap(0.5), _none, "half of the address is the same"),
    )
    out["residence"] = residence
    out["surname"] = _add(
        out["surname"],
        "swapped",
        Level(
            "former",
            'list_contains("former_list_r", "surname_l") '
            'OR list_contains("former_list_l", "surname_r")',
            _none,
            "surname is a former surname",
        ),
    )
    out["identifier"] = [
        Level(
            "null",
            '("upn_l" IS NULL OR "upn_r" IS NULL) '
            'AND ("la_child_id_l" IS NULL OR "la_child_id_r" IS NULL)',
            _none,
            "",
        ),
        Level("upn", '"upn_l" = "upn_r"', _none, "same UPN"),
        Level("la_child_id", '"la_child_id_l" = "la_child_id_r"', _none, "same LA child ID"),
        Level("different", "ELSE", _none, "different UPN or LA child ID"),
    ]
    return out


BULK_COMPARISONS = _bulk_comparisons()

# m to start from for the levels the shipped model does not have.
_START_M = {
    ("forename", "swapped"): 0.01,
    ("forename", "typo_known"): 0.01,
    ("forename", "crossed"): 0.01,
    ("surname", "swapped"): 0.01,
    ("residence", "address_most"): 0.05,
    ("residence", "address_half"): 0.03,
    ("surname", "former"): 0.01,
    ("dob", "digit"): 0.02,
    ("identifier", "upn"): 0.9,
    ("identifier", "la_child_id"): 0.9,
    ("identifier", "different"): 0.05,
}

# Keys that block only where few records share them (at most BLOCK_LIMIT): a name, a date of
# birth, a name with a house number or street. "Smith" or 1 January brings no block of
# thousands at 2 million records; a rarer name blocks on its own.
BOUNDED_KEYS: dict[str, tuple[str, ...]] = {
    "name_key": ("forename_initial", "surname_phonetic"),
    "full_key": ("forename", "substr(surname, 1, 1)"),
    "forename_alone": ("forename",),
    "surname_alone": ("surname",),
    "dob_alone": ("dob",),
    "street_key": ("forename_initial", "street"),
    "house_surname": ("surname_phonetic", "house"),
    "house_forename": ("forename_key", "house"),
    "house_initials": ("house", "forename_initial", "substr(surname, 1, 1)"),
}

BULK_BLOCKING_RULES = [
    *BLOCKING_RULES,
    "l.upn = r.upn",
    "l.la_child_id = r.la_child_id",
    *(f"l.{key} = r.{key}" for key in BOUNDED_KEYS),
    "l.forename = r.surname AND l.surname = r.forename",
    "l.forename = r.surname AND l.dob = r.dob",
    "l.surname = r.forename AND l.dob = r.dob",
    "l.forename = r.surname AND l.house = r.house",
    "l.surname = r.forename AND l.house = r.house",
    "l.forename_initial = substr(r.surname, 1, 1) AND l.dob = r.dob "
    "AND substr(l.surname, 1, 1) = r.forename_initial",
    "l.forename_initial = substr(r.surname, 1, 1) AND l.house = r.house "
    "AND substr(l.surname, 1, 1) = r.forename_initial",
]


def _bounded(key: str, parts: tuple[str, ...]) -> str:
    present = " AND ".join(f"{part} IS NOT NULL" for part in parts)
    together = ", ".join(parts)
    return (
        f"CASE WHEN {present} AND count(*) OVER (PARTITION BY {together}) <= {BLOCK_LIMIT} "
        f"THEN concat_ws(':', {together}) END AS {key}"
    )


# Columns the bulk comparisons and blocking rules read beyond records.PREPARE_SQL's.
BULK_COLUMNS_SQL = f"""
CREATE TABLE people_bulk AS
WITH words AS (
  SELECT * EXCLUDE (upn, la_child_id, former_names),
    nullif(trim(upn), '') AS upn,
    nullif(trim(la_child_id), '') AS la_child_id,
    list_filter(list_transform(string_split(lower(coalesce(former_names, '')), '|'),
      lambda w: trim(w)), lambda w: w <> '') AS former_list,
    list_distinct(string_split(address, ' ')) AS address_tokens,
    list_filter(string_split(address, ' '), lambda w: regexp_matches(w, '^[0-9]+[a-z]?$'))[1]
      AS house,
    list_filter(string_split(address, ' '), lambda w: regexp_matches(w, '^[a-z]{{3,}}$'))[1]
      AS street
  FROM people
)
SELECT *, {", ".join(_bounded(key, parts) for key, parts in BOUNDED_KEYS.items())}
FROM words
"""


def bulk_settings(model: dict[str, Any], prior: float) -> dict[str, Any]:
    """Splink settings with the bulk comparisons, m and u from the shipped model to start."""
    shipped = {
        (c["output_column_name"], level["label_for_charts"]): level
        for c in model["splink"]["comparisons"]
        for level in c["comparison_levels"]
    }
    comparisons = []
    for name, levels in BULK_COMPARISONS.items():
        out = []
        for level in levels:
            spec = _level(level)
            if level.label != "null":
                known = shipped.get((name, level.label), {})
                m = known.get("m_probability") or _START_M.get((name, level.label), 0.01)
                u = known.get("u_probability") or 0.001
                spec["m_probability"], spec["u_probability"] = m, u
            out.append(spec)
        comparisons.append(
            {"output_column_name": name, "comparison_description": name, "comparison_levels": out}
        )
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": prior,
        "blocking_rules_to_generate_predictions": BULK_BLOCKING_RULES,
        "comparisons": comparisons,
        "retain_intermediate_calculation_columns": False,
        "retain_matching_columns": False,
        "max_iterations": 20,
    }


# EM sessions: each blocks on some fields and estimates the others' m.
EM_SESSIONS = [
    # Not on names: how often one person's names are swapped, crossed or misspelt.
    "l.dob = r.dob AND l.house = r.house",
    "l.dob = r.dob AND l.forename_initial = r.forename_initial",
    "l.surname_phonetic = r.surname_phonetic AND l.forename_initial = r.forename_initial "
    "AND l.house = r.house",
    "l.surname_phonetic = r.surname_phonetic AND l.forename_key = r.forename_key "
    "AND l.birth_year = r.birth_year",
]


# The levels that tell twins and siblings apart: EM on a file with twins cannot tell a twin
# from a duplicate (same surname, date of birth and address), nor a brother from a record of
# the child with the date of birth changed, so it would learn that one child's records often
# differ in forename, NHS number and date of birth. Their m never rises above the shipped
# model's, which was learnt from labelled pairs.
TWIN_LEVELS = (("forename", "different"), ("nhs_number", "different"), ("dob", "different"))


def _settle_m(
    linker: Any,
    start: dict[tuple[str, str], float],
    shipped: dict[tuple[str, str], float],
    twins: bool = True,
) -> None:
    """Levels the file never showed keep no m of their own; m at least M_FLOOR; sum 1;
    swapped names no more telling than the same names.

    EM leaves a level it saw no pair in at its starting m (the shipped model's "same
    address and postcode" in a file without postcodes), so such a level is set to the
    floor and each comparison's m scaled back to a total of one.
    """
    for comparison in linker._settings_obj.comparisons:
        levels = [lv for lv in comparison.comparison_levels if not lv.is_null_level]
        for level in levels:
            key = (comparison.output_column_name, level.label_for_charts)
            m = level.m_probability or 0.0
            if m == start.get(key):
                # Not seen in the file: no evidence either way.
                level.m_probability = level.u_probability = M_FLOOR
            elif m < M_FLOOR:
                level.m_probability = M_FLOOR
            if twins and key in TWIN_LEVELS and key in shipped:
                level.m_probability = min(level.m_probability, shipped[key])
        total = sum(level.m_probability for level in levels)
        for level in levels:
            level.m_probability = level.m_probability / total
        # Swapped names are one piece of evidence, seen twice (in the forename and in the
        # surname): the surname's swapped level says no more than a shared surname, or
        # "Thomas Campbell" and "Campbell Thomas" born weeks apart would be one person.
        exact = next((lv for lv in levels if lv.label_for_charts == "exact"), None)
        if comparison.output_column_name != "surname" or exact is None:
            continue  # the forename's swapped level keeps its own u: the names' rarity
        for level in levels:
            if level.label_for_charts == "swapped":
                level.u_probability = max(level.u_probability or 0.0, exact.u_probability)


def learned_linker(connection: Any, model: dict[str, Any], records: int, twins: bool = True) -> Any:
    """A Splink linker over table `people` with parameters learnt from the file."""
    import logging

    from splink import DuckDBAPI, Linker

    connection.execute(BULK_COLUMNS_SQL)
    start_prior = 1.0 / max(records - 1, 1)
    settings = bulk_settings(model, start_prior)
    start = {
        (c["output_column_name"], lv["label_for_charts"]): lv.get("m_probability")
        for c in settings["comparisons"]
        for lv in c["comparison_levels"]
    }
    linker = Linker("people_bulk", settings, DuckDBAPI(connection))
    quiet = logging.getLogger("splink")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        if records >= LEARN_FROM:
            linker.training.estimate_u_using_random_sampling(
                max_pairs=min(5e6, records * 50), seed=1
            )
            for rule in EM_SESSIONS:
                linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, estimate_without_term_frequencies=True
                )
            shipped = {
                (c["output_column_name"], lv["label_for_charts"]): lv.get("m_probability")
                for c in model["splink"]["comparisons"]
                for lv in c["comparison_levels"]
            }
            _settle_m(linker, start, shipped, twins)
    finally:
        quiet.setLevel(level)
    return linker


def estimate_prior(factors: Sequence[float], all_pairs: int, start: float) -> float:
    """The share of all pairs that are one person, as the model's own probabilities say.

    `factors` are the Bayes factors (m/u over every comparison) of the pairs blocking
    reached; the pairs it did not reach are taken as different people. The prior p is the
    fixed point p = sum of P(match | factor, p) / all pairs.
    """
    import numpy as np

    k = np.asarray(factors, dtype=float)
    prior = start
    for _ in range(100):
        odds = prior / (1 - prior)
        expected = float(np.sum(k * odds / (1 + k * odds)))
        new = min(max(expected / max(all_pairs, 1), 1e-12), 0.5)
        if abs(new - prior) <= 1e-6 * prior:
            return new
        prior = new
    return prior


# A false merge costs far more than a missed link (two children's records become one, and
# one child's plan, history and risks are shown as another's; a missed link is found again
# at the front door): the threshold maximises the expected F-beta with beta 1/5, which weighs
# precision 25 times (beta squared) as much as recall. With beta 1/2 the model, too sure of
# itself on the generated 200,000 (it expected precision 0.997 where 0.993 was found),
# joined pairs down to 0.79 and missed the 0.998 precision a front door needs.
BETA = 0.2
# For a file declared to hold no twins (`--no-twin-veto`): the model is not capped for twins,
# and the overconfidence beta 1/5 answers came from twins and siblings (hard negatives EM
# takes for duplicates), so the threshold weighs precision 4 times recall, as first chosen.
BETA_NO_TWINS = 0.5


def choose_threshold(probabilities: Sequence[float], beta: float = BETA) -> float:
    """The probability at or above which pairs are joined: the best F-beta the model expects.

    With calibrated probabilities, joining the n pairs at or above t is expected to find
    sum(p) of the sum(p over all) true pairs: expected F-beta is
    (1 + b²) * found / (n + b² * all). Never below 0.5: a pair the model thinks more likely
    two people than one is not joined.
    """
    import numpy as np

    ordered = np.sort(np.asarray(probabilities, dtype=float))[::-1]
    total = float(ordered.sum())
    if not len(ordered) or total <= 0:
        return 0.5
    b2 = beta * beta
    score = (1 + b2) * np.cumsum(ordered) / (np.arange(1, len(ordered) + 1) + b2 * total)
    return max(0.5, float(ordered[int(np.argmax(score))]))


def predict_learned(
    connection: Any, model: dict[str, Any], threshold: float | None, twins: bool = True
) -> tuple[list[tuple[str, str, float]], float]:
    """Pairs at or above the threshold (chosen from the model if None), and the threshold."""
    records = connection.execute("SELECT count(*) FROM people").fetchall()[0][0]
    linker = learned_linker(connection, model, records, twins)
    prior = linker._settings_obj._probability_two_random_records_match
    result = linker.inference.predict(threshold_match_weight=math.log2(prior / (1 - prior)))
    rows = connection.execute(
        f"SELECT unique_id_l, unique_id_r, match_weight FROM {result.physical_name}"
    ).fetchall()
    base = math.log2(prior / (1 - prior))
    factors = [2.0 ** (w - base) for _, _, w in rows]
    fitted = estimate_prior(factors, records * (records - 1) // 2, prior)
    odds = fitted / (1 - fitted)
    pairs = [
        (str(a), str(b), (k * odds) / (1 + k * odds))
        for (a, b, _), k in zip(rows, factors, strict=True)
    ]
    beta = BETA if twins else BETA_NO_TWINS
    limit = threshold if threshold is not None else choose_threshold([p for *_, p in pairs], beta)
    connection.close()
    return [pair for pair in pairs if pair[2] >= limit], limit
