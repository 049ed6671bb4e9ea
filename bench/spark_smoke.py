"""Smoke-test the exported matching model on Splink's Spark backend (pyspark, local mode).

    uv sync --extra spark          # pyspark is an optional extra; needs a Java runtime
    uv run python bench/spark_smoke.py --records 5000

Generates synthetic records, scores them with the same model on DuckDB and on Spark, and
prints one JSON object: pairs found by each and the largest difference in probability.
"""

import argparse
import json
import os
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    import django

    django.setup()
    from pyspark.sql import SparkSession
    from splink import Linker, SparkAPI
    from splink.backends.spark import similarity_jar_location

    from frontdoor.people.matching.model import load_model
    from frontdoor.people.matching.records import INPUT_COLUMNS, frame_columns, prepare
    from frontdoor.people.matching.splink_model import (
        BLOCKING_RULES,
        predict_pairs_prepared,
        spark_frame,
        spark_settings,
    )
    from frontdoor.synth.linkage import generate

    rows = [dict(zip(INPUT_COLUMNS, row, strict=True)) for row in generate(options.records, 11)]
    columns = frame_columns([prepare(row) for row in rows])
    model = load_model()
    started = time.perf_counter()
    duck = predict_pairs_prepared(columns, model, 0.5)
    duck_seconds = time.perf_counter() - started

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("frontdoor-splink-smoke")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.jars", similarity_jar_location())  # Splink's jaro_winkler etc.
        .getOrCreate()
    )
    spark.sparkContext.setCheckpointDir("/tmp/frontdoor-spark-checkpoints")
    frame = spark_frame(spark, columns)
    settings = spark_settings(model, records=len(rows))
    settings["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": rule, "sql_dialect": "spark"} for rule in BLOCKING_RULES
    ]
    started = time.perf_counter()
    linker = Linker(frame, settings, SparkAPI(spark_session=spark))
    result = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    spark_seconds = time.perf_counter() - started
    on_spark = {
        (str(a), str(b)): float(p)
        for a, b, p in zip(
            result["unique_id_l"], result["unique_id_r"], result["match_probability"], strict=True
        )
    }
    on_duck = {(a, b): p for a, b, p in duck}
    common = set(on_spark) & set(on_duck)
    print(
        json.dumps(
            {
                "records": options.records,
                "pairs_duckdb": len(on_duck),
                "pairs_spark": len(on_spark),
                "pairs_in_both": len(common),
                "max_probability_difference": max(
                    (abs(on_spark[k] - on_duck[k]) for k in common), default=None
                ),
                "seconds_duckdb": round(duck_seconds, 2),
                "seconds_spark": round(spark_seconds, 2),
                "pyspark": spark.version,
            }
        )
    )
    spark.stop()


if __name__ == "__main__":
    main()
