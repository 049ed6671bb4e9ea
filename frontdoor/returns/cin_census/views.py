"""The analysts' CIN census page: choose the year, see every failed rule, download the XML."""

from collections import defaultdict
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from frontdoor.accounts.access import ANALYSTS, allow
from frontdoor.audit.log import record_event, record_list_view, record_view
from frontdoor.audit.models import Event
from frontdoor.people.models import Person
from frontdoor.returns.cin_census.collection import census_period, collect
from frontdoor.returns.cin_census.document import to_xml
from frontdoor.returns.cin_census.records import Census, CensusPeriod
from frontdoor.returns.cin_census.rulebook import ERROR, Failure, Rule
from frontdoor.returns.cin_census.rules import RULES, check

# A rule failing for thousands of children is shown in part: the command lists them all.
SHOWN_PER_RULE = 500


def latest_collection_year() -> int:
    """The collection year of the most recent 31 March (the census due for submission)."""
    today = timezone.localdate()
    return today.year if (today.month, today.day) > (3, 31) else today.year - 1


class YearForm(forms.Form):
    year = forms.CharField(
        required=True,
        error_messages={"required": "Enter the collection year, for example 2025."},
    )

    def clean_year(self) -> CensusPeriod:
        """The collection year as a CensusPeriod, or the plain-English reason it is not one."""
        try:
            return census_period(self.cleaned_data["year"].strip())
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


def _log_children_shown(request: HttpRequest, groups: list[dict[str, Any]], year: int) -> None:
    """The page names children (by LA child ID): each shown is an access-log read."""
    shown = {f.person_id for group in groups for f in group["failures"] if f.person_id}
    for person in Person.objects.filter(pk__in=shown).only("pk"):
        record_view(
            request.user,
            person,
            person_id=person.pk,
            summary=f"Listed in the CIN census {year} check",
        )


@allow(ANALYSTS)
@require_GET
def cin_census(request: HttpRequest) -> HttpResponse:
    """Choose a collection year; see every failed DfE rule, with links to the children."""
    form = _form(request)
    context: dict[str, Any] = {"form": form, "census": None}
    if form.is_valid():
        period: CensusPeriod = form.cleaned_data["year"]
        census = collect(period)
        failures = check(census)
        groups = _grouped(failures)
        # Not "errors": the layout shows a context variable of that name as an error summary.
        error_count = sum(1 for failure in failures if failure.severity == ERROR)
        _log_children_shown(request, groups, period.year)
        context.update(
            census=census,
            period=period,
            groups=groups,
            error_count=error_count,
            query_count=len(failures) - error_count,
            shown_per_rule=SHOWN_PER_RULE,
            rule_count=len(RULES),
        )
    return render(request, "returns/cin_census.html", context)


def _person_ids(census: Census) -> set[int]:
    return {child.person_id for child in census.children if child.person_id}


@allow(ANALYSTS)
@require_GET
def cin_census_download(request: HttpRequest) -> HttpResponse:
    """The census XML for the chosen year; every download is audited (it names children)."""
    form = _form(request)
    if not form.is_valid():
        return render(request, "returns/cin_census.html", {"form": form, "census": None})
    period: CensusPeriod = form.cleaned_data["year"]
    census: Census = collect(period)
    if not census.children:  # the schema needs at least one child: nothing to download
        return render(request, "returns/cin_census.html", {"form": form, "census": census})
    document = to_xml(census)
    children = Person.objects.filter(pk__in=_person_ids(census)).only("pk")
    record_list_view(
        request.user,
        ((child, child.pk, None) for child in children),
        summary=f"In the CIN census {period.year} download",
    )
    record_event(
        Event.Action.EXPORT,
        request.user,  # type: ignore[arg-type]
        user=request.user,
        summary=f"CIN census {period.year} downloaded ({len(census.children)} children)",
        changes={"return": "cin-census", "year": period.year, "children": len(census.children)},
    )
    response = HttpResponse(document, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="cin-census-{period.year}.xml"'
    return response
