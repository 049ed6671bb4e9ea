"""The network around children at risk, as a graph (networkx), the ROTH team's questions of
it, and an accessible picture of one child's network drawn server-side as SVG.

Nodes are "p<id>" (a person in the index) and "e<id>" (an entity); every edge is a link from
a child, carrying its source, date and confidence. The picture is always shown beside a table
of the same links (style.md: charts beside tables; no JavaScript).
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import networkx as nx
from django.db.models import Count, Q, QuerySet
from networkx.algorithms.community import greedy_modularity_communities

from frontdoor.outside.codes import Confidence, EntityKind
from frontdoor.outside.models import Entity, NetworkLink
from frontdoor.outside.network_models import NetworkLinkQuerySet
from frontdoor.people.models import Person

WIDTH, HEIGHT = 720, 520
COLOURS = {"child": "#1d70b8", "focus": "#0b0c0c", "adult": "#d4351c", "entity": "#00703c"}
DASHES: dict[str, str] = {
    Confidence.CONFIRMED: "",
    Confidence.PROBABLE: "8 4",
    Confidence.POSSIBLE: "2 4",
}


def node_of(link: NetworkLink) -> str:
    return f"p{link.other_id}" if link.other_id else f"e{link.entity_id}"


def build_graph(links: QuerySet[NetworkLink]) -> "nx.Graph[str]":
    """Children, people and entities joined by their links (one edge per pair, the latest
    link's attributes kept, how many links joined them counted)."""
    graph: nx.Graph[str] = nx.Graph()
    for link in links.select_related("child", "other", "entity").order_by("seen_on", "pk"):
        child = f"p{link.child_id}"
        graph.add_node(child, label=link.child.full_name, kind="child")
        target = node_of(link)
        if link.other is not None:
            kind = "child" if link.other.is_child else "adult"
            graph.add_node(target, label=link.other.full_name, kind=kind)
        elif link.entity is not None:
            graph.add_node(target, label=str(link.entity), kind=link.entity.kind)
        count = graph.edges[child, target]["count"] + 1 if graph.has_edge(child, target) else 1
        graph.add_edge(child, target, link=link, count=count)
    return graph


@dataclass
class Group:
    children: list[str]
    others: list[str]


def connected_groups(graph: "nx.Graph[str]", communities: bool = False) -> list[Group]:
    """Groups of two or more children joined through shared people or places: connected
    components, or (with `communities`) their modularity communities, largest first."""
    parts: list[set[str]]
    if communities and graph.number_of_edges():
        parts = [set(c) for c in greedy_modularity_communities(graph)]
    else:
        parts = [set(c) for c in nx.connected_components(graph)]
    groups = []
    for part in parts:
        children = sorted(
            graph.nodes[n]["label"] for n in part if graph.nodes[n]["kind"] == "child"
        )
        if len(children) >= 2:
            others = sorted(
                graph.nodes[n]["label"] for n in part if graph.nodes[n]["kind"] != "child"
            )
            groups.append(Group(children, others))
    return sorted(groups, key=lambda g: (-len(g.children), g.children))


def adults_linked_to_children(
    links: NetworkLinkQuerySet, least: int = 2
) -> list[tuple[Person, int]]:
    """Adults linked to at least `least` different children, most first."""
    counts = (
        links.to_people()
        .filter(other__kind=Person.Kind.ADULT)
        .values("other")
        .annotate(children=Count("child", distinct=True))
        .filter(children__gte=least)
        .order_by("-children", "other")
    )
    people = Person.objects.in_bulk([row["other"] for row in counts])
    return [(people[row["other"]], row["children"]) for row in counts]


def recurring_places(links: NetworkLinkQuerySet, least: int = 2) -> list[tuple[Entity, int, int]]:
    """Places named in at least `least` return home interviews: (place, interviews, children)."""
    rows = (
        links.from_interviews()
        .filter(entity__kind=EntityKind.PLACE)
        .values("entity")
        .annotate(
            interviews=Count("interview", distinct=True), children=Count("child", distinct=True)
        )
        .filter(interviews__gte=least)
        .order_by("-interviews", "entity")
    )
    places = Entity.objects.in_bulk([row["entity"] for row in rows])
    return [(places[row["entity"]], row["interviews"], row["children"]) for row in rows]


def children_linked_to(entity: Entity, links: QuerySet[NetworkLink]) -> list[dict[str, Any]]:
    """Every child linked to a place (or other entity), with their latest link, newest first."""
    latest: dict[int, NetworkLink] = {}
    counts: Counter[int] = Counter()
    for link in links.filter(entity=entity).select_related("child").order_by("seen_on", "pk"):
        latest[link.child_id] = link
        counts[link.child_id] += 1
    rows = [
        {"child": link.child, "link": link, "links": counts[cid]} for cid, link in latest.items()
    ]
    return sorted(rows, key=lambda row: row["link"].seen_on, reverse=True)


def _layout(focus: str, rings: list[list[str]]) -> dict[str, tuple[float, float]]:
    """The child in the middle, directly linked nodes on the first ring, children linked
    through them on the second: deterministic, so the picture is the same every time."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    places = {focus: (cx, cy)}
    for depth, ring in enumerate(rings, start=1):
        radius = min(cx, cy) * (0.42 if depth == 1 else 0.82)
        for i, node in enumerate(ring):
            angle = 2 * math.pi * i / max(len(ring), 1) - math.pi / 2 + (0.3 if depth == 2 else 0)
            places[node] = (cx + radius * math.cos(angle) * 1.25, cy + radius * math.sin(angle))
    return places


def picture(child: Person, links: QuerySet[NetworkLink]) -> tuple[str, list[NetworkLink]]:
    """The SVG of the child's network (direct links, and children linked through the same
    people and places) and the links it shows, for the table beside it."""
    focus = f"p{child.pk}"
    direct = list(
        links.filter(child=child).select_related("other", "entity").order_by("-seen_on", "pk")
    )
    first = list(dict.fromkeys(node_of(link) for link in direct))
    targets = [link.other_id for link in direct if link.other_id]
    entities = [link.entity_id for link in direct if link.entity_id]
    second_links = list(
        links.exclude(child=child)
        .filter(Q(other_id__in=targets) | Q(entity_id__in=entities))
        .select_related("child", "other", "entity")
        .order_by("-seen_on", "pk")[:40]
    )
    second = [
        n
        for n in dict.fromkeys(f"p{link.child_id}" for link in second_links)
        if n not in first and n != focus
    ]
    places = _layout(focus, [first, second])
    labels = {focus: (child.full_name, "focus")}
    for link in [*direct, *second_links]:
        if link.other is not None:
            labels[f"p{link.other_id}"] = (
                link.other.full_name,
                "child" if link.other.is_child else "adult",
            )
        else:
            labels[f"e{link.entity_id}"] = (str(link.entity), "entity")
        if link.child_id != child.pk:
            labels[f"p{link.child_id}"] = (link.child.full_name, "child")
    return _svg(child, direct + second_links, places, labels), direct + second_links


def _svg(
    child: Person,
    links: list[NetworkLink],
    places: dict[str, tuple[float, float]],
    labels: dict[str, tuple[str, str]],
) -> str:
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="network-title network-desc" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" font-family="arial, sans-serif">',
        f'<title id="network-title">Network of {escape(child.full_name)}</title>',
        f'<desc id="network-desc">{len(links)} links, listed in the table of links on this page: '
        "people and places linked to the child, and other children linked to them.</desc>",
    ]
    for link in links:
        start, end = places.get(f"p{link.child_id}"), places.get(node_of(link))
        if start is None or end is None:
            continue
        dash = DASHES.get(link.confidence, "")
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
            f'stroke="#505a5f" stroke-width="2"{dashes}/>'
        )
    for node, (x, y) in places.items():
        name, kind = labels.get(node, ("", "entity"))
        colour = COLOURS.get(kind, COLOURS["entity"])
        radius = 13 if kind == "focus" else 10
        shape = (
            f'<rect x="{x - 9:.1f}" y="{y - 9:.1f}" width="18" height="18" fill="{colour}"/>'
            if kind == "entity"
            else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}"/>'
        )
        parts.append(shape)
        parts.append(
            f'<text x="{x:.1f}" y="{y + 28:.1f}" text-anchor="middle" font-size="14" '
            'fill="#0b0c0c">'
            f"{escape(name[:32])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def links_by_child(links: QuerySet[NetworkLink]) -> dict[int, list[NetworkLink]]:
    found: dict[int, list[NetworkLink]] = defaultdict(list)
    for link in links.select_related("other", "entity").order_by("-seen_on", "pk"):
        found[link.child_id].append(link)
    return found
