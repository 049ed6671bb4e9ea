"""Training a new version of the matching model from records whose true person is known."""

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from frontdoor.people.matching import splink_model
from frontdoor.people.matching.model import next_model_path
from frontdoor.people.matching.records import prepare


def train_model(
    records: Iterable[Mapping[str, Any]],
    labels: list[int],
    description: str,
    output: Path | None = None,
) -> Path:
    """Train the model with Splink on `records` and write it; return the file written.

    `records` have the INPUT_COLUMNS keys (the `frontdoor people dedupe` header); `labels`
    give each record's true person, in the same order. The file is `output`, or the next
    data/model-vN.json; its version is the N in its name (0 for another name).
    """
    prepared = [prepare(record) for record in records]
    model = splink_model.train(prepared, labels, description)
    path = output or next_model_path()
    number = re.findall(r"model-v(\d+)\.json$", path.name)
    model = {"format": model.pop("format"), "version": int(number[0]) if number else 0, **model}
    splink_model.save(model, path)
    return path
