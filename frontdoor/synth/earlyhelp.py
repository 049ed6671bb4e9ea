"""Early help in the synthetic council, through the early-help actions only.

Families come to early help the way the app brings them: a front-door decision of early help
(the contacts' own plan) or a step-down when social care closes an episode RC9 (the pathway's
plan) opens the episode through the apps' hooks. This story then gives each episode its
work, back-dated with `at=`: a lead professional, the Family Strengths and Needs assessment,
a first team around the family meeting that agrees the family plan, reviews every six weeks
(a few late), and closure with each outcome's result.

Calibration: how long a family stays is drawn around a mean set so that the service holds the
profile's families at a time (North Somerset: 261 on 31 August 2022, 000_…txt): the mean is
that stock ÷ the plan's yearly inflow (families decided early help plus RC9 step-downs).
"""

import datetime as dt
import heapq
import random
from collections.abc import Callable
from itertools import count
from typing import Any

from django.utils import timezone

from frontdoor.earlyhelp import actions
from frontdoor.earlyhelp.models import Episode, StepDecision
from frontdoor.synth.plan import Plan
from frontdoor.synth.timing import local

D = dt.date
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
        years = max(1.0, (plan.last - plan.first).days / 365.25)
        families = sum(1 for c in plan.contacts if c.outcome == "early_help")
        families += sum(1 for e in plan.episodes if e.reason == "RC9" and not e.history)
        target = plan.profile.early_help_families or 261
        self.mean_days = max(45.0, min(330.0, 365.25 * target * 1.02 / max(1.0, families / years)))
        self._events: list[tuple[D, int, Callable[[], Any]]] = []
        self._seq = count()

    # --- what opened an episode --------------------------------------------------------

    def decided(self, contact: Any) -> None:
        """A contact's decision took effect: schedule the episode it opened, if any."""
        episode = Episode.objects.filter(contact=contact).first()
        if episode is not None:
            self._schedule(episode)

    def closed(self, cin_episode_id: int) -> None:
        """A CIN episode closed: schedule the early help its RC9 step-down opened."""
        step = StepDecision.objects.filter(cin_episode_id=cin_episode_id).first()
        if (
            step is not None
            and step.episode is not None
            and step.episode.cin_episode_id == cin_episode_id
        ):
            self._schedule(step.episode)

    def run_due(self, day: D) -> None:
        """Store every scheduled piece of work dated before `day` (in date order)."""
        while self._events and self._events[0][0] < day:
            when, _, work = heapq.heappop(self._events)
            if when <= timezone.localdate(self.as_of):
                work()

    # --- one family's early help -------------------------------------------------------

    def _at(self, day: D, hour: int = 11) -> dt.datetime:
        return min(local(day, hour, self.rng.randint(0, 59)), self.as_of)

    def _add(self, day: D, work: Callable[[], Any]) -> None:
        heapq.heappush(self._events, (day, next(self._seq), work))

    def _schedule(self, episode: Episode) -> None:
        rng, start = self.rng, episode.start_date
        days = int(min(540, max(42, rng.gammavariate(4.0, self.mean_days / 4.0))))
        end = start + dt.timedelta(days=days)
        lead = rng.choice(self.leads)
        manager = rng.choice(self.managers)
        headings = rng.sample(list(HEADINGS), 3)
        self._add(
            start,
            lambda: self._safely(
                actions.allocate_lead_professional,
                episode,
                lead=lead,
                user=manager,
                at=self._at(start, 15),
            ),
        )
        begun = start + dt.timedelta(days=rng.randint(2, 10))
        done = begun + dt.timedelta(days=rng.randint(10, 30))
        self._add(
            begun,
            lambda: self._safely(
                actions.start_assessment, episode, started_on=begun, user=lead, at=self._at(begun)
            ),
        )
        self._add(done, lambda: self._complete(episode, done, lead, headings))
        first = done + dt.timedelta(days=rng.randint(3, 14))
        self._add(first, lambda: self._first_meeting(episode, first, lead, headings))
        review = first
        while True:
            late = rng.randint(7, 21) if rng.random() < 0.08 else rng.randint(-3, 2)
            review = review + dt.timedelta(weeks=episode.review_weeks, days=late)
            if review >= end:
                break
            self._add(review, self._reviewing(episode, review, lead))
        self._add(end, lambda: self._close(episode, end, lead))

    def _reviewing(self, episode: Episode, day: D, lead: Any) -> Callable[[], Any]:
        return lambda: self._review(episode, day, lead)

    def _safely(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Skip work on an episode that has closed meanwhile (a step-up, say)."""
        episode = Episode.objects.get(pk=args[0].pk)
        if not episode.is_open:
            return None
        return action(episode, *args[1:], **kwargs)

    def _complete(self, episode: Episode, day: D, lead: Any, headings: list[str]) -> None:
        episode = Episode.objects.get(pk=episode.pk)
        assessment = episode.assessments.still_open().first()
        if not episode.is_open or assessment is None:
            return
        from frontdoor.contacts.models import LevelOfNeed

        children = episode.children()
        actions.complete_assessment(
            assessment,
            actions.AssessmentInput(
                completed_on=day,
                level_of_need=LevelOfNeed.objects.filter(rank=self.rng.choice([2, 2, 3])).first(),
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

    def _first_meeting(self, episode: Episode, day: D, lead: Any, headings: list[str]) -> None:
        episode = Episode.objects.get(pk=episode.pk)
        if not episode.is_open:
            return
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
            at=self._at(day),
        )

    def _review(self, episode: Episode, day: D, lead: Any) -> None:
        episode = Episode.objects.get(pk=episode.pk)
        if not episode.is_open:
            return
        outcomes = list(episode.outcomes.still_open().filter(added_on__lte=day))
        scores = {o.pk: min(10, self.rng.randint(3, 9)) for o in outcomes}
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

    def _close(self, episode: Episode, day: D, lead: Any) -> None:
        episode = Episode.objects.get(pk=episode.pk)
        if not episode.is_open:
            return
        if episode.assessments.still_open().exists():
            return  # left open: finished by a worker later
        rng = self.rng
        reason = rng.choices(["needs_met", "declined", "moved_away", "other"], [75, 15, 6, 4])[0]
        outcomes = list(episode.outcomes.still_open())
        results = {
            o.pk: rng.choices(["achieved", "partly", "not_achieved"], [60, 30, 10])[0]
            for o in outcomes
        }
        achieved = [o.heading for o in outcomes if results[o.pk] == "achieved"]
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
