"""Partner API for missing episodes: POST /v1/missing-episodes (police only), and
POST /v1/missing-episodes/{id}/return. A ninja Router mounted on the partner API
(frontdoor.contacts.api.api) by the project's URLs; errors are RFC 9457 problems.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Header, Router, Status

from frontdoor.accounts.api_auth import AgencyToken, system_label
from frontdoor.accounts.models import Agency
from frontdoor.contacts.api import api, body_hash, problem
from frontdoor.contacts.schemas import FieldProblem, Problem
from frontdoor.lib.errors import ActionError
from frontdoor.outside import access as outside_access
from frontdoor.outside.actions import record_return, report_missing_episode_once
from frontdoor.outside.schemas import EpisodeReceipt, MissingEpisodeIn, ReturnIn
from frontdoor.people.models import Person

POLICE = "police"


class NotPolice(Exception):
    """A live token of an agency other than the police."""


class PoliceToken(AgencyToken):
    """A police agency's bearer token; any other agency's live token gets 403."""

    openapi_description = "A token issued to the police with `frontdoor api-token --agency police`."

    def authenticate(self, request: HttpRequest, token: str) -> Agency | None:
        agency = super().authenticate(request, token)
        if agency is not None and agency.slug != POLICE:
            raise NotPolice
        return agency


@api.exception_handler(NotPolice)
def not_police(request: HttpRequest, error: NotPolice) -> HttpResponse:
    return problem(
        403,
        "forbidden",
        "Only the police report missing episodes",
        "Nothing was recorded. Missing episodes are reported with a police token.",
    )


router = Router(auth=PoliceToken(), tags=["missing episodes"])

IDEMPOTENCY_KEY = Header(
    alias="Idempotency-Key",
    min_length=1,
    max_length=200,
    description="A value unique to this report, e.g. a UUID. Retrying with the same key and "
    "body returns the episode first recorded (200) instead of recording a second one.",
)
REFUSALS = {
    400: {"description": "No Idempotency-Key, or the body is not JSON."},
    401: {"description": "No token, or a token that is wrong or revoked."},
    403: {"description": "A token of an agency other than the police."},
}


def _child(payload: MissingEpisodeIn) -> Person | None:
    people = Person.objects.children().not_merged()
    if payload.child.nhs_number:
        return people.filter(nhs_number=payload.child.nhs_number).first()
    if payload.child.la_child_id:
        return people.filter(la_child_id=payload.child.la_child_id).first()
    return None


def _refused(error: ActionError, status: int = 422) -> HttpResponse:
    return problem(
        status,
        "refused",
        "The report was refused",
        f"Nothing was recorded. {error.message}",
        [FieldProblem(field=error.field or "", message=error.message)],
    )


@router.post(
    "/v1/missing-episodes",
    response={201: EpisodeReceipt, 200: EpisodeReceipt, frozenset({400, 401, 403, 422}): Problem},
    summary="Report a missing episode",
    openapi_extra={
        "responses": {
            201: {
                "description": "Recorded. If the child is back, the 72-hour clock for the "
                "return home interview has started."
            },
            200: {
                "description": "A retry with the same Idempotency-Key and body: the "
                "episode first recorded."
            },
            **REFUSALS,
            422: {
                "description": "A field is not valid, the times are impossible (a return "
                "before the report), the child is not known, or the key was used with "
                "another body. Nothing was recorded."
            },
        }
    },
)
def report(
    request: HttpRequest,
    response: HttpResponse,
    payload: MissingEpisodeIn,
    idempotency_key: str = IDEMPOTENCY_KEY,
) -> Any:
    """Report a child missing from home, care or school (and their return, if known)."""
    agency: Agency = request.auth  # type: ignore[attr-defined]
    person = _child(payload)
    if person is None:
        return problem(
            422,
            "unknown-child",
            "The child is not known",
            "Nothing was recorded. No child with that NHS number or LA child ID is known to "
            "the council: send a contact instead.",
            [
                FieldProblem(
                    field="child", message="No child with that NHS number or LA child ID is known."
                )
            ],
        )
    returned = payload.returned.model_dump() if payload.returned else None
    try:
        episode, created = report_missing_episode_once(
            person,
            agency=agency,
            key=idempotency_key,
            body_hash=body_hash(request),
            returned=returned,
            kind=payload.kind,
            missing_from=payload.missing_from,
            missing_since=payload.last_seen_at,
            reported_at=payload.reported_at,
            police_risk=payload.risk_level,
            police_reference=payload.police_reference,
            circumstances=payload.circumstances,
            actor_label=system_label(agency),
        )
    except ActionError as error:
        return _refused(error)
    if not created:
        response["Idempotent-Replayed"] = "true"
        return Status(200, episode)
    return Status(201, episode)


@router.post(
    "/v1/missing-episodes/{episode_id}/return",
    response={200: EpisodeReceipt, frozenset({400, 401, 403, 404, 409, 422}): Problem},
    summary="Report a child's return",
    openapi_extra={
        "responses": {
            200: {
                "description": "Recorded: the 72-hour clock for the return home interview "
                "has started."
            },
            **REFUSALS,
            404: {"description": "Your agency did not report that episode."},
            409: {"description": "The return was already recorded."},
            422: {
                "description": "A field is not valid, or the return is before the report. "
                "Nothing was recorded."
            },
        }
    },
)
def report_return(request: HttpRequest, episode_id: int, payload: ReturnIn) -> Any:
    """Record that the child is back (or found)."""
    agency: Agency = request.auth  # type: ignore[attr-defined]
    found = outside_access.episodes_for_agency(agency)
    episode = found.filter(pk=episode_id).first() if 0 < episode_id < 2**62 else None
    if episode is None:
        return problem(
            404, "not-found", "Not found", "Your agency did not report that missing episode."
        )
    if episode.has_returned:
        return problem(
            409,
            "refused",
            "The return was already recorded",
            "Nothing was recorded: the child's return was already recorded.",
        )
    try:
        return record_return(episode, actor_label=system_label(agency), **payload.model_dump())
    except ActionError as error:
        return _refused(error)
