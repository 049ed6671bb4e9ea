"""Which order serves a worker's search best: the hand-set weights, the model, or the rule?

    DATABASE_URL=sqlite:////tmp/b200k.sqlite3 uv run python bench/search_ranking.py --people 200000

Asks the same questions as `frontdoor bench search` (same seed, same people, which must
already be loaded by it), finds and filters each question's candidates as a search does,
then orders the same candidates three ways and counts recall@1 and recall@10 of each:
`weights` (the hand-set score alone, the search's order before ADR 0004 was amended);
`model` (the model's probability for every question, the hand-set score breaking ties: a
single name, an age or an LA child ID is not among what the model compares); and `rule`
(the model only where it compares everything the question gives,
`Query.is_model_comparable()`: what `people.matching` does). Prints one JSON object on the
last line, overall and by what was typed. Results: docs/benchmarks.md.
"""

import argparse
import json
import os
import random
from collections import Counter
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--names", choices=["census", "pools"], default="census")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    import django

    django.setup()
    from frontdoor.people.matching.candidates import MIN_AGREEMENT, _judge_with_model, _scored
    from frontdoor.people.matching.query import parse_search
    from frontdoor.people.models import Person
    from frontdoor.synth.bench.search import AS_OF, load_people, noisy_question
    from frontdoor.synth.linkage import Generator

    def by_weights(c: Any) -> tuple[Any, ...]:
        return (-c.score, -c.weight, c.person.family_name, c.person.pk)

    def by_model(c: Any) -> tuple[Any, ...]:
        return (-c.probability, *by_weights(c))

    entries = load_people(options.people, options.seed, options.names)
    rng = random.Random(options.seed + 1)
    generator = Generator(options.seed + 2, options.names)
    everyone = Person.objects.all()
    orders = ("weights", "model", "rule")
    found: dict[str, Counter[str]] = {f"{o}_{k}": Counter() for o in orders for k in ("1", "10")}
    asked: Counter[str] = Counter()
    for _ in range(options.queries):
        truth, entry = entries[rng.randrange(len(entries))]
        shape, text = noisy_question(generator, entry, rng)
        query = parse_search(text, as_of=AS_OF)
        asked[shape] += 1
        kept = [c for c in _scored(everyone, query) if c.agreement >= MIN_AGREEMENT]
        weights = sorted(kept, key=by_weights)
        _judge_with_model(kept, query)
        model = sorted(kept, key=by_model)
        ranked = {
            "weights": weights,
            "model": model,
            "rule": model if query.is_model_comparable() else weights,
        }
        for order, candidates in ranked.items():
            pks = [c.person.pk for c in candidates[:10]]
            found[f"{order}_1"][shape] += pks[:1] == [truth]
            found[f"{order}_10"][shape] += truth in pks
    total = sum(asked.values())
    result: dict[str, Any] = {"people": options.people, "queries": total}
    for key, counts in found.items():
        result[f"{key.split('_')[0]}_recall_at_{key.split('_')[1]}"] = round(
            sum(counts.values()) / total, 4
        )
    result["by_shape"] = {
        shape: {
            "queries": n,
            **{f"{key.replace('_', '@')}": round(found[key][shape] / n, 4) for key in found},
        }
        for shape, n in sorted(asked.items())
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
