"""The analysts' Ofsted Annex A page: choose the as-of date, see each list's rows, download."""

import datetime as dt
from io import BytesIO

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import ANALYSTS, allow
from frontdoor.audit.log import record_event
from frontdoor.audit.models import Event
from frontdoor.lib.forms import GovukDateField
from frontdoor.returns.annex_a.workbook import build_lists, write_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AsOfForm(forms.Form):
    as_of = GovukDateField(
        required=True, error_messages={"required": "Enter the date the lists run to."}
    )

    def clean_as_of(self) -> dt.date:
        """The as-of date, from 2000 onwards."""
        as_of: dt.date = self.cleaned_data["as_of"]
        if as_of.year < 2000:
            raise forms.ValidationError("Enter a date in 2000 or later.")
        return as_of


def _form(request: HttpRequest) -> AsOfForm:
    chosen = bool(request.GET)
    return AsOfForm(request.GET if chosen else None, initial={"as_of": timezone.localdate()})


@allow(ANALYSTS)
@require_GET
def annex_a(request: HttpRequest) -> HttpResponse:
    """Choose the as-of date; see how many rows each list has before downloading."""
    form = _form(request)
    sheets = build_lists(form.cleaned_data["as_of"]) if form.is_valid() else None
    return render(
        request,
        "returns/annex_a.html",
        {"form": form, "sheets": sheets, "query": request.GET.urlencode()},
    )


@allow(ANALYSTS)
@require_GET
def annex_a_download(request: HttpRequest) -> HttpResponse:
    """The workbook as an .xlsx download; every download is audited (it names children)."""
    form = _form(request)
    if not form.is_valid():
        return render(request, "returns/annex_a.html", {"form": form, "sheets": None})
    as_of: dt.date = form.cleaned_data["as_of"]
    sheets = build_lists(as_of)
    content = BytesIO()
    write_workbook(sheets, content)
    record_event(
        Event.Action.EXPORT,
        request.user,  # type: ignore[arg-type]
        user=request.user,
        summary=f"Ofsted Annex A downloaded, as at {as_of:%d/%m/%Y}",
        changes={
            "return": "annex-a",
            "as_of": as_of.isoformat(),
            "rows": {sheet.name: len(sheet.rows) for sheet in sheets},
        },
    )
    response = HttpResponse(content.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="annex-a-{as_of.isoformat()}.xlsx"'
    return response
