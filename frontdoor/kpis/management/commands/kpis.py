"""`frontdoor kpis --from 2022-04-01 --to 2023-03-31 [--format json|table]`."""

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import AGENCY_MEASURES, KPIS, agency_rows, measure_all


def _date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{value!r} is not a date like 2023-03-31.") from error


class Command(BaseCommand):
    help = (
        "Print the front-door KPIs for a period (both dates included). Rates are percentages "
        "to one decimal place (re_referral_rate 11.9 means 11.9%); null when nothing to divide by."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="first", required=True, help="first day, 2022-04-01")
        parser.add_argument("--to", dest="last", required=True, help="last day, 2023-03-31")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        """Print every KPI for the period, as JSON or as a table."""
        period = Period(_date(options["first"]), _date(options["last"]))
        if period.last < period.first:
            raise CommandError("--to must not be before --from.")
        figures = measure_all(period)
        if options["format"] == "json":
            self.stdout.write(json.dumps(figures, indent=2))
            return
        self.stdout.write(
            f"Front-door KPIs, {period.first} to {period.last} "
            f"(population 0-17: {figures['population']:,})"
        )
        for kpi in KPIS:
            value = figures[kpi.key]
            shown = (
                "–"
                if value is None
                else f"{value:,}" + ("%" if kpi.unit == "%" else f" {kpi.unit}" if kpi.unit else "")
            )
            self.stdout.write(f"  {kpi.label:<40} {shown:>14}")
        self._agency_table(figures)
        achieved = figures["early_help_outcomes_achieved_by_heading"]
        self.stdout.write("\nEarly help: outcomes achieved, by heading")
        for heading, families in achieved.items():
            self.stdout.write(f"  {heading:<24} {families:>8,}")

    def _agency_table(self, figures: dict[str, Any]) -> None:
        """The MASH checks of each agency: one line per agency, one column per measure."""
        rows = agency_rows(figures)
        self.stdout.write("\nMASH checks by agency")
        if not rows:
            self.stdout.write("  No checks asked, answered or overdue in the period.")
            return
        widths = [max(len(m.label), 8) for m in AGENCY_MEASURES]
        header = "".join(f" {m.label:>{w}}" for m, w in zip(AGENCY_MEASURES, widths, strict=True))
        self.stdout.write(f"  {'Agency':<24}{header}")
        for row in rows:
            cells = "".join(
                f" {_shown(row[m.key], m.unit):>{w}}"
                for m, w in zip(AGENCY_MEASURES, widths, strict=True)
            )
            self.stdout.write(f"  {row['agency']:<24}{cells}")


def _shown(value: Any, unit: str) -> str:
    if value is None:
        return "–"
    return f"{value:,}" + ("%" if unit == "%" else f" {unit}" if unit else "")
