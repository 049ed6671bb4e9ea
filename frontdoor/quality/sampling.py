"""Drawing a programme's sample: reproducible from its seed, never an auditor's own decision.

The draw is a pure function of (the programme, the contacts it may choose from, the seed):
the pool is sorted by id and shuffled by `random.Random(seed)`, so the same seed over the
same records draws the same sample. A stratified draw shuffles each group (outcome, RAG or
team) and takes from each in proportion to its size (largest remainder), the rest kept as
reserves. Each chosen contact goes to the auditor with the fewest so far who took no part in
it (did not record, triage, recommend or authorise its decision); a contact every auditor
took part in is passed over.
"""

import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from frontdoor.contacts.models import Contact, Decision
from frontdoor.quality.codes import Method, Stratum
from frontdoor.quality.models import Programme
from frontdoor.quality.targets import TARGETS, decided_in


@dataclass(frozen=True)
class Drawn:
    population: int
    chosen: list[tuple[int, int]]  # (contact id, auditor id), in draw order


def pool_for(programme: Programme) -> list[int]:
    """The ids of the contacts the programme's sample is drawn from."""
    first, last = programme.month, programme.last_day()
    if programme.method == Method.TARGETED:
        contacts = TARGETS[programme.target].contacts(first, last)
    else:
        contacts = decided_in(first, last)
    return sorted(set(contacts.values_list("pk", flat=True)))


def involvement(contact_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each contact, the users who took part in its decision."""
    ids = list(contact_ids)
    involved: dict[int, set[int]] = defaultdict(set)
    for pk, *users in Contact.objects.filter(pk__in=ids).values_list(
        "pk", "created_by", "triaged_by"
    ):
        involved[pk].update(u for u in users if u)
    for pk, *users in Decision.objects.filter(contact__in=ids).values_list(
        "contact", "recorded_by", "authorised_by"
    ):
        involved[pk].update(u for u in users if u)
    return involved


def _strata(programme: Programme, pool: list[int]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    if programme.stratum == Stratum.TEAM:
        rows = Decision.objects.current().filter(contact__in=pool)
        teams = dict(rows.values_list("contact", "recorded_by__team"))
        for pk in pool:
            groups[str(teams.get(pk) or "")].append(pk)
        return groups
    field = "rag" if programme.stratum == Stratum.RAG else "outcome"
    values = dict(Contact.objects.filter(pk__in=pool).values_list("pk", field))
    for pk in pool:
        groups[values[pk] or ""].append(pk)
    return groups


def _ordered(programme: Programme, pool: list[int], rng: random.Random) -> list[int]:
    if programme.method != Method.STRATIFIED:
        order = list(pool)
        rng.shuffle(order)
        return order
    groups = _strata(programme, pool)
    for key in sorted(groups):
        rng.shuffle(groups[key])
    total, count = len(pool), min(programme.count, len(pool))
    exact = {key: count * len(groups[key]) / total for key in groups} if total else {}
    quota = {key: int(share) for key, share in exact.items()}
    by_remainder = sorted(exact, key=lambda key: (-(exact[key] - quota[key]), key))
    for key in by_remainder[: count - sum(quota.values())]:
        quota[key] += 1
    first = [pk for key in sorted(groups) for pk in groups[key][: quota[key]]]
    reserves = [pk for key in sorted(groups) for pk in groups[key][quota[key] :]]
    rng.shuffle(reserves)
    return first + reserves


def draw(programme: Programme, seed: int, auditor_ids: list[int]) -> Drawn:
    """The sample `seed` draws for `programme`, each contact with its auditor."""
    pool = pool_for(programme)
    rng = random.Random(seed)
    order = _ordered(programme, pool, rng)
    involved = involvement(pool)
    auditors = sorted(auditor_ids)
    load = dict.fromkeys(auditors, 0)
    chosen: list[tuple[int, int]] = []
    for pk in order:
        if len(chosen) >= programme.count:
            break
        free = [a for a in auditors if a not in involved.get(pk, set())]
        if not free:
            continue
        auditor = min(free, key=lambda a: (load[a], auditors.index(a)))
        load[auditor] += 1
        chosen.append((pk, auditor))
    return Drawn(len(pool), chosen)
