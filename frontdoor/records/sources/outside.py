"""Risk outside the home: missing episodes and return home interviews, exploitation
screening, the network, meeting notes, sharing and context referrals."""

from frontdoor.lib.personal_data import Source
from frontdoor.outside.meeting_models import MeetingNote
from frontdoor.outside.models import MissingEpisode, ReturnInterview, SharingDecision
from frontdoor.outside.network_models import ContextReferral, NetworkLink
from frontdoor.outside.screening_models import Screening
from frontdoor.records.rendering import rows_source

SOURCES: list[Source] = [
    rows_source(
        "missing",
        "Missing episodes",
        60,
        lambda ids: MissingEpisode.objects.filter(person_id__in=ids).order_by("started_on", "pk"),
        lambda e: "Missing episode",
        when="started_on",
        third_parties=lambda e: [e.found_with],
        skip={"looked_after_episode"},
    ),
    rows_source(
        "return-interviews",
        "Return home interviews",
        61,
        lambda ids: ReturnInterview.objects.filter(episode__person_id__in=ids).order_by("pk"),
        lambda r: "Return home interview",
        when="held_at",
        third_parties=lambda r: [r.with_whom],
    ),
    rows_source(
        "screening",
        "Exploitation screening",
        62,
        lambda ids: Screening.objects.filter(person_id__in=ids).order_by("screened_on", "pk"),
        lambda s: "Exploitation screening",
        when="screened_on",
    ),
    rows_source(
        "network",
        "People, places and contexts",
        63,
        lambda ids: (
            NetworkLink.objects.filter(child_id__in=ids)
            .select_related("other", "entity")
            .order_by("seen_on", "pk")
        ),
        lambda n: "Network link",
        when="seen_on",
        third_parties=lambda n: [
            n.other.full_name if n.other else "",
            n.entity.name if n.entity else "",
        ],
    ),
    rows_source(
        "meeting-notes",
        "Missing and MACE meeting notes",
        64,
        lambda ids: MeetingNote.objects.filter(person_id__in=ids).order_by("recorded_at", "pk"),
        lambda n: "Missing or MACE meeting note",
        when="recorded_at",
    ),
    rows_source(
        "context-referrals",
        "Context referrals",
        65,
        lambda ids: ContextReferral.objects.filter(person_id__in=ids).order_by("referred_at", "pk"),
        lambda r: "Context referral",
        when="referred_at",
    ),
    rows_source(
        "sharing",
        "Sharing with partner agencies",
        66,
        lambda ids: SharingDecision.objects.filter(person_id__in=ids).order_by("decided_at", "pk"),
        lambda d: "Sharing decision",
        when="decided_at",
    ),
]
