"""Pages for analysts: the CIN census and SSDA903 checks and the Ofsted Annex A download."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import ANALYSTS, allow


@allow(ANALYSTS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The statutory returns an analyst can check and download."""
    return render(request, "returns/index.html")
