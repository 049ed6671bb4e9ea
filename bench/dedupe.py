"""Benchmark bulk de-duplication: synthetic records with known truth, deduped and measured.

    uv run python bench/dedupe.py --records 200000
    uv run python bench/dedupe.py --records 2000000 --keep /tmp/dedupe-2m

A thin wrapper around `frontdoor bench dedupe` (frontdoor/synth/bench/dedupe.py);
prints one JSON object on the last line (records, seconds, peak_mb, precision, recall, f1,
cluster_f1, false_merges_per_10k, recall_by_origin, ...). Results: docs/benchmarks.md.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["frontdoor", "bench", "dedupe", *sys.argv[1:]])


if __name__ == "__main__":
    main()
