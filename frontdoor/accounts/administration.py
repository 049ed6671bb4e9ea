"""Administrator pages: partner agencies and staff accounts, and the sections other apps add
to the settings page (accounts.settings_sections)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdoor.accounts import actions
from frontdoor.accounts.access import ADMINISTRATORS, AuthenticatedRequest, allow
from frontdoor.accounts.models import Agency, Role, Team, User
from frontdoor.accounts.settings_sections import settings_sections
from frontdoor.lib.errors import ActionError
from frontdoor.lib.forms import submit


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "slug", "is_active"]
        error_messages = {
            "name": {"required": "Enter the agency's name."},
            "slug": {
                "required": "Enter a short name for the API, like police.",
                "invalid": "Use only letters, numbers and hyphens.",
            },
        }


class AccountForm(forms.Form):
    """An existing account's details (the username and password are not changed here)."""

    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(choices=Role.choices, error_messages={"required": "Choose a role."})
    team = forms.ModelChoiceField(queryset=Team.objects.all(), required=False, empty_label="None")
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), required=False, empty_label="None"
    )


class UserForm(AccountForm):
    """A new account: its details, a username and a first password."""

    username = forms.RegexField(
        regex=r"^[\w.@+-]{3,150}$",
        error_messages={
            "required": "Enter a username.",
            "invalid": "Use 3 or more letters, digits or . @ + - _",
        },
    )
    password = forms.CharField(
        min_length=12,
        widget=forms.PasswordInput,
        error_messages={
            "required": "Enter a first password.",
            "min_length": "The password must be at least 12 characters.",
        },
    )
    field_order = ["username", "first_name", "last_name", "email", "role", "team", "agency"]


ACCOUNT_CHANGES = {
    "deactivate": (
        lambda user, account: actions.set_account_active(user, account, active=False),
        "Account deactivated: its sessions have ended.",
    ),
    "reactivate": (
        lambda user, account: actions.set_account_active(user, account, active=True),
        "Account reactivated.",
    ),
    "unlock": (actions.unlock_account, "Account unlocked: it can sign in again."),
}


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def edit_user(request: AuthenticatedRequest, user_id: int) -> HttpResponse:
    account = get_object_or_404(User.objects.select_related("team", "agency"), pk=user_id)
    initial = {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "role": account.role,
        "team": account.team_id,
        "agency": account.agency_id,
    }
    form = AccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and submit(
        form, lambda data: actions.update_staff_user(request.user, account, **data)
    ):
        messages.success(request, "Account saved.")
        return redirect("accounts:edit-user", user_id=account.pk)
    return render(
        request,
        "accounts/admin/account.html",
        {
            "form": form,
            "account": account,
            "fields": ["first_name", "last_name", "email", "role", "team", "agency"],
            "locked": is_locked_out(account),
        },
        status=400 if form.errors else 200,
    )


@allow(ADMINISTRATORS)
@require_POST
def change_account(request: AuthenticatedRequest, user_id: int, change: str) -> HttpResponse:
    """Deactivate, reactivate, unlock or reset the second factor of an account."""
    account = get_object_or_404(User, pk=user_id)
    if change not in ACCOUNT_CHANGES:
        raise Http404("No such change")
    act, done = ACCOUNT_CHANGES[change]
    try:
        act(request.user, account)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("accounts:edit-user", user_id=account.pk)


def is_locked_out(account: User) -> bool:
    """Whether failed sign-ins (django-axes, by username) or wrong second-factor codes have
    locked the account."""
    from axes.models import AccessAttempt

    return (
        actions.second_factor_locked(account)
        or AccessAttempt.objects.filter(
            username=account.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).exists()
    )


@allow(ADMINISTRATORS)
@require_GET
def settings_home(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "accounts/admin/home.html",
        {
            "agencies": Agency.objects.all(),
            "sections": settings_sections(),
            "users": User.objects.select_related("team", "agency").order_by("username")[:500],
        },
    )


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def edit_agency(request: AuthenticatedRequest, agency_id: int | None = None) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id) if agency_id else None
    form = AgencyForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        actions.save_agency(request.user, agency, **form.cleaned_data)
        messages.success(request, "Agency saved.")
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/admin/edit.html",
        {"form": form, "title": "Partner agency", "fields": ["name", "slug", "is_active"]},
    )


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def new_user(request: AuthenticatedRequest) -> HttpResponse:
    form = UserForm(request.POST or None)
    if request.method == "POST" and (
        created := submit(form, lambda data: actions.create_staff_user(request.user, **data))
    ):
        return _show_enrolment_code(request, created.result, "Account created")
    return render(
        request,
        "accounts/admin/edit.html",
        {
            "form": form,
            "title": "New account",
            "fields": [
                "username",
                "first_name",
                "last_name",
                "email",
                "role",
                "team",
                "agency",
                "password",
            ],
        },
    )


def _show_enrolment_code(request: AuthenticatedRequest, account: User, done: str) -> HttpResponse:
    code = actions.issue_enrolment_code(request.user, account)
    return render(
        request,
        "accounts/admin/enrolment_code.html",
        {"account": account, "code": code, "done": done, "hours": actions.enrolment_lifetime()},
    )


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def enrolment_code(request: AuthenticatedRequest, user_id: int) -> HttpResponse:
    """Issue a one-time code with which the person sets up a (new) second factor (ADR 0013)."""
    account = get_object_or_404(User, pk=user_id)
    if request.method == "POST":
        return _show_enrolment_code(request, account, "Enrolment code issued")
    return render(request, "accounts/admin/confirm_enrolment_code.html", {"account": account})
