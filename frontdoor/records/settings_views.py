"""The retention schedule's rules, edited by an administrator from the settings page."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from frontdoor.accounts.access import ADMINISTRATORS, AuthenticatedRequest, allow
from frontdoor.accounts.settings_sections import SettingsSection, register_settings_section
from frontdoor.audit.log import save_and_record
from frontdoor.records.models import RetentionRule


class RuleForm(forms.ModelForm):
    class Meta:
        model = RetentionRule
        fields = ["label", "anchor", "years", "until_age", "basis"]
        labels = {
            "anchor": "Counted from",
            "years": "Years kept",
            "until_age": "Kept at least until this birthday (optional)",
            "basis": "Basis (the law or local policy)",
        }


@allow(ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def edit_rule(request: AuthenticatedRequest, rule_id: int) -> HttpResponse:
    rule = get_object_or_404(RetentionRule, pk=rule_id)
    form = RuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        save_and_record(request.user, rule, form.cleaned_data, "Retention rule changed: {label}")
        messages.success(request, "Retention rule saved.")
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/admin/edit.html",
        {"form": form, "title": "Retention rule", "fields": list(RuleForm.Meta.fields)},
        status=400 if form.errors else 200,
    )


def register() -> None:
    """Show the retention rules on the settings page (called from RecordsConfig.ready())."""
    register_settings_section(
        SettingsSection(
            "records:retention-rules",
            "records/_settings_rules.html",
            lambda: {"rules": RetentionRule.objects.all()},
            order=60,
        )
    )
