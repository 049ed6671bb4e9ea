"""The council's continuum of need, edited by an administrator from the settings page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from frontdoor.accounts.access import ADMINISTRATORS, AuthenticatedRequest, allow
from frontdoor.accounts.settings_sections import SettingsSection, register_settings_section
from frontdoor.contacts.actions import save_level_of_need
from frontdoor.contacts.forms import LevelForm
from frontdoor.contacts.models import LevelOfNeed
from frontdoor.lib.forms import submit


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def edit_level(request: AuthenticatedRequest, level_id: int | None = None) -> HttpResponse:
    level = get_object_or_404(LevelOfNeed, pk=level_id) if level_id else None
    form = LevelForm(request.POST or None, instance=level)
    if request.method == "POST" and submit(
        form, lambda data: save_level_of_need(request.user, level, **data)
    ):
        messages.success(request, "Level of need saved.")
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/admin/edit.html",
        {"form": form, "title": "Level of need", "fields": ["rank", "name", "description"]},
    )


def register() -> None:
    """Show the levels on the settings page (called from ContactsConfig.ready())."""
    register_settings_section(
        SettingsSection(
            "levels-of-need",
            "contacts/_settings_levels.html",
            lambda: {"levels": LevelOfNeed.objects.all()},
            order=20,
        )
    )
