"""The monthly learning summary for the team meeting: audits, grades, themes, actions."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from frontdoor.lib.dates import local_day_bounds
from frontdoor.quality.codes import Grade
from frontdoor.quality.models import Audit, LearningAction, Theme


def month_end(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


@dataclass
class Summary:
    month: dt.date
    audits: int = 0
    grades: list[tuple[str, int]] = field(default_factory=list)
    different_decision: int = 0
    child_unsafe: int = 0
    themes: list[tuple[str, int]] = field(default_factory=list)
    actions_set: int = 0
    actions_open: int = 0
    actions_overdue: int = 0


def summary(month: dt.date, today: dt.date) -> Summary:
    """What the audits completed in `month` found (no child is named)."""
    month = month.replace(day=1)
    audits = Audit.objects.completed().completed_between(*local_day_bounds(month, month_end(month)))
    grades = Counter(audits.values_list("grade", flat=True))
    themes = (
        Theme.objects.filter(audits__in=audits)
        .annotate(n=Count("audits"))
        .order_by("-n", "name")
        .values_list("name", "n")
    )
    actions = LearningAction.objects.filter(audit__in=audits)
    return Summary(
        month=month,
        audits=audits.count(),
        grades=[(label, grades.get(value, 0)) for value, label in Grade.choices],
        different_decision=audits.filter(same_decision=False).count(),
        child_unsafe=audits.filter(child_unsafe=True).count(),
        themes=list(themes),
        actions_set=actions.count(),
        actions_open=actions.open().count(),
        actions_overdue=actions.overdue(today).count(),
    )


def render_pdf(html: str, base_url: str) -> bytes:
    """A tagged PDF (PDF/UA-1: structure tree, document language, title)."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]
