"""The de-duplication benchmark behind `frontdoor bench dedupe` (results in docs/benchmarks.md).

Synthetic records with known truth (`synth.linkage`) are written as a CSV, de-duplicated by
`people.matching.dedupe()` with the shipped model, and the clusters measured against the truth.

Pairwise precision and recall count pairs of records put in one cluster; cluster F1 counts
clusters reproduced exactly (precision over the clusters found, recall over the true
people); false merges are wrongly joined record pairs per 10,000 records. Twins and siblings
(hard negatives) joined are counted separately: the target is none.
"""

import csv
import gc
import resource
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdoor.people.matching import dedupe, load_model
from frontdoor.synth.linkage import Truth, write_csv


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def measure(clusters: list[str], truth: Truth) -> dict[str, Any]:
    """Figures for `clusters` (cluster id by record number) against the truth."""
    entity = truth.entity
    predicted = Counter(clusters)
    actual = Counter(entity)
    both = Counter(zip(clusters, entity, strict=True))
    predicted_pairs = sum(_pairs(n) for n in predicted.values())
    true_pairs = sum(_pairs(n) for n in actual.values())
    found = sum(_pairs(n) for n in both.values())
    precision = found / predicted_pairs if predicted_pairs else 1.0
    recall = found / true_pairs if true_pairs else 1.0
    exact = sum(1 for (c, e), n in both.items() if n == predicted[c] == actual[e])
    cluster_precision = exact / len(predicted)
    cluster_recall = exact / len(actual)
    by_origin_true: Counter[str] = Counter()
    by_origin_found: Counter[str] = Counter()
    for e, n in actual.items():
        by_origin_true[truth.origin[e]] += _pairs(n)
    for (_, e), n in both.items():
        by_origin_found[truth.origin[e]] += _pairs(n)
    members: dict[str, set[int]] = defaultdict(set)
    for c, e in both:
        members[c].add(e)
    joined = {
        (min(a, b), max(a, b))
        for es in members.values()
        if len(es) > 1
        for a in es
        for b in es
        if a != b
    }
    twins = sum(1 for pair in truth.twins if pair in joined)
    siblings = sum(1 for a, b in joined if truth.household[a] == truth.household[b])
    return {
        "precision": round(precision, 5),
        "recall": round(recall, 5),
        "f1": round(_f1(precision, recall), 5),
        "cluster_precision": round(cluster_precision, 5),
        "cluster_recall": round(cluster_recall, 5),
        "cluster_f1": round(_f1(cluster_precision, cluster_recall), 5),
        "false_merges_per_10k": round((predicted_pairs - found) * 10_000 / len(entity), 3),
        "twin_pairs": len(truth.twins),
        "twins_merged": twins,
        "siblings_merged": siblings - twins,
        "recall_by_origin": {
            origin: round(by_origin_found[origin] / total, 4)
            for origin, total in sorted(by_origin_true.items())
            if total
        },
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_dedupe_benchmark(
    records: int,
    *,
    seed: int = 1,
    threshold: float | None = None,
    keep: str | None = None,
    progress: bool = True,
    say: Callable[[str], Any] = print,
) -> dict[str, Any]:
    """Generate `records`, time `dedupe()` on them (CSV in, CSV out) and measure the result."""
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="frontdoor-dedupe-"))
    workdir.mkdir(parents=True, exist_ok=True)
    source, target = workdir / "people.csv", workdir / "clusters.csv"
    try:
        started = time.perf_counter()
        truth = write_csv(source, records, seed)
        took = time.perf_counter() - started
        say(f"Generated {records:,} records ({len(truth.origin):,} people) in {took:.1f} s")
        gc.collect()
        model = load_model()
        started, cpu = time.perf_counter(), _cpu()
        result = dedupe(source, target, model, threshold=threshold, progress=progress)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        with target.open(newline="") as stream:
            rows = list(csv.reader(stream))[1:]
        clusters = [cluster for _, cluster in rows]
        figures = measure(clusters, truth)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return {
        "records": records,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # all threads; wall time suffers on a shared machine
        "peak_mb": peak_mb(),
        **figures,
        "threshold": round(result.threshold, 4),
        "pairs_scored_above_threshold": result.pairs,
        "model": model.get("version", ""),
    }
