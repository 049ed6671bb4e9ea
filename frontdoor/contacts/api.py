"""The partner API: /api/v1/..., documented at /api/openapi.json.

Partner agencies' systems (police, health, ...) send contacts here with a bearer token and
read back what happened to them. Every error is an RFC 9457 problem.
"""

import hashlib
import json
import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Header, NinjaAPI, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError

from frontdoor.accounts.api_auth import AgencyToken, system_label
from frontdoor.accounts.models import Agency
from frontdoor.audit.log import record_view
from frontdoor.contacts import access as contact_access
from frontdoor.contacts.actions import receive_contact_once
from frontdoor.contacts.models import Contact
from frontdoor.contacts.schemas import (
    ContactIn,
    ContactProgress,
    ContactReceipt,
    FieldProblem,
    Problem,
    problem_fields,
)
from frontdoor.lib.errors import ActionError
from frontdoor.lib.problems import PROBLEM_MEDIA_TYPE

IDEMPOTENCY_SCOPE = "contacts"
REFERENCE = re.compile(r"[A-Z0-9-]{1,20}")
# receive_contact() names its fields after ContactInput; the API names them after ContactIn.
ACTION_FIELDS = {"subjects": "children", "date_of_birth": "children"}

DESCRIPTION = """\
For partner agencies' systems to send the front door a worry about a child, and to find
out what happened to it.

* Authenticate with `Authorization: Bearer <token>`; a token belongs to one agency and is
  issued with `frontdoor api-token --agency <slug>`.
* Send an `Idempotency-Key` header with every POST: a value unique to that contact (a UUID).
  If the connection drops, send the same request with the same key again: you get back the
  contact first recorded (status 200, header `Idempotent-Replayed: true`), never a second one.
* Errors are RFC 9457 problems (`application/problem+json`); `errors` lists each field at
  fault by its dotted path (`children.0.nhs_number`) with a plain-English message.
* While the service cannot reach its database, every route answers 503 with a problem and
  `Retry-After` (seconds): nothing was recorded; send the request again later, with the same
  `Idempotency-Key`.
* A child in immediate danger: phone 999 as well. The API is not an emergency line.
"""


# Every text field refuses NUL (StrictSchema: PostgreSQL cannot store it); the contract says so.
NO_NUL = "^[^\\u0000]*$"


def _say_no_nul(node: Any) -> None:
    """Give every free-text string in the schema the NUL-free pattern it is validated by."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"enum", "format", "pattern"} & node.keys():
            node["pattern"] = NO_NUL
        for value in node.values():
            _say_no_nul(value)
    elif isinstance(node, list):
        for value in node:
            _say_no_nul(value)


class PartnerAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Problem responses are `application/problem+json`, which ninja cannot declare; text
        fields carry the pattern that says NUL is refused."""
        schema = super().get_openapi_schema(**kwargs)
        _say_no_nul(schema.get("components", {}).get("schemas", {}))
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation["responses"].items():
                    if int(status) >= 400 and "content" in response:
                        response["content"] = {PROBLEM_MEDIA_TYPE: response["content"].popitem()[1]}
        return schema


api = PartnerAPI(
    title="Front Door partner API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,  # the OpenAPI document is the contract; no externally hosted docs UI
    openapi_url="/openapi.json",
    auth=AgencyToken(),
)


def problem(
    status: int, slug: str, title: str, detail: str, errors: list[FieldProblem] | None = None
) -> HttpResponse:
    body = Problem(
        type=f"urn:frontdoor:problem:{slug}",
        title=title,
        status=status,
        detail=detail,
        errors=errors or [],
    )
    return HttpResponse(body.model_dump_json(), status=status, content_type=PROBLEM_MEDIA_TYPE)


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = [
        FieldProblem(field=field, message=message)
        for field, message in problem_fields(error.errors)
    ]
    if any(e.get("loc", ("",))[0] == "query" for e in error.errors):
        return problem(
            422,
            "invalid-request",
            "The query is not valid",
            "Fix the query parameters listed in errors and send the request again.",
            errors,
        )
    if any(e.get("loc", ("",))[0] == "header" for e in error.errors):
        return problem(
            400,
            "invalid-request",
            "The request headers are not valid",
            "Fix the headers listed in errors and send the request again.",
            errors,
        )
    return problem(
        422,
        "invalid-contact",
        "The contact is not valid",
        "Nothing was recorded. Fix the fields listed in errors and send it again.",
        errors,
    )


@api.exception_handler(ActionError)
def refused(request: HttpRequest, error: ActionError) -> HttpResponse:
    field = ACTION_FIELDS.get(error.field or "", error.field or "")
    return problem(
        422,
        "refused",
        "The contact was refused",
        f"Nothing was recorded. {error.message}",
        [FieldProblem(field=field, message=error.message)],
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    response = problem(
        401,
        "unauthorised",
        "Not authenticated",
        "Send a live API token for your agency as 'Authorization: Bearer <token>'.",
    )
    challenge = 'Bearer realm="frontdoor"'
    if request.headers.get("Authorization"):
        challenge += ', error="invalid_token"'  # RFC 6750 §3.1
    response["WWW-Authenticate"] = challenge
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem(
        404,
        "not-found",
        "Not found",
        "There is no contact with that reference sent by your agency.",
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    # Ninja raises these itself, e.g. 400 "Cannot parse request body" for broken JSON.
    return problem(
        error.status_code, "invalid-request", "The request could not be read", str(error)
    )


def body_hash(request: HttpRequest) -> str:
    """sha256 of the body as canonical JSON: key order and spacing do not make it differ."""
    canonical = json.dumps(
        json.loads(request.body), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


IDEMPOTENCY_KEY = Header(
    alias="Idempotency-Key",
    min_length=1,
    max_length=200,
    description="A value unique to this contact, e.g. a UUID. Retrying with the same key and "
    "body returns the first contact (200) instead of recording a second one.",
    example="5f0c1c1e-8f5b-4a4e-9d2e-0f6e2a8d9b71",
)
REPLAYED = {
    "Idempotent-Replayed": {
        "description": "`true` when this is a replay.",
        "schema": {"type": "string", "enum": ["true"]},
    }
}


@api.post(
    "/v1/contacts",
    response={201: ContactReceipt, 200: ContactReceipt, frozenset({400, 401, 422}): Problem},
    summary="Send a contact",
    tags=["contacts"],
    openapi_extra={
        "responses": {
            201: {"description": "Recorded. The decision clock has started."},
            200: {
                "description": "A retry: this Idempotency-Key was used before with the same "
                "body, so this is the contact first recorded.",
                "headers": REPLAYED,
            },
            400: {"description": "No Idempotency-Key, or the body is not JSON."},
            401: {"description": "No token, or a token that is wrong or revoked."},
            422: {
                "description": "A field is not valid, a rule was broken, or the Idempotency-Key "
                "was used before with a different body. Nothing was recorded."
            },
        }
    },
)
def send_contact(
    request: HttpRequest,
    response: HttpResponse,
    payload: ContactIn,
    idempotency_key: str = IDEMPOTENCY_KEY,
) -> Any:
    """Record a worry about one or more children; the front door decides within a working day."""
    agency: Agency = request.auth  # type: ignore[attr-defined]
    try:
        contact, created = receive_contact_once(
            payload.to_input(agency),
            agency=agency,
            key=idempotency_key,
            body_hash=body_hash(request),
            actor_label=system_label(agency),
        )
    except ActionError as error:
        if error.field != "Idempotency-Key":
            raise
        return problem(
            422,
            "idempotency-key-reused",
            error.message,
            f"{error.message}. Use a new key for a new contact.",
            [FieldProblem(field="Idempotency-Key", message=error.message + ".")],
        )
    if not created:
        response["Idempotent-Replayed"] = "true"
        return Status(200, contact)
    response["Location"] = reverse("api:contact_progress", args=[contact.reference])
    return Status(201, contact)


@api.get(
    "/v1/contacts/{reference}",
    response={200: ContactProgress, frozenset({401, 404}): Problem},
    summary="Find out what happened to a contact",
    tags=["contacts"],
    openapi_extra={
        "responses": {
            401: {"description": "No token, or a token that is wrong or revoked."},
            404: {"description": "No contact with that reference was sent by your agency."},
        }
    },
)
def contact_progress(request: HttpRequest, reference: str) -> Contact:
    """The status of a contact your agency sent and, once decided, its outcome.

    Working Together to Safeguard Children expects the referrer to be told what was decided.
    """
    agency: Agency = request.auth  # type: ignore[attr-defined]
    contact = None
    if REFERENCE.fullmatch(reference):  # keeps junk (even NUL bytes) away from the database
        contact = contact_access.visible_to_agency(agency).filter(reference=reference).first()
    if contact is None:
        raise Http404("Not found")
    record_view(
        None,
        contact,
        actor_label=system_label(agency),
        contact_id=contact.pk,
        summary="Status read through the partner API",
    )
    return contact
