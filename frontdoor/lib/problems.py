"""RFC 9457 problem responses (`application/problem+json`), the API's one error shape."""

import json
from typing import Any

from django.http import HttpResponse

PROBLEM_MEDIA_TYPE = "application/problem+json"


def problem_response(
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    **headers: str,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": f"urn:frontdoor:problem:{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        "errors": errors or [],
    }
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_MEDIA_TYPE)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def is_problem(response: HttpResponse) -> bool:
    return str(response.get("Content-Type", "")).startswith(PROBLEM_MEDIA_TYPE)
