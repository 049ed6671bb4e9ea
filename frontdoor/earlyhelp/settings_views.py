"""The council's list of early-help services, edited by an administrator from the settings."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from frontdoor.accounts.access import ADMINISTRATORS, AuthenticatedRequest, allow
from frontdoor.accounts.settings_sections import SettingsSection, register_settings_section
from frontdoor.earlyhelp.actions import save_service
from frontdoor.earlyhelp.forms import ServiceForm
from frontdoor.earlyhelp.models import Service
from frontdoor.lib.forms import submit


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def edit_service(request: AuthenticatedRequest, service_id: int | None = None) -> HttpResponse:
    service = get_object_or_404(Service, pk=service_id) if service_id else None
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and submit(
        form, lambda data: save_service(request.user, service, **data)
    ):
        messages.success(request, "Early-help service saved.")
        return redirect("accounts:settings")
    fields = ["name", "description", "order", "is_active"]
    context = {"form": form, "title": "Early-help service", "fields": fields}
    return render(request, "accounts/admin/edit.html", context, status=400 if form.errors else 200)


def register() -> None:
    """Show the services on the settings page (called from EarlyhelpConfig.ready())."""
    register_settings_section(
        SettingsSection(
            "early-help-services",
            "earlyhelp/_settings_services.html",
            lambda: {"services": Service.objects.all()},
            order=30,
        )
    )
