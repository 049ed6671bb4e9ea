from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import public
from frontdoor.accounts.landing import landing_url


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(landing_url(request.user))  # type: ignore[arg-type]
    return redirect("accounts:sign-in")


@public
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers and the database takes a query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
