"""Looked-after episodes (SSDA903 legal status, placement, reason ceased).

A change of legal status or placement ends the current episode with reason X1 and starts
the next on the same day, as SSDA903 records them.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.casework.care_codes import PlacementProvider, ReasonPlaceChange
from frontdoor.casework.codes import (
    LegalStatus,
    PlacementType,
    ReasonCeased,
)
from frontdoor.casework.models import CINEpisode, LookedAfterEpisode
from frontdoor.casework.rules import (
    actor,
    check_choice,
    check_not_before,
    check_within_episode,
    locked,
    log,
)
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError

LEGAL_STATUS_MESSAGE = "Choose the legal status (for example V2, C1, C2 or E1)."
PLACEMENT_MESSAGE = "Choose the placement type."
PROVIDER_MESSAGE = "Choose who provides the placement (PR0 to PR5)."
MOVE_MESSAGE = "Choose why the placement changed."


def start_looked_after_episode(
    episode: CINEpisode,
    *,
    start_date: dt.date,
    legal_status: str,
    placement_type: str,
    user: Any,
    category_of_need: str = "",
    placement_postcode: str = "",
    placement_provider: str = "",
    home_postcode: str = "",
    at: dt.datetime | None = None,
) -> LookedAfterEpisode:
    """The child becomes looked after: start a period of care."""
    check_choice(legal_status, LegalStatus, LEGAL_STATUS_MESSAGE, "legal_status")
    check_choice(placement_type, PlacementType, PLACEMENT_MESSAGE, "placement_type")
    _check_provider(placement_provider)
    with transaction.atomic():
        episode = locked(episode)
        check_within_episode(episode, start_date, "Becoming looked after", "start_date")
        if LookedAfterEpisode.objects.filter(
            episode__person=episode.person, end_date__isnull=True
        ).exists():
            raise ActionError(f"{episode.person.full_name} is already looked after.")
        care = LookedAfterEpisode.objects.create(
            episode=episode,
            start_date=start_date,
            legal_status=legal_status,
            category_of_need=category_of_need or episode.primary_need,
            placement_type=placement_type,
            placement_postcode=placement_postcode,
            placement_provider=placement_provider,
            home_postcode=home_postcode,
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            care,
            episode,
            Kind.EPISODE,
            f"Became looked after: {LegalStatus(legal_status).label} ({legal_status})",
            start_date,
            created=True,
            detail=f"Placement: {PlacementType(placement_type).label} ({placement_type}).",
            at=at,
        )
    return care


def _check_provider(provider: str) -> None:
    if provider:
        check_choice(provider, PlacementProvider, PROVIDER_MESSAGE, "placement_provider")


def _check_open(care: LookedAfterEpisode) -> None:
    if care.end_date is not None:
        raise ActionError(f"This looked-after episode ended on {govuk_date(care.end_date)}.")


def _end(care: LookedAfterEpisode, end_date: dt.date, reason: str) -> None:
    check_not_before(
        end_date,
        care.start_date,
        f"The episode cannot end before it started on {govuk_date(care.start_date)}.",
        "end_date",
    )
    updated = LookedAfterEpisode.objects.filter(pk=care.pk, end_date__isnull=True).update(
        end_date=end_date, reason_ceased=reason
    )
    if not updated:
        raise ActionError("This looked-after episode has already ended.")
    care.end_date, care.reason_ceased = end_date, reason


def change_looked_after_episode(
    care: LookedAfterEpisode,
    *,
    on: dt.date,
    user: Any,
    legal_status: str | None = None,
    placement_type: str | None = None,
    placement_postcode: str | None = None,
    placement_provider: str | None = None,
    reason_place_change: str = "",
    at: dt.datetime | None = None,
) -> LookedAfterEpisode:
    """A new legal status or placement: end this episode (X1) and start the next the same day.

    A new placement (type, postcode or provider) carries why it changed (SSDA903
    REASON_PLACE_CHANGE; the return checks it is there)."""
    _check_open(care)
    moved = (
        placement_type is not None
        or placement_postcode is not None
        or placement_provider is not None
    )
    if legal_status is None and not moved:
        raise ActionError("Give the new legal status or placement.")
    status = legal_status or care.legal_status
    placement = placement_type or care.placement_type
    check_choice(status, LegalStatus, LEGAL_STATUS_MESSAGE, "legal_status")
    check_choice(placement, PlacementType, PLACEMENT_MESSAGE, "placement_type")
    _check_provider(placement_provider or "")
    if moved and reason_place_change:
        check_choice(reason_place_change, ReasonPlaceChange, MOVE_MESSAGE, "reason_place_change")
    with transaction.atomic():
        episode = locked(care.episode)
        check_within_episode(episode, on, "The change", "on")
        _end(care, on, ReasonCeased.X1)
        following = LookedAfterEpisode.objects.create(
            episode=episode,
            start_date=on,
            is_new_period=False,
            legal_status=status,
            category_of_need=care.category_of_need,
            placement_type=placement,
            placement_postcode=(
                care.placement_postcode if placement_postcode is None else placement_postcode
            ),
            placement_provider=(
                care.placement_provider if placement_provider is None else placement_provider
            ),
            home_postcode=care.home_postcode,
            reason_place_change=reason_place_change if moved else "",
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            following,
            episode,
            Kind.EPISODE,
            f"Looked after: now {LegalStatus(status).label} ({status}), "
            f"{PlacementType(placement).label} ({placement})",
            on,
            created=True,
            at=at,
        )
    return following


def end_looked_after_episode(
    care: LookedAfterEpisode,
    *,
    end_date: dt.date,
    reason: str,
    user: Any,
    at: dt.datetime | None = None,
) -> LookedAfterEpisode:
    """The child ceases to be looked after, with the SSDA903 reason."""
    _check_open(care)
    if reason == ReasonCeased.X1:
        raise ActionError(
            "To change the legal status or placement, record the change instead.", field="reason"
        )
    check_choice(reason, ReasonCeased, "Choose why the child ceased to be looked after.", "reason")
    with transaction.atomic():
        episode = locked(care.episode)
        check_within_episode(episode, end_date, "Ceasing to be looked after", "end_date")
        _end(care, end_date, reason)
        log(
            user,
            care,
            episode,
            Kind.EPISODE,
            f"Ceased to be looked after: {ReasonCeased(reason).label} ({reason})",
            end_date,
            at=at,
        )
    return care
