"""Annex A List 8: children in care now, and those who ceased in the 6 months.

One row per period of care: a run of looked-after episodes, each after the first starting
the day the one before ended with reason X1 (a new legal status or placement). A placement
is a run of episodes with the same placement type and postcode.
Definitions and conventions are in the package docstring (`frontdoor.returns.annex_a`).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.db import models

from frontdoor.casework.codes import ReasonCeased
from frontdoor.casework.models import (
    AdoptionPlan,
    CareReview,
    HealthCheck,
    LookedAfterEpisode,
    UascStatus,
)
from frontdoor.outside.codes import EpisodeKind
from frontdoor.outside.models import MissingEpisode
from frontdoor.returns.annex_a import codes
from frontdoor.returns.annex_a.columns import (
    allocation,
    child_cells,
    disability,
    label,
    person_values,
    sort_key,
    worker_values,
)
from frontdoor.returns.annex_a.window import Window

CHILD = "episode__person__"


@dataclass
class Period:
    episodes: list[dict[str, Any]]

    @property
    def start(self) -> dt.date:
        """Date Started to be Looked After: the first episode's start."""
        return self.episodes[0]["start_date"]

    @property
    def current(self) -> dict[str, Any]:
        """The latest episode of the period."""
        return self.episodes[-1]

    def ceased(self, window: Window) -> dt.date | None:
        """The date the period ended by the as-of date, else None (a change of legal status
        or placement, X1, continues the period)."""
        last = self.current
        if last["reason_ceased"] == ReasonCeased.X1:
            return None
        return window.upto(last["end_date"])

    def run_start(self, *fields: str) -> dt.date:
        """The start of the latest run of episodes sharing the current values of `fields`."""
        start = self.current["start_date"]
        for episode in reversed(self.episodes):
            if any(episode[name] != self.current[name] for name in fields):
                break
            start = episode["start_date"]
        return start

    def placements(self) -> list[tuple[dt.date, dt.date | None]]:
        """(start, end) of each placement in the period; end None while it continues."""
        runs: list[tuple[dt.date, dt.date | None]] = []
        previous = None
        for episode in self.episodes:
            where = (episode["placement_type"], episode["placement_postcode"])
            if where != previous:
                runs.append((episode["start_date"], episode["end_date"]))
            else:
                runs[-1] = (runs[-1][0], episode["end_date"])
            previous = where
        return runs


def _periods(window: Window) -> dict[int, list[Period]]:
    """Every period of care, by child, of children in care at any time in the 12 months."""
    recent = LookedAfterEpisode.objects.active_between(window.start12, window.as_of)
    episodes = (
        LookedAfterEpisode.objects.filter(
            start_date__lte=window.as_of,
            episode__person_id__in=recent.values("episode__person_id"),
        )
        .order_by("episode__person_id", "start_date", "id")
        .values(
            "start_date",
            "end_date",
            "is_new_period",
            "legal_status",
            "category_of_need",
            "placement_type",
            "placement_postcode",
            "placement_provider",
            "reason_ceased",
            *person_values(CHILD),
            *worker_values("episode__"),
        )
    )
    by_child: dict[int, list[Period]] = {}
    for person_id, rows in groupby(episodes, key=lambda row: row[CHILD + "id"]):
        periods: list[Period] = []
        for row in rows:
            if row["end_date"] is not None and row["end_date"] > window.as_of:
                row = {**row, "end_date": None, "reason_ceased": ""}  # not yet ended
            if row["is_new_period"] or not periods:
                periods.append(Period([row]))
            else:
                periods[-1].episodes.append(row)
        by_child[person_id] = periods
    return by_child


def _absences(window: Window, people: Any) -> dict[int, dict[str, Any]]:
    """Missing and away-from-placement episodes of looked-after children (risk outside the
    home's missing episodes, from a placement) in the 12 months, and the return interview
    after the last missing one, by child."""
    found: dict[int, dict[str, Any]] = defaultdict(
        lambda: {EpisodeKind.MISSING: 0, EpisodeKind.AWAY: 0, "last_missing": None}
    )
    absences = (
        MissingEpisode.objects.from_care()
        .started_between(window.start12, window.as_of)
        .filter(person_id__in=people, kind__in=[EpisodeKind.MISSING, EpisodeKind.AWAY])
        .order_by("started_on", "id")
        .values(
            "person_id",
            "kind",
            "is_return_interview_offered",
            "is_return_interview_accepted",
        )
    )
    for absence in absences:
        child = found[absence["person_id"]]
        child[absence["kind"]] += 1
        if absence["kind"] == EpisodeKind.MISSING:
            child["last_missing"] = absence
    return found


@dataclass
class CareRecords:
    """What the child's looked-after record adds to List 8 (casework care_records)."""

    latest_review: dt.date | None = None
    latest_health: dt.date | None = None
    latest_dental: dt.date | None = None
    uasc_until: dt.date | None = None
    adoption_planned: bool = False


def _care_records(window: Window, people: Any) -> dict[int, CareRecords]:
    """Latest review and checks by the as-of date, UASC status and adoption plans, by child."""
    found: dict[int, CareRecords] = defaultdict(CareRecords)
    as_of = window.as_of
    for person_id, held_on in CareReview.objects.filter(
        person_id__in=people, held_on__lte=as_of
    ).values_list("person_id", "held_on"):
        record = found[person_id]
        record.latest_review = max(filter(None, [record.latest_review, held_on]))
    for person_id, kind, done_on in HealthCheck.objects.filter(
        person_id__in=people, done_on__lte=as_of
    ).values_list("person_id", "kind", "done_on"):
        record = found[person_id]
        if kind == "health":
            record.latest_health = max(filter(None, [record.latest_health, done_on]))
        else:
            record.latest_dental = max(filter(None, [record.latest_dental, done_on]))
    for person_id, ceased_on in UascStatus.objects.filter(person_id__in=people).values_list(
        "person_id", "ceased_on"
    ):
        found[person_id].uasc_until = ceased_on
    plans = AdoptionPlan.objects.filter(person_id__in=people, decided_on__lte=as_of).filter(
        models.Q(ceased_on__isnull=True) | models.Q(ceased_on__gt=as_of)
    )
    for person_id in plans.values_list("person_id", flat=True):
        found[person_id].adoption_planned = True
    return found


def _uasc(record: CareRecords, period: "Period", window: Window) -> str:
    """UASC at some time in the 12 months: the status began with care (Front Door records
    it on the looked-after record) and ceased on or after the start of the 12 months."""
    if record.uasc_until is None:
        return codes.yes_no(False)
    return codes.yes_no(record.uasc_until >= window.start12 and period.start <= window.as_of)


def _second_in_12_months(period: Period, periods: list[Period], window: Window) -> bool:
    """This period started in the 12 months after an earlier one that ended in them."""
    if period.start < window.start12:
        return False
    return any(
        (ended := earlier.ceased(window)) is not None and window.start12 <= ended <= period.start
        for earlier in periods
        if earlier is not period and earlier.start < period.start
    )


def _placements_in_12_months(periods: list[Period], window: Window) -> int:
    return sum(
        1
        for period in periods
        for _start, end in period.placements()
        if end is None or end >= window.start12
    )


def _return_interview(last_missing: dict[str, Any] | None, field: str) -> str:
    if last_missing is None:
        return ""
    return codes.yes_no(last_missing[field], unknown=codes.UNKNOWN)


def _row(
    period: Period,
    periods: list[Period],
    absences: dict[str, Any],
    record: CareRecords,
    window: Window,
) -> list[Any]:
    now = period.current
    ceased = period.ceased(window)
    last_missing = absences["last_missing"]
    return [
        *child_cells(now, CHILD, window.as_of),
        _uasc(record, period, window),
        disability(now[CHILD + "disabilities"]),
        period.start,
        label(codes.PRIMARY_NEED, now["category_of_need"]),
        codes.yes_no(_second_in_12_months(period, periods, window)),
        period.run_start("legal_status"),
        label(codes.LEGAL_STATUS, now["legal_status"]),
        record.latest_review,
        "",  # date of last social work visit: not recorded
        codes.PERMANENCE_ADOPTION if record.adoption_planned and not ceased else "",
        "",  # last IRO visit: not recorded
        record.latest_health,
        record.latest_dental,
        _placements_in_12_months(periods, window),
        ceased,
        label(codes.REASON_CEASED, now["reason_ceased"]) if ceased else "",
        period.run_start("placement_type", "placement_postcode"),
        label(codes.PLACEMENT_TYPE, now["placement_type"]),
        label(codes.PLACEMENT_PROVIDER, now["placement_provider"]),
        now["placement_postcode"],
        "",  # URN of placement: not recorded
        "",  # placement location (in or out of the area): not recorded
        "",  # LA of placement: not recorded
        absences[EpisodeKind.MISSING],
        absences[EpisodeKind.AWAY],
        _return_interview(last_missing, "is_return_interview_offered"),
        _return_interview(last_missing, "is_return_interview_accepted"),
        *allocation(now, "episode__"),
    ]


def list_8(window: Window) -> list[list[Any]]:
    """Periods of care open on the as-of date or ceased in the 6 months."""
    by_child = _periods(window)
    people = LookedAfterEpisode.objects.filter(start_date__lte=window.as_of).values(
        "episode__person_id"
    )
    absences = _absences(window, people)
    records = _care_records(window, people)
    rows = []
    for person_id, periods in by_child.items():
        for period in periods:
            ceased = period.ceased(window)
            if ceased is None or ceased >= window.start6:
                rows.append(_row(period, periods, absences[person_id], records[person_id], window))
    return sorted(rows, key=lambda row: sort_key(row, 7))
