"""Sends a signed-in user who still owes a second factor to verify it (or set it up)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from frontdoor.accounts import mfa

EXEMPT_PREFIXES = ("/sign-in", "/sign-out", "/mfa/", "/static/", "/healthz", "/readyz", "/api/")


class MFAMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and mfa.needs_mfa(user)  # type: ignore[arg-type]
            and not mfa.is_verified(request)
        ):
            target = "accounts:mfa-verify" if user.totp_confirmed else "accounts:mfa-setup"  # type: ignore[union-attr]
            return redirect(target)
        return self.get_response(request)
