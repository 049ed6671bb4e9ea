"""The synthetic-data app's commands: `frontdoor bench …` and `frontdoor people train-model`."""

import io
import json

import pytest
from django.core.management import call_command, load_command_class

from frontdoor.people.cli import PEOPLE


def _help(app: str, name: str) -> str:
    return load_command_class(app, name).create_parser("frontdoor", name).format_help()


def test_frontdoor_people_lists_train_model_which_synth_plugs_in():
    assert PEOPLE["train-model"] == "frontdoor.synth.cli.train_model"
    text = _help("frontdoor.people", "people")
    assert "train-model" in text and "dedupe" in text and "find-duplicates" in text


def test_frontdoor_bench_lists_its_benchmarks():
    text = _help("frontdoor.synth", "bench")
    assert "search" in text and "dedupe" in text


def test_the_dedupe_benchmark_prints_its_figures_as_json_on_the_last_line(tmp_path):
    out = io.StringIO()
    call_command("bench", "dedupe", "--records", "500", "--no-progress", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    # The threshold is chosen from the model learnt on the file, never below a half.
    assert result["records"] == 500 and 0.5 <= result["threshold"] < 1
    assert {"precision", "recall", "f1", "cluster_f1", "false_merges_per_10k"} <= set(result)
    assert result["twins_merged"] == 0


@pytest.mark.slow
def test_train_model_writes_a_model_numbered_by_its_file_name(tmp_path):
    out = io.StringIO()
    target = tmp_path / "model-v7.json"
    call_command(
        "people",
        "train-model",
        "--records",
        "3000",
        "--seed",
        "3",
        "--output",
        str(target),
        stdout=out,
    )
    assert out.getvalue().strip() == f"Model written to {target}."
    model = json.loads(target.read_text())
    assert model["version"] == 7
    assert "3,000 records, seed 3" in model["training_data"]
