"""The analysts' SSDA903 page: choose the year, see every failed rule, download the files."""

from collections import defaultdict
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import ANALYSTS, allow
from frontdoor.audit.log import record_event, record_list_view, record_view
from frontdoor.audit.models import Event
from frontdoor.people.models import Person
from frontdoor.returns.cin_census.views import latest_collection_year
from frontdoor.returns.ssda903.collection import collect, collection_period
from frontdoor.returns.ssda903.records import Period, Return
from frontdoor.returns.ssda903.rulebook import ERROR, Failure, Rule
from frontdoor.returns.ssda903.rules import RULES, check
from frontdoor.returns.ssda903.tables import TABLES, to_zip

# A rule failing for thousands of children is shown in part: the command lists them all.
SHOWN_PER_RULE = 500
TEMPLATE = "returns/ssda903.html"


class YearForm(forms.Form):
    year = forms.CharField(
        required=True,
        error_messages={"required": "Enter the collection year, for example 2025."},
    )

    def clean_year(self) -> Period:
        try:
            return collection_period(self.cleaned_data["year"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


def _form(request: HttpRequest) -> YearForm:
    chosen = bool(request.GET)
    return YearForm(request.GET if chosen else None, initial={"year": latest_collection_year()})


def _grouped(failures: list[Failure]) -> list[dict[str, Any]]:
    by_rule: dict[Rule, list[Failure]] = defaultdict(list)
    for failure in failures:
        by_rule[failure.rule].append(failure)
    return [
        {"rule": rule, "failures": by_rule[rule][:SHOWN_PER_RULE], "count": len(by_rule[rule])}
        for rule in RULES
        if by_rule[rule]
    ]


@allow(ANALYSTS)
@require_GET
def ssda903(request: HttpRequest) -> HttpResponse:
    """Choose a collection year; see every failed rule, with links to the children."""
    form = _form(request)
    context: dict[str, Any] = {"form": form, "found": None}
    if form.is_valid():
        period: Period = form.cleaned_data["year"]
        found = collect(period)
        failures = check(found)
        groups = _grouped(failures)
        shown = {f.person_id for group in groups for f in group["failures"] if f.person_id}
        for person in Person.objects.filter(pk__in=shown).only("pk"):
            record_view(
                request.user,
                person,
                person_id=person.pk,
                summary=f"Listed in the SSDA903 {period.year} check",
            )
        error_count = sum(1 for failure in failures if failure.severity == ERROR)
        context.update(
            found=found,
            period=period,
            groups=groups,
            error_count=error_count,
            query_count=len(failures) - error_count,
            shown_per_rule=SHOWN_PER_RULE,
            tables=[(t.name, t.filename, len(t.rows(found))) for t in TABLES],
        )
    return render(request, TEMPLATE, context)


@allow(ANALYSTS)
@require_GET
def ssda903_download(request: HttpRequest) -> HttpResponse:
    """Every table's CSV file for the chosen year, in one zip; every download is audited."""
    form = _form(request)
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form, "found": None})
    period: Period = form.cleaned_data["year"]
    found: Return = collect(period)
    children = Person.objects.filter(pk__in=[c.person_id for c in found.children]).only("pk")
    record_list_view(
        request.user,
        ((child, child.pk, None) for child in children),
        summary=f"In the SSDA903 {period.year} download",
    )
    record_event(
        Event.Action.EXPORT,
        request.user,  # type: ignore[arg-type]
        user=request.user,
        summary=f"SSDA903 {period.year} downloaded ({len(found.children)} children)",
        changes={"return": "ssda903", "year": period.year, "children": len(found.children)},
    )
    response = HttpResponse(to_zip(found), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="ssda903-{period.year}.zip"'
    return response
