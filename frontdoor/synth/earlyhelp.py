"""Early help in the synthetic council, through the early-help actions only.

Families come to early help the way the app brings them: a front-door decision of early help
(the contacts' own plan) or a step-down when social care closes an episode RC9 (the pathway's
plan) opens the episode through the apps' hooks. This story then gives each episode its
work, back-dated with `at=`: a lead professional, the Family Strengths and Needs assessment,
a first team around the family meeting that agrees the family plan, reviews every six weeks
(a few late), and closure with each outcome's result.

Calibration, by construction: the service holds the profile's families at a time (North
Somerset: 261 families, 384 children, on 31 August 2022, 000_…txt). How long a family stays
is drawn around that stock ÷ the plan's yearly inflow (families decided early help plus RC9
step-downs); then, day by day, when more families are open than the service holds, those
furthest on (open six weeks or more, their assessment done) close early as needs met, and
when fewer, a family due to close stays two weeks more (up to 18 months). The family closed
early is the one that keeps children per family nearest North Somerset's 384 ÷ 261, and a
family of several children due to close stays on while the service has fewer per family.
"""

import datetime as dt
import heapq
import random
from collections.abc import Callable
from itertools import count
from typing import Any

from django.db import models
from django.utils import timezone

from frontdoor.contacts.models import LevelOfNeed
from frontdoor.earlyhelp import actions
from frontdoor.earlyhelp.models import Episode, Member, StepDecision
from frontdoor.synth.plan import Plan
from frontdoor.synth.timing import local

D = dt.date
CHILDREN_PER_FAMILY = 384 / 261
SHORTEST, LONGEST = 42, 540  # days a family stays: six weeks to eighteen months
HEADINGS = {
    "education": 30.0,
    "relationships": 25.0,
    "health": 20.0,
    "early_years": 10.0,
    "financial": 8.0,
    "housing": 7.0,
    "domestic_abuse": 6.0,
    "substance_use": 4.0,
}
OUTCOMES = {
    "education": ("At school every day, on time", "Parent and school"),
    "relationships": ("Calmer evenings: fewer rows at home", "Parent, with the family worker"),
    "health": ("Regular bedtimes and a GP review", "Parent"),
    "early_years": ("Attends the stay and play group weekly", "Parent and children's centre"),
    "financial": ("Benefits checked and debts in a plan", "Family worker"),
    "housing": ("Housing repairs reported and chased", "Parent and housing officer"),
    "domestic_abuse": ("Safety plan agreed with the domestic abuse service", "Parent"),
    "substance_use": ("Appointments kept with the alcohol team", "Parent"),
}


class EarlyHelpStory:
    def __init__(self, plan: Plan, leads: list[Any], managers: list[Any], seed: int) -> None:
        self.plan, self.leads, self.managers = plan, leads, managers
        self.rng = random.Random(f"{seed}-earlyhelp")
        self.as_of = plan.as_of
        self.last_day = timezone.localdate(plan.as_of)
        years = max(1.0, (plan.last - plan.first).days / 365.25)
        families = sum(1 for c in plan.contacts if c.outcome == "early_help")
        families += sum(1 for e in plan.episodes if e.reason == "RC9" and not e.history)
        self.target = plan.profile.early_help_families or 261
        self.mean_days = max(60.0, min(330.0, 365.25 * self.target / max(1.0, families / years)))
        self.open: dict[int, tuple[D, D, Any]] = {}  # episode: (start, planned end, lead)
        self.episodes: dict[int, Episode] = {}
        self.levels = {level.rank: level for level in LevelOfNeed.objects.all()}
        self._events: list[tuple[D, int, Callable[[], Any]]] = []
        self._seq = count()

    # --- what opened an episode --------------------------------------------------------

    def decided(self, contact: Any) -> None:
        """A contact's decision took effect: schedule the episode it opened, if any."""
        episode = Episode.objects.filter(contact=contact).first()
        if episode is not None and episode.pk not in self.episodes:
            self._schedule(episode)

    def closed(self, cin_episode_id: int) -> None:
        """A CIN episode closed: schedule the early help its RC9 step-down opened."""
        step = StepDecision.objects.filter(cin_episode_id=cin_episode_id).first()
        episode = step.episode if step is not None else None
        if episode is not None and episode.cin_episode_id == cin_episode_id:
            self._schedule(episode)

    def run_due(self, day: D) -> None:
        """Store every scheduled piece of work dated before `day` (in date order), keeping
        the service at its size on each day."""
        while self._events and self._events[0][0] < day:
            when, _, work = heapq.heappop(self._events)
            if when > self.last_day:
                continue
            self._hold(when)
            work()

    # --- one family's early help -------------------------------------------------------

    def _at(self, day: D, hour: int = 11) -> dt.datetime:
        return min(local(day, hour, self.rng.randint(0, 59)), self.as_of)

    def _add(self, day: D, work: Callable[[], Any]) -> None:
        heapq.heappush(self._events, (day, next(self._seq), work))

    def _schedule(self, episode: Episode) -> None:
        rng, start = self.rng, episode.start_date
        days = int(min(LONGEST, max(SHORTEST, rng.gammavariate(4.0, self.mean_days / 4.0))))
        end = start + dt.timedelta(days=days)
        lead = rng.choice(self.leads)
        self.open[episode.pk] = (start, end, lead)
        self.episodes[episode.pk] = episode
        manager = rng.choice(self.managers)
        headings = rng.sample(list(HEADINGS), 3)
        begun = start + dt.timedelta(days=rng.randint(2, 10))
        done = begun + dt.timedelta(days=rng.randint(10, 28))
        first = done + dt.timedelta(days=rng.randint(3, 14))
        self._add(
            start,
            self._work(
                episode,
                actions.allocate_lead_professional,
                lead=lead,
                user=manager,
                at=self._at(start, 15),
            ),
        )
        self._add(
            begun,
            self._work(
                episode, actions.start_assessment, started_on=begun, user=lead, at=self._at(begun)
            ),
        )
        self._add(done, self._work(episode, self._complete, day=done, lead=lead, headings=headings))
        self._add(
            first, self._work(episode, self._first_meeting, day=first, lead=lead, headings=headings)
        )
        review = first
        # A few reviews slip (more for the demo login, whose caseload shows one overdue).
        slips = 0.3 if lead.username == "early_help" else 0.1
        for _ in range(LONGEST // 42):
            late = rng.randint(7, 21) if rng.random() < slips else rng.randint(-3, 2)
            review = review + dt.timedelta(weeks=episode.review_weeks, days=late)
            self._add(review, self._work(episode, self._review, day=review, lead=lead))
        self._add(end, self._work(episode, self._close_due, day=end))

    def _work(
        self, episode: Episode, action: Callable[..., Any], **kwargs: Any
    ) -> Callable[[], Any]:
        """Work on an episode, skipped once the family's early help has closed."""

        def run() -> Any:
            if episode.pk not in self.open:
                return None
            return action(episode, **kwargs)

        return run

    def _complete(self, episode: Episode, *, day: D, lead: Any, headings: list[str]) -> None:
        assessment = episode.assessments.still_open().first()
        if assessment is None:
            return
        children = episode.children()
        actions.complete_assessment(
            assessment,
            actions.AssessmentInput(
                completed_on=day,
                level_of_need=self.levels.get(self.rng.choice([2, 2, 3])),
                consent="given",
                family_strengths="A loving family who want things to get better.",
                family_needs="Help with routines, school and getting along at home.",
                family_words="We want a calmer house and the kids in school.",
                headings=headings[:2],
                children={
                    c.pk: actions.ChildPart(
                        voice="I want Mum to be less stressed.", headings=headings[:1]
                    )
                    for c in children
                },
            ),
            user=lead,
            at=self._at(day),
        )

    def _first_meeting(self, episode: Episode, *, day: D, lead: Any, headings: list[str]) -> None:
        actions.record_taf_meeting(
            episode,
            held_on=day,
            agencies=[],
            family_attended=True,
            child_attended=self.rng.random() < 0.3,
            notes="Family plan agreed.",
            scores={},
            user=lead,
            at=self._at(day),
        )
        due = day + dt.timedelta(weeks=12)
        actions.add_plan_outcomes(
            episode,
            [actions.OutcomeInput(h, *OUTCOMES[h], due) for h in headings],
            on=day,
            user=lead,
            at=self._at(day, 12),
        )

    def _review(self, episode: Episode, *, day: D, lead: Any) -> None:
        outcomes = list(episode.outcomes.still_open().filter(added_on__lte=day))
        scores = {o.pk: self.rng.randint(3, 9) for o in outcomes}
        actions.record_taf_meeting(
            episode,
            held_on=day,
            agencies=[],
            family_attended=True,
            child_attended=False,
            notes="Plan reviewed.",
            scores=scores,
            user=lead,
            at=self._at(day),
        )

    def _close_due(self, episode: Episode, *, day: D) -> None:
        """The planned end: a family stays on while the service has room (18 months at most)."""
        start, end, lead = self.open[episode.pk]
        if end != day:
            return  # rescheduled
        if (day - start).days < LONGEST - 14 and (
            len(self.open) < self.target or self._keeps_children(episode)
        ):
            later = day + dt.timedelta(days=14)
            self.open[episode.pk] = (start, later, lead)
            self._add(later, self._work(episode, self._close_due, day=later))
            return
        self._close(episode, day)

    def _keeps_children(self, episode: Episode) -> bool:
        """A family of several children stays on while the service holds fewer children per
        family than the profile (the families closed early meanwhile are the smallest)."""
        if self.rng.random() < 0.25:
            return False
        members = Member.objects.currently_open()
        if members.filter(episode=episode).count() < 2:
            return False
        return members.count() < CHILDREN_PER_FAMILY * len(self.open)

    def _close(self, episode: Episode, day: D, reason: str = "") -> bool:
        if episode.assessments.still_open().exists():
            return False
        rng = self.rng
        reason = (
            reason
            or rng.choices(["needs_met", "declined", "moved_away", "other"], [75, 15, 6, 4])[0]
        )
        outcomes = list(episode.outcomes.still_open())
        results = {
            o.pk: rng.choices(["achieved", "partly", "not_achieved"], [60, 30, 10])[0]
            for o in outcomes
        }
        achieved = [o.heading for o in outcomes if results[o.pk] == "achieved"]
        lead = self.open[episode.pk][2]
        actions.close_episode(
            episode,
            closure_date=day,
            reason=reason,
            results=results,
            achieved=achieved,
            note="",
            user=lead,
            at=self._at(day, 16),
        )
        del self.open[episode.pk]
        return True

    def _hold(self, day: D) -> None:
        """While the service holds more families than the profile, close the family furthest
        on (open six weeks or more), keeping children per family near the profile's."""
        tried: set[int] = set()
        while len(self.open) > self.target:
            ready = sorted(
                (end, pk)
                for pk, (start, end, _) in self.open.items()
                if (day - start).days >= SHORTEST and pk not in tried
            )
            if not ready:
                return
            sizes = dict(
                Member.objects.currently_open()
                .filter(episode_id__in=[pk for _, pk in ready])
                .values_list("episode_id")
                .annotate(n=models.Count("pk"))
            )
            children = Member.objects.currently_open().count()
            many = children / max(1, len(self.open)) > CHILDREN_PER_FAMILY
            pk = (max if many else min)(
                ready, key=lambda r: (sizes.get(r[1], 0), -r[0].toordinal())
            )[1]
            tried.add(pk)
            self._close(self.episodes[pk], day, reason="needs_met")
