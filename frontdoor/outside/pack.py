"""The meeting that prepares itself: the pack for a weekly missing meeting or a MACE panel,
built from the records in a few queries, shown as a page and as a tagged PDF.

A weekly missing meeting's pack lists every child missing since the last meeting (or in the
7 days before the first), with their episodes, the return home interview's status and what
the child said, push and pull themes, linked people and places, screening levels, prompts
and open actions. A MACE pack lists the children and contexts referred to it since the last
panel and the children screened at high.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from frontdoor.outside.codes import Level, MeetingKind
from frontdoor.outside.models import (
    ContextReferral,
    Meeting,
    MeetingAction,
    MissingEpisode,
    NetworkLink,
    PushPullFactor,
    Screening,
)
from frontdoor.outside.network import recurring_places
from frontdoor.outside.prompts import Prompt, prompts_for
from frontdoor.people.models import Person


@dataclass
class ChildItem:
    person: Person
    episodes: list[MissingEpisode] = field(default_factory=list)
    screenings: list[Screening] = field(default_factory=list)
    links: list[NetworkLink] = field(default_factory=list)
    factors: Counter[str] = field(default_factory=Counter)
    open_actions: list[MeetingAction] = field(default_factory=list)
    prompt: Prompt | None = None
    referral: ContextReferral | None = None


@dataclass
class Pack:
    meeting: Meeting
    children: list[ChildItem]
    themes: list[tuple[str, str, int]]  # factor, push or pull, children
    places: list[tuple[Any, int, int]]
    contexts: list[ContextReferral]
    context_actions: list[MeetingAction]


def _children_in_scope(meeting: Meeting) -> list[int]:
    first, last = meeting.covers_from, meeting.held_on
    if meeting.kind == MeetingKind.WEEKLY_MISSING:
        return sorted(
            set(
                MissingEpisode.objects.filter(
                    started_on__gte=first, started_on__lte=last
                ).values_list("person_id", flat=True)
            )
            | set(
                MissingEpisode.objects.filter(ended_on__gte=first, ended_on__lte=last).values_list(
                    "person_id", flat=True
                )
            )
        )
    referred = ContextReferral.objects.filter(
        person__isnull=False, referred_at__date__gte=first, referred_at__date__lte=last
    ).values_list("person_id", flat=True)
    high = Screening.objects.screened_between(first, last).filter(final_level=Level.HIGH)
    return sorted(set(referred) | set(high.values_list("person_id", flat=True)))


def build_pack(meeting: Meeting, visible_people: Any) -> Pack:
    """Everything the meeting needs about each child it covers (of those `visible_people`
    the reader may see), and the themes across them."""
    scope = _children_in_scope(meeting)
    allowed = set(visible_people.filter(pk__in=scope).values_list("pk", flat=True))
    ids = [pid for pid in scope if pid in allowed]
    people = Person.objects.in_bulk(ids)
    items = {pid: ChildItem(people[pid]) for pid in ids}
    episodes = (
        MissingEpisode.objects.filter(person_id__in=ids, started_on__lte=meeting.held_on)
        .filter(started_on__gte=meeting.covers_from - dt.timedelta(days=90))
        .select_related("interview__interviewer", "interview__allocated_to", "reported_by_agency")
        .prefetch_related(Prefetch("interview__factors", queryset=PushPullFactor.objects.all()))
        .order_by("-started_on", "-pk")
    )
    for episode in episodes:
        items[episode.person_id].episodes.append(episode)
        interview = getattr(episode, "interview", None)
        episode.found_interview = interview  # type: ignore[attr-defined]  # for the templates
        if interview is not None:
            for factor in interview.factors.all():
                items[episode.person_id].factors[factor.name] += 1
    for screening in Screening.objects.filter(person_id__in=ids).latest_per_child():
        items[screening.person_id].screenings.append(screening)
    for link in (
        NetworkLink.objects.filter(child_id__in=ids)
        .select_related("other", "entity")
        .order_by("-seen_on")[:2000]
    ):
        items[link.child_id].links.append(link)
    open_actions = MeetingAction.objects.still_open().select_related("note__meeting")
    for action in open_actions.filter(note__person_id__in=ids):
        if action.note.person_id is not None:
            items[action.note.person_id].open_actions.append(action)
    for pid, prompt in prompts_for(ids, meeting.held_on).items():
        items[pid].prompt = prompt
    themes: Counter[tuple[str, str]] = Counter()
    directions = dict(PushPullFactor.objects.values_list("name", "direction"))
    for item in items.values():
        for name in item.factors:
            themes[(name, directions.get(name, ""))] += 1
    contexts = list(
        ContextReferral.objects.filter(
            entity__isnull=False,
            referred_at__date__lte=meeting.held_on,
            referred_at__date__gte=meeting.covers_from,
        ).select_related("entity")
    )
    recent = NetworkLink.objects.filter(child_id__in=ids)
    return Pack(
        meeting=meeting,
        children=sorted(
            items.values(),
            key=lambda i: (i.prompt is None, i.person.family_name, i.person.given_name),
        ),
        themes=[(name, direction, n) for (name, direction), n in themes.most_common()],
        places=recurring_places(recent),
        contexts=contexts,
        context_actions=list(
            open_actions.filter(note__entity__isnull=False).select_related("note__entity")
        ),
    )


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """A tagged PDF (PDF/UA-1: a structure tree and the document's language) of the pack."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]
