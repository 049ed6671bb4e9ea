from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from frontdoor.accounts import actions, mfa
from frontdoor.accounts.access import AuthenticatedRequest, public, signed_in
from frontdoor.accounts.forms import EnrolmentForm, SignInForm, TotpForm
from frontdoor.accounts.landing import landing_url
from frontdoor.audit.log import record_event
from frontdoor.audit.models import Event


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@public
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
        )
        if user is None:
            form.add_error(None, "The username or password is not right.")
        else:
            login(request, user)
            record_event(Event.Action.SIGN_IN, user, user=user, summary="Signed in")
            return redirect(_next_url(request) or landing_url(user))  # type: ignore[arg-type]
    return render(request, "accounts/sign_in.html", {"form": form, "next": _next_url(request)})


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    return render(request, "accounts/locked_out.html", status=429)


@public
@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
        return redirect("accounts:sign-in")
    return render(request, "accounts/sign_out.html", {})


def _second_factor_locked(request: AuthenticatedRequest) -> HttpResponse:
    """Too many wrong codes: sign the session out and say for how long the lock lasts."""
    logout(request)
    return render(request, "accounts/mfa_locked.html", status=429)


WRONG_CODE = "That code is not right. Check the time on your phone."


@signed_in
@require_http_methods(["GET", "POST"])
def mfa_setup(request: AuthenticatedRequest) -> HttpResponse:
    """Set up an authenticator app, with the enrolment code an administrator issued (ADR 0013)."""
    user = request.user
    if actions.second_factor_locked(user):
        return _second_factor_locked(request)
    secret = request.session.get("mfa_pending_secret") or mfa.new_secret()
    request.session["mfa_pending_secret"] = secret
    form = EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = actions.enrol_second_factor(user, secret, data["code"], data["enrolment_code"])
        if outcome == actions.SecondFactor.ACCEPTED:
            mfa.mark_verified(request)
            del request.session["mfa_pending_secret"]
            return redirect(landing_url(user))
        if outcome == actions.SecondFactor.LOCKED:
            return _second_factor_locked(request)
        if outcome == actions.SecondFactor.NO_ENROLMENT_CODE:
            form.add_error("enrolment_code", NO_ENROLMENT_CODE)
        else:
            form.add_error("code", "The enrolment code or the code from your app is not right.")
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "secret": secret,
            "qr_svg": mfa.provisioning_svg(user, secret),
            "has_code": actions.has_live_enrolment_code(user),
        },
    )


NO_ENROLMENT_CODE = (
    "You have no enrolment code, or it has expired. Ask an administrator to issue you one."
)


@signed_in
@require_http_methods(["GET", "POST"])
def mfa_verify(request: AuthenticatedRequest) -> HttpResponse:
    if actions.second_factor_locked(request.user):
        return _second_factor_locked(request)
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = actions.check_second_factor(request.user, form.cleaned_data["code"])
        if outcome == actions.SecondFactor.ACCEPTED:
            mfa.mark_verified(request)
            return redirect(landing_url(request.user))
        if outcome == actions.SecondFactor.LOCKED:
            return _second_factor_locked(request)
        form.add_error("code", WRONG_CODE)
    return render(request, "accounts/mfa_verify.html", {"form": form})
