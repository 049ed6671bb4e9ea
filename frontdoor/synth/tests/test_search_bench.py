"""`frontdoor bench search` loads synthetic people, asks noisy questions, prints JSON."""

import io
import json

import pytest
from django.core.management import call_command

from frontdoor.synth.bench.search import bench_people

pytestmark = pytest.mark.django_db


def test_the_search_benchmark_prints_its_figures_as_json_on_the_last_line():
    out = io.StringIO()
    call_command("bench", "search", "--people", "300", "--queries", "40", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert set(result) == {
        "people",
        "queries",
        "database",
        "names",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "recall_at_1",
        "recall_at_10",
        "cpu_p50_ms",
        "cpu_p95_ms",
        "recall_at_10_by_shape",
    }
    assert (result["people"], result["queries"], result["names"]) == (300, 40, "census")
    shapes = result["recall_at_10_by_shape"]
    assert sum(s["queries"] for s in shapes.values()) == 40
    assert "name + date of birth" in shapes
    assert result["recall_at_10"] >= 0.8
    assert bench_people().count() == 300
    assert bench_people().filter(search_family_name="").count() < 300  # keys were stored
