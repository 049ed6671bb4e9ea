"""Partner API for MASH checks: GET /v1/checks, POST /v1/checks/{id}/response.

A ninja Router, mounted on the partner API (frontdoor.contacts.api.api) by the project's
URLs. The same agency bearer tokens; errors are RFC 9457 problems.
"""

from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Header, Query, Router, Status

from frontdoor.accounts.api_auth import AgencyToken, system_label
from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_list_view
from frontdoor.contacts.api import body_hash, problem
from frontdoor.contacts.schemas import FieldProblem, Problem
from frontdoor.lib.errors import ActionError
from frontdoor.mash import access as mash_access
from frontdoor.mash.actions import answer_check_once
from frontdoor.mash.schemas import CheckOut, CheckResponseIn, CheckResponseReceipt

router = Router(auth=AgencyToken(), tags=["checks"])

IDEMPOTENCY_KEY = Header(
    alias="Idempotency-Key",
    min_length=1,
    max_length=200,
    description="A value unique to this answer, e.g. a UUID. Retrying with the same key and "
    "body returns the first answer (200) instead of refusing a second one.",
)


@router.get(
    "/v1/checks",
    response={200: list[CheckOut], frozenset({401, 422}): Problem},
    summary="List your agency's checks",
    openapi_extra={
        "responses": {
            401: {"description": "No token, or a token that is wrong or revoked."},
            422: {"description": "`status` is not one of open, answered, withdrawn, closed."},
        }
    },
)
def list_checks(
    request: HttpRequest, status: Literal["open", "answered", "withdrawn", "closed"] = Query("open")
) -> Any:
    """Checks the front door asked your agency, least time left first."""
    agency: Agency = request.auth  # type: ignore[attr-defined]
    checks = list(
        mash_access.checks_for_agency(agency)
        .filter(status=status)
        .by_time_left()
        .select_related("enquiry__contact")
        .prefetch_related("enquiry__contact__subjects__person")[:500]
    )
    shown = []
    for check in checks:
        contact = check.enquiry.contact
        people: list[int | None] = [s.person_id for s in contact.subjects.all() if s.person_id]
        shown += [(check, person_id, contact.pk) for person_id in people or [None]]
    record_list_view(
        None, shown, actor_label=system_label(agency), summary="MASH check read through the API"
    )
    return checks


@router.post(
    "/v1/checks/{check_id}/response",
    response={
        201: CheckResponseReceipt,
        200: CheckResponseReceipt,
        frozenset({400, 401, 404, 409, 422}): Problem,
    },
    summary="Answer a check",
)
def respond(
    request: HttpRequest,
    response: HttpResponse,
    check_id: int,
    payload: CheckResponseIn,
    idempotency_key: str = IDEMPOTENCY_KEY,
) -> Any:
    """Send your agency's answer with where it came from; it is marked late if after due."""
    agency: Agency = request.auth  # type: ignore[attr-defined]
    check = (
        mash_access.checks_for_agency(agency).select_related("enquiry").filter(pk=check_id).first()
    )
    if check is None:
        return problem(404, "not-found", "Not found", "Your agency was not asked that check.")
    try:
        answer, created = answer_check_once(
            check,
            agency=agency,
            key=idempotency_key,
            body_hash=body_hash(request),
            answered_by=None,
            **payload.model_dump(),
        )
    except ActionError as error:
        # No field: the check's state refused it (answered, withdrawn, closed): a conflict.
        status = 409 if error.field is None else 422
        return problem(
            status,
            "refused",
            "The answer was refused",
            f"Nothing was recorded. {error.message}",
            [FieldProblem(field=error.field or "", message=error.message)],
        )
    receipt = {"check_id": check.pk, "answered_at": answer.answered_at, "is_late": answer.is_late}
    if not created:
        response["Idempotent-Replayed"] = "true"
        return Status(200, receipt)
    return Status(201, receipt)
