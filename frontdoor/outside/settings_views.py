"""The council's push and pull factors, edited by an administrator from the settings page."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from frontdoor.accounts.access import ADMINISTRATORS, AuthenticatedRequest, allow
from frontdoor.accounts.settings_sections import SettingsSection, register_settings_section
from frontdoor.lib.errors import ActionError
from frontdoor.lib.forms import add_action_error
from frontdoor.outside.actions import save_push_pull_factor
from frontdoor.outside.models import PushPullFactor


class FactorForm(forms.ModelForm):
    class Meta:
        model = PushPullFactor
        fields = ["code", "name", "direction", "order", "is_active"]
        labels = {"is_active": "Offered on new return home interviews"}


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def edit_factor(request: AuthenticatedRequest, factor_id: int | None = None) -> HttpResponse:
    factor = get_object_or_404(PushPullFactor, pk=factor_id) if factor_id else None
    form = FactorForm(request.POST or None, instance=factor)
    if request.method == "POST" and form.is_valid():
        try:
            save_push_pull_factor(request.user, factor, **form.cleaned_data)
        except ActionError as error:
            add_action_error(form, error)
        else:
            messages.success(request, "Push or pull factor saved.")
            return redirect("accounts:settings")
    return render(
        request,
        "accounts/admin/edit.html",
        {"form": form, "title": "Push or pull factor", "fields": list(FactorForm.Meta.fields)},
        status=400 if form.errors else 200,
    )


def register() -> None:
    """Show the factors on the settings page (called from OutsideConfig.ready())."""
    register_settings_section(
        SettingsSection(
            "outside:push-pull-factors",
            "outside/_settings_factors.html",
            lambda: {"factors": PushPullFactor.objects.all()},
            order=40,
        )
    )
