"""How many of the search benchmark's questions could any search answer in its top ten?

    DATABASE_URL=postgres://... uv run python bench/search_ceiling.py --people 2000000

Asks the same questions as `frontdoor bench search` (same seed, same people, which must
already be loaded by it) and, for each, counts the other people who are *exactly* the
child on everything the question gives: the same forename and surname (where typed), and
the same date of birth, age or postcode as the shape has. A postcode counts as far as the
one typed is the child's: all of it, its sector or its district (the benchmark's people
have one address, so an old postcode elsewhere is not in the data). If k others are
indistinguishable, a search that ranks perfectly, with every name typed without a slip,
still puts the child in the top ten of k + 1 equals only min(1, 10 / (k + 1)) of the time.
The mean of that over the questions is the ceiling on recall@10 that the questions
themselves set; typos, nicknames and swapped dates only lower what is reachable. Prints
one JSON object on the last line. Results: docs/benchmarks.md.
"""

import argparse
import datetime as dt
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
    from frontdoor.people.matching import parse_search
    from frontdoor.people.models import Person
    from frontdoor.people.search_keys import first_given_name, fold
    from frontdoor.synth.bench.search import AS_OF, load_people, noisy_question
    from frontdoor.synth.linkage import Generator

    entries = load_people(options.people, options.seed, options.names)
    rng = random.Random(options.seed + 1)
    generator = Generator(options.seed + 2, options.names)
    ceiling: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for _ in range(options.queries):
        _, entry = entries[rng.randrange(len(entries))]
        shape, text = noisy_question(generator, entry, rng)
        child = entry.child
        asked[shape] += 1
        if shape == "NHS number":
            ceiling[shape] += 1.0
            continue
        typed = parse_search(text, as_of=AS_OF)
        same = Person.objects.filter(merged_into__isnull=True, la_child_id__startswith="SB")
        if typed.family_name or typed.name:  # a name left out tells nothing
            same = same.filter(search_family_name=fold(child.surname))
        if typed.given_name:
            same = same.filter(search_given_name=first_given_name(child.given))
        if "date of birth" in shape:
            same = same.filter(date_of_birth=child.born)
        if shape == "name + age":
            born = child.born
            age = AS_OF.year - born.year - ((AS_OF.month, AS_OF.day) < (born.month, born.day))
            last = dt.date(AS_OF.year - age, AS_OF.month, AS_OF.day)  # AS_OF is 1 January
            first = dt.date(last.year - 1, last.month, last.day) + dt.timedelta(days=1)
            same = same.filter(date_of_birth__range=(first, last))
        if "postcode" in shape and typed.postcode:  # as much of it as is the child's
            where = child.postcode
            for part in (where, where[:-2], where.split(" ")[0] + " "):
                if typed.postcode.startswith(part):
                    same = same.filter(
                        residences__household__postcode__startswith=part,
                        residences__end_date__isnull=True,
                    )
                    break
        others = max(0, same.count() - 1)
        ceiling[shape] += min(1.0, 10 / (others + 1))
    print(
        json.dumps(
            {
                "people": options.people,
                "queries": options.queries,
                "recall_at_10_ceiling": round(sum(ceiling.values()) / options.queries, 4),
                "by_shape": {
                    shape: {"queries": n, "ceiling": round(ceiling[shape] / n, 4)}
                    for shape, n in sorted(asked.items())
                },
            }
        )
    )


if __name__ == "__main__":
    main()
