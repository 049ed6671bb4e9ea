"""Training the matching model with Splink (DuckDB), and bulk prediction. The only Splink user.

The model is Fellegi-Sunter: for each comparison (comparisons.COMPARISONS) and each of its
levels, m = P(level | same person) and u = P(level | different people). u is estimated by
random sampling, m from synthetic records whose true person is known, and
the prior from the number of true pairs. The exported file (data/model-vN.json) holds Splink's
own settings (so Splink can load it again, on DuckDB or Spark) plus the term frequencies of
names seen in training, for the online scorer.
"""

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from frontdoor.people.matching.comparisons import COMPARISONS, Level
from frontdoor.people.matching.records import PREPARE_SQL, Prepared, frame_columns

# Pairs compared in bulk: each rule is an equi-join, so none compares every pair.
BLOCKING_RULES = [
    "l.nhs_number = r.nhs_number",
    "l.dob = r.dob AND l.surname_phonetic = r.surname_phonetic",
    "l.dob = r.dob AND l.forename_key = r.forename_key",
    "l.dob_swapped = r.dob AND l.surname_phonetic = r.surname_phonetic",
    "l.surname_phonetic = r.surname_phonetic AND l.forename_key = r.forename_key "
    "AND l.birth_year = r.birth_year",
    "l.surname_phonetic = r.surname_phonetic AND l.forename_key = r.forename_key "
    "AND substr(l.dob, 6, 5) = substr(r.dob, 6, 5)",
    "l.postcode = r.postcode AND l.forename_initial = r.forename_initial",
    # Both names mistyped (Ppopy Bkryant), or a forename slip and a birthday a day out.
    "l.dob = r.dob AND l.forename_initial = r.forename_initial "
    "AND substr(l.surname, 1, 1) = substr(r.surname, 1, 1)",
    "l.surname_phonetic = r.surname_phonetic AND l.forename_initial = r.forename_initial "
    "AND substr(l.dob, 1, 7) = substr(r.dob, 1, 7)",
]


def _level(level: Level) -> dict[str, Any]:
    out: dict[str, Any] = {"sql_condition": level.sql, "label_for_charts": level.label}
    if level.label == "null":
        out["is_null_level"] = True
    if level.tf_column:
        out["tf_adjustment_column"] = level.tf_column
        out["tf_adjustment_weight"] = 1.0
    return out


def settings() -> dict[str, Any]:
    """Splink settings for the comparisons in comparisons.py (untrained)."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": 1e-5,
        "blocking_rules_to_generate_predictions": BLOCKING_RULES,
        "comparisons": [
            {
                "output_column_name": name,
                "comparison_description": name,
                "comparison_levels": [_level(level) for level in levels],
            }
            for name, levels in COMPARISONS.items()
        ],
        "retain_intermediate_calculation_columns": False,
        "retain_matching_columns": False,
    }


def _frame(columns: dict[str, list[Any]]) -> Any:
    import pandas as pd

    return pd.DataFrame(columns)


# No level is impossible in real records (an NHS number mistyped, a twin's forename swapped):
# m is kept at or above this so that no single field can veto a pair by itself.
M_FLOOR = 0.002


def train(records: list[Prepared], labels: list[int], description: str) -> dict[str, Any]:
    """Train on prepared synthetic records whose true person (`labels`) is known.

    m comes from the pairs of records of one person (Splink's estimate from a label column),
    u from random pairs, and the prior from the number of true pairs: expectation
    maximisation on unlabelled records mistakes households (same surname, address and
    postcode) for people, which is the one error this model must not make.
    """
    frame = _frame(frame_columns(records))
    frame["person"] = labels
    from splink import DuckDBAPI, Linker

    model = settings()
    sizes: dict[int, int] = {}
    for label in labels:
        sizes[label] = sizes.get(label, 0) + 1
    true_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    all_pairs = len(labels) * (len(labels) - 1) // 2
    model["probability_two_random_records_match"] = true_pairs / all_pairs
    linker = Linker(frame, model, DuckDBAPI())
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_m_from_label_column("person")
    trained = linker.misc.save_model_to_json(None)
    for comparison in trained["comparisons"]:
        for level in comparison["comparison_levels"]:
            if not level.get("is_null_level"):
                level["m_probability"] = max(level.get("m_probability") or 0.0, M_FLOOR)
    return {
        "format": "frontdoor-person-matching-model",
        "trained": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "training_data": description,
        "records": len(records),
        "splink": trained,
        "term_frequencies": term_frequencies(records),
    }


def term_frequencies(records: list[Prepared], keep: int = 3) -> dict[str, dict[str, float]]:
    """Share of records with each forename and surname (those seen at least `keep` times)."""
    out: dict[str, dict[str, float]] = {}
    for column in ("forename", "surname"):
        counts: dict[str, int] = {}
        for record in records:
            value = record[column]
            if value:
                counts[value] = counts.get(value, 0) + 1
        total = sum(counts.values()) or 1
        out[column] = {
            value: round(count / total, 8)
            for value, count in sorted(counts.items())
            if count >= keep
        }
    return out


def save(model: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def prepare_table(connection: Any, columns: dict[str, list[Any]], name: str = "people") -> None:
    """Create table `name` of prepared records from unique_id, name columns and raw cells."""
    connection.register("raw_people", _frame(columns))
    connection.execute(f"CREATE TABLE {name} AS {PREPARE_SQL.format(table='raw_people')}")
    connection.unregister("raw_people")


def predict_pairs(
    columns: dict[str, list[Any]], model: dict[str, Any], threshold: float
) -> list[tuple[str, str, float]]:
    """Pairs at or above `threshold`: (id_l, id_r, probability).

    Splink/DuckDB scores every pair the blocking rules bring together, with term-frequency
    adjustments computed on the records themselves. Twins are kept apart when clustering.
    """
    import duckdb

    connection = duckdb.connect()
    prepare_table(connection, columns)
    return _predict(connection, model, threshold)


def predict_file(
    columns: dict[str, list[Any]],
    model: dict[str, Any],
    threshold: float | None,
    twins: bool = True,
) -> tuple[list[tuple[str, str, float]], float]:
    """Pairs of a file with the model learnt from the file (learning.py), and the threshold."""
    import duckdb

    from frontdoor.people.matching.learning import predict_learned

    connection = duckdb.connect()
    prepare_table(connection, columns)
    return predict_learned(connection, model, threshold, twins)


def predict_pairs_prepared(
    columns: dict[str, list[Any]], model: dict[str, Any], threshold: float
) -> list[tuple[str, str, float]]:
    """predict_pairs() for records already prepared in Python (records.frame_columns)."""
    import duckdb

    connection = duckdb.connect()
    connection.register("prepared", _frame(columns))
    connection.execute("CREATE TABLE people AS SELECT * FROM prepared")
    return _predict(connection, model, threshold)


def prior_for(model: dict[str, Any], records: int) -> float:
    """The chance that two random records of a file of `records` are one person.

    Training set it as true pairs over all pairs of the training records. A child has about
    as many records in a file of 2 million as in one of 150,000, so true pairs grow with the
    number of records and all pairs with its square: the prior falls as 1/records. Left at
    the training size, a namesake pair in a national file would be judged as if the file
    were a council's, and twelve times too likely to be one person.
    """
    trained = model["splink"]["probability_two_random_records_match"]
    size = int(model.get("records") or 0)
    if size < 2 or records < 2:
        return float(trained)
    return float(min(0.5, trained * (size - 1) / (records - 1)))


def _predict(
    connection: Any, model: dict[str, Any], threshold: float
) -> list[tuple[str, str, float]]:
    from splink import DuckDBAPI, Linker

    records = connection.execute("SELECT count(*) FROM people").fetchall()[0][0]
    options = {
        **model["splink"],
        "blocking_rules_to_generate_predictions": BLOCKING_RULES,
        "probability_two_random_records_match": prior_for(model, records),
    }
    linker = Linker("people", options, DuckDBAPI(connection=connection))
    result = linker.inference.predict(threshold_match_probability=threshold)
    rows = connection.execute(
        f"SELECT unique_id_l, unique_id_r, match_probability FROM {result.physical_name}"
    ).fetchall()
    connection.close()
    return [(str(a), str(b), float(p)) for a, b, p in rows]


def _spark_sql(condition: str) -> str:
    """A level's DuckDB condition in Spark SQL (Splink's Spark UDFs, sqlglot for the rest)."""
    import sqlglot

    if condition.strip().upper() == "ELSE":
        return condition
    text = re.sub(r"\blen\(", "array_length(", condition)
    text = text.replace("list_intersect(", "array_intersect(")
    text = text.replace("jaro_winkler_similarity(", "jaro_winkler(")
    return str(sqlglot.transpile(text, read="duckdb", write="spark")[0])


def spark_settings(model: dict[str, Any], records: int | None = None) -> dict[str, Any]:
    """The exported model for Splink's Spark backend: the same levels, m and u, in Spark SQL.

    Records must be prepared as for DuckDB (records.prepare(), list columns '|'-joined).
    Give the number of `records` to scale the prior to them, as bulk prediction on DuckDB
    does (`prior_for`).
    """
    out = copy.deepcopy(model["splink"])
    out["sql_dialect"] = "spark"
    if records is not None:
        out["probability_two_random_records_match"] = prior_for(model, records)
    for comparison in out["comparisons"]:
        for level in comparison["comparison_levels"]:
            level["sql_condition"] = _spark_sql(level["sql_condition"])
    out["blocking_rules_to_generate_predictions"] = [
        {
            "blocking_rule": _spark_sql(rule if isinstance(rule, str) else rule["blocking_rule"]),
            "sql_dialect": "spark",
        }
        for rule in out["blocking_rules_to_generate_predictions"]
    ]
    return out


def spark_frame(spark: Any, columns: dict[str, list[Any]]) -> Any:
    """Prepared records (records.frame_columns()) as a Spark DataFrame with real nulls.

    Built from pandas, a missing value becomes NaN, and on Spark NaN equals NaN: two
    records without NHS numbers would agree on them. Every column is text except
    forename_known.
    """
    from pyspark.sql.types import BooleanType, StringType, StructField, StructType

    names = list(columns)
    schema = StructType(
        [
            StructField(name, BooleanType() if name == "forename_known" else StringType())
            for name in names
        ]
    )
    rows = list(zip(*(columns[name] for name in names), strict=True))
    return spark.createDataFrame(rows, schema)
