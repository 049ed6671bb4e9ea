from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import public
from frontdoor.accounts.landing import landing_url

RETRY_AFTER_SECONDS = 10


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(landing_url(request.user))  # type: ignore[arg-type]
    return redirect("accounts:sign-in")


@public
@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. It asks nothing of the database, so an outage there
    does not get a healthy application server restarted (`/readyz` says whether to send
    it traffic)."""
    return JsonResponse({"status": "ok"})


@public
@never_cache
@require_GET
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: the database takes a query. 503 (with Retry-After) while it does not; the
    next call after it is back answers 200, on a new connection, without a restart."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        connection.close()  # the next request opens a new connection
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ready", "database": "ok"})
