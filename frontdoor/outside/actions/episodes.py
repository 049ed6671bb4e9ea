"""Missing episodes: reported (by staff or a police system) and the child's return.

The return starts the return home interview clock: 72 real hours (outside/clocks.py).
"""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.casework.models import LookedAfterEpisode
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date, govuk_datetime
from frontdoor.lib.errors import ActionError
from frontdoor.outside.actions.bookkeeping import actor, log
from frontdoor.outside.clocks import interview_due_at
from frontdoor.outside.codes import EpisodeKind, FoundBy, MissingFrom, PoliceRisk
from frontdoor.outside.models import EpisodeKey, MissingEpisode
from frontdoor.people.models import Person


def _check(value: str, choices: Any, message: str, field: str, blank: bool = False) -> None:
    if not (blank and value == "") and value not in choices.values:
        raise ActionError(message, field=field)


def _check_times(
    missing_since: dt.datetime, reported_at: dt.datetime | None, now: dt.datetime
) -> None:
    if missing_since > now:
        raise ActionError("The time last seen cannot be in the future.", field="missing_since")
    if reported_at is not None:
        if reported_at < missing_since:
            raise ActionError(
                "The report cannot be before the child was last seen.", field="reported_at"
            )
        if reported_at > now:
            raise ActionError("The time reported cannot be in the future.", field="reported_at")


def _care_on(person: Person, day: dt.date) -> LookedAfterEpisode:
    care = (
        LookedAfterEpisode.objects.filter(episode__person=person, start_date__lte=day)
        .exclude(end_date__lt=day)
        .order_by("-start_date", "-pk")
        .first()
    )
    if care is None:
        raise ActionError(
            f"{person.full_name} was not looked after on {govuk_date(day)}: choose where they "
            "went missing from.",
            field="missing_from",
        )
    return care


def report_missing_episode(
    person: Person,
    *,
    kind: str,
    missing_from: str,
    missing_since: dt.datetime,
    user: Any = None,
    reported_at: dt.datetime | None = None,
    police_risk: str = "",
    police_reference: str = "",
    circumstances: str = "",
    agency: Any = None,
    actor_label: str | None = None,
    at: dt.datetime | None = None,
) -> MissingEpisode:
    """Record a child missing, absent or away from placement (for any child, not only a
    looked-after one; from a placement it is tied to the period of care)."""
    now = at or timezone.now()
    if not person.is_child:
        raise ActionError("Only a child can be reported missing here.", field="person")
    _check(kind, EpisodeKind, "Choose missing, absent or away from placement.", "kind")
    _check(missing_from, MissingFrom, "Choose where the child went missing from.", "missing_from")
    _check(police_risk, PoliceRisk, "Choose the police risk level.", "police_risk", blank=True)
    _check_times(missing_since, reported_at, now)
    started_on = timezone.localdate(missing_since)
    care = _care_on(person, started_on) if missing_from == MissingFrom.PLACEMENT else None
    if kind == EpisodeKind.AWAY and care is None:
        raise ActionError(
            "Away from placement is for a looked-after child: choose missing or absent.",
            field="kind",
        )
    with transaction.atomic():
        episode = MissingEpisode.objects.create(
            person=person,
            kind=kind,
            missing_from=missing_from,
            looked_after_episode=care,
            started_on=started_on,
            missing_since=missing_since,
            reported_at=reported_at,
            police_risk=police_risk,
            police_reference=police_reference[:40],
            circumstances=circumstances,
            reported_by_agency=agency,
            recorded_by=actor(user),
            created_at=now,
        )
        who = f" by {agency.name}" if agency is not None else ""
        log(
            user,
            episode,
            person,
            Kind.MISSING,
            f"{EpisodeKind(kind).label.split(' (')[0]} from "
            f"{MissingFrom(missing_from).label.lower()}"
            f", reported{who}",
            missing_since,
            created=True,
            actor_label=actor_label,
        )
    return episode


def record_return(
    episode: MissingEpisode,
    *,
    returned_at: dt.datetime,
    user: Any = None,
    found_by: str = "",
    where_found: str = "",
    found_with: str = "",
    actor_label: str | None = None,
    at: dt.datetime | None = None,
) -> MissingEpisode:
    """The child is back: the episode ends and the 72-hour interview clock starts."""
    now = at or timezone.now()
    _check(found_by, FoundBy, "Choose who found the child.", "found_by", blank=True)
    if returned_at > now:
        raise ActionError("The return cannot be in the future.", field="returned_at")
    for earlier, what in [(episode.missing_since, "last seen"), (episode.reported_at, "reported")]:
        if earlier is not None and returned_at < earlier:
            raise ActionError(
                f"The return cannot be before the child was {what} ({govuk_datetime(earlier)}).",
                field="returned_at",
            )
    counted = episode.kind in (EpisodeKind.MISSING, EpisodeKind.AWAY)
    with transaction.atomic():
        updated = MissingEpisode.objects.filter(pk=episode.pk, returned_at__isnull=True).update(
            returned_at=returned_at,
            ended_on=max(timezone.localdate(returned_at), episode.started_on),
            found_by=found_by,
            where_found=where_found[:200],
            found_with=found_with[:200],
            rhi_due_at=interview_due_at(returned_at) if counted else None,
        )
        if not updated:
            raise ActionError("The child's return has already been recorded.")
        episode.refresh_from_db()
        log(
            user,
            episode,
            episode.person,
            Kind.MISSING,
            "Returned from a missing episode"
            + (
                f": return home interview to be offered by {govuk_datetime(episode.rhi_due_at)}"
                if counted and episode.rhi_due_at
                else ""
            ),
            returned_at,
            actor_label=actor_label,
        )
    return episode


def report_missing_episode_once(
    person: Person,
    *,
    agency: Any,
    key: str,
    body_hash: str,
    returned: dict[str, Any] | None,
    **fields: Any,
) -> tuple[MissingEpisode, bool]:
    """A police system's report, unless its Idempotency-Key was seen before (then the first
    episode is returned). The key is stored in the episode's transaction; a key reused with
    a different body is refused. `returned` (returned_at, found_by, ...) records the return
    in the same transaction when the child is already back."""
    earlier = _earlier_key(agency, key)
    if earlier is None:
        try:
            with transaction.atomic():
                episode = report_missing_episode(person, agency=agency, **fields)
                if returned is not None:
                    episode = record_return(
                        episode, actor_label=fields.get("actor_label"), **returned
                    )
                EpisodeKey.objects.create(
                    agency=agency, key=key, body_hash=body_hash, episode=episode
                )
            return episode, True
        except IntegrityError:
            earlier = _earlier_key(agency, key)
            if earlier is None:
                raise
    if earlier.body_hash != body_hash:
        raise ActionError(
            "Idempotency-Key was already used with a different request body",
            field="Idempotency-Key",
        )
    return earlier.episode, False


def _earlier_key(agency: Any, key: str) -> EpisodeKey | None:
    return EpisodeKey.objects.select_related("episode").filter(agency=agency, key=key).first()
