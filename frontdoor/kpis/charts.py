"""Charts drawn on the server as accessible SVG (no JavaScript), always shown beside a
table of the same numbers. A chart is an image with a title and a one-line description;
the table is what a screen reader reads, so the SVG's marks are hidden from it.

Hand-written rather than Altair/vl-convert: two chart shapes (bars by month, grouped or
stacked; a line for a 12-month trend) fit in a page of code and add no dependency.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

# GOV.UK colours with at least 3:1 contrast against white (WCAG 1.4.11 non-text contrast).
COLOURS = ["#1d70b8", "#f47738", "#00703c", "#d4351c", "#4c2c92", "#505a5f"]
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 260, 44, 40, 12


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | int | None]


def _scale(top: float) -> float:
    """A round axis maximum at or above `top`."""
    if top <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top <= step * 5:
            return float(step * 5)
    return float(top)


def _frame(title: str, description: str, body: list[str], labels: Sequence[str], top: float) -> str:
    uid = "chart-" + hashlib.sha1(f"{title}|{description}".encode()).hexdigest()[:10]
    plot_h = HEIGHT - BOTTOM - TOP
    parts = [
        f'<svg class="fd-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg" '
        'width="100%" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(description)} '
        "The table beside it has the same figures.</desc>",
    ]
    for i in range(6):
        value = top * i / 5
        y = TOP + plot_h - plot_h * i / 5
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="#b1b4b6" '
            'stroke-width="1"/>'
        )
        shown = f"{value:g}"
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#0b0c0c">{shown}</text>'
        )
    slot = (WIDTH - LEFT) / max(len(labels), 1)
    for i, label in enumerate(labels):
        x = LEFT + slot * (i + 0.5)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" text-anchor="middle" '
            f'fill="#0b0c0c">{escape(label)}</text>'
        )
    parts.extend(body)
    parts.append("</svg>")
    return "".join(parts)


def legend(series: Sequence[Series]) -> Markup:
    """A key for the colours, as HTML under the chart."""
    items = "".join(
        f'<li class="fd-legend__item"><span class="fd-legend__swatch '
        f'fd-legend__swatch--{i % len(COLOURS)}"></span>{escape(s.name)}</li>'
        for i, s in enumerate(series)
    )
    return Markup(f'<ul class="fd-legend govuk-list govuk-body-s">{items}</ul>')


def bars(
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    stacked: bool = False,
) -> Markup:
    """Bars by category (months): side by side, or stacked."""
    totals = [
        sum((s.values[i] or 0) for s in series)
        if stacked
        else max((s.values[i] or 0) for s in series)
        for i in range(len(labels))
    ] or [0]
    top = _scale(max(totals))
    plot_h = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / max(len(labels), 1)
    body: list[str] = []
    for i in range(len(labels)):
        base = 0.0
        width = slot * 0.7 / (1 if stacked else max(len(series), 1))
        for j, s in enumerate(series):
            value = float(s.values[i] or 0)
            h = plot_h * value / top
            x = LEFT + slot * i + slot * 0.15 + (0 if stacked else width * j)
            y = TOP + plot_h - h - (plot_h * base / top if stacked else 0)
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[j % len(COLOURS)]}"/>'
            )
            if stacked:
                base += value
    return Markup(_frame(title, description, body, labels, top))


def line(title: str, description: str, labels: Sequence[str], series: Sequence[Series]) -> Markup:
    """Lines over months (a trend); a missing value breaks the line."""
    values = [float(v) for s in series for v in s.values if v is not None] or [0.0]
    top = _scale(max(values))
    plot_h = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / max(len(labels), 1)
    body: list[str] = []
    for j, s in enumerate(series):
        colour = COLOURS[j % len(COLOURS)]
        points = [
            (LEFT + slot * (i + 0.5), TOP + plot_h - plot_h * float(v) / top)
            for i, v in enumerate(s.values)
            if v is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"/>'
            )
        body.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>' for x, y in points)
    return Markup(_frame(title, description, body, labels, top))
