"""Which of the search benchmark's questions does the search miss, and what did each get
wrong?

    DATABASE_URL=postgres://... uv run python bench/search_misses.py --people 2000000

Asks the same questions as `frontdoor bench search` (same seed, same people, which must
already be loaded by it) and, for each child not in the first ten results, prints the
question, the child and what the question got wrong compared with the child: the surname
right, misspelt (similar), changed (another surname) or not typed; and, where a postcode was
typed, whether it is in another district. Prints one JSON object on the last line: recall@10
and the misses counted by shape and kind. Results: docs/benchmarks.md.
"""

import argparse
import difflib
import json
import os
import random
from collections import Counter


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
    from frontdoor.people.matching import parse_search, search_people
    from frontdoor.people.models import Person
    from frontdoor.people.search_keys import fold
    from frontdoor.synth.bench.search import AS_OF, load_people, noisy_question
    from frontdoor.synth.linkage import Generator

    entries = load_people(options.people, options.seed, options.names)
    rng = random.Random(options.seed + 1)
    generator = Generator(options.seed + 2, options.names)
    everyone = Person.objects.all()
    missed: Counter[str] = Counter()
    found = 0
    for _ in range(options.queries):
        truth, entry = entries[rng.randrange(len(entries))]
        shape, text = noisy_question(generator, entry, rng)
        listed = [c.person.pk for c in search_people(everyone, text, limit=10, as_of=AS_OF)]
        if truth in listed:
            found += 1
            continue
        child = entry.child
        typed = parse_search(text, as_of=AS_OF)
        # One name typed is the surname in "surname d/m/yyyy", the forename otherwise.
        alone = typed.name if shape.startswith("surname") else ""
        surname, actual = fold(typed.family_name or alone or ""), fold(child.surname)
        if not surname:
            kind = "no surname typed"
        elif surname == actual or surname in actual.split("-"):
            kind = "surname right"
        elif difflib.SequenceMatcher(None, surname, actual).ratio() >= 0.7:
            kind = "surname misspelt"
        else:
            kind = "surname changed"
        district = (typed.postcode or "").split(" ")[0]
        if district and not child.postcode.startswith(district + " "):
            kind += ", postcode in another district"
        missed[f"{shape} / {kind}"] += 1
        print(
            f"missed [{shape}] [{kind}] {text!r}: {child.given} {child.surname}, "
            f"{child.born.isoformat()}, {child.postcode}"
        )
    print(
        json.dumps(
            {
                "people": options.people,
                "queries": options.queries,
                "recall_at_10": round(found / options.queries, 4),
                "missed": dict(sorted(missed.items())),
            }
        )
    )


if __name__ == "__main__":
    main()
