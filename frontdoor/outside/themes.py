"""The strategic picture (Ofsted: "the themes arising from return home interviews are not yet
being analysed"; "an incomplete picture of the extent of the problem"): push and pull themes
over time and by area, missing episodes by child and by place, exploitation levels by area.
Each is a table, drawn beside it as a server-side SVG bar chart."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.db.models import Count

from frontdoor.lib.identifiers import outward_code
from frontdoor.outside.codes import EntityKind, Level
from frontdoor.outside.models import MissingEpisode, NetworkLink, ReturnInterview, Screening
from frontdoor.people.models import Residence


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[tuple[str, list[int]]]

    def chart(self) -> str:
        """Horizontal bars of the first number column, one per row (the table repeats it)."""
        rows = self.rows[:15]
        if not rows:
            return ""
        top = max(values[0] for _, values in rows) or 1
        height, bar = 26 * len(rows) + 10, 24
        parts = [
            '<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="{self.key}-chart" '
            f'viewBox="0 0 640 {height}" width="640" height="{height}" '
            'font-family="arial, sans-serif">',
            f'<title id="{self.key}-chart">Bar chart of "{escape(self.columns[0])}" in the table '
            f"{escape(self.title)}, which lists the same numbers.</title>",
        ]
        for i, (label, values) in enumerate(rows):
            y = 5 + i * 26
            width = 380 * values[0] / top
            parts.append(
                f'<text x="200" y="{y + 17}" text-anchor="end" font-size="14" '
                f'fill="#0b0c0c">{escape(label[:28])}</text>'
            )
            parts.append(
                f'<rect x="210" y="{y}" width="{width:.1f}" height="{bar - 4}" fill="#1d70b8"/>'
            )
            parts.append(
                f'<text x="{216 + width:.1f}" y="{y + 17}" font-size="14" '
                f'fill="#0b0c0c">{values[0]}</text>'
            )
        parts.append("</svg>")
        return "".join(parts)


def _areas(person_ids: set[int]) -> dict[int, str]:
    """Each child's postcode district (BS23) from their current address."""
    found: dict[int, str] = {}
    for person_id, postcode in Residence.objects.filter(
        person_id__in=person_ids, end_date__isnull=True
    ).values_list("person_id", "household__postcode"):
        found[person_id] = outward_code(postcode) or "Not known"
    return found


def factor_themes(first: dt.date, last: dt.date) -> Table:
    interviews = ReturnInterview.objects.filter(held_at__date__gte=first, held_at__date__lte=last)
    rows = (
        interviews.values("factors__name", "factors__direction")
        .exclude(factors__name=None)
        .annotate(n=Count("pk"), children=Count("episode__person", distinct=True))
        .order_by("-n", "factors__name")
    )
    return Table(
        "themes",
        "Push and pull factors in return home interviews",
        ["Interviews", "Children"],
        [
            (f"{r['factors__name']} ({r['factors__direction']})", [r["n"], r["children"]])
            for r in rows
        ],
    )


def themes_by_quarter(first: dt.date, last: dt.date) -> Table:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for held, name in (
        ReturnInterview.objects.filter(held_at__date__gte=first, held_at__date__lte=last)
        .exclude(factors__name=None)
        .values_list("held_at", "factors__name")
    ):
        if held is None:
            continue
        quarter = f"{held.year} Q{(held.month - 1) // 3 + 1}"
        counts[quarter][name] += 1
    rows = [
        (quarter, [sum(c.values()), c.most_common(1)[0][1]])
        for quarter, c in sorted(counts.items())
    ]
    labels = {q: c.most_common(1)[0][0] for q, c in counts.items()}
    return Table(
        "quarters",
        "Push and pull factors recorded, by quarter",
        ["Factors recorded", "Most common factor (count)"],
        [(f"{q}: most often {labels[q]}", values) for q, values in rows],
    )


def themes_by_area(first: dt.date, last: dt.date) -> Table:
    """Push and pull factors by the child's home area, with the most common in each."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    rows = list(
        ReturnInterview.objects.filter(held_at__date__gte=first, held_at__date__lte=last)
        .exclude(factors__name=None)
        .values_list("episode__person_id", "factors__name")
    )
    areas = _areas({person_id for person_id, _ in rows})
    for person_id, name in rows:
        counts[areas.get(person_id, "Not known")][name] += 1
    table = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return Table(
        "theme-areas",
        "Push and pull factors by the child's home area",
        ["Factors recorded", "Most common factor (count)"],
        [
            (
                f"{area}: most often {c.most_common(1)[0][0]}",
                [sum(c.values()), c.most_common(1)[0][1]],
            )
            for area, c in table
        ],
    )


def episodes_by_area(first: dt.date, last: dt.date) -> Table:
    episodes = MissingEpisode.objects.counted().started_between(first, last)
    per_child = Counter(episodes.values_list("person_id", flat=True))
    areas = _areas(set(per_child))
    by_area: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person_id, n in per_child.items():
        row = by_area[areas.get(person_id, "Not known")]
        row[0] += n
        row[1] += 1
    rows = sorted(by_area.items(), key=lambda item: (-item[1][0], item[0]))
    return Table(
        "areas", "Missing episodes by the child's home area", ["Episodes", "Children"], rows
    )


def episodes_by_child(first: dt.date, last: dt.date) -> Table:
    episodes = MissingEpisode.objects.counted().started_between(first, last)
    per_child = Counter(episodes.values_list("person_id", flat=True))
    bands = Counter(
        "1" if n == 1 else "2 to 4" if n <= 4 else "5 to 9" if n <= 9 else "10 or more"
        for n in per_child.values()
    )
    order = ["1", "2 to 4", "5 to 9", "10 or more"]
    return Table(
        "per-child",
        "Children by how often they went missing",
        ["Children"],
        [(f"{band} episodes", [bands[band]]) for band in order if bands[band]],
    )


def episodes_by_place(first: dt.date, last: dt.date) -> Table:
    rows = (
        NetworkLink.objects.to_entities()
        .seen_between(first, last)
        .filter(entity__kind=EntityKind.PLACE)
        .values("entity__name", "entity__postcode")
        .annotate(links=Count("pk"), children=Count("child", distinct=True))
        .order_by("-links", "entity__name")[:20]
    )
    return Table(
        "places",
        "Places linked to children (return home interviews, where found, police)",
        ["Links", "Children"],
        [
            (f"{r['entity__name']} {r['entity__postcode']}".strip(), [r["links"], r["children"]])
            for r in rows
        ],
    )


def levels_by_area(first: dt.date, last: dt.date) -> Table:
    latest = Screening.objects.screened_between(first, last).latest_per_child()
    people = dict(latest.values_list("person_id", "final_level"))
    areas = _areas(set(people))
    by_area: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    index = {Level.HIGH: 0, Level.MEDIUM: 1, Level.LOW: 2}
    for person_id, level in latest.values_list("person_id", "final_level"):
        by_area[areas.get(person_id, "Not known")][index[Level(level)]] += 1
    rows = sorted(by_area.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    return Table(
        "levels", "Children screened, by level and home area", ["High", "Medium", "Low"], rows
    )


def all_tables(first: dt.date, last: dt.date) -> list[Table]:
    return [
        factor_themes(first, last),
        themes_by_quarter(first, last),
        themes_by_area(first, last),
        episodes_by_child(first, last),
        episodes_by_area(first, last),
        episodes_by_place(first, last),
        levels_by_area(first, last),
    ]
