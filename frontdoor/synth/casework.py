"""Store each planned episode's pathway (synth/pathway.py) through the casework actions.

Called once an episode is opened (the referral decision authorised, and the strategy
discussion, if any, recorded): allocation and primary need, assessment, the section 47
enquiry's outcome, the ICPC, the CP plan with its core groups, visits and reviews, CIN
plans with reviews, and care with its missing episodes, each back-dated with `at=`. Nothing after
the plan's `as_of` is stored, so a seed ending today leaves work open with its clocks
running (some overdue).
The episode's closure stays with the executor (it closes episodes in date order).
"""

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from frontdoor.casework import actions
from frontdoor.casework.models import CINEpisode, LookedAfterEpisode, S47Enquiry
from frontdoor.outside import actions as outside
from frontdoor.synth import care as care_story
from frontdoor.synth.pathway import Pathway
from frontdoor.synth.plan import Episode
from frontdoor.synth.staff import Staff
from frontdoor.synth.timing import local

D = dt.date
# DfE PrimaryNeedCode by path: abuse or neglect (N1) for child protection and most care;
# family stress, dysfunction, disability and behaviour for children in need.
NEEDS = {
    "assessment_nfa": {"N4": 30.0, "N5": 25.0, "N1": 15.0, "N6": 10.0, "N3": 8.0, "N0": 12.0},
    "assessment_early_help": {"N4": 35.0, "N5": 30.0, "N6": 15.0, "N1": 10.0, "N0": 10.0},
    "cin_plan": {"N1": 35.0, "N5": 20.0, "N4": 15.0, "N2": 12.0, "N3": 6.0, "N6": 7.0, "N8": 5.0},
    "child_protection": {"N1": 92.0, "N5": 5.0, "N4": 3.0},
    "looked_after": {"N1": 62.0, "N5": 12.0, "N4": 8.0, "N8": 10.0, "N6": 4.0, "N2": 4.0},
}
TEAM_OF_PATH = {
    "assessment_nfa": "assessment",
    "assessment_early_help": "assessment",
    "cin_plan": "assessment",
    "child_protection": "protection",
    "looked_after": "care",
}


class CaseworkStory:
    def __init__(self, seed: int, staff: Staff, as_of: dt.datetime) -> None:
        self.rng = random.Random(f"{seed}-casework")
        self.seed = seed
        self.staff = staff
        self.as_of = as_of

    def _at(self, day: D, hour: int = 0) -> dt.datetime | None:
        """A time on `day` if that day has come by the plan's end, else None.

        On the plan's last day (today, for the demo) the time is at most the end: work the
        plan dates today has happened, so an episode closing today has its work finished.
        """
        moment = local(day, hour or self.rng.randint(9, 16), self.rng.randint(0, 59))
        if day > timezone.localdate(self.as_of):
            return None
        return min(moment, self.as_of)

    def opened(self, episode: Episode) -> None:
        if episode.path == "nfa" or not episode.episode_ids:
            return
        team_key = TEAM_OF_PATH[episode.path]
        if team_key == "assessment" and self.rng.random() < 0.3:
            team_key = "front_door"
        team, workers, managers = self.staff.teams[team_key]
        worker = self.rng.choice(workers)
        manager = self.rng.choice(managers)
        needs = NEEDS[episode.path]
        need = self.rng.choices(list(needs), weights=list(needs.values()))[0]
        if episode.unaccompanied:  # no parent here: absent parenting
            need = "N8"
        for pk, _person in episode.episode_ids:
            record = CINEpisode.objects.select_related("person").get(pk=pk)
            self._store(record, episode.pathway, team, worker, manager, need)

    def _store(
        self, episode: CINEpisode, way: Pathway, team: Any, worker: Any, manager: Any, need: str
    ) -> None:
        opened = self._at(episode.referral_date, 17)
        if opened is None:
            return
        actions.allocate_episode(episode, team=team, worker=worker, user=manager, at=opened)
        actions.record_primary_need(episode, need=need, user=worker, at=opened)
        if way.assessment is not None:
            self._assessment(episode, way, worker, manager)
        self._s47(episode, way, worker, manager)
        if way.cp is not None:
            self._protection(episode, way, worker, manager)
        for start, end in way.cin:
            self._cin_plan(episode, start, end, worker, manager)
        if way.care is not None:
            self._care(episode, way, worker, manager)

    def _assessment(self, episode: CINEpisode, way: Pathway, worker: Any, manager: Any) -> None:
        assert way.assessment is not None
        start, seen, authorised = way.assessment
        at = self._at(start)
        if at is None:
            return
        assessment = actions.start_assessment(episode, start_date=start, user=worker, at=at)
        if (at := self._at(seen)) is None:
            return
        actions.record_child_seen(
            assessment, seen_on=seen, is_seen_alone=self.rng.random() < 0.7, user=worker, at=at
        )
        if (at := self._at(authorised)) is None:
            return
        actions.authorise_assessment(
            assessment,
            authorised_on=authorised,
            outcome=way.outcome,
            factors=way.factors,
            user=manager,
            at=at,
        )

    def _s47(self, episode: CINEpisode, way: Pathway, worker: Any, manager: Any) -> None:
        """The s47 the strategy discussion started (if any): outcome, then the ICPC."""
        enquiry = S47Enquiry.objects.filter(episode=episode).order_by("pk").first()
        if enquiry is None:
            return
        if way.icpc is not None:
            completed = max(enquiry.start_date, way.icpc - dt.timedelta(days=1))
            if (at := self._at(completed)) is None:
                return
            actions.record_s47_outcome(
                enquiry,
                completed_on=completed,
                is_substantiated=True,
                is_icpc_required=True,
                user=worker,
                at=at,
            )
            if (at := self._at(way.icpc, 10)) is None:
                return
            actions.record_initial_conference(
                enquiry, held_on=way.icpc, is_plan_required=way.icpc_plan, user=manager, at=at
            )
            return
        completed = enquiry.start_date + dt.timedelta(days=self.rng.randint(5, 20))
        if way.closure is not None:
            completed = min(completed, way.closure)
        if (at := self._at(completed)) is None:
            return
        actions.record_s47_outcome(
            enquiry,
            completed_on=completed,
            is_substantiated=self.rng.random() < 0.4,
            is_icpc_required=False,
            user=worker,
            at=at,
        )

    def _protection(self, episode: CINEpisode, way: Pathway, worker: Any, manager: Any) -> None:
        cp, rng = way.cp, self.rng
        assert cp is not None
        if (at := self._at(cp.start, 12)) is None:
            return
        if not episode.initial_conferences.filter(held_on=cp.start).exists():
            return  # no strategy discussion was held, so no s47 and no conference
        plan = actions.start_cp_plan(
            episode, start_date=cp.start, category=cp.category, user=manager, at=at
        )
        until = cp.end or self.as_of.date()
        meetings: list[tuple[D, str]] = []
        day = cp.start + dt.timedelta(days=rng.randint(5, 13) if rng.random() < 0.85 else 16)
        while day < until:
            meetings.append((day, "core"))
            day += dt.timedelta(days=rng.randint(28, 49))
        day = cp.start + dt.timedelta(days=rng.randint(3, 10))
        while day < until:
            meetings.append((day, "visit"))
            day += dt.timedelta(days=rng.randint(14, 35))
        meetings += [(review, "review") for review in cp.reviews]
        for day, kind in sorted(meetings):
            if (at := self._at(day)) is None:
                break
            if kind == "core":
                actions.record_core_group_meeting(plan, held_on=day, user=worker, at=at)
            elif kind == "visit":
                actions.record_statutory_visit(
                    plan, visited_on=day, is_seen_alone=rng.random() < 0.75, user=worker, at=at
                )
            else:
                ends = day == cp.end
                changed = None if ends or rng.random() > 0.1 else "EMO"
                actions.record_cp_review(
                    plan,
                    held_on=day,
                    user=manager,
                    category=changed,
                    is_plan_continued=not ends,
                    end_reason=cp.end_reason if ends else "",
                    at=at,
                )
                if ends:
                    break

    def _cin_plan(
        self, episode: CINEpisode, start: D, end: D | None, worker: Any, manager: Any
    ) -> None:
        if (at := self._at(start, 15)) is None:
            return
        plan = actions.start_cin_plan(episode, start_date=start, user=worker, at=at)
        day = start + dt.timedelta(days=self.rng.randint(75, 92))
        while end is None or day < end:
            if (at := self._at(day)) is None:
                return
            actions.record_cin_plan_review(plan, held_on=day, user=manager, at=at)
            day += dt.timedelta(days=self.rng.randint(75, 92))
        if end is not None and (at := self._at(end, 16)) is not None:
            actions.end_cin_plan(plan, end_date=end, user=worker, at=at)

    def _missing_from_care(
        self, episode: CINEpisode, day: dt.date, back: dt.date, offered: bool, at: dt.datetime
    ) -> None:
        """Missing from placement: a missing episode of risk outside the home (the ROTH
        team's records), reported by the carer's call to the police the evening it began."""
        person = episode.person
        missing = outside.report_missing_episode(
            person,
            kind="missing",
            missing_from="placement",
            missing_since=at,
            at=at,
            actor_label="synthetic data",
        )
        returned = local(back, 23) if back > day else at + dt.timedelta(hours=2)
        if returned > self.as_of:
            return
        missing = outside.record_return(
            missing, returned_at=returned, at=returned, actor_label="synthetic data"
        )
        offered_at = returned + dt.timedelta(hours=30)
        if offered and offered_at <= self.as_of:
            outside.record_interview_offer(missing, offered_at=offered_at, user=None, at=offered_at)

    def _care(self, episode: CINEpisode, way: Pathway, worker: Any, manager: Any) -> None:
        care, rng = way.care, self.rng
        assert care is not None

        def start(placement: str, provider: str, postcode: str) -> LookedAfterEpisode | None:
            if (at := self._at(care.start, 18)) is None:
                return None
            return actions.start_looked_after_episode(
                episode,
                start_date=care.start,
                legal_status=care.legal_status,
                placement_type=placement,
                placement_provider=provider,
                placement_postcode=postcode,
                user=worker,
                at=at,
            )

        def missing(record: LookedAfterEpisode) -> dt.date | None:
            """Missing from care, now and then, within the first episode of care."""
            until = care.end or self.as_of.date()
            last = None
            if rng.random() < 0.12:
                day = care.start + dt.timedelta(days=rng.randint(10, 90))
                for _ in range(rng.randint(1, 4)):
                    back = day + dt.timedelta(days=rng.randint(0, 2))
                    if back >= until or (at := self._at(day, 21)) is None:
                        break
                    if care.change_on is not None and record.start_date < care.change_on <= day:
                        break  # keep absences within the first episode of care, simply
                    self._missing_from_care(episode, day, back, rng.random() < 0.85, at)
                    last = back + dt.timedelta(days=1)
                    day = back + dt.timedelta(days=rng.randint(7, 60))
            return last

        started = care_story.tell(
            self.seed,
            episode,
            care,
            worker,
            self._on_the_hour,
            timezone.localdate(self.as_of),
            start,
            missing,
        )
        if started:  # the draws the change and the end took before care had its own stream
            for day in (care.change_on, care.end):
                if day is not None:
                    rng.randint(0, 59)

    def _on_the_hour(self, day: D, hour: int) -> dt.datetime | None:
        """As `_at`, drawing nothing from the council's random stream."""
        if day > timezone.localdate(self.as_of):
            return None
        return min(local(day, hour), self.as_of)
