"""What a request gets when something goes wrong below the view: never a bare 500.

* The database unreachable (`OperationalError`, `InterfaceError`, wherever raised: a view, the
  session or authentication middleware, saving the session) → 503 with `Retry-After`: a GOV.UK
  "Sorry, the service is unavailable" page, or on /api/ a JSON problem. Django turns an
  exception raised in a middleware into a response at that middleware, so the one place that
  sees them all is the 500 handler (`handler500` in urls.py), which still holds the exception.
  Each request runs in its own transaction or none, so a fault leaves no half-written record.
* Every error on /api/ is a problem (`application/problem+json`): Django's 400 (a body over
  DATA_UPLOAD_MAX_MEMORY_SIZE), 403, 404 and 500, and a 405 from the router, are rewritten by
  `ApiProblemsMiddleware`.
"""

import logging
import sys
from collections.abc import Callable
from http import HTTPStatus

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from frontdoor.lib.problems import is_problem, problem_response

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 30
DATABASE_FAULTS = (OperationalError, InterfaceError)
log = logging.getLogger(__name__)


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def is_database_fault(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, DATABASE_FAULTS):
            return True
        error = error.__cause__ or error.__context__
    return False


def _page(title: str, lines: list[str], status: int) -> HttpResponse:
    # A page that needs no database: no user, no messages, no navigation (layout blocks).
    html = render_to_string("problem_page.html", {"title": title, "lines": lines})
    return HttpResponse(html, status=status)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    retry = str(RETRY_AFTER_SECONDS)
    if is_api(request):
        response = problem_response(
            503,
            "service-unavailable",
            "The service is unavailable",
            "The database cannot be reached. Nothing was recorded by this request; "
            f"send it again after {RETRY_AFTER_SECONDS} seconds (with the same Idempotency-Key).",
        )
    else:
        response = _page(
            "Sorry, the service is unavailable",
            [
                "Front Door cannot reach its database at the moment.",
                "Anything you were saving has not been saved. Try again in a minute.",
                "If a child is in immediate danger, phone 999.",
            ],
            503,
        )
    response["Retry-After"] = retry
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database fault is a 503; anything else a 500 in the route's own shape."""
    error = sys.exc_info()[1]
    if is_database_fault(error):
        log.warning("Database unavailable: %s %s: %r", request.method, request.path, error)
        return service_unavailable(request)
    if is_api(request):
        return problem_response(
            500,
            "server-error",
            "Something went wrong",
            "The error has been logged. Nothing was recorded by this request.",
        )
    return _page(
        "Sorry, there is a problem with the service",
        ["The error has been logged. Anything you were saving has not been saved."],
        500,
    )


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: a body too large to read is 413 (Content Too Large), not a bare 400."""
    if isinstance(exception, RequestDataTooBig):
        if is_api(request):
            return problem_response(
                413, "content-too-large", "The request body is too large", DETAILS[413]
            )
        return _page("The request is too large", [DETAILS[413]], 413)
    return _page(
        "Sorry, Front Door could not read that request",
        ["Go back and try again. If you followed a link, it may be broken."],
        400,
    )


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404: the council's page with a way back (a record you may not open is a 404 too,
    so the page never says whether it exists)."""
    return _page(
        "Page not found",
        [
            "If you typed the web address, check it is correct.",
            "If you pasted the web address, check you copied the entire address.",
            "If you followed a link to a record, you may not have access to it.",
        ],
        404,
    )


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler403 (and CSRF failures): the council's page with a way back."""
    return _page(
        "You cannot do that here",
        [
            "Your form may have expired: go back, reload the page and try again.",
            "If this keeps happening, ask your administrator.",
        ],
        403,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return permission_denied(request, Exception(reason))


class ApiProblemsMiddleware:
    """Any error response on /api/ that is not yet a problem becomes one (same status)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_api(request) or response.status_code < 400 or is_problem(response):
            return response
        status = response.status_code
        title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        detail = DETAILS.get(status, "The request could not be handled.")
        problem = problem_response(status, title.lower().replace(" ", "-"), title, detail)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                problem[header] = response[header]
        return problem


DETAILS = {
    400: "The request could not be read.",
    403: "You may not do that.",
    404: "There is nothing at this address. The contract is at /api/openapi.json.",
    405: "This address does not take that method; the Allow header lists those it takes.",
    413: "The request body is too large: send at most 2.5 MB.",
}
