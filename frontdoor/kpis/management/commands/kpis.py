"""`frontdoor kpis --from 2022-04-01 --to 2023-03-31 [--format json|table]`."""

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.kpis.definitions import KPIS, Period, measure_all


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
